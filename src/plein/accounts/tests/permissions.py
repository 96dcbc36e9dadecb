"""Permission matrix rows for accounts (see site/tests/test_permission_matrix.py)."""

from plein.site.tests.matrix import FORBIDDEN, LOGGED_IN, LOGIN, MANAGERS, NOT_FOUND, OK, row

# The coordinator and desk worker work at world.library; "other" objects belong to another library.
MATRIX = [
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
        "an administrator, also themselves",
        lambda w: {"uuid": w.users["administrator"].uuid},
        # A facilitator sees only the people of the organisations they manage.
        row(LOGIN, FORBIDDEN, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND),
    ),
    (
        "accounts:user_update",
        "a facilitator, also themselves",
        lambda w: {"uuid": w.users["facilitator"].uuid},
        row(LOGIN, OK, FORBIDDEN, NOT_FOUND, NOT_FOUND, NOT_FOUND),
    ),
    # allauth's page to change one's login e-mail is switched off: accounts come by invitation.
    ("account_email", "", lambda w: {}, row(*[NOT_FOUND] * 6)),
    (
        "accounts:user_history",
        "",
        lambda w: {"uuid": w.users["coordinator"].uuid},
        row(LOGIN, OK, OK, NOT_FOUND, NOT_FOUND, NOT_FOUND),
    ),
    ("accounts:accept_invitation", "unknown token", lambda w: {"token": "onbekend"}, row(*[NOT_FOUND] * 6)),
]
