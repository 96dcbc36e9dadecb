"""The article's two tools: each resource page leads to the tool in Plein and offers a
worksheet that Plein prints from its own content (not a placeholder file)."""

import pytest
from django.urls import reverse

from plein.emb.models import Programme
from plein.guide.tests.factories import published_guide
from plein.resources.models import Resource
from plein.resources.seed import seed_article_tools
from plein.site.tests.pdf import assert_valid_pdf, pdf_text

pytestmark = pytest.mark.django_db

EMB = "De educatief maatschappelijke bibliotheek in verbinding"
GUIDE = "Handreiking voor het werken met een Ontwikkelplein"


def _tool(key):
    seed_article_tools()
    return Resource.objects.get(seed_key=key)


def _detail(client, resource):
    response = client.get(reverse("resources:detail", args=[resource.uuid]))
    assert response.status_code == 200
    return response.content.decode()


def test_the_emb_tool_leads_to_the_conversation_and_its_worksheet(client, world):
    resource = _tool("emb-in-verbinding")
    client.force_login(world.users["coordinator"])
    html = _detail(client, resource)
    assert reverse("emb:conversation", args=[world.library.uuid]) in html
    assert "Houd het gesprek in Plein" in html
    assert reverse("resources:worksheet", args=[resource.uuid]) in html
    assert "Voorbeeld – vervang door het bestand van uw POI" not in html
    assert "Hulpmiddel in Plein" in html

    client.force_login(world.users["desk_worker"])  # issue 11: the EMB workspace is not the desk's
    html = _detail(client, resource)
    assert reverse("emb:map", args=[world.library.uuid]) not in html
    assert reverse("emb:conversation", args=[world.library.uuid]) not in html
    client.force_login(world.users["facilitator"])
    assert reverse("emb:catalogue") in _detail(client, resource)


def test_the_guide_tool_leads_to_the_guide(client, world):
    resource = _tool("handreiking-ontwikkelplein")
    client.force_login(world.users["facilitator"])
    html = _detail(client, resource)
    assert reverse("guide:overview") in html and reverse("resources:worksheet", args=[resource.uuid]) in html
    resource.groups.clear()  # for everyone: the library's own route, and no link for the municipality
    client.force_login(world.users["coordinator"])
    assert reverse("guide:library", args=[world.library.uuid]) in _detail(client, resource)
    client.force_login(world.users["municipality"])
    html = _detail(client, resource)
    assert "/ontwikkelplein/" not in html and reverse("resources:worksheet", args=[resource.uuid]) in html


def test_the_list_offers_the_worksheets_instead_of_examples(client, db):
    from plein.accounts.tests.factories import UserFactory

    seed_article_tools()
    client.force_login(UserFactory(municipality=True))
    html = client.get(reverse("resources:list")).content.decode()
    assert "Voorbeeld – vervang door het bestand van uw POI" not in html
    assert html.count("Hulpmiddel in Plein") == 2
    for resource in Resource.objects.filter(seed_key__in=["emb-in-verbinding", "handreiking-ontwikkelplein"]):
        assert reverse("resources:worksheet", args=[resource.uuid]) in html


def _worksheet(client, resource):
    response = client.get(reverse("resources:worksheet", args=[resource.uuid]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"] and ".pdf" in response["Content-Disposition"]
    info = assert_valid_pdf(response.content, title=f"{resource.title} – werkblad")
    return info, " ".join(pdf_text(response.content).split())


def test_the_emb_worksheet_has_every_programme_and_the_conversation_questions(client, world):
    resource = _tool("emb-in-verbinding")
    taalhuis = Programme.objects.get(key="taalhuis")
    taalhuis.description = "Een eigen beschrijving van de POI voor het Taalhuis."
    taalhuis.save()
    client.force_login(world.users["coordinator"])
    info, text = _worksheet(client, resource)
    for programme in Programme.objects.filter(library__isnull=True).exclude(key="ido"):
        assert f"Het IDO en {programme.name}" in text, programme.name
    assert "Een eigen beschrijving van de POI voor het Taalhuis." in text  # printed from the content now
    for words in ["Soort verbinding", "Doorverwijzing", "Gedeelde doelgroep", "Sterkte nu", "Structureel", "Kansen"]:
        assert words in text, words
    assert "Wat staat in de weg" in text
    assert info.pages >= 3


def test_the_guide_worksheet_has_the_phases_steps_questions_tips_and_checklists(client, world):
    published_guide()
    resource = _tool("handreiking-ontwikkelplein")
    client.force_login(world.users["facilitator"])
    info, text = _worksheet(client, resource)
    for words in [
        "Fase 1: Verkennen",
        "Fase 4: Borgen",
        "Wat is een Ontwikkelplein?",  # a step
        "Handige tips",
        "Er is geen blauwdruk.",  # a tip
        "Waarom wil uw bibliotheek een Ontwikkelplein?",  # a question
        "De directie weet ervan en denkt mee.",  # a checklist item
        "versie 1 van de handreiking",
    ]:
        assert words in text, words
    assert info.pages >= 4  # a page per phase


def test_only_the_tools_have_a_worksheet(client, world):
    from .factories import ResourceFactory

    client.force_login(world.users["facilitator"])
    other = ResourceFactory(groups=[])
    assert client.get(reverse("resources:worksheet", args=[other.uuid])).status_code == 404
