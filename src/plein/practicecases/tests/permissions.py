"""Permission matrix rows for practice cases (see site/tests/test_permission_matrix.py).

world.library (coordinator, desk worker) is a member of world.group only; world.other_library
of world.other_group only; the facilitator's POI runs both groups. Reading cases follows
reading the group; bringing in a case or replying is for staff of member libraries and the
facilitator; changing a case for its author and the facilitator."""

from plein.site.tests.matrix import FORBIDDEN, LOGGED_IN, LOGIN, NOT_FOUND, OK, REDIRECT, row

from .factories import PracticeCaseFactory


def _case(w, other=False, author="coordinator"):
    if other:
        return {"uuid": PracticeCaseFactory(group=w.other_group, library=w.other_library).uuid}
    return {"uuid": PracticeCaseFactory(group=w.group, library=w.library, author=w.users[author]).uuid}


GROUP_READERS = row(LOGIN, OK, OK, OK, OK, NOT_FOUND)
OUTSIDERS = row(LOGIN, OK, OK, NOT_FOUND, NOT_FOUND, NOT_FOUND)

MATRIX = [
    ("practicecases:case_list", "own group", lambda w: {"group_uuid": w.group.uuid}, GROUP_READERS),
    ("practicecases:case_list", "other group", lambda w: {"group_uuid": w.other_group.uuid}, OUTSIDERS),
    (
        "practicecases:case_create",
        "own group",
        lambda w: {"group_uuid": w.group.uuid},
        row(LOGIN, FORBIDDEN, OK, OK, OK, NOT_FOUND),
    ),
    (
        "practicecases:case_create",
        "other group",
        lambda w: {"group_uuid": w.other_group.uuid},
        row(LOGIN, FORBIDDEN, OK, NOT_FOUND, NOT_FOUND, NOT_FOUND),
    ),
    ("practicecases:case_detail", "own group", lambda w: _case(w), GROUP_READERS),
    ("practicecases:case_detail", "other group", lambda w: _case(w, other=True), OUTSIDERS),
    (
        "practicecases:case_update",
        "the coordinator's case",
        lambda w: _case(w),
        row(LOGIN, FORBIDDEN, OK, OK, FORBIDDEN, NOT_FOUND),
    ),
    (
        "practicecases:case_update",
        "other group",
        lambda w: _case(w, other=True),
        row(LOGIN, FORBIDDEN, OK, NOT_FOUND, NOT_FOUND, NOT_FOUND),
    ),
    # The reply form sits on the case page: opening the reply address leads there.
    (
        "practicecases:reply_create",
        "own group",
        lambda w: _case(w),
        row(LOGIN, FORBIDDEN, REDIRECT, REDIRECT, REDIRECT, NOT_FOUND),
    ),
    (
        "practicecases:reply_create",
        "other group",
        lambda w: _case(w, other=True),
        row(LOGIN, FORBIDDEN, REDIRECT, NOT_FOUND, NOT_FOUND, NOT_FOUND),
    ),
    ("practicecases:notifications", "", lambda w: {}, LOGGED_IN),
]
