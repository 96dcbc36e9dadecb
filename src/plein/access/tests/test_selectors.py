"""Unit tests of the access querysets: every role × every kind × every purpose."""

import pytest
from django.contrib.auth.models import AnonymousUser

from plein.access import selectors as access
from plein.access.purposes import Purpose

pytestmark = pytest.mark.django_db

P = Purpose

# role -> purpose -> the names of the libraries it sees
LIBRARIES = {
    "anonymous": {},
    "administrator": {
        P.PLAN: {"library", "other_library", "far_library", "neighbour"},
        P.FIGURES: {"library", "other_library", "far_library", "neighbour"},
        P.DATA: {"library", "other_library", "far_library", "neighbour"},
    },
    "facilitator": {
        P.PLAN: {"library", "other_library", "neighbour"},
        P.FIGURES: {"library", "other_library", "neighbour"},
    },
    "other_facilitator": {P.PLAN: {"far_library"}, P.FIGURES: {"far_library"}},
    "coordinator": {P.PLAN: {"library"}, P.FIGURES: {"library"}, P.REGISTER: {"library"}, P.DATA: {"library"}},
    "desk_worker": {P.FIGURES: {"library"}, P.REGISTER: {"library"}},
    "other_coordinator": {
        P.PLAN: {"other_library"},
        P.FIGURES: {"other_library"},
        P.REGISTER: {"other_library"},
        P.DATA: {"other_library"},
    },
    "municipality": {P.FIGURES: {"library", "neighbour"}},
    "municipality_elsewhere": {P.FIGURES: {"far_library"}},
}


def _user(wide, role):
    return wide.users[role] or AnonymousUser()


def _names(wide, qs):
    by_pk = {lib.pk: name for name, lib in wide.libraries.items()}
    return {by_pk[pk] for pk in qs.values_list("pk", flat=True) if pk in by_pk}


@pytest.mark.parametrize("role", list(LIBRARIES))
@pytest.mark.parametrize("purpose", list(Purpose))
def test_libraries_visible_to(wide, role, purpose):
    user = _user(wide, role)
    assert _names(wide, access.libraries_visible_to(user, purpose)) == LIBRARIES[role].get(purpose, set())


@pytest.mark.parametrize("role", list(LIBRARIES))
@pytest.mark.parametrize("purpose", [P.FIGURES, P.PLAN, P.DATA, P.PUBLISHED])
def test_locations_follow_their_libraries(wide, role, purpose):
    """For every purpose but a municipality's figures, the branches are those of the libraries."""
    user = _user(wide, role)
    locations = access.locations_visible_to(user, purpose)
    libraries = set(access.libraries_visible_to(user, purpose).values_list("pk", flat=True))
    if role.startswith("municipality"):
        # the branches in its municipalities, of libraries it sees, not all their branches
        assert set(locations.values_list("organisation_id", flat=True)) <= libraries
        return
    assert set(
        locations.filter(organisation__in=wide.libraries.values()).values_list("organisation_id", flat=True)
    ) == {pk for pk in libraries if pk in {lib.pk for lib in wide.libraries.values()}}


def test_municipality_sees_only_branches_in_its_municipality(wide):
    from plein.organisations.tests.factories import LocationFactory

    elsewhere = LocationFactory(organisation=wide.world.library, name="Eigen Elders")
    user = wide.users["municipality"]
    seen = set(access.locations_visible_to(user, P.FIGURES))
    assert wide.world.location in seen and elsewhere not in seen
    assert not access.locations_visible_to(user, P.PLAN).exists()


def test_register_is_own_ido_branches_only(wide):
    from plein.organisations.tests.factories import LocationFactory

    no_ido = LocationFactory(organisation=wide.world.library, has_ido=False)
    for role in ["coordinator", "desk_worker"]:
        seen = set(access.locations_visible_to(wide.users[role], P.REGISTER))
        assert seen == {wide.world.location}, role
        assert no_ido in set(access.locations_visible_to(wide.users[role], P.FIGURES))
    for role in ["administrator", "facilitator", "municipality", "anonymous"]:
        assert not access.locations_visible_to(_user(wide, role), P.REGISTER).exists(), role


