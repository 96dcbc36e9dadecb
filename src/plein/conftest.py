"""Shared fixtures: one small world with every role, used by the permission matrix, the
view tests and the browser tests."""

from dataclasses import dataclass

import pytest

from plein.accounts.tests.factories import UserFactory
from plein.organisations.tests.factories import LocationFactory, OrganisationFactory


@dataclass
class World:
    library: object
    other_library: object
    location: object
    other_location: object
    users: dict  # role key -> user


ROLE_KEYS = ["administrator", "facilitator", "coordinator", "desk_worker", "municipality"]


@pytest.fixture
def world(db):
    library = OrganisationFactory(name="Bibliotheek Eigen")
    other_library = OrganisationFactory(name="Bibliotheek Ander")
    location = LocationFactory(organisation=library, name="Eigen Centrum")
    other_location = LocationFactory(organisation=other_library, name="Ander Centrum")
    users = {
        "administrator": UserFactory(administrator=True, email="beheerder@test.plein.example"),
        "facilitator": UserFactory(facilitator=True, email="facilitator@test.plein.example"),
        "coordinator": UserFactory(organisation=library, email="coordinator@test.plein.example"),
        "desk_worker": UserFactory(desk_worker=True, organisation=library, email="balie@test.plein.example"),
        "municipality": UserFactory(municipality=True, email="gemeente@test.plein.example"),
    }
    return World(library, other_library, location, other_location, users)


@pytest.fixture(autouse=True)
def _dutch(settings):
    settings.LANGUAGE_CODE = "nl"
