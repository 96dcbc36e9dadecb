import pytest
from django.urls import reverse

from plein.accounts.tests.factories import UserFactory
from plein.resources.models import Resource
from plein.resources.seed import seed_article_tools
from plein.site.tests.queries import count_queries
from plein.themegroups.tests.factories import ThemeGroupFactory

from .factories import ResourceFactory, exe_bytes, pdf_bytes, stored_files, upload

pytestmark = pytest.mark.django_db


def _download(client, resource):
    return client.get(reverse("resources:download", args=[resource.uuid]))


def _body(response):
    body = b"".join(response.streaming_content)
    response.close()
    return body


def test_facilitator_uploads_a_pdf_for_a_group_and_a_member_downloads_it(client, world, media):
    client.force_login(world.users["facilitator"])
    data = pdf_bytes("Format")
    response = client.post(
        reverse("resources:create"),
        {
            "title": "Format EMB in verbinding",
            "description": "Om met collega's te praten.",
            "file": upload("Format EMB.pdf", data),
            "groups": [world.group.pk],
            "topics": ["partners"],
        },
    )
    assert response.status_code == 302
    resource = Resource.objects.get(title="Format EMB in verbinding")
    assert response["Location"] == reverse("resources:detail", args=[resource.uuid])
    page = client.get(response["Location"]).content.decode()
    assert "Het hulpmiddel ‘Format EMB in verbinding’ is toegevoegd." in page
    assert resource.created_by == world.users["facilitator"]
    assert stored_files(media) == [resource.file.name]

    client.force_login(world.users["coordinator"])
    response = _download(client, resource)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="Format EMB.pdf"'
    assert "private" in response["Cache-Control"]
    assert _body(response) == data


def test_download_is_only_for_the_group_its_facilitators_and_administrators(client, world):
    resource = ResourceFactory(groups=[world.group])
    outsider = UserFactory(organisation=world.other_library)  # coordinator of a library in the other group
    expected = {
        world.users["administrator"]: 200,
        world.users["facilitator"]: 200,
        world.users["coordinator"]: 200,
        world.users["desk_worker"]: 200,
        world.users["municipality"]: 404,
        outsider: 404,
    }
    for user, status in expected.items():
        client.force_login(user)
        response = _download(client, resource)
        assert response.status_code == status, user
        assert client.get(reverse("resources:detail", args=[resource.uuid])).status_code == status
    client.logout()
    response = _download(client, resource)
    assert response.status_code == 302 and response["Location"].startswith(reverse("account_login"))


def test_a_library_that_left_the_group_no_longer_gets_the_file(client, world):
    from django.utils import timezone

    resource = ResourceFactory(groups=[world.group])
    world.group.memberships.filter(library=world.library).update(left_at=timezone.now())
    client.force_login(world.users["coordinator"])
    assert _download(client, resource).status_code == 404


def test_a_resource_without_a_group_is_for_every_logged_in_user(client, world):
    resource = ResourceFactory()
    client.force_login(world.users["municipality"])
    response = _download(client, resource)
    assert response.status_code == 200
    assert _body(response) == pdf_bytes()


def test_files_are_not_reachable_through_the_media_url(client, world):
    resource = ResourceFactory()
    client.force_login(world.users["administrator"])
    assert client.get(f"/media/{resource.file.name}").status_code == 404


def test_links_and_examples_have_nothing_to_download(client, world):
    client.force_login(world.users["facilitator"])
    assert _download(client, ResourceFactory(link=True)).status_code == 404
    assert _download(client, ResourceFactory(placeholder=True)).status_code == 404


def test_the_download_name_cannot_break_the_header(client, world):
    resource = ResourceFactory(original_filename="Plan “nieuw” 2022.pdf")
    client.force_login(world.users["facilitator"])
    response = _download(client, resource)
    assert response["Content-Disposition"] == "attachment; filename*=utf-8''Plan%20%E2%80%9Cnieuw%E2%80%9D%202022.pdf"


