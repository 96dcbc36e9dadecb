"""Permission matrix rows for resources (see site/tests/test_permission_matrix.py).

world.library (coordinator, desk worker) is a member of world.group only; world.other_library
of world.other_group only; the facilitator's POI runs both groups. The municipality user's
organisation takes part in no group. A resource without a group is for every logged-in user."""

from plein.site.tests.matrix import FORBIDDEN, LOGGED_IN, LOGIN, NOT_FOUND, OK, row

from .factories import ResourceFactory


def _resource(w, group="own", by="facilitator", **traits):
    groups = {"own": [w.group], "other": [w.other_group], "none": []}[group]
    return {"uuid": ResourceFactory(groups=groups, created_by=w.users[by], **traits).uuid}


GROUP_MEMBERS = row(LOGIN, OK, OK, OK, OK, NOT_FOUND)
OUTSIDERS = row(LOGIN, OK, OK, NOT_FOUND, NOT_FOUND, NOT_FOUND)
NOTHING_TO_DOWNLOAD = row(LOGIN, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND)

MATRIX = [
    ("resources:list", "", lambda w: {}, LOGGED_IN),
    # Managers, and coordinators of a library that takes part in a group.
    ("resources:create", "", lambda w: {}, row(LOGIN, OK, OK, OK, FORBIDDEN, FORBIDDEN)),
    ("resources:detail", "own group", lambda w: _resource(w), GROUP_MEMBERS),
    ("resources:detail", "other group", lambda w: _resource(w, "other"), OUTSIDERS),
    ("resources:detail", "no group", lambda w: _resource(w, "none"), LOGGED_IN),
    ("resources:detail", "example", lambda w: _resource(w, "none", placeholder=True), LOGGED_IN),
    ("resources:download", "own group", lambda w: _resource(w), GROUP_MEMBERS),
    ("resources:download", "other group", lambda w: _resource(w, "other"), OUTSIDERS),
    ("resources:download", "no group", lambda w: _resource(w, "none"), LOGGED_IN),
    ("resources:download", "link", lambda w: _resource(w, link=True), NOTHING_TO_DOWNLOAD),
    ("resources:download", "example", lambda w: _resource(w, "none", placeholder=True), NOTHING_TO_DOWNLOAD),
    (
        "resources:worksheet",
        "a tool, own group",
        lambda w: _resource(w, placeholder=True, seed_key="emb-in-verbinding"),
        GROUP_MEMBERS,
    ),
    ("resources:worksheet", "not a tool", lambda w: _resource(w, "none"), NOTHING_TO_DOWNLOAD),
    (
        "resources:update",
        "own group, by facilitator",
        lambda w: _resource(w),
        row(LOGIN, OK, OK, FORBIDDEN, FORBIDDEN, NOT_FOUND),
    ),
    (
        "resources:update",
        "own group, by coordinator",
        lambda w: _resource(w, by="coordinator"),
        row(LOGIN, OK, OK, OK, FORBIDDEN, NOT_FOUND),
    ),
    ("resources:update", "other group", lambda w: _resource(w, "other"), OUTSIDERS),
    (
        "resources:update",
        "no group",
        lambda w: _resource(w, "none"),
        row(LOGIN, OK, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN),
    ),
    (
        "resources:delete",
        "own group, by facilitator",
        lambda w: _resource(w),
        row(LOGIN, OK, OK, FORBIDDEN, FORBIDDEN, NOT_FOUND),
    ),
    (
        "resources:delete",
        "own group, by coordinator",
        lambda w: _resource(w, by="coordinator"),
        row(LOGIN, OK, OK, OK, FORBIDDEN, NOT_FOUND),
    ),
    ("resources:delete", "other group", lambda w: _resource(w, "other"), OUTSIDERS),
    (
        "resources:delete",
        "no group",
        lambda w: _resource(w, "none"),
        row(LOGIN, OK, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN),
    ),
]
