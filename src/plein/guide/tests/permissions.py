"""Permission matrix rows for the Ontwikkelplein guide (see site/tests/test_permission_matrix.py).

world.library (coordinator, desk worker) is in world.group; world.other_library in
world.other_group; the facilitator coaches both. A route the user may not see is 404; a route
they see but may not change is 403. The guide's content is for facilitators and administrators."""

from plein.site.tests.matrix import FORBIDDEN, LOGIN, MANAGERS, NOT_FOUND, OK, REDIRECT, row

from .factories import PartnerFactory, TrajectoryFactory, published_guide


def _library(w, other=False):
    return {"uuid": (w.other_library if other else w.library).uuid}


def _route(w, other=False):
    published_guide()
    return {"uuid": TrajectoryFactory(library=w.other_library if other else w.library).uuid}


def _step(w, other=False):
    return {**_route(w, other), "key": "partners"}


def _partner(w, other=False):
    trajectory = TrajectoryFactory(library=w.other_library if other else w.library)
    return {"uuid": PartnerFactory(trajectory=trajectory).uuid}


def _draft_step(w):
    from plein.guide.services import draft_create

    return {"uuid": draft_create(acting_user=w.users["administrator"]).uuid, "key": "partners"}


def _published(w):
    return {"uuid": published_guide().uuid}


# Desk workers do not open the plan, the EMB workspace or the guide (issue 11): 404 as for strangers.
VIEW_OWN = row(LOGIN, OK, OK, OK, NOT_FOUND, NOT_FOUND)
VIEW_OTHER = row(LOGIN, OK, OK, NOT_FOUND, NOT_FOUND, NOT_FOUND)
CHANGE_OWN = row(LOGIN, OK, FORBIDDEN, OK, NOT_FOUND, NOT_FOUND)
CHANGE_OTHER = row(LOGIN, OK, FORBIDDEN, NOT_FOUND, NOT_FOUND, NOT_FOUND)
# POST-only endpoints: a GET goes back to the step page.
POST_OWN = row(LOGIN, REDIRECT, FORBIDDEN, REDIRECT, NOT_FOUND, NOT_FOUND)
POST_OTHER = row(LOGIN, REDIRECT, FORBIDDEN, NOT_FOUND, NOT_FOUND, NOT_FOUND)
MANAGERS_REDIRECT = row(LOGIN, REDIRECT, REDIRECT, FORBIDDEN, FORBIDDEN, FORBIDDEN)

MATRIX = [
    # Managers go to the overview, library staff to their library; desk workers and a municipality have neither.
    ("guide:index", "", lambda w: {}, row(LOGIN, REDIRECT, REDIRECT, REDIRECT, FORBIDDEN, FORBIDDEN)),
    ("guide:overview", "", lambda w: {}, MANAGERS),
    ("guide:manage", "", lambda w: {}, MANAGERS),
    ("guide:draft_create", "GET", lambda w: {}, MANAGERS_REDIRECT),
    ("guide:publish", "GET", _published, MANAGERS_REDIRECT),
    ("guide:step_edit", "draft step", _draft_step, MANAGERS),
    # A published version is never edited: it has no edit page.
    (
        "guide:step_edit",
        "published step",
        lambda w: {**_published(w), "key": "partners"},
        row(LOGIN, NOT_FOUND, NOT_FOUND, FORBIDDEN, FORBIDDEN, FORBIDDEN),
    ),
    ("guide:library", "own library", _library, VIEW_OWN),
    ("guide:library", "other library", lambda w: _library(w, other=True), VIEW_OTHER),
    ("guide:start", "own library", _library, CHANGE_OWN),
    ("guide:start", "other library", lambda w: _library(w, other=True), CHANGE_OTHER),
    ("guide:trajectory", "own library", _route, VIEW_OWN),
    ("guide:trajectory", "other library", lambda w: _route(w, other=True), VIEW_OTHER),
    ("guide:step", "own library", _step, VIEW_OWN),
    ("guide:step", "other library", lambda w: _step(w, other=True), VIEW_OTHER),
    ("guide:autosave", "GET, own library", _step, POST_OWN),
    ("guide:autosave", "GET, other library", lambda w: _step(w, other=True), POST_OTHER),
    ("guide:answer_action", "GET, own library", _step, POST_OWN),
    ("guide:answer_action", "GET, other library", lambda w: _step(w, other=True), POST_OTHER),
    ("guide:partner_create", "own library", _route, CHANGE_OWN),
    ("guide:partner_create", "other library", lambda w: _route(w, other=True), CHANGE_OTHER),
    ("guide:partner_update", "own library", _partner, CHANGE_OWN),
    ("guide:partner_update", "other library", lambda w: _partner(w, other=True), CHANGE_OTHER),
    ("guide:partner_delete", "own library", _partner, CHANGE_OWN),
    ("guide:partner_delete", "other library", lambda w: _partner(w, other=True), CHANGE_OTHER),
    ("guide:plan_docx", "own library", _route, VIEW_OWN),
    ("guide:plan_docx", "other library", lambda w: _route(w, other=True), VIEW_OTHER),
    ("guide:plan_pdf", "own library", _route, VIEW_OWN),
    ("guide:plan_pdf", "other library", lambda w: _route(w, other=True), VIEW_OTHER),
    (
        "guide:trajectory",
        "unknown route",
        lambda w: {"uuid": "00000000-0000-0000-0000-000000000000"},
        row(LOGIN, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND),
    ),
]
