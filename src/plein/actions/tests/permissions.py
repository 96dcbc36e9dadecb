"""Permission matrix rows for action plans (see site/tests/test_permission_matrix.py).

world.library (coordinator, desk worker) is a member of world.group only; world.other_library
of world.other_group only; the facilitator's POI runs both groups, so the facilitator coaches
both libraries. A plan the user may not see is 404; a plan they see but may not change is 403."""

from plein.site.tests.matrix import FORBIDDEN, LOGIN, MANAGERS, NOT_FOUND, OK, REDIRECT, row

from .factories import ActionFactory


def _library(w, other=False):
    return {"uuid": (w.other_library if other else w.library).uuid}


def _action(w, other=False):
    return {"uuid": ActionFactory(library=w.other_library if other else w.library).uuid}


# Desk workers do not open the plan, the EMB workspace or the guide (issue 11): 404 as for strangers.
VIEW_OWN = row(LOGIN, OK, OK, OK, NOT_FOUND, NOT_FOUND)
VIEW_OTHER = row(LOGIN, OK, OK, NOT_FOUND, NOT_FOUND, NOT_FOUND)
CHANGE_OWN = row(LOGIN, OK, FORBIDDEN, OK, NOT_FOUND, NOT_FOUND)
CHANGE_OTHER = row(LOGIN, OK, FORBIDDEN, NOT_FOUND, NOT_FOUND, NOT_FOUND)

MATRIX = [
    # Managers go to the overview, library staff to their plan; desk workers and a municipality have neither.
    ("actions:index", "", lambda w: {}, row(LOGIN, REDIRECT, REDIRECT, REDIRECT, FORBIDDEN, FORBIDDEN)),
    ("actions:overview", "", lambda w: {}, MANAGERS),
    ("actions:plan", "own library", _library, VIEW_OWN),
    ("actions:plan", "other library", lambda w: _library(w, other=True), VIEW_OTHER),
    ("actions:create", "own library", _library, CHANGE_OWN),
    ("actions:create", "other library", lambda w: _library(w, other=True), CHANGE_OTHER),
    ("actions:update", "own library", _action, CHANGE_OWN),
    ("actions:update", "other library", lambda w: _action(w, other=True), CHANGE_OTHER),
    ("actions:delete", "own library", _action, CHANGE_OWN),
    ("actions:delete", "other library", lambda w: _action(w, other=True), CHANGE_OTHER),
    # POST only; a GET goes back to the plan.
    (
        "actions:transition",
        "GET, own library",
        _action,
        row(LOGIN, REDIRECT, FORBIDDEN, REDIRECT, NOT_FOUND, NOT_FOUND),
    ),
    (
        "actions:transition",
        "GET, other library",
        lambda w: _action(w, other=True),
        row(LOGIN, REDIRECT, FORBIDDEN, NOT_FOUND, NOT_FOUND, NOT_FOUND),
    ),
    (
        "actions:plan",
        "unknown library",
        lambda w: {"uuid": "00000000-0000-0000-0000-000000000000"},
        row(LOGIN, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND),
    ),
]
