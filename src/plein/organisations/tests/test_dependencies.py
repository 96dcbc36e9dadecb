"""Organisations is a floor under the features: it announces (signals) instead of calling up."""

import ast
from pathlib import Path

import pytest

import plein.organisations
from plein.accounts.tests.factories import UserFactory
from plein.organisations import services
from plein.organisations.models import Location
from plein.organisations.signals import location_moved
from plein.organisations.tests.factories import LocationFactory, MunicipalityFactory, OrganisationFactory

APP = Path(plein.organisations.__file__).parent
# registration listens to organisations (signals.location_moved). (organisations.selectors still
# reads themegroups for the coaching relation; the access layer takes that over.)
FEATURES = ("registration",)


def _imports(path: Path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module


def test_organisations_imports_nothing_from_registration():
    modules = [path for path in APP.rglob("*.py") if "tests" not in path.relative_to(APP).parts]
    assert any(path.name == "services.py" for path in modules)
    wrong = [
        f"{path.relative_to(APP)}: {name}"
        for path in modules
        for name in _imports(path)
        if name.split(".")[:2] in (["plein", feature] for feature in FEATURES)
    ]
    assert wrong == []


@pytest.mark.django_db
def test_moving_a_branch_is_announced_once_with_where_it_was():
    old_library, new_library = OrganisationFactory(), OrganisationFactory()
    location = LocationFactory(organisation=old_library, municipality=MunicipalityFactory(province="ZH"))
    heard = []

    def listen(sender, **kwargs):
        heard.append((sender, kwargs))

    location_moved.connect(listen)
    try:
        admin = UserFactory(administrator=True)
        services.location_update(location=location, acting_user=admin, name="Nieuwe naam")
        assert heard == []  # only a new name: nothing moved
        services.location_update(location=location, acting_user=admin, organisation=new_library)
    finally:
        location_moved.disconnect(listen)
    [(sender, kwargs)] = heard
    assert sender is Location and kwargs["location"] == location
    assert (kwargs["old_organisation_id"], kwargs["old_province"]) == (old_library.pk, "ZH")


@pytest.mark.django_db
def test_a_listener_that_fails_undoes_the_move():
    old_library, new_library = OrganisationFactory(), OrganisationFactory()
    location = LocationFactory(organisation=old_library)

    def fail(sender, **kwargs):
        raise RuntimeError("figures could not move")

    location_moved.connect(fail)
    try:
        with pytest.raises(RuntimeError):
            services.location_update(location=location, acting_user=None, organisation=new_library)
    finally:
        location_moved.disconnect(fail)
    assert Location.objects.get(pk=location.pk).organisation_id == old_library.pk
