"""Permission matrix rows for the EMB in connection (see site/tests/test_permission_matrix.py).

world.library (coordinator, desk worker) is in world.group; world.other_library in
world.other_group only; the facilitator coaches both. A portfolio the user may not see is 404;
one they see but may not change is 403. A third library in world.group shows sharing: private,
only its own people, its facilitator and administrators; shared, also the staff of the other
libraries in world.group."""

from plein.organisations.tests.factories import OrganisationFactory
from plein.site.tests.matrix import FORBIDDEN, LOGGED_IN, LOGIN, MANAGERS, NOT_FOUND, OK, REDIRECT, row
from plein.themegroups.tests.factories import GroupMembershipFactory

from .factories import ConnectionActionFactory, ConnectionFactory, PortfolioEntryFactory, ProgrammeFactory, shared


def _library(w, other=False):
    return {"uuid": (w.other_library if other else w.library).uuid}


def _group_neighbour(w, share):
    library = OrganisationFactory(name="Bibliotheek Buur")
    GroupMembershipFactory(group=w.group, library=library)
    if share:
        shared(library)
    return library


def _neighbour(w, share=False):
    return {"uuid": _group_neighbour(w, share).uuid}


def _entry(w, other=False):
    return {"uuid": PortfolioEntryFactory(library=w.other_library if other else w.library).uuid}


def _connection(w, other=False, neighbour=None):
    library = neighbour or (w.other_library if other else w.library)
    return {"uuid": ConnectionFactory(library=library).uuid}


def _programme(w):
    return {"uuid": ProgrammeFactory().uuid}


def _local_programme(w, other=False):
    return {"uuid": ProgrammeFactory(library=w.other_library if other else w.library).uuid}


def _with_ido(w):
    from plein.emb.seed import programme

    PortfolioEntryFactory(library=w.library, programme=programme("ido"))
    PortfolioEntryFactory(library=w.library)
    return _library(w)


# Desk workers do not open the plan, the EMB workspace or the guide (issue 11): 404 as for strangers.
VIEW_OWN = row(LOGIN, OK, OK, OK, NOT_FOUND, NOT_FOUND)
VIEW_OTHER = row(LOGIN, OK, OK, NOT_FOUND, NOT_FOUND, NOT_FOUND)
CHANGE_OWN = row(LOGIN, OK, FORBIDDEN, OK, NOT_FOUND, NOT_FOUND)
CHANGE_OTHER = row(LOGIN, OK, FORBIDDEN, NOT_FOUND, NOT_FOUND, NOT_FOUND)
# A shared portfolio in the coordinator's group: readable, never changeable.
CHANGE_SHARED = row(LOGIN, OK, FORBIDDEN, FORBIDDEN, NOT_FOUND, NOT_FOUND)

PER_LIBRARY_VIEW = ["emb:portfolio", "emb:map", "emb:story", "emb:story_pdf"]
PER_LIBRARY_CHANGE = ["emb:entry_create", "emb:local_programme_create", "emb:connection_create", "emb:conversation"]

MATRIX = [
    # Library staff go to their portfolio, managers to the catalogue; desk workers and a municipality have neither.
    ("emb:index", "", lambda w: {}, row(LOGIN, REDIRECT, REDIRECT, REDIRECT, FORBIDDEN, FORBIDDEN)),
    ("emb:catalogue", "", lambda w: {}, LOGGED_IN),
    ("emb:programme_create", "", lambda w: {}, MANAGERS),
    ("emb:programme_update", "national", _programme, row(LOGIN, OK, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN)),
    ("emb:programme_update", "own local", _local_programme, CHANGE_OWN),
    ("emb:programme_update", "other local", lambda w: _local_programme(w, other=True), CHANGE_OTHER),
    ("emb:group_compare", "", lambda w: {"uuid": w.group.uuid}, row(LOGIN, OK, OK, NOT_FOUND, NOT_FOUND, NOT_FOUND)),
    # POST only; a GET goes back to the portfolio.
    ("emb:sharing", "GET, own", _library, row(LOGIN, REDIRECT, FORBIDDEN, REDIRECT, NOT_FOUND, NOT_FOUND)),
    (
        "emb:sharing",
        "GET, other",
        lambda w: _library(w, other=True),
        row(LOGIN, REDIRECT, FORBIDDEN, NOT_FOUND, NOT_FOUND, NOT_FOUND),
    ),
    ("emb:conversation", "own, with IDO", _with_ido, CHANGE_OWN),
    ("emb:entry_update", "own", _entry, CHANGE_OWN),
    ("emb:entry_update", "other", lambda w: _entry(w, other=True), CHANGE_OTHER),
    ("emb:entry_delete", "own", _entry, CHANGE_OWN),
    ("emb:entry_delete", "other", lambda w: _entry(w, other=True), CHANGE_OTHER),
    ("emb:connection_detail", "own", _connection, VIEW_OWN),
    ("emb:connection_detail", "other", lambda w: _connection(w, other=True), VIEW_OTHER),
    (
        "emb:connection_detail",
        "shared neighbour",
        lambda w: _connection(w, neighbour=_group_neighbour(w, share=True)),
        VIEW_OWN,
    ),
    (
        "emb:connection_detail",
        "private neighbour",
        lambda w: _connection(w, neighbour=_group_neighbour(w, share=False)),
        VIEW_OTHER,
    ),
    ("emb:connection_update", "own", _connection, CHANGE_OWN),
    ("emb:connection_update", "other", lambda w: _connection(w, other=True), CHANGE_OTHER),
    (
        "emb:connection_update",
        "shared neighbour",
        lambda w: _connection(w, neighbour=_group_neighbour(w, share=True)),
        CHANGE_SHARED,
    ),
    ("emb:connection_delete", "own", _connection, CHANGE_OWN),
    ("emb:connection_delete", "other", lambda w: _connection(w, other=True), CHANGE_OTHER),
    ("emb:connection_action", "own", _connection, CHANGE_OWN),
    ("emb:connection_action", "other", lambda w: _connection(w, other=True), CHANGE_OTHER),
    (
        "emb:connection_action",
        "from action",
        lambda w: {"uuid": ConnectionActionFactory(connection__library=w.library).connection.uuid},
        CHANGE_OWN,
    ),
    (
        "emb:portfolio",
        "unknown library",
        lambda w: {"uuid": "00000000-0000-0000-0000-000000000000"},
        row(LOGIN, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND),
    ),
]
for name in PER_LIBRARY_VIEW:
    MATRIX += [
        (name, "own library", _library, VIEW_OWN),
        (name, "other library", lambda w: _library(w, other=True), VIEW_OTHER),
        (name, "shared neighbour", lambda w: _neighbour(w, share=True), VIEW_OWN),
        (name, "private neighbour", lambda w: _neighbour(w, share=False), VIEW_OTHER),
    ]
for name in PER_LIBRARY_CHANGE:
    MATRIX += [
        (name, "own library", _library, CHANGE_OWN),
        (name, "other library", lambda w: _library(w, other=True), CHANGE_OTHER),
        (name, "shared neighbour", lambda w: _neighbour(w, share=True), CHANGE_SHARED),
    ]
