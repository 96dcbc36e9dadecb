"""Permission matrix rows for organisations (see site/tests/test_permission_matrix.py)."""

from plein.site.tests.matrix import FORBIDDEN, LOGIN, MANAGERS, NOT_FOUND, OK, row

# The coordinator and desk worker work at world.library; "other" objects belong to another library.
MATRIX = [
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
]