def test_a_renamed_program_is_refused_next_to_the_field_and_the_input_stays(client, world, media):
    client.force_login(world.users["facilitator"])
    response = client.post(
        reverse("resources:create"),
        {"title": "Handreiking", "file": upload("handreiking.pdf", exe_bytes()), "groups": [world.group.pk]},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Nog niet opgeslagen" in html
    assert 'id="id_file_error"' in html and "maar het is geen echt PDF-bestand" in html
    assert 'value="Handreiking"' in html
    assert 'enctype="multipart/form-data"' in html
    assert not Resource.objects.exists()
    assert stored_files(media) == []


def test_the_list_filters_by_group_as_the_group_page_links_to_it(client, world):
    ResourceFactory(title="Voor de EMB-groep", groups=[world.group], topics=["partners"])
    ResourceFactory(title="Voor het Ontwikkelplein", groups=[world.other_group], topics=["financien"])
    ResourceFactory(title="Voor iedereen")
    client.force_login(world.users["facilitator"])
    url = reverse("resources:list")

    html = client.get(url).content.decode()
    assert all(t in html for t in ["Voor de EMB-groep", "Voor het Ontwikkelplein", "Voor iedereen"])

    html = client.get(f"{url}?groep={world.group.uuid}").content.decode()
    assert "Voor de EMB-groep" in html
    assert "Voor het Ontwikkelplein" not in html and "Voor iedereen" not in html
    assert f'href="{reverse("resources:create")}?groep={world.group.uuid}"' in html

    html = client.get(f"{url}?thema=financien").content.decode()
    assert "Voor het Ontwikkelplein" in html and "Voor de EMB-groep" not in html


def test_the_list_never_shows_another_groups_resources(client, world):
    ResourceFactory(title="Voor het Ontwikkelplein", groups=[world.other_group])
    client.force_login(world.users["coordinator"])
    url = reverse("resources:list")
    assert "Voor het Ontwikkelplein" not in client.get(url).content.decode()
    # Asking for the other group's list does not reveal it either.
    html = client.get(f"{url}?groep={world.other_group.uuid}").content.decode()
    assert "Voor het Ontwikkelplein" not in html


def test_coming_from_a_group_page_ticks_that_group(client, world):
    client.force_login(world.users["coordinator"])
    html = client.get(f"{reverse('resources:create')}?groep={world.group.uuid}").content.decode()
    assert f'value="{world.group.pk}"' in html
    assert "checked" in html.split(f'value="{world.group.pk}"')[1].split(">")[0]


def test_the_article_tools_show_as_examples_for_everyone_while_there_are_no_such_groups(client, db):
    seed_article_tools()
    client.force_login(UserFactory(municipality=True))
    html = client.get(reverse("resources:list")).content.decode()
    assert "De educatief maatschappelijke bibliotheek in verbinding" in html
    assert "Handreiking voor het werken met een Ontwikkelplein" in html
    assert html.count("Hulpmiddel in Plein") == 2  # built in, not an example (test_tools.py)


def test_the_article_tools_follow_the_groups_of_the_same_name(client, world):
    seed_article_tools()  # the world has groups "IDO en de EMB" and "Het Ontwikkelplein"
    client.force_login(world.users["desk_worker"])  # their library is only in "IDO en de EMB"
    html = client.get(reverse("resources:list")).content.decode()
    assert "De educatief maatschappelijke bibliotheek in verbinding" in html
    assert "Handreiking voor het werken met een Ontwikkelplein" not in html

    client.force_login(world.users["facilitator"])
    html = client.get(reverse("resources:list")).content.decode()
    assert html.count("Hulpmiddel in Plein") == 2
    resource = Resource.objects.get(seed_key="handreiking-ontwikkelplein")
    detail = client.get(reverse("resources:detail", args=[resource.uuid])).content.decode()
    assert "Hulpmiddel in Plein" in detail
    assert "Voor elke fase geeft de handreiking handige tips en praktische handvatten." in detail


def test_facilitator_replaces_an_example_with_the_pois_file(client, world):
    seed_article_tools()
    resource = Resource.objects.get(seed_key="emb-in-verbinding")
    client.force_login(world.users["facilitator"])
    url = reverse("resources:update", args=[resource.uuid])
    assert (
        reverse("resources:update", args=[resource.uuid])
        in client.get(reverse("resources:detail", args=[resource.uuid])).content.decode()
    )
    response = client.post(
        url, {"title": resource.title, "description": resource.description, "file": upload("format.pdf", pdf_bytes())}
    )
    assert response.status_code == 302
    resource.refresh_from_db()
    assert not resource.is_placeholder and resource.has_file


def test_a_coordinator_changes_only_what_they_added(client, world):
    own = ResourceFactory(groups=[world.group], created_by=world.users["coordinator"])
    facilitators = ResourceFactory(groups=[world.group], created_by=world.users["facilitator"])
    client.force_login(world.users["coordinator"])
    assert client.get(reverse("resources:update", args=[own.uuid])).status_code == 200
    assert client.get(reverse("resources:update", args=[facilitators.uuid])).status_code == 403
    assert client.post(reverse("resources:delete", args=[facilitators.uuid])).status_code == 403
    assert Resource.objects.filter(pk=facilitators.pk).exists()


def test_removing_a_resource_is_confirmed(client, world, media, django_capture_on_commit_callbacks):
    resource = ResourceFactory(groups=[world.group])
    client.force_login(world.users["facilitator"])
    url = reverse("resources:delete", args=[resource.uuid])
    assert "Ja, verwijder dit hulpmiddel" in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)
    assert response.status_code == 302
    assert not Resource.objects.filter(pk=resource.pk).exists()
    assert stored_files(media) == []


