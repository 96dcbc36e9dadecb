"""Schemathesis against the open data API's own OpenAPI document (issue 13 §3): the document
validates against the OpenAPI meta-schema, and every operation, with generated valid and
invalid requests and a few published offers (and a draft) in the database, answers only what
the document declares: declared statuses, problem+json for errors, the API-Version header, no
500. Fixed seed and a bounded number of examples, as in api/tests/test_schemathesis.py."""

import pytest
import schemathesis
import time_machine
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from .open_support import NOW, published_world

EXAMPLES = 40

schema = schemathesis.openapi.from_wsgi("/api/aanbod/v1/openapi.json", WSGIHandler())


def test_the_openapi_document_validates():
    schema.validate()  # the OpenAPI 3.1 meta-schema; raises on any error
    assert schema.raw_schema["openapi"].startswith("3.1")


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    """The WSGI app would close the test's connection at the end of a request (see
    api/tests/test_schemathesis.py)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def offers(world):
    with time_machine.travel(NOW, tick=True):
        yield published_world(world)


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    derandomize=True,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    database=None,
)
def test_the_open_api_keeps_its_openapi_document(case, offers):
    response = case.call_and_validate()
    assert response.status_code < 500
    headers = {name.lower(): value for name, value in response.headers.items()}
    assert headers["api-version"] in ("1.0.0", ["1.0.0"])
