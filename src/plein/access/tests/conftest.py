"""A wider world for the access tests: a second support organisation with its own facilitator,
group and library (in another municipality), a coordinator of world.other_library, a
municipality elsewhere, and a library in world.group that shares its EMB portfolio."""

from dataclasses import dataclass

import pytest

from plein.accounts.tests.factories import UserFactory
from plein.organisations.tests.factories import LocationFactory, OrganisationFactory


@dataclass
class Wide:
    world: object
    users: dict  # name -> user (None: anonymous)
    libraries: dict  # name -> library
    far_group: object


@pytest.fixture
def wide(world):
    from plein.emb.tests.factories import shared
    from plein.themegroups.tests.factories import GroupMembershipFactory, ProgrammeYearFactory, ThemeGroupFactory

    far_library = OrganisationFactory(name="Bibliotheek Ver")
    far_location = LocationFactory(organisation=far_library, name="Ver Centrum")
    neighbour = OrganisationFactory(name="Bibliotheek Buur")
    LocationFactory(organisation=neighbour, name="Buur Centrum", municipality=world.location.municipality)
    GroupMembershipFactory(group=world.group, library=neighbour)
    shared(neighbour)
    other_facilitator = UserFactory(facilitator=True, email="ander-poi@test.plein.example")
    far_year = ProgrammeYearFactory(poi=other_facilitator.organisation)
    far_group = ThemeGroupFactory(programme_year=far_year, name="Ver weg", facilitators=[other_facilitator])
    GroupMembershipFactory(group=far_group, library=far_library)
    elsewhere = UserFactory(municipality=True, email="gemeente-elders@test.plein.example")
    elsewhere.organisation.municipalities.add(far_location.municipality)
    users = {
        "anonymous": None,
        **world.users,
        "other_facilitator": other_facilitator,
        "other_coordinator": UserFactory(organisation=world.other_library, email="ander@test.plein.example"),
        "municipality_elsewhere": elsewhere,
    }
    libraries = {
        "library": world.library,
        "other_library": world.other_library,
        "far_library": far_library,
        "neighbour": neighbour,
    }
    return Wide(world, users, libraries, far_group)
