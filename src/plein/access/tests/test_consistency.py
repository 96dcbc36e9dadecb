"""403 and 404 give one answer: for every role, every library and every kind of object, the
selector a page fetches the object with (404 when it does not return it) and the rule the page
checks (`user.has_perm`, 403) agree. Both are derived from `plein.access`.

This test imports features (their selectors and factories) on purpose: it checks them against
access. The import-linter contract for access ignores `plein.access.tests`."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous",
    "administrator",
    "facilitator",
    "other_facilitator",
    "coordinator",
    "desk_worker",
    "other_coordinator",
    "municipality",
    "municipality_elsewhere",
]


def _found(fetch) -> bool:
    try:
        return fetch() is not None
    except Http404:
        return False


def _fresh(obj):
    """A new instance, so the rule cannot lean on what the selector remembered."""
    return type(obj).objects.get(pk=obj.pk)


def _objects(wide, library):
    """(kind, 404 helper, permission, object for the rule) for everything a library holds."""
    from plein.actions import selectors as actions
    from plein.api import selectors as api
    from plein.api.services import token_create
    from plein.emb import selectors as emb
    from plein.guide import selectors as guide
    from plein.guide.tests.factories import TrajectoryFactory
    from plein.offers import selectors_manage as offers
    from plein.offers.tests.factories import OfferFactory
    from plein.organisations import selectors as organisations
    from plein.registration import selectors as registration
    from plein.themegroups import selectors as themegroups

    route = TrajectoryFactory(library=library)
    draft = OfferFactory(location=library.locations.first(), status="concept")
    token, _secret = token_create(acting_user=wide.users["administrator"], organisation=library, name="Sleutel")
    rows = [
        ("action plan", lambda u: actions.library_get(user=u, uuid=library.uuid), "actions.view_plan", library),
        ("EMB portfolio", lambda u: emb.library_get(user=u, uuid=library.uuid), "emb.view_portfolio", library),
        ("guide route", lambda u: guide.trajectory_get(user=u, uuid=route.uuid), "guide.view_route", library),
        ("API key", lambda u: api.token_get(user=u, uuid=token.uuid), "api.revoke_token", token),
        ("draft offer", lambda u: offers.offer_get(user=u, uuid=draft.uuid), "offers.view_offer", library),
        (
            "organisation",
            lambda u: organisations.organisation_get(user=u, uuid=library.uuid),
            "organisations.view_organisation",
            library,
        ),
    ]
    for location in library.locations.all():
        rows += [
            (
                f"figures of {location.name}",
                lambda u, loc=location: registration.scope_choices(user=u).get(f"vestiging-{loc.uuid}"),
                "registration.view_location_figures",
                location,
            ),
            (
                f"desk at {location.name}",
                lambda u, loc=location: registration.desk_locations(u).filter(pk=loc.pk).first(),
                "registration.register_at_location",
                location,
            ),
            (
                f"figures of the municipality of {location.name}",
                lambda u, m=location.municipality: registration.scope_choices(user=u).get(f"gemeente-{m.uuid}"),
                "registration.view_municipality_figures",
                location.municipality,
            ),
        ]
    for membership in library.group_memberships.select_related("group"):
        group = membership.group
        rows += [
            (
                f"theme group {group.name}",
                lambda u, g=group: themegroups.group_get(user=u, uuid=g.uuid),
                "themegroups.view_group",
                group,
            ),
            (
                f"practice cases of {group.name}",
                lambda u, g=group: themegroups.group_get(user=u, uuid=g.uuid),
                "practicecases.view_cases",
                group,
            ),
        ]
    return rows


@pytest.mark.parametrize("library_name", ["library", "other_library", "far_library", "neighbour"])
def test_selector_and_rule_agree(wide, library_name):
    library = wide.libraries[library_name]
    disagreements, seen = [], 0
    for kind, fetch, permission, obj in _objects(wide, library):
        for role in ROLES:
            user = wide.users[role]
            user = AnonymousUser() if user is None else type(user).objects.get(pk=user.pk)
            by_selector = _found(lambda fetch=fetch, user=user: fetch(user))
            checker = AnonymousUser() if wide.users[role] is None else type(user).objects.get(pk=user.pk)
            by_rule = checker.has_perm(permission, _fresh(obj))
            seen += by_selector
            if by_selector != by_rule:
                disagreements.append(f"{role} × {library_name} × {kind}: 404-helper {by_selector}, rule {by_rule}")
    assert not disagreements, "\n".join(disagreements)
    assert seen  # somebody sees something of every library


def test_the_walk_covers_every_kind(wide):
    kinds = {kind.split(" of ")[0].split(" at ")[0] for kind, *_ in _objects(wide, wide.world.library)}
    assert {"action plan", "EMB portfolio", "guide route", "API key", "organisation", "figures", "desk"} <= kinds
    assert "draft offer" in kinds
    assert any(k.startswith("theme group") for k in kinds)