def test_the_menu_offers_resources_to_every_logged_in_user(client, world):
    client.force_login(world.users["desk_worker"])
    html = client.get(reverse("site:home")).content.decode()
    assert f'href="{reverse("resources:list")}"' in html and "Hulpmiddelen" in html


def _more_resources(world, n):
    for i in range(n):
        group = ThemeGroupFactory(programme_year=world.year)
        ResourceFactory(
            groups=[world.group, group], topics=["partners", "personeel"], created_by=world.users["facilitator"]
        )
        ResourceFactory(link=True, topics=["overig"])
        if i % 3 == 0:
            ResourceFactory(placeholder=True, groups=[world.other_group])


@pytest.mark.parametrize("role", ["facilitator", "coordinator", "administrator"])
def test_the_list_does_a_fixed_number_of_queries(client, world, role):
    _more_resources(world, 1)
    client.force_login(world.users[role])
    url = reverse("resources:list")
    few = count_queries(client, url)
    filtered = count_queries(client, f"{url}?groep={world.group.uuid}&thema=partners")
    _more_resources(world, 20)
    assert count_queries(client, url) == few
    assert count_queries(client, f"{url}?groep={world.group.uuid}&thema=partners") == filtered


def test_the_detail_page_does_a_fixed_number_of_queries(client, world):
    client.force_login(world.users["coordinator"])
    resource = ResourceFactory(groups=[world.group], topics=["partners"])
    url = reverse("resources:detail", args=[resource.uuid])
    few = count_queries(client, url)
    resource.groups.add(*[ThemeGroupFactory(programme_year=world.year) for _ in range(10)])
    assert count_queries(client, url) == few


def test_a_facilitator_of_another_poi_cannot_change_a_resource_shared_with_everyone(world):
    from plein.accounts.tests.factories import UserFactory
    from plein.resources.tests.factories import ResourceFactory

    resource = ResourceFactory(created_by=world.users["facilitator"])
    resource.groups.clear()
    other_facilitator = UserFactory(facilitator=True)
    assert other_facilitator.has_perm("resources.view_resource", resource)
    assert not other_facilitator.has_perm("resources.change_resource", resource)
    assert not other_facilitator.has_perm("resources.delete_resource", resource)
    assert world.users["facilitator"].has_perm("resources.change_resource", resource)
