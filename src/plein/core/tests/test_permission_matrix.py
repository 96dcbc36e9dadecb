"""Every URL of Plein, with every role and an anonymous visitor.

The table below is the permission model as a person meets it. A new URL that is not in the
table fails `test_every_url_is_in_the_matrix`, so the matrix grows with every feature.
"""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from plein.conftest import ROLE_KEYS

LOGIN = "login"  # 302 to the login page
OK, FORBIDDEN, NOT_FOUND = 200, 403, 404


def row(anonymous, administrator, facilitator, coordinator, desk_worker, municipality):
    return {
        "anonymous": anonymous,
        "administrator": administrator,
        "facilitator": facilitator,
        "coordinator": coordinator,
        "desk_worker": desk_worker,
        "municipality": municipality,
    }


EVERYONE = row(OK, OK, OK, OK, OK, OK)
LOGGED_IN = row(LOGIN, OK, OK, OK, OK, OK)
MANAGERS = row(LOGIN, OK, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN)

# (url name, description, kwargs from the world, expected status per role)
# The coordinator and desk worker work at world.library; "other" objects belong to another library.
MATRIX = [
    ("core:home", "", lambda w: {}, EVERYONE),
    ("core:accessibility", "", lambda w: {}, EVERYONE),
    ("core:privacy", "", lambda w: {}, EVERYONE),
    ("core:health", "", lambda w: {}, EVERYONE),
    ("accounts:profile", "", lambda w: {}, LOGGED_IN),
    ("accounts:user_list", "", lambda w: {}, MANAGERS),
    ("accounts:invite", "", lambda w: {}, MANAGERS),
    (
        "accounts:user_update",
        "a coordinator",
        lambda w: {"uuid": w.users["coordinator"].uuid},
        row(LOGIN, OK, OK, NOT_FOUND, NOT_FOUND, NOT_FOUND),
    ),
    (
        "accounts:user_update",
        "an administrator",
        lambda w: {"uuid": w.users["administrator"].uuid},
        row(LOGIN, OK, FORBIDDEN, NOT_FOUND, NOT_FOUND, NOT_FOUND),
    ),
    (
        "accounts:user_history",
        "",
        lambda w: {"uuid": w.users["coordinator"].uuid},
        row(LOGIN, OK, OK, NOT_FOUND, NOT_FOUND, NOT_FOUND),
    ),
    ("accounts:accept_invitation", "unknown token", lambda w: {"token": "onbekend"}, row(*[NOT_FOUND] * 6)),
    ("organisations:list", "", lambda w: {}, MANAGERS),
    ("organisations:create", "", lambda w: {}, MANAGERS),
    ("organisations:municipalities", "", lambda w: {}, MANAGERS),
    ("organisations:mine", "", lambda w: {}, row(LOGIN, 302, 302, 302, 302, 302)),
    (
        "organisations:detail",
        "own library",
        lambda w: {"uuid": w.library.uuid},
        row(LOGIN, OK, OK, OK, OK, NOT_FOUND),
    ),
    (
        "organisations:detail",
        "other library",
        lambda w: {"uuid": w.other_library.uuid},
        row(LOGIN, OK, OK, NOT_FOUND, NOT_FOUND, NOT_FOUND),
    ),
    (
        "organisations:update",
        "own library",
        lambda w: {"uuid": w.library.uuid},
        row(LOGIN, OK, OK, FORBIDDEN, FORBIDDEN, NOT_FOUND),
    ),
    (
        "organisations:history",
        "own library",
        lambda w: {"uuid": w.library.uuid},
        row(LOGIN, OK, OK, FORBIDDEN, FORBIDDEN, NOT_FOUND),
    ),
    (
        "organisations:location_create",
        "own library",
        lambda w: {"uuid": w.library.uuid},
        row(LOGIN, OK, OK, OK, FORBIDDEN, NOT_FOUND),
    ),
    (
        "organisations:location_create",
        "other library",
        lambda w: {"uuid": w.other_library.uuid},
        row(LOGIN, OK, OK, NOT_FOUND, NOT_FOUND, NOT_FOUND),
    ),
    (
        "organisations:location_update",
        "own branch",
        lambda w: {"uuid": w.library.uuid, "location_uuid": w.location.uuid},
        row(LOGIN, OK, OK, OK, FORBIDDEN, NOT_FOUND),
    ),
    (
        "organisations:location_update",
        "other library's branch",
        lambda w: {"uuid": w.other_library.uuid, "location_uuid": w.other_location.uuid},
        row(LOGIN, OK, OK, NOT_FOUND, NOT_FOUND, NOT_FOUND),
    ),
    (
        "organisations:location_update",
        "other library's branch through own library",
        lambda w: {"uuid": w.library.uuid, "location_uuid": w.other_location.uuid},
        row(LOGIN, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND),
    ),
    (
        "organisations:location_delete",
        "own branch",
        lambda w: {"uuid": w.library.uuid, "location_uuid": w.location.uuid},
        row(LOGIN, OK, OK, OK, FORBIDDEN, NOT_FOUND),
    ),
    (
        "organisations:location_delete",
        "other library's branch",
        lambda w: {"uuid": w.other_library.uuid, "location_uuid": w.other_location.uuid},
        row(LOGIN, OK, OK, NOT_FOUND, NOT_FOUND, NOT_FOUND),
    ),
    # Third-party pages Plein relies on.
    ("account_login", "", lambda w: {}, row(OK, 302, 302, 302, 302, 302)),
    ("account_reset_password", "", lambda w: {}, EVERYONE),
    ("account_change_password", "", lambda w: {}, LOGGED_IN),
    ("mfa_index", "", lambda w: {}, LOGGED_IN),
    ("admin:index", "", lambda w: {}, row(302, OK, 302, 302, 302, 302)),
]

# Namespaces that are Plein's own: every URL in them must be in the matrix.
OWN_NAMESPACES = {"core", "accounts", "organisations"}


def _own_url_names():
    names = set()

    def walk(patterns, namespace):
        for p in patterns:
            if isinstance(p, URLResolver):
                walk(p.url_patterns, p.namespace or namespace)
            elif isinstance(p, URLPattern) and namespace in OWN_NAMESPACES and p.name:
                names.add(f"{namespace}:{p.name}")

    walk(get_resolver().url_patterns, None)
    return names


def test_every_url_is_in_the_matrix():
    covered = {name for name, *_ in MATRIX}
    missing = _own_url_names() - covered
    assert not missing, f"add these URLs to the permission matrix: {sorted(missing)}"


CASES = [
    pytest.param(name, kwargs, role, expected[role], id=f"{name}[{desc}]-{role}" if desc else f"{name}-{role}")
    for name, desc, kwargs, expected in MATRIX
    for role in ["anonymous", *ROLE_KEYS]
]


@pytest.mark.parametrize("name,kwargs,role,expected", CASES)
def test_permission_matrix(client, world, name, kwargs, role, expected):
    if role != "anonymous":
        client.force_login(world.users[role])
    url = reverse(name, kwargs=kwargs(world))
    response = client.get(url)
    if expected == LOGIN:
        assert response.status_code == 302, f"{url} as {role}: {response.status_code}"
        assert response["Location"].startswith(reverse("account_login")), response["Location"]
    else:
        assert response.status_code == expected, f"{url} as {role}: {response.status_code}"
    if expected in (FORBIDDEN, NOT_FOUND):
        # Refusals are Dutch pages in the Plein layout, not a bare error.
        assert "Naar de voorpagina" in response.content.decode()
