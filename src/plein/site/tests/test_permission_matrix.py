"""Every URL of Plein, with every role and an anonymous visitor.

The tables are the permission model as a person meets it: this module's own rows plus the
`MATRIX` of every app's `tests/permissions.py`. A new URL that is in no table fails
`test_every_url_is_in_the_matrix`, so the matrix grows with every feature.
"""

import importlib

import pytest
from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from plein.conftest import ROLE_KEYS

from .matrix import EVERYONE, FORBIDDEN, LOGGED_IN, LOGIN, NOT_FOUND, OK, row

# (url name, description, kwargs from the world, expected status per role)
# The coordinator and desk worker work at world.library; "other" objects belong to another library.
MATRIX = [
    ("site:home", "", lambda w: {}, EVERYONE),
    ("site:accessibility", "", lambda w: {}, EVERYONE),
    ("site:privacy", "", lambda w: {}, EVERYONE),
    ("site:health", "", lambda w: {}, EVERYONE),
    # Third-party pages Plein relies on.
    ("account_login", "", lambda w: {}, row(OK, 302, 302, 302, 302, 302)),
    ("account_reset_password", "", lambda w: {}, EVERYONE),
    ("account_change_password", "", lambda w: {}, LOGGED_IN),
    ("mfa_index", "", lambda w: {}, LOGGED_IN),
    ("admin:index", "", lambda w: {}, row(302, OK, 302, 302, 302, 302)),
]

# Namespaces that are Plein's own (one per app): every URL in them must be in the matrix.
PLEIN_APPS = [app for app in apps.get_app_configs() if app.name.startswith("plein.")]
OWN_NAMESPACES = {app.label for app in PLEIN_APPS}

for app in PLEIN_APPS:
    try:
        MATRIX += importlib.import_module(f"{app.name}.tests.permissions").MATRIX
    except ModuleNotFoundError:
        pass
MATRIX += importlib.import_module("plein.offers.tests.permissions_public").MATRIX
MATRIX += importlib.import_module("plein.offers.tests.permissions_open").MATRIX

# Apps whose URLs are kept by more than one part of the code have more modules.
MATRIX += importlib.import_module("plein.offers.tests.permissions_manage").MATRIX


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
    if expected in (FORBIDDEN, NOT_FOUND) and url.startswith("/api/aanbod/"):
        # The open data API: problem details (RFC 9457).
        assert response["Content-Type"] == "application/problem+json"
        assert response.json()["status"] == expected
    elif expected in (FORBIDDEN, NOT_FOUND) and url.startswith("/api/"):
        # Under /api/ refusals are the API's JSON, in its one shape.
        assert set(response.json()) == {"detail", "errors"}
    elif expected == NOT_FOUND and url.startswith("/aanbod/"):
        # The public offer: a Dutch page in the residents' frame (it sets no cookie).
        assert "Deze pagina bestaat niet" in response.content.decode()
    elif expected in (FORBIDDEN, NOT_FOUND):
        # Refusals are Dutch pages in the Plein layout, not a bare error.
        assert "Naar de voorpagina" in response.content.decode()
