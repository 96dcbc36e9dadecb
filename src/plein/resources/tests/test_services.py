import pytest
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError

from plein.resources import services
from plein.resources.choices import ResourceKind
from plein.resources.files import safe_filename
from plein.resources.models import Resource
from plein.resources.seed import seed_article_tools
from plein.themegroups.choices import Topic
from plein.themegroups.tests.factories import ThemeGroupFactory

from .factories import (
    ResourceFactory,
    docx_bytes,
    exe_bytes,
    pdf_bytes,
    png_bytes,
    pptx_bytes,
    stored_files,
    upload,
    xlsx_bytes,
)

pytestmark = pytest.mark.django_db

WORD = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.mark.parametrize(
    "name,data,content_type",
    [
        ("Werkblad EMB.pdf", pdf_bytes(), "application/pdf"),
        ("Format in verbinding.docx", docx_bytes(), WORD),
        ("Begroting.xlsx", xlsx_bytes(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ("Presentatie.pptx", pptx_bytes(), "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
        ("Plattegrond.PNG", png_bytes(), "image/png"),
    ],
)
def test_real_files_are_stored_with_the_type_found_in_their_bytes(world, media, name, data, content_type):
    resource = services.resource_create(
        acting_user=world.users["facilitator"],
        title="Hulpmiddel",
        file=upload(name, data),
        groups=[world.group],
        topics=[Topic.PARTNERS, Topic.FINANCES],
    )
    resource.refresh_from_db()
    assert resource.kind == ResourceKind.FILE
    assert resource.content_type == content_type
    assert resource.size == len(data)
    assert resource.original_filename == name.rsplit(".", 1)[0] + "." + name.rsplit(".", 1)[1].lower()
    # On disk under MEDIA_ROOT, with a name nobody can guess, not the person's own.
    assert stored_files(media) == [resource.file.name]
    assert name.split(".")[0] not in resource.file.name
    assert (media / resource.file.name).read_bytes() == data
    assert list(resource.groups.all()) == [world.group]
    assert sorted(r.topic for r in resource.topic_rows.all()) == ["financien", "partners"]


@pytest.mark.parametrize(
    "name,data,message",
    [
        ("handreiking.pdf", exe_bytes(), "is geen echt PDF-bestand"),
        ("format.docx", xlsx_bytes(), "is geen echt Word-bestand"),
        ("format.docx", pdf_bytes(), "is geen echt Word-bestand"),
        ("foto.png", pdf_bytes(), "is geen echt PNG-bestand"),
        ("programma.exe", exe_bytes(), "Plein neemt deze soorten bestanden aan"),
    ],
)
def test_a_file_whose_bytes_do_not_match_is_refused_and_nothing_is_saved(world, media, name, data, message):
    with pytest.raises(ValidationError) as caught:
        services.resource_create(acting_user=world.users["facilitator"], title="Verkeerd", file=upload(name, data))
    assert message in " ".join(caught.value.message_dict["file"])
    assert not Resource.objects.exists()
    assert stored_files(media) == []


def test_a_zip_without_the_word_folder_is_not_a_word_file(world, media):
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("setup.exe", "MZ")
    with pytest.raises(ValidationError):
        services.resource_create(
            acting_user=world.users["facilitator"], title="Zip", file=upload("format.docx", buffer.getvalue())
        )
    assert not Resource.objects.exists()


def test_a_file_over_the_limit_from_the_settings_is_refused(world, media, settings):
    settings.PLEIN_RESOURCE_MAX_MB = 1
    data = pdf_bytes() + b"%" * (1024 * 1024)
    with pytest.raises(ValidationError) as caught:
        services.resource_create(acting_user=world.users["facilitator"], title="Groot", file=upload("groot.pdf", data))
    assert "mag hoogstens 1 MB zijn" in caught.value.message_dict["file"][0]
    assert not Resource.objects.exists()
    assert stored_files(media) == []


def test_a_file_and_a_link_together_are_refused(world, media):
    with pytest.raises(ValidationError) as caught:
        services.resource_create(
            acting_user=world.users["facilitator"],
            title="Allebei",
            file=upload("a.pdf", pdf_bytes()),
            url="https://www.example.nl",
        )
    assert "url" in caught.value.message_dict
    assert not Resource.objects.exists()
    assert stored_files(media) == []


def test_a_link_is_kept_without_a_file(world):
    resource = services.resource_create(
        acting_user=world.users["facilitator"], title="Website", url="https://www.example.nl/ontwikkelplein"
    )
    assert resource.kind == ResourceKind.LINK
    assert not resource.file
    assert resource.type_label == "Link"


def test_replacing_the_file_removes_the_old_one_once_committed(world, media, django_capture_on_commit_callbacks):
    facilitator = world.users["facilitator"]
    resource = services.resource_create(acting_user=facilitator, title="Format", file=upload("v1.pdf", pdf_bytes("1")))
    old = resource.file.name
    with django_capture_on_commit_callbacks(execute=True):
        services.resource_update(
            resource=resource,
            acting_user=facilitator,
            title="Format",
            file=upload("v2.docx", docx_bytes()),
            groups=[],
            topics=[],
        )
    assert stored_files(media) == [resource.file.name] != [old]
    assert resource.content_type == WORD
    assert resource.original_filename == "v2.docx"


def test_changing_only_the_text_keeps_the_file(world, media):
    resource = ResourceFactory(groups=[world.group])
    name = resource.file.name
    services.resource_update(
        resource=resource, acting_user=world.users["facilitator"], title="Nieuwe titel", groups=[world.group], topics=[]
    )
    resource.refresh_from_db()
    assert resource.title == "Nieuwe titel" and resource.file.name == name
    assert stored_files(media) == [name]


def test_removing_deletes_the_file_once_committed_and_is_in_the_history(
    world, media, django_capture_on_commit_callbacks
):
    facilitator = world.users["facilitator"]
    resource = services.resource_create(acting_user=facilitator, title="Weg", file=upload("weg.pdf", pdf_bytes()))
    pk = resource.pk
    with django_capture_on_commit_callbacks(execute=True):
        services.resource_delete(resource=resource, acting_user=facilitator)
    assert stored_files(media) == []
    entries = LogEntry.objects.filter(content_type__model="resource", object_pk=str(pk)).order_by("timestamp")
    assert [e.action for e in entries] == [LogEntry.Action.CREATE, LogEntry.Action.DELETE]
    assert all(e.actor == facilitator for e in entries)


def test_a_placeholder_becomes_a_real_resource_when_its_file_is_uploaded(world, media):
    resource = ResourceFactory(placeholder=True)
    services.resource_update(
        resource=resource,
        acting_user=world.users["facilitator"],
        title=resource.title,
        file=upload("handreiking.pdf", pdf_bytes()),
        groups=[],
        topics=[],
    )
    resource.refresh_from_db()
    assert not resource.is_placeholder and resource.has_file


def test_the_seed_adds_the_two_article_tools_once_as_examples_for_everyone(db):
    first = seed_article_tools()
    again = seed_article_tools()
    assert [r.pk for r in first] == [r.pk for r in again]
    assert Resource.objects.count() == 2
    titles = set(Resource.objects.values_list("title", flat=True))
    assert titles == {
        "De educatief maatschappelijke bibliotheek in verbinding",
        "Handreiking voor het werken met een Ontwikkelplein",
    }
    for resource in Resource.objects.all():
        assert resource.is_placeholder and not resource.file and not resource.url
        assert not resource.groups.exists()  # no groups yet: every logged-in user sees them


def test_the_seed_tags_the_tools_with_the_groups_of_the_same_name(db):
    seed_article_tools()
    emb = ThemeGroupFactory(name="IDO en de EMB")
    plein = ThemeGroupFactory(name="Het Ontwikkelplein")
    seed_article_tools()
    seed_article_tools()
    assert list(Resource.objects.get(seed_key="emb-in-verbinding").groups.all()) == [emb]
    assert list(Resource.objects.get(seed_key="handreiking-ontwikkelplein").groups.all()) == [plein]


@pytest.mark.parametrize(
    "given,expected",
    [
        ("../../etc/passwd.pdf", "passwd.pdf"),
        ('C:\\Users\\Bieb\\Plan "definitief".pdf', "Plan _definitief.pdf"),
        ("Financiën 2022.pdf", "Financiën 2022.pdf"),
        ("naam\r\nSet-Cookie: x.pdf", "naamSet-Cookie_ x.pdf"),
        ("....pdf", "hulpmiddel.pdf"),
    ],
)
def test_download_names_are_safe(given, expected):
    assert safe_filename(given, "pdf") == expected
