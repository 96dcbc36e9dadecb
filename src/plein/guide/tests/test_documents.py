import io

import pytest
from django.urls import reverse

from plein.actions.tests.factories import ActionFactory
from plein.guide import services
from plein.guide.choices import VersionStatus
from plein.guide.models import Step

from .factories import PartnerFactory, TrajectoryFactory, published_guide

pytestmark = pytest.mark.django_db


@pytest.fixture
def filled_route(world):
    published_guide()
    trajectory = TrajectoryFactory(library=world.library, name="Ontwikkelplein Centrum")
    user = world.users["coordinator"]
    answers = {
        "partners": {"welke-partners": "Het Leerwerkloket en SeniorWeb"},
        "financien": {"kosten": "Ongeveer 40.000 euro per jaar", "wie-betaalt": "Gemeente en bibliotheek"},
        "doelgroepen": {"voor-wie": "Anderstaligen en senioren"},
    }
    for key, given in answers.items():
        step = Step.objects.get(version__status=VersionStatus.PUBLISHED, key=key)
        services.step_save(trajectory=trajectory, step=step, acting_user=user, answers=given, ticked=set())
    PartnerFactory(trajectory=trajectory, name="Leerwerkloket", roles=["spreekuur"], themes=["werk"])
    step = Step.objects.get(version__status=VersionStatus.PUBLISHED, key="partners")
    services.answer_to_action(trajectory=trajectory, step=step, item_key="welke-partners", acting_user=user)
    ActionFactory(library=world.library, title="Poster ophangen")
    return trajectory


def _blocks(document):
    """Paragraphs and tables of the body, in order."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in document.element.body.iterchildren():
        if child.tag.endswith("}p"):
            yield Paragraph(child, document)
        elif child.tag.endswith("}tbl"):
            yield Table(child, document)


def test_docx_has_the_library_answers_under_their_headings_partners_and_actions(client, world, filled_route):
    from docx import Document

    client.force_login(world.users["coordinator"])
    response = client.get(reverse("guide:plan_docx", kwargs={"uuid": filled_route.uuid}))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    document = Document(io.BytesIO(response.content))

    heading, headings, under = None, [], {}
    tables = {}
    for block in _blocks(document):
        if hasattr(block, "style") and block.style.name.startswith(("Heading", "Title")):
            heading = block.text
            headings.append((block.style.name, block.text))
        elif hasattr(block, "rows"):
            tables[heading] = [[c.text for c in row.cells] for row in block.rows]
        else:
            under.setdefault(heading, []).append(block.text)

    assert ("Title", "Projectplan Ontwikkelplein") in headings
    assert "Bibliotheek Eigen" in "\n".join(under.get(None, []) + under["Projectplan Ontwikkelplein"])
    assert ("Heading 1", "Ontwerpen") in headings and ("Heading 2", "Partners") in headings
    assert "Het Leerwerkloket en SeniorWeb" in under["Partners"]
    assert "Anderstaligen en senioren" in under["Doelgroepen"]
    assert "Ongeveer 40.000 euro per jaar" in under["Financiën"]
    # A real table-of-contents field.
    assert 'TOC \\o "1-2"' in document.element.body.xml
    # Tables: partners, planning (the actions), budget.
    partners = tables["Partners"]
    assert partners[0] == ["Partner", "Rol", "Thema's", "Afspraak"]
    assert partners[1][:3] == ["Leerwerkloket", "Houdt spreekuur", "Werk"]
    planning = [row[0] for row in tables["Planning"]]
    assert "Het Leerwerkloket en SeniorWeb" in planning and "Poster ophangen" in planning
    assert ["Wie betaalt mee, en hoeveel?", "Gemeente en bibliotheek"] in tables["Begroting"]


def test_pdf_is_made_from_the_same_content(client, world, filled_route):
    from django.template.loader import render_to_string

    from plein.guide.documents import plan_data

    client.force_login(world.users["facilitator"])
    response = client.get(reverse("guide:plan_pdf", kwargs={"uuid": filled_route.uuid}))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF") and response.content.rstrip().endswith(b"%%EOF")
    # The PDF is this HTML, printed: check what it says.
    html = render_to_string("guide/plan_pdf.html", {"plan": plan_data(filled_route)})
    for expected in [
        "Bibliotheek Eigen",
        "<h3>Partners</h3>",
        "Het Leerwerkloket en SeniorWeb",
        "<td>Leerwerkloket</td>",
        "<td>Poster ophangen</td>",
        "<h2>Begroting</h2>",
        "Ongeveer 40.000 euro per jaar",
    ]:
        assert expected in html, expected


def test_project_plan_lists_the_emb_portfolio(client, world, filled_route):
    from docx import Document

    from plein.emb.tests.factories import PortfolioEntryFactory

    PortfolioEntryFactory(library=world.library)
    client.force_login(world.users["coordinator"])
    response = client.get(reverse("guide:plan_docx", args=[filled_route.uuid]))
    document = Document(io.BytesIO(response.content))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert "De andere programma's van de bibliotheek" in headings
    tables_text = [" ".join(c.text for c in t.rows[1].cells) for t in document.tables if len(t.rows) > 1]
    entry = world.library.emb_portfolio.get()
    assert any(entry.programme.name in text for text in tables_text)
