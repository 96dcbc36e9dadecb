import pytest
from django.utils.datastructures import MultiValueDict

from plein.resources.forms import ResourceForm
from plein.themegroups.choices import Topic

from .factories import ResourceFactory, docx_bytes, exe_bytes, pdf_bytes, png_bytes, upload

pytestmark = pytest.mark.django_db


def _form(user, data=None, files=None, resource=None):
    data = {"title": "Werkblad", **(data or {})}
    return ResourceForm(data, MultiValueDict(files or {}), user=user, resource=resource)


@pytest.mark.parametrize(
    "name,data", [("werkblad.pdf", pdf_bytes()), ("format.docx", docx_bytes()), ("kaart.png", png_bytes())]
)
def test_real_pdf_docx_and_png_are_accepted(world, name, data):
    form = _form(world.users["facilitator"], files={"file": [upload(name, data)]})
    assert form.is_valid(), form.errors


def test_a_renamed_program_gets_a_clear_dutch_message_beside_the_file_field(world):
    form = _form(world.users["facilitator"], files={"file": [upload("handreiking.pdf", exe_bytes())]})
    assert not form.is_valid()
    assert form.errors["file"] == [
        "Dit bestand heet .pdf, maar het is geen echt PDF-bestand. Open het op uw computer en sla het opnieuw op "
        "als PDF, of kies een ander bestand."
    ]


def test_an_oversize_file_is_refused_with_the_limit_in_the_message(world, settings):
    settings.PLEIN_RESOURCE_MAX_MB = 1
    big = upload("groot.pdf", pdf_bytes() + b"%" * (1024 * 1024))
    form = _form(world.users["facilitator"], files={"file": [big]})
    assert not form.is_valid()
    assert form.errors["file"] == [
        "Dit bestand is 1,1 MB. Een bestand mag hoogstens 1 MB zijn. Maak het bestand kleiner, of deel een link."
    ]


def test_a_file_or_a_link_is_needed_but_not_both(world):
    facilitator = world.users["facilitator"]
    neither = _form(facilitator)
    assert not neither.is_valid()
    assert neither.errors["file"] == ["Upload een bestand of geef een link."]

    both = _form(facilitator, {"url": "https://www.example.nl"}, {"file": [upload("a.pdf", pdf_bytes())]})
    assert not both.is_valid()
    assert "niet allebei" in both.errors["url"][0]

    link = _form(facilitator, {"url": "www.example.nl/format"})
    assert link.is_valid(), link.errors
    assert link.cleaned_data["url"] == "https://www.example.nl/format"


def test_only_web_links_are_accepted(world):
    form = _form(world.users["facilitator"], {"url": "ftp://example.nl/bestand"})
    assert not form.is_valid()
    assert "url" in form.errors


def test_a_coordinator_shares_only_with_their_own_groups(world):
    coordinator = world.users["coordinator"]
    form = _form(coordinator, {"url": "https://www.example.nl"})
    assert list(form.fields["groups"].queryset) == [world.group]
    assert not form.is_valid()
    assert form.errors["groups"] == ["Kies minstens één van uw themagroepen."]

    other = _form(coordinator, {"url": "https://www.example.nl", "groups": [world.other_group.pk]})
    assert not other.is_valid() and "groups" in other.errors

    own = _form(coordinator, {"url": "https://www.example.nl", "groups": [world.group.pk], "topics": ["partners"]})
    assert own.is_valid(), own.errors
    assert own.cleaned_data["groups"] == [world.group] and own.cleaned_data["topics"] == [Topic.PARTNERS]


def test_a_facilitator_may_share_with_everyone(world):
    form = _form(world.users["facilitator"], {"url": "https://www.example.nl"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["groups"] == []


def test_groups_the_editor_cannot_choose_stay_on_the_resource(world):
    from plein.themegroups.tests.factories import ThemeGroupFactory

    elsewhere = ThemeGroupFactory(name="Groep van een andere POI")
    resource = ResourceFactory(groups=[world.group, elsewhere], created_by=world.users["facilitator"])
    form = _form(world.users["facilitator"], {"groups": [world.group.pk]}, resource=resource)
    assert elsewhere not in form.fields["groups"].queryset
    assert form.is_valid(), form.errors  # the current file stays: no new file needed
    assert set(form.cleaned_data["groups"]) == {world.group, elsewhere}


def test_an_example_can_be_saved_without_a_file_and_the_edit_form_shows_the_current_file(world):
    placeholder = ResourceFactory(placeholder=True)
    assert _form(world.users["facilitator"], resource=placeholder).is_valid()

    resource = ResourceFactory(original_filename="format.pdf")
    form = _form(world.users["facilitator"], resource=resource)
    assert "Nu: format.pdf" in str(form.fields["file"].help_text)
