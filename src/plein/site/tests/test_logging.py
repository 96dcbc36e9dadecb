"""A 403 is an everyday event (a link followed by someone without the right), not an error:
one line in the log, no traceback."""

import logging

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_a_403_is_logged_as_one_line_without_a_traceback(client, world, caplog):
    """Failed before: django.request logged every PermissionDenied with its whole traceback."""
    client.force_login(world.users["coordinator"])
    with caplog.at_level(logging.DEBUG):
        response = client.get(reverse("accounts:user_list"))
    assert response.status_code == 403
    forbidden = [r for r in caplog.records if "Forbidden" in r.getMessage() or "403" in r.getMessage()]
    assert len(forbidden) == 1, [r.getMessage() for r in caplog.records]
    record = forbidden[0]
    assert record.exc_info is None and not record.exc_text
    assert "\n" not in record.getMessage()
    assert "/gebruikers/" in record.getMessage()
