"""Building blocks for the permission matrix. Each Plein app lists its URLs in
`plein/<app>/tests/permissions.py` as `MATRIX = [(url name, description, kwargs(world), row(...)), ...]`;
`site/tests/test_permission_matrix.py` collects them all and walks every one with every role."""

LOGIN = "login"  # 302 to the login page
OK, FORBIDDEN, NOT_FOUND, REDIRECT = 200, 403, 404, 302


def row(anonymous, administrator, facilitator, coordinator, desk_worker, municipality):
    return {
        "anonymous": anonymous,
        "administrator": administrator,
        "facilitator": facilitator,
        "coordinator": coordinator,
        "desk_worker": desk_worker,
        "municipality": municipality,
    }


EVERYONE = row(OK, OK, OK, OK, OK, OK)
LOGGED_IN = row(LOGIN, OK, OK, OK, OK, OK)
MANAGERS = row(LOGIN, OK, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN)
