import io

import pytest
from django.urls import reverse

from plein.actions.tests.factories import ActionFactory
from plein.guide import services
from plein.guide.choices import VersionStatus
from plein.guide.models import Step
from plein.site.tests.pdf import assert_valid_pdf

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
    info = assert_valid_pdf(response.content)
    assert info.title.startswith("Projectplan Ontwikkelplein") and "Bibliotheek Eigen" in info.title
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


def _docx_parts(content: bytes) -> dict:
    import zipfile

    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return {name: archive.read(name).decode("utf-8") for name in archive.namelist() if name.endswith(".xml")}


def _toc_entries(document) -> list:
    """The text of the paragraphs inside the table-of-contents field (between its begin and end)."""
    from docx.oxml.ns import qn

    entries, inside = [], False
    for p in document.element.body.iter(qn("w:p")):
        kinds = [c.get(qn("w:fldCharType")) for c in p.iter(qn("w:fldChar"))]
        instr = "".join(t.text or "" for t in p.iter(qn("w:instrText")))
        if "begin" in kinds and "TOC" in instr:
            inside = True
        if inside:
            text = "".join(t.text or "" for t in p.iter(qn("w:t"))).strip()
            if text:
                entries.append(text)
        if inside and "end" in kinds:
            break
    return entries


def test_docx_is_dutch_with_real_properties_filled_contents_and_header_rows(client, world, filled_route):
    import datetime

    import time_machine
    from docx import Document
    from docx.oxml.ns import qn

    client.force_login(world.users["coordinator"])
    made = datetime.datetime(2026, 3, 2, 9, 30, tzinfo=datetime.UTC)
    with time_machine.travel(made, tick=False):
        response = client.get(reverse("guide:plan_docx", kwargs={"uuid": filled_route.uuid}))
    parts = _docx_parts(response.content)

    # Dutch, everywhere: the default run properties, Normal, and no English left in any part.
    styles = parts["word/styles.xml"]
    assert '<w:lang w:val="nl-NL"' in styles
    assert "en-US" not in "".join(parts.values())
    document = Document(io.BytesIO(response.content))
    normal = document.styles["Normal"].element
    assert normal.xpath("./w:rPr/w:lang/@w:val") == ["nl-NL"]

    # Real metadata, not the python-docx template's.
    core = document.core_properties
    assert core.title == "Projectplan Ontwikkelplein – Bibliotheek Eigen"
    assert core.author == "Bibliotheek Eigen" and core.last_modified_by == "Plein"
    assert core.language == "nl-NL"
    assert core.created == made and core.modified == made
    props = parts["docProps/core.xml"] + parts["docProps/app.xml"]
    for leftover in ("python-docx", "2013", "Macintosh", "Normal.dotm"):
        assert leftover not in props, leftover
    assert "<Application>Plein</Application>" in parts["docProps/app.xml"]

    # A contents that is filled: every main heading, in order, inside the TOC field.
    headings = [p.text for p in document.paragraphs if p.style.name in ("Heading 1", "Heading 2")]
    assert "Partners" in headings and "Doelgroepen" in headings
    assert _toc_entries(document) == headings
    # Each entry links to its heading's bookmark (Word's _Toc bookmarks; LibreOffice keeps them).
    body = document.element.body
    links = {
        link.get(qn("w:anchor")): "".join(t.text or "" for t in link.iter(qn("w:t")))
        for link in body.iter(qn("w:hyperlink"))
    }
    marked = {
        mark.get(qn("w:name")): "".join(t.text or "" for t in mark.getparent().iter(qn("w:t")))
        for mark in body.iter(qn("w:bookmarkStart"))
    }
    assert len(links) == len(headings) and links == marked

    # Every table repeats its first row as the header row.
    assert document.tables
    for table in document.tables:
        assert table.rows[0]._tr.xpath("./w:trPr/w:tblHeader"), table.rows[0].cells[0].text
        assert not table.rows[1]._tr.xpath("./w:trPr/w:tblHeader")


@pytest.mark.skipif(
    not (__import__("shutil").which("soffice") and __import__("shutil").which("pdftotext")),
    reason="LibreOffice or pdftotext (poppler-utils) is not installed",
)
def test_libreoffice_prints_the_docx_with_its_contents(client, world, filled_route, tmp_path):
    import subprocess

    from docx import Document

    client.force_login(world.users["coordinator"])
    response = client.get(reverse("guide:plan_docx", kwargs={"uuid": filled_route.uuid}))
    (tmp_path / "plan.docx").write_bytes(response.content)
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(tmp_path / "plan.docx"),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    text = subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / "plan.pdf"), "-"], check=True, capture_output=True, text=True
    ).stdout
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    document = Document(io.BytesIO(response.content))
    headings = [p.text for p in document.paragraphs if p.style.name in ("Heading 1", "Heading 2")]
    after_contents = lines[lines.index("Inhoud") + 1 :]
    # Right under "Inhoud": every heading, in order (with a page number when one is shown).
    assert [line.rstrip("0123456789. ").strip() for line in after_contents[: len(headings)]] == headings
    # LibreOffice reads the document as Dutch, and every contents entry is a link in the PDF.
    import pikepdf

    with pikepdf.open(tmp_path / "plan.pdf") as pdf:
        assert str(pdf.Root.Lang) == "nl-NL"
        links = [a for page in pdf.pages for a in page.obj.get("/Annots", []) if a.get("/Subtype") == "/Link"]
        assert len(links) == len(headings)
