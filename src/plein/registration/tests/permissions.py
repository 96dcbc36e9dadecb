"""Permission matrix rows for the IDO figures (see core/tests/test_permission_matrix.py).

The coordinator and desk worker see their own library (world.library, world.location); the
facilitator coaches both world libraries; the world's municipality user serves no
municipality yet, so it sees the page but no branch; administrators see everything,
including the national, provincial and municipal scopes. A scope the user may not see is 404."""

from plein.core.tests.matrix import LOGIN, NOT_FOUND, OK, row


def _scope(key):
    return lambda w: {"scope": key(w)}


ADMIN_ONLY = row(LOGIN, OK, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND)

MATRIX = [
    ("registration:figures", "", lambda w: {}, row(LOGIN, OK, OK, OK, OK, OK)),
    (
        "registration:figures_scope",
        "own library",
        _scope(lambda w: f"bibliotheek-{w.library.uuid}"),
        row(LOGIN, OK, OK, OK, OK, NOT_FOUND),
    ),
    (
        "registration:figures_scope",
        "other library",
        _scope(lambda w: f"bibliotheek-{w.other_library.uuid}"),
        row(LOGIN, OK, OK, NOT_FOUND, NOT_FOUND, NOT_FOUND),
    ),
    (
        "registration:figures_scope",
        "own branch",
        _scope(lambda w: f"vestiging-{w.location.uuid}"),
        row(LOGIN, OK, OK, OK, OK, NOT_FOUND),
    ),
    (
        "registration:figures_scope",
        "other branch",
        _scope(lambda w: f"vestiging-{w.other_location.uuid}"),
        row(LOGIN, OK, OK, NOT_FOUND, NOT_FOUND, NOT_FOUND),
    ),
    (
        "registration:figures_scope",
        "municipality",
        _scope(lambda w: f"gemeente-{w.location.municipality.uuid}"),
        ADMIN_ONLY,
    ),
    (
        "registration:figures_scope",
        "province",
        _scope(lambda w: f"provincie-{w.location.municipality.province}"),
        ADMIN_ONLY,
    ),
    ("registration:figures_scope", "national", _scope(lambda w: "land"), ADMIN_ONLY),
    (
        "registration:figures_scope",
        "unknown",
        _scope(lambda w: "bibliotheek-00000000-0000-0000-0000-000000000000"),
        row(LOGIN, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND),
    ),
]
