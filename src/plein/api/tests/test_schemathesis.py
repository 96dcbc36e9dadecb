"""Schemathesis against the API's own OpenAPI document (issue 10 §5, §7): every operation, with
generated valid and invalid requests and a valid API key, through the WSGI app in this process.
Fixed seed (derandomize) and a bounded number of examples, so the run is the same every time
and takes well under a minute. 0 failures: every answer is one the document declares, in the
declared shape, with the declared content type; no 500."""

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from .factories import make_token

EXAMPLES = 40


def _sent_fields(case) -> set[str]:
    """Every field of the request by its path, as the API names them: `from`, `questions.0.topic`."""
    fields = set(case.query or {})

    def walk(value, prefix):
        items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
        for key, inner in items:
            path = f"{prefix}.{key}" if prefix else str(key)
            fields.add(path)
            walk(inner, path)

    walk(case.body, "")
    return fields


def valid_data_is_accepted_or_refused_on_a_sent_field(ctx, response, case):
    """Schemathesis' positive_data_acceptance, except for 422: the rules the document states in
    words (a code that exists, a branch of the key's library, a period of at most ten years, not
    in the future) are data, not schema. A 422 for schema-valid data is fine when it names only
    fields the client sent, so the client knows what to change."""
    if response.status_code != 422:
        return positive_data_acceptance(ctx, response, case)
    if case.meta is None or not case.meta.generation.mode.is_positive:
        return None
    named = set(response.json()["errors"])
    assert named, "a 422 names the fields to change"
    not_sent = named - _sent_fields(case)
    assert not not_sent, f"the 422 names fields the client did not send: {sorted(not_sent)}"
    return None


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    """The WSGI app closes a connection inside a transaction at the end of a request (Django's
    test client switches that off; this app is called without it): the test's transaction
    must stay open, as with the test client."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def api_key(world, settings):
    settings.PLEIN_API_RATE = "100000/m"  # the rate limit has tests of its own
    _token, secret = make_token(world.library, world.users["coordinator"])
    return secret


# The document as a client reads it, from the app itself (no database needed for it).
schema = schemathesis.openapi.from_wsgi("/api/openapi.json", WSGIHandler())


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    derandomize=True,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    database=None,
)
def test_the_api_keeps_its_openapi_document(case, api_key):
    case.call_and_validate(
        headers={"Authorization": f"Bearer {api_key}"},
        excluded_checks=[positive_data_acceptance],
        additional_checks=[valid_data_is_accepted_or_refused_on_a_sent_field],
    )
