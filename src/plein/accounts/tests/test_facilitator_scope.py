"""A facilitator manages the people and organisations of the libraries their own support
organisation coaches, nothing else; administrators keep everything.

Failed before: a facilitator of another support organisation (say, another province's) could
read every library, user, e-mail address and history, change any library and its branches,
move people, and invite a coordinator to any library by POSTing its id."""

import pytest
from django.urls import reverse

from plein.accounts.choices import Role
from plein.accounts.models import Invitation, User
from plein.accounts.services import invitation_create
from plein.accounts.tests.factories import UserFactory
from plein.organisations.models import Location, Organisation
from plein.organisations.tests.factories import MunicipalityFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def outsider(world):
    """A facilitator of another support organisation, which coaches none of world's libraries."""
    return UserFactory(facilitator=True, email="andere.poi@test.plein.example", name="Fien Buiten")


@pytest.fixture
def open_invitation(world):
    invitation, _token = invitation_create(
        acting_user=world.users["facilitator"],
        email="nieuw.eigen@test.plein.example",
        name="Nieuwe Collega",
        role=Role.DESK_WORKER,
        organisation=world.library,
    )
    return invitation


def _library_state(world):
    library = Organisation.objects.get(pk=world.library.pk)
    coordinator = User.objects.get(pk=world.users["coordinator"].pk)
    return (
        library.name,
        library.website,
        sorted(Location.objects.filter(organisation=library).values_list("name", flat=True)),
        (coordinator.name, coordinator.role, coordinator.organisation_id, coordinator.is_active),
        Invitation.objects.count(),
    )


def test_a_facilitator_of_another_support_organisation_gets_nowhere(client, world, outsider, open_invitation):
    library, location, coordinator = world.library, world.location, world.users["coordinator"]
    before = _library_state(world)
    client.force_login(outsider)

    # Lists show nothing of the libraries they do not coach.
    for url in (reverse("organisations:list"), reverse("accounts:user_list")):
        html = client.get(url).content.decode()
        assert library.name not in html and world.other_library.name not in html
        assert coordinator.email not in html and coordinator.name not in html
        assert open_invitation.email not in html
    assert coordinator.email not in client.get(reverse("accounts:user_list") + "?search=coordinator").content.decode()

    # Every page of those libraries and their people: not found, by GET and POST.
    org = {"uuid": library.uuid}
    branch = {"uuid": library.uuid, "location_uuid": location.uuid}
    person = {"uuid": coordinator.uuid}
    pages = [
        ("organisations:detail", org, None),
        ("organisations:update", org, {"name": "Overgenomen", "type": "bibliotheek", "province": "ZH"}),
        ("organisations:history", org, None),
        ("organisations:location_create", org, {"name": "Nieuwe vestiging", "municipality": location.municipality_id}),
        ("organisations:location_update", branch, {"name": "Hernoemd", "municipality": location.municipality_id}),
        ("organisations:location_delete", branch, {}),
        ("accounts:user_update", person, {"name": "Overgenomen", "role": Role.COORDINATOR, "organisation": ""}),
        ("accounts:user_history", person, None),
    ]
    for name, kwargs, data in pages:
        url = reverse(name, kwargs=kwargs)
        assert client.get(url).status_code == 404, name
        if data is not None:
            assert client.post(url, data).status_code == 404, name

    # The invitation form does not offer the library, and POSTing its id is refused.
    html = client.get(reverse("accounts:invite") + f"?organisatie={library.uuid}").content.decode()
    assert library.name not in html
    response = client.post(
        reverse("accounts:invite"),
        {"name": "Overnemer", "email": "overnemer@x.example", "organisation": library.pk, "role": Role.COORDINATOR},
    )
    assert response.status_code == 200
    assert not Invitation.objects.filter(email="overnemer@x.example").exists()

    assert _library_state(world) == before


def test_the_service_refuses_too(world, outsider):
    from django.core.exceptions import ValidationError

    from plein.accounts.services import user_update

    with pytest.raises(ValidationError):
        invitation_create(
            acting_user=outsider, email="x@x.example", name="X", role=Role.COORDINATOR, organisation=world.library
        )
    with pytest.raises(ValidationError):
        user_update(
            user=world.users["coordinator"],
            acting_user=outsider,
            name="X",
            role=Role.COORDINATOR,
            organisation=world.library,
            is_active=True,
        )
    assert not Invitation.objects.exists()


def test_a_facilitator_cannot_move_someone_to_a_library_they_do_not_coach(client, world):
    stranger_library = OrganisationFactory(name="Bibliotheek Elders")
    coordinator = world.users["coordinator"]
    client.force_login(world.users["facilitator"])
    html = client.get(reverse("accounts:user_update", args=[coordinator.uuid])).content.decode()
    assert "Bibliotheek Elders" not in html
    response = client.post(
        reverse("accounts:user_update", args=[coordinator.uuid]),
        {"name": coordinator.name, "role": Role.COORDINATOR, "organisation": stranger_library.pk, "is_active": "on"},
    )
    assert response.status_code == 200
    coordinator.refresh_from_db()
    assert coordinator.organisation_id == world.library.pk


def test_the_own_facilitator_and_administrators_keep_their_work(client, world, open_invitation):
    facilitator = world.users["facilitator"]
    client.force_login(facilitator)
    html = client.get(reverse("accounts:user_list")).content.decode()
    assert world.users["coordinator"].email in html and open_invitation.email in html
    assert client.get(reverse("organisations:update", args=[world.library.uuid])).status_code == 200
    response = client.post(
        reverse("accounts:invite"),
        {"name": "Nieuw", "email": "nieuw@x.example", "organisation": world.other_library.pk, "role": "coordinator"},
    )
    assert response.status_code == 302
    assert Invitation.objects.filter(email="nieuw@x.example", organisation=world.other_library).exists()

    # The municipality of a coached library, and an organisation their own POI added, are theirs too.
    town = MunicipalityFactory(name="Eigenstad")
    world.library.municipalities.add(town)
    municipality = OrganisationFactory(municipality=True, name="Gemeente Eigenstad")
    municipality.municipalities.add(town)
    assert client.get(reverse("organisations:detail", args=[municipality.uuid])).status_code == 200
    response = client.post(
        reverse("organisations:create"), {"name": "Bibliotheek Nieuw Hier", "type": "bibliotheek", "province": "ZH"}
    )
    added = Organisation.objects.get(name="Bibliotheek Nieuw Hier")
    assert response["Location"] == reverse("organisations:detail", args=[added.uuid])
    assert client.get(response["Location"]).status_code == 200

    # Libraries nobody at their POI coaches or added: not theirs.
    elsewhere = OrganisationFactory(name="Bibliotheek Elders")
    assert client.get(reverse("organisations:detail", args=[elsewhere.uuid])).status_code == 404

    client.force_login(world.users["administrator"])
    assert client.get(reverse("organisations:update", args=[elsewhere.uuid])).status_code == 200
    assert "Bibliotheek Elders" in client.get(reverse("organisations:list")).content.decode()
    assert open_invitation.email in client.get(reverse("accounts:user_list")).content.decode()