GROUPS = {
    "anonymous": set(),
    "administrator": {"group", "other_group", "far_group"},
    "facilitator": {"group", "other_group"},
    "other_facilitator": {"far_group"},
    "coordinator": {"group"},
    "desk_worker": {"group"},
    "other_coordinator": {"other_group"},
    "municipality": set(),
    "municipality_elsewhere": set(),
}


@pytest.mark.parametrize("role", list(GROUPS))
def test_groups_visible_to(wide, role):
    groups = {"group": wide.world.group, "other_group": wide.world.other_group, "far_group": wide.far_group}
    seen = set(access.groups_visible_to(_user(wide, role)))
    assert {name for name, g in groups.items() if g in seen} == GROUPS[role]
    managed = set(access.groups_managed_by(_user(wide, role)))
    expected = GROUPS[role] if role in ("administrator", "facilitator", "other_facilitator") else set()
    assert {name for name, g in groups.items() if g in managed} == expected


@pytest.mark.parametrize(
    "role,expected",
    [
        ("anonymous", set()),
        ("administrator", {"own", "far"}),
        ("facilitator", set()),
        ("coordinator", set()),
        ("desk_worker", set()),
        ("municipality", {"own"}),
        ("municipality_elsewhere", {"far"}),
    ],
)
@pytest.mark.parametrize("purpose", list(Purpose))
def test_municipalities_visible_to(wide, role, expected, purpose):
    own = wide.world.location.municipality
    far = wide.libraries["far_library"].locations.get().municipality
    seen = set(access.municipalities_visible_to(_user(wide, role), purpose))
    assert {name for name, m in {"own": own, "far": far}.items() if m in seen} == (
        expected if purpose == P.FIGURES else set()
    )


def test_published_is_empty_for_everyone_today(wide):
    """No library publishes anything yet (the public-offer issue adds it)."""
    for role in wide.users:
        user = _user(wide, role)
        assert not access.libraries_visible_to(user, P.PUBLISHED).exists(), role
        assert not access.locations_visible_to(user, P.PUBLISHED).exists(), role
        assert not access.municipalities_visible_to(user, P.PUBLISHED).exists(), role


def test_emb_sharing_reaches_coordinators_in_the_group_only(wide):
    neighbour = wide.libraries["neighbour"]
    assert access.can_see_library(wide.users["coordinator"], neighbour, P.PLAN, shared="emb")
    assert not access.can_see_library(wide.users["coordinator"], neighbour, P.PLAN)
    assert not access.can_see_library(wide.users["desk_worker"], neighbour, P.PLAN, shared="emb")
    assert not access.can_see_library(wide.users["other_coordinator"], neighbour, P.PLAN, shared="emb")


MANAGED = {
    "anonymous": set(),
    "administrator": {"library", "other_library", "far_library", "neighbour"},
    "facilitator": {"library", "other_library", "neighbour"},
    "other_facilitator": {"far_library"},
    "coordinator": set(),
    "desk_worker": set(),
    "other_coordinator": set(),
    "municipality": set(),
    "municipality_elsewhere": set(),
}


@pytest.mark.parametrize("role", list(MANAGED))
def test_libraries_managed_by(wide, role):
    user = _user(wide, role)
    assert _names(wide, access.libraries_managed_by(user)) == MANAGED[role]
    people = access.people_managed_by(user)
    assert people.filter(organisation=wide.world.library).exists() == ("library" in MANAGED[role])


def test_facilitator_manages_the_municipalities_of_coached_libraries(wide):
    municipality_org = wide.users["municipality"].organisation
    wide.world.library.municipalities.add(wide.world.location.municipality)
    assert access.manages_organisation(wide.users["facilitator"], municipality_org)
    assert not access.manages_organisation(wide.users["other_facilitator"], municipality_org)


def test_without_themegroups_nobody_coaches(wide, monkeypatch):
    from plein.access import relations

    monkeypatch.setattr(relations, "_coaching", relations._NoCoaching())
    assert not access.libraries_visible_to(wide.users["facilitator"], P.PLAN).exists()
    assert access.libraries_visible_to(wide.users["coordinator"], P.PLAN).exists()
