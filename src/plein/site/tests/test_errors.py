"""Error answers when something is down or too big (issue 10 §4): the page needs no database,
the API and the desk's script get JSON, 503 with Retry-After while the database is unreachable,
and Dutch 400/413 answers for too many fields and too large bodies."""

from contextlib import contextmanager

import pytest
from django.db import OperationalError, connection
from django.test import Client, RequestFactory
from django.urls import reverse

from plein.api.tests.factories import bearer, make_token
from plein.registration.tests.test_desk import form_data
from plein.site.views import error_500

pytestmark = pytest.mark.django_db


class FailingDatabase:
    """Every query fails the way an unreachable server does; the attempts are counted."""

    def __init__(self):
        self.attempts = []

    def __call__(self, execute, sql, params, many, context):
        self.attempts.append(sql)
        raise OperationalError("connection to server at 127.0.0.1, port 5432 failed: Connection refused")


@contextmanager
def database_down():
    failing = FailingDatabase()
    with connection.execute_wrapper(failing):
        yield failing


def assert_dutch_page(response, status):
    assert response.status_code == status
    assert response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    assert '<html lang="nl">' in html and "<main" in html and "<h1" in html
    assert "Naar de voorpagina" in html
    return html


def assert_json(response, status, *, api):
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert body["detail"] and body["errors"] == {}
    assert set(body) == ({"detail", "errors"} if api else {"ok", "detail", "errors"})
    if not api:
        assert body["ok"] is False
    return body


@pytest.fixture
def quiet_client():
    """A client that gets the error page, as a browser would, instead of the exception."""
    return Client(raise_request_exception=False)


# --- the database is down ------------------------------------------------------------------


def test_the_500_page_needs_no_database():
    request = RequestFactory().get("/cijfers/")  # no user, no session: nothing to look up
    with database_down() as failing:
        response = error_500(request)
    html = assert_dutch_page(response, 500)
    assert "Er ging bij ons iets mis" in html
    assert failing.attempts == []


def test_an_error_in_a_view_shows_the_dutch_500_page(quiet_client, world, monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("kapot")

    monkeypatch.setattr("plein.site.views.start_page_sections", broken)
    quiet_client.force_login(world.users["coordinator"])
    html = assert_dutch_page(quiet_client.get("/"), 500)
    assert "Er ging bij ons iets mis" in html


def test_a_page_while_the_database_is_down_is_503_without_another_query(quiet_client, world):
    quiet_client.force_login(world.users["coordinator"])
    with database_down() as failing:
        response = quiet_client.get(reverse("registration:figures"))
    html = assert_dutch_page(response, 503)
    assert response["Retry-After"] == "30"
    assert "database" in html and "niet opgeslagen" in html
    assert len(failing.attempts) == 1  # the session; the error page itself asks nothing


def test_a_view_that_finds_the_database_down_is_503(quiet_client, world):
    """The first query in the view itself (not in a middleware) fails."""
    with database_down() as failing:
        response = quiet_client.get(reverse("themegroups:signup_index"))
    assert_dutch_page(response, 503)
    assert response["Retry-After"] == "30"
    assert len(failing.attempts) == 1


def test_the_desk_script_gets_json_503_while_the_database_is_down(quiet_client, world):
    quiet_client.force_login(world.users["desk_worker"])
    quiet_client.post(reverse("registration:desk_branch"), {"vestiging": str(world.location.uuid)})
    data = form_data()
    with database_down() as failing:
        response = quiet_client.post("/registreren/", data, HTTP_ACCEPT="application/json")
    body = assert_json(response, 503, api=False)
    assert "database" in body["detail"]
    assert response["Retry-After"] == "30"
    assert len(failing.attempts) == 1


def test_the_api_gets_json_503_while_the_database_is_down(quiet_client, world):
    _token, secret = make_token(world.library, world.users["coordinator"])
    with database_down() as failing:
        response = quiet_client.get("/api/v1/categories", **bearer(secret))
    body = assert_json(response, 503, api=True)
    assert "database" in body["detail"]
    assert response["Retry-After"] == "30"
    assert len(failing.attempts) == 1  # looking up the key; nothing after it


# --- too many fields, too large ------------------------------------------------------------


@pytest.fixture
def desk_client(quiet_client, world):
    quiet_client.force_login(world.users["desk_worker"])
    quiet_client.post(reverse("registration:desk_branch"), {"vestiging": str(world.location.uuid)})
    return quiet_client


def test_too_many_fields_is_a_dutch_400_page(desk_client, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 50
    data = form_data(questions=10)  # 7 + 60 fields
    html = assert_dutch_page(desk_client.post("/registreren/", data), 400)
    assert "te veel velden" in html


def test_too_many_fields_is_json_400_for_the_desk_script(desk_client, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 50
    response = desk_client.post("/registreren/", form_data(questions=10), HTTP_ACCEPT="application/json")
    body = assert_json(response, 400, api=False)
    assert "te veel velden" in body["detail"]


def test_a_body_that_is_too_large_is_a_dutch_413_page(desk_client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    data = form_data(idempotency_key="x" * 2000)
    html = assert_dutch_page(desk_client.post("/registreren/", data), 413)
    assert "te groot" in html
    response = desk_client.post("/registreren/", data, HTTP_ACCEPT="application/json")
    assert "te groot" in assert_json(response, 413, api=False)["detail"]


def test_a_body_that_is_too_large_is_json_413_for_the_api(quiet_client, world, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    _token, secret = make_token(world.library, world.users["coordinator"])
    body = '{"idempotency_key": "' + "x" * 2000 + '"}'
    response = quiet_client.post("/api/v1/visits", body, content_type="application/json", **bearer(secret))
    assert "te groot" in assert_json(response, 413, api=True)["detail"]


def test_a_request_django_cannot_read_is_a_dutch_400_page(quiet_client, world):
    from django.core.exceptions import SuspiciousOperation

    from plein.site.views import error_400

    response = error_400(RequestFactory().get("/"), SuspiciousOperation("kapot"))
    assert "niet lezen" in assert_dutch_page(response, 400)


def test_a_database_outage_is_logged_as_one_line(quiet_client, world, caplog):
    _token, secret = make_token(world.library, world.users["coordinator"])
    with database_down():
        quiet_client.get("/api/v1/categories", **bearer(secret))
    (record,) = [r for r in caplog.records if r.name == "plein.common.errors"]
    assert "Database unreachable" in record.getMessage() and "/api/v1/categories" in record.getMessage()
    assert record.exc_info is None
