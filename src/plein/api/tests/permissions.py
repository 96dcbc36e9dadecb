"""Permission matrix rows for API keys and the API (see site/tests/test_permission_matrix.py).

Coordinators manage the keys of their own library, administrators those of every library;
everyone else is 403, and a key of another organisation is 404. The API's own URLs answer the same
to every role, because the API ignores the login session: it wants an API key (401 without
one). Its documentation and OpenAPI schema are public."""

from plein.site.tests.matrix import FORBIDDEN, LOGIN, NOT_FOUND, OK, row


def _token(organisation):
    def kwargs(w):
        from plein.api import services

        token, _secret = services.token_create(
            acting_user=w.users["administrator"], organisation=organisation(w), name="Matrix"
        )
        return {"uuid": token.uuid}

    return kwargs


MANAGE = row(LOGIN, OK, FORBIDDEN, OK, FORBIDDEN, FORBIDDEN)
NO_KEY = row(401, 401, 401, 401, 401, 401)
PUBLIC = row(OK, OK, OK, OK, OK, OK)

MATRIX = [
    ("api:tokens", "", lambda w: {}, MANAGE),
    ("api:token_create", "", lambda w: {}, MANAGE),
    # Only the coordinator keeps the library's keys: to anyone else a key is 404, also to the
    # library's desk worker (access.Purpose.DATA; it was 403 before issue 11).
    (
        "api:token_revoke",
        "own library",
        _token(lambda w: w.library),
        row(LOGIN, OK, NOT_FOUND, OK, NOT_FOUND, NOT_FOUND),
    ),
    (
        "api:token_revoke",
        "other library",
        _token(lambda w: w.other_library),
        row(LOGIN, OK, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND),
    ),
    # The API (django-ninja): docs and schema for everyone, the operations only with a key.
    ("api:openapi-view", "", lambda w: {}, PUBLIC),
    ("api:openapi-json", "", lambda w: {}, PUBLIC),
    ("api:api-root", "", lambda w: {}, row(NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND)),
    ("api:categories", "", lambda w: {}, NO_KEY),
    ("api:figures", "", lambda w: {}, NO_KEY),
    ("api:visits", "GET on a POST-only URL", lambda w: {}, row(405, 405, 405, 405, 405, 405)),
]
