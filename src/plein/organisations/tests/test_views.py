import pytest
from django.urls import reverse

from plein.accounts.tests.factories import UserFactory
from plein.organisations.models import Location
from plein.organisations.tests.factories import LocationFactory, MunicipalityFactory, OrganisationFactory
from plein.site.tests.queries import count_queries

pytestmark = pytest.mark.django_db


def test_coordinator_adds_a_branch_to_their_own_library(client, world):
    municipality = MunicipalityFactory(name="Dordrecht")
    client.force_login(world.users["coordinator"])
    url = reverse("organisations:location_create", args=[world.library.uuid])
    response = client.post(
        url,
        {
            "name": "Stadsbibliotheek",
            "street": "Straat 1",
            "postcode": "3311ab",
            "city": "Dordrecht",
            "municipality": municipality.pk,
            "has_ido": "on",
        },
    )
    assert response.status_code == 302
    location = Location.objects.get(organisation=world.library, name="Stadsbibliotheek")
    assert location.postcode == "3311 AB"
    assert location.has_ido
    page = client.get(response["Location"]).content.decode()
    assert "De vestiging ‘Stadsbibliotheek’ is toegevoegd." in page


def test_bad_branch_input_gets_dutch_messages_beside_the_fields_and_keeps_the_input(client, world):
    client.force_login(world.users["coordinator"])
    url = reverse("organisations:location_create", args=[world.library.uuid])
    response = client.post(url, {"name": "eigen centrum", "street": "Mijnstraat 4", "postcode": "12", "city": "X"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Deze organisatie heeft al een vestiging met deze naam." in html
    assert "Vul een Nederlandse postcode in" in html
    assert "Dit veld is verplicht." in html  # municipality
    assert 'value="Mijnstraat 4"' in html
    assert 'aria-invalid="true"' in html
    assert 'id="id_postcode_error"' in html and 'aria-describedby="id_postcode_help id_postcode_error"' in html
    assert Location.objects.filter(organisation=world.library).count() == 1


def test_coordinator_cannot_touch_another_librarys_branch(client, world):
    client.force_login(world.users["coordinator"])
    url = reverse("organisations:location_update", args=[world.other_library.uuid, world.other_location.uuid])
    assert client.post(url, {"name": "Overgenomen"}).status_code == 404
    world.other_location.refresh_from_db()
    assert world.other_location.name == "Ander Centrum"


def test_deleting_a_branch_is_confirmed_and_stays_in_the_history(client, world):
    client.force_login(world.users["coordinator"])
    url = reverse("organisations:location_delete", args=[world.library.uuid, world.location.uuid])
    assert "Ja, verwijder deze vestiging" in client.get(url).content.decode()
    assert client.post(url).status_code == 302
    assert not Location.objects.filter(pk=world.location.pk).exists()

    client.force_login(world.users["administrator"])
    history = client.get(reverse("organisations:history", args=[world.library.uuid])).content.decode()
    assert "verwijderde vestiging “Eigen Centrum”" in history
    assert world.users["coordinator"].name in history


def test_a_branch_with_ido_registrations_is_not_removed_and_the_page_says_why(client, world):
    from plein.registration import services as registration_services
    from plein.registration.models import Visit
    from plein.registration.tests.factories import visit_data

    registration_services.visit_register(acting_user=world.users["desk_worker"], **visit_data(location=world.location))
    client.force_login(world.users["coordinator"])
    url = reverse("organisations:location_delete", args=[world.library.uuid, world.location.uuid])
    response = client.post(url, follow=True)
    assert response.status_code == 200
    html = response.content.decode()
    assert "De vestiging ‘Eigen Centrum’ kan niet worden verwijderd" in html
    assert "‘heeft een IDO’ uit" in html
    assert Location.objects.filter(pk=world.location.pk).exists()
    assert Visit.objects.filter(location=world.location).count() == 1


def test_facilitator_adds_an_organisation_and_sees_its_history(client, world):
    client.force_login(world.users["facilitator"])
    municipality = MunicipalityFactory(name="Leiden")
    response = client.post(
        reverse("organisations:create"),
        {
            "name": "Bibliotheek Nieuw",
            "type": "bibliotheek",
            "province": "ZH",
            "website": "",
            "municipalities": [municipality.pk],
        },
    )
    assert response.status_code == 302
    detail = client.get(response["Location"]).content.decode()
    assert "Bibliotheek Nieuw" in detail and "Leiden" in detail
    history = client.get(response["Location"] + "geschiedenis/").content.decode()
    assert "maakte organisatie" in history


def test_library_without_province_is_refused_with_a_message_at_the_field(client, world):
    client.force_login(world.users["facilitator"])
    response = client.post(reverse("organisations:create"), {"name": "Bibliotheek Zonder", "type": "bibliotheek"})
    assert "Kies de provincie waar deze organisatie werkt." in response.content.decode()


def test_organisation_list_does_a_fixed_number_of_queries(client, world):
    client.force_login(world.users["facilitator"])
    url = reverse("organisations:list")
    few = count_queries(client, url)
    for _ in range(30):
        org = OrganisationFactory()
        LocationFactory.create_batch(2, organisation=org)
        UserFactory(organisation=org)
    assert count_queries(client, url) == few


def test_organisation_page_does_a_fixed_number_of_queries(client, world):
    client.force_login(world.users["coordinator"])
    url = reverse("organisations:detail", args=[world.library.uuid])
    few = count_queries(client, url)
    LocationFactory.create_batch(20, organisation=world.library)
    UserFactory.create_batch(10, organisation=world.library)
    assert count_queries(client, url) == few


def test_history_page_does_a_fixed_number_of_queries(client, world):
    client.force_login(world.users["administrator"])
    url = reverse("organisations:history", args=[world.library.uuid])
    few = count_queries(client, url)
    from plein.organisations import services

    for i in range(15):
        services.location_update(location=world.location, acting_user=world.users["coordinator"], name=f"Naam {i}")
    assert count_queries(client, url) == few


def test_type_change_that_leaves_people_with_misfit_roles_is_refused(client, world):
    client.force_login(world.users["facilitator"])
    response = client.post(
        reverse("organisations:update", args=[world.library.uuid]),
        {"name": world.library.name, "type": "partner", "province": "ZH", "website": ""},
    )
    assert response.status_code == 200
    assert "Mensen van deze organisatie hebben rollen die niet bij deze soort passen" in response.content.decode()
    world.library.refresh_from_db()
    assert world.library.type == "bibliotheek"
