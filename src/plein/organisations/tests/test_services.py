import pytest
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError

from plein.accounts.tests.factories import UserFactory
from plein.organisations import services
from plein.organisations.choices import OrganisationType, Province
from plein.organisations.models import Location
from plein.organisations.tests.factories import LocationFactory, MunicipalityFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def test_location_changes_are_recorded_with_who_and_what():
    coordinator = UserFactory()
    municipality = MunicipalityFactory(name="Gouda")
    location = services.location_create(
        organisation=coordinator.organisation, acting_user=coordinator, name="Centrum", municipality=municipality
    )
    services.location_update(location=location, acting_user=coordinator, has_ido=True)
    pk = location.pk
    services.location_delete(location=location, acting_user=coordinator)

    entries = LogEntry.objects.filter(content_type__model="location", object_pk=str(pk)).order_by("timestamp")
    assert [e.action for e in entries] == [LogEntry.Action.CREATE, LogEntry.Action.UPDATE, LogEntry.Action.DELETE]
    assert {e.actor for e in entries} == {coordinator}
    assert entries[1].changes_dict["has_ido"] == ["False", "True"]
    assert entries[0].additional_data == {"organisation_id": coordinator.organisation_id}
    assert not Location.objects.filter(pk=pk).exists()


def test_organisation_name_must_be_unique_whatever_the_case():
    OrganisationFactory(name="Bibliotheek AanZet")
    with pytest.raises(ValidationError) as exc:
        services.organisation_create(
            acting_user=UserFactory(administrator=True),
            name="bibliotheek aanzet",
            type=OrganisationType.LIBRARY,
            province=Province.ZUID_HOLLAND,
        )
    assert "Er is al een organisatie met deze naam." in str(exc.value)


def test_a_failed_update_leaves_nothing_half_saved():
    location = LocationFactory(name="Oud")
    LocationFactory(organisation=location.organisation, name="Bezet")
    with pytest.raises(ValidationError):
        services.location_update(location=location, acting_user=UserFactory(), name="bezet", has_ido=False)
    location.refresh_from_db()
    assert location.name == "Oud"
    assert location.has_ido is True


def test_a_branch_with_ido_registrations_cannot_be_removed(world):
    from plein.registration import services as registration_services
    from plein.registration.tests.factories import visit_data

    registration_services.visit_register(acting_user=world.users["desk_worker"], **visit_data(location=world.location))
    with pytest.raises(ValidationError) as exc:
        services.location_delete(location=world.location, acting_user=world.users["coordinator"])
    assert "heeft een IDO" in exc.value.messages[0]
    assert Location.objects.filter(pk=world.location.pk).exists()
    assert not LogEntry.objects.filter(
        content_type__model="location", object_pk=str(world.location.pk), action=LogEntry.Action.DELETE
    ).exists()


def test_library_get_or_create_finds_by_name_or_creates_with_its_municipality():
    facilitator = UserFactory()
    existing = OrganisationFactory(name="Bibliotheek Oost")
    assert services.library_get_or_create(acting_user=facilitator, name=" bibliotheek oost ") == (existing, False)

    gouda = MunicipalityFactory(name="Gouda")
    library, created = services.library_get_or_create(
        acting_user=facilitator, name="Bibliotheek Gouwe", province=Province.ZUID_HOLLAND, municipality_name="gouda"
    )
    assert created and library.type == OrganisationType.LIBRARY and library.province == Province.ZUID_HOLLAND
    assert list(library.municipalities.all()) == [gouda]
    entries = LogEntry.objects.filter(content_type__model="organisation", object_pk=str(library.pk))
    assert entries.filter(action=LogEntry.Action.CREATE, actor=facilitator).exists()
    # An unknown municipality is left out, not made up.
    other, created = services.library_get_or_create(
        acting_user=facilitator, name="Bibliotheek Nergens", municipality_name="Nergenshuizen"
    )
    assert created and not other.municipalities.exists()
