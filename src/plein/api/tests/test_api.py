"""The API: keys, registering visits (idempotent, anonymous by design), categories, figures,
errors in one JSON shape, rate limits and the OpenAPI description."""

import datetime
import json

import pytest
import time_machine
from auditlog.models import LogEntry
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from plein.api import services
from plein.api.models import RateCount
from plein.organisations.tests.factories import LocationFactory
from plein.registration import selectors as registration_selectors
from plein.registration import services as registration_services
from plein.registration.choices import Metric
from plein.registration.models import Category, DailyCount, Question, Visit
from plein.registration.tests.factories import visit_data

from .factories import bearer, make_token, visit_body

pytestmark = pytest.mark.django_db

CATEGORIES = "/api/v1/categories"
VISITS = "/api/v1/visits"
FIGURES = "/api/v1/figures"


@pytest.fixture
def key(world):
    token, secret = make_token(world.library, world.users["coordinator"])
    return token, secret


def post(client, secret, body, **extra):
    return client.post(VISITS, json.dumps(body), content_type="application/json", **bearer(secret), **extra)


def assert_error_shape(response, status):
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"detail", "errors"} and body["detail"]
    return body


# --- who is asking -------------------------------------------------------------------------


def test_the_urls_are_where_the_docs_say():
    assert reverse("api:categories") == CATEGORIES
    assert reverse("api:visits") == VISITS
    assert reverse("api:figures") == FIGURES
    assert reverse("api:openapi-json") == "/api/openapi.json"
    assert reverse("api:openapi-view") == "/api/docs"


@pytest.mark.parametrize(
    "header",
    [None, "Bearer", "Bearer niet-bestaand", "Basic dXNlcjpwYXNz", "Token abc"],
)
def test_no_valid_key_is_401(client, world, key, header):
    extra = {"HTTP_AUTHORIZATION": header} if header else {}
    response = client.get(CATEGORIES, **extra)
    body = assert_error_shape(response, 401)
    assert response["WWW-Authenticate"] == "Bearer"
    assert "API-sleutel" in body["detail"]


def test_a_revoked_key_is_401_at_once(client, world, key):
    token, secret = key
    assert client.get(CATEGORIES, **bearer(secret)).status_code == 200
    services.token_revoke(acting_user=world.users["coordinator"], token=token)
    body = assert_error_shape(client.get(CATEGORIES, **bearer(secret)), 401)
    assert "ingetrokken" in body["detail"]


def _maker_deactivated(world):
    from plein.accounts.services import user_update

    coordinator = world.users["coordinator"]
    user_update(
        user=coordinator,
        acting_user=world.users["administrator"],
        name=coordinator.name,
        role=coordinator.role,
        organisation=coordinator.organisation,
        is_active=False,
    )


def _maker_moved(world):
    from plein.accounts.services import user_update

    coordinator = world.users["coordinator"]
    user_update(
        user=coordinator,
        acting_user=world.users["administrator"],
        name=coordinator.name,
        role=coordinator.role,
        organisation=world.other_library,
        is_active=True,
    )


def _maker_deleted(world):
    world.users["coordinator"].delete()


@pytest.mark.parametrize("change", [_maker_deactivated, _maker_moved, _maker_deleted])
def test_a_key_stops_when_its_maker_no_longer_works_for_the_library(client, world, key, change):
    _token, secret = key
    assert client.get(CATEGORIES, **bearer(secret)).status_code == 200
    change(world)
    body = assert_error_shape(client.get(CATEGORIES, **bearer(secret)), 401)
    assert "werkt niet meer" in body["detail"] and "nieuwe sleutel" in body["detail"]
    assert_error_shape(post(client, secret, visit_body(world.location)), 401)
    assert_error_shape(client.get(FIGURES, **bearer(secret)), 401)
    assert not Visit.objects.exists()


def test_a_key_made_by_an_administrator_keeps_working(client, world):
    _token, secret = make_token(world.library, world.users["administrator"])
    assert client.get(CATEGORIES, **bearer(secret)).status_code == 200


def test_a_key_stops_when_its_library_is_gone(client, world):
    from plein.organisations.tests.factories import OrganisationFactory

    library = OrganisationFactory()
    _token, secret = make_token(library, world.users["administrator"])
    assert client.get(CATEGORIES, **bearer(secret)).status_code == 200
    library.delete()
    body = assert_error_shape(client.get(CATEGORIES, **bearer(secret)), 401)
    assert "API-sleutel" in body["detail"]


def test_a_logged_in_session_is_no_key(client, world):
    client.force_login(world.users["administrator"])
    assert_error_shape(client.get(CATEGORIES), 401)


def test_using_a_key_notes_when(client, world, key):
    token, secret = key
    assert token.last_used_at is None
    client.get(CATEGORIES, **bearer(secret))
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_no_csrf_token_is_needed(world, key):
    _token, secret = key
    client = Client(enforce_csrf_checks=True)
    assert post(client, secret, visit_body(world.location)).status_code == 201


# --- categories ----------------------------------------------------------------------------


def test_categories_per_kind_with_retired_ones_marked(client, world, key):
    _token, secret = key
    retired = Category.objects.get(kind="onderwerp", code="digid")
    registration_services.category_retire(category=retired, acting_user=None)
    body = client.get(CATEGORIES, **bearer(secret)).json()
    kinds = {k["kind"]: k for k in body["kinds"]}
    assert set(kinds) == {"kanaal", "duur", "domein", "onderwerp", "organisatie", "hulp", "digid", "doorverwijzing"}
    assert kinds["kanaal"]["field"] == "channel" and kinds["digid"]["field"] == "digid_follow_up"
    assert kinds["kanaal"]["label"] == "Kanaal"
    topics = {c["code"]: c for c in kinds["onderwerp"]["categories"]}
    assert topics["digid"]["active"] is False
    assert set(topics["digid"]) == {"code", "label", "national_code", "active"}
    assert sum(len(k["categories"]) for k in body["kinds"]) == Category.objects.count()


# --- registering a visit -------------------------------------------------------------------


def test_a_visit_is_stored_once_however_often_it_is_sent(client, world, key):
    token, secret = key
    body = visit_body(
        world.location,
        questions=[
            {"domain": "digitale-overheid", "topic": "digid", "help": "praktische-hulp"},
            {
                "domain": "digitale-overheid",
                "topic": "toeslagen",
                "help": "informatie",
                "organisation": "belastingdienst",
            },
        ],
    )
    first = post(client, secret, body)
    assert first.status_code == 201, first.content
    again = post(client, secret, body)
    assert again.status_code == 200
    assert first.json()["visit"] == again.json()["visit"]
    assert first.json() == {"visit": first.json()["visit"], "created": True, "questions": 2}
    assert again.json()["created"] is False
    visit = Visit.objects.get()
    assert str(visit.uuid) == first.json()["visit"]
    assert visit.location == world.location and visit.registered_by == world.users["coordinator"]
    assert visit.idempotency_key == services.api_idempotency_key(token=token, key="bezoek-1")
    # The rollups counted it once.
    today = timezone.localdate()
    total = DailyCount.objects.get(day=today, location=world.location, metric=Metric.VISITS, category__isnull=True)
    assert total.value == 1
    scope = registration_selectors.Scope("x", "x", [world.location.pk])
    figures = registration_selectors.figures(scope=scope, period=registration_selectors.Period(today, today))
    assert (figures.visits.count, figures.questions.count) == (1, 2)


def test_the_history_names_the_person_who_made_the_key(client, world, key):
    _token, secret = key
    post(client, secret, visit_body(world.location))
    entry = LogEntry.objects.get_for_object(Visit.objects.get()).get()
    assert entry.actor == world.users["coordinator"]


def test_a_visit_on_an_earlier_day(client, world, key):
    _token, secret = key
    day = timezone.localdate() - datetime.timedelta(days=3)
    assert post(client, secret, visit_body(world.location, day=day.isoformat())).status_code == 201
    assert Visit.objects.get().day == day


def test_keys_of_two_clients_do_not_collide(client, world, key):
    _token, secret = key
    _other, other_secret = make_token(world.library, world.users["coordinator"], name="Tweede app")
    assert post(client, secret, visit_body(world.location)).status_code == 201
    assert post(client, other_secret, visit_body(world.location)).status_code == 201
    # ... nor with the web desk, where a browser picks its keys.
    registration_services.visit_register(
        acting_user=world.users["desk_worker"], **visit_data(location=world.location, idempotency_key="bezoek-1")
    )
    assert Visit.objects.count() == 3


@pytest.mark.parametrize(
    "extra",
    [
        {"naam": "Jan Jansen"},
        {"bsn": "123456782"},
        {"geboortedatum": "1950-01-01"},
        {"notes": "Kwam voor zijn moeder"},
    ],
)
def test_personal_data_is_refused_and_nothing_is_stored(client, world, key, extra):
    _token, secret = key
    body = assert_error_shape(post(client, secret, visit_body(world.location, **extra)), 422)
    (field,) = extra
    assert field in body["errors"]
    assert "bestaat niet" in body["errors"][field][0]
    assert not Visit.objects.exists() and not DailyCount.objects.exists()


def test_personal_data_inside_a_question_is_refused_too(client, world, key):
    _token, secret = key
    question = {"domain": "digitale-overheid", "topic": "digid", "help": "praktische-hulp", "email": "a@b.nl"}
    body = assert_error_shape(post(client, secret, visit_body(world.location, questions=[question])), 422)
    assert list(body["errors"]) == ["questions.0.email"]
    assert not Visit.objects.exists() and not Question.objects.exists()


def test_a_branch_of_another_library_is_refused(client, world, key):
    _token, secret = key
    body = assert_error_shape(post(client, secret, visit_body(world.other_location)), 422)
    assert list(body["errors"]) == ["location"]
    assert not Visit.objects.exists() and not DailyCount.objects.exists()


def test_a_branch_without_ido_is_refused(client, world, key):
    _token, secret = key
    branch = LocationFactory(organisation=world.library, has_ido=False)
    body = assert_error_shape(post(client, secret, visit_body(branch)), 422)
    assert "location" in body["errors"]
    assert not Visit.objects.exists()


def test_a_retired_category_is_refused(client, world, key):
    _token, secret = key
    registration_services.category_retire(
        category=Category.objects.get(kind="onderwerp", code="digid"), acting_user=None
    )
    body = assert_error_shape(post(client, secret, visit_body(world.location)), 422)
    assert "niet meer gebruikt" in body["errors"]["questions.0.topic"][0]
    assert not Visit.objects.exists() and not DailyCount.objects.exists()


def test_unknown_codes_missing_fields_and_bad_values_are_named(client, world, key):
    _token, secret = key
    body = assert_error_shape(
        post(
            client,
            secret,
            visit_body(
                world.location,
                channel="te-voet",
                questions=[{"domain": "digitale-overheid", "topic": "bestaat-niet", "help": "praktische-hulp"}],
            ),
        ),
        422,
    )
    assert set(body["errors"]) == {"channel", "questions.0.topic"}
    assert "te-voet" in body["errors"]["channel"][0]
    body = assert_error_shape(post(client, secret, {"location": "geen-uuid", "questions": []}), 422)
    assert {"location", "channel", "duration", "questions", "idempotency_key"} <= set(body["errors"])
    assert body["errors"]["duration"] == ["Dit veld is verplicht."]
    body = assert_error_shape(post(client, secret, visit_body(world.location, idempotency_key="k" * 65)), 422)
    assert list(body["errors"]) == ["idempotency_key"]
    assert not Visit.objects.exists()


def test_a_visit_in_the_future_is_refused(client, world, key):
    _token, secret = key
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    body = assert_error_shape(post(client, secret, visit_body(world.location, day=tomorrow.isoformat())), 422)
    assert list(body["errors"]) == ["day"]
    body = assert_error_shape(post(client, secret, visit_body(world.location, day="1999-12-31")), 422)
    assert list(body["errors"]) == ["day"]


def test_a_body_that_is_not_json(client, world, key):
    _token, secret = key
    response = client.post(VISITS, "{niet json", content_type="application/json", **bearer(secret))
    assert_error_shape(response, 400)


def test_messages_are_english_for_who_chose_english(client, world, key):
    _token, secret = key
    client.cookies["django_language"] = "en"
    body = assert_error_shape(post(client, secret, visit_body(world.location, naam="x")), 422)
    assert body["errors"]["naam"][0].startswith("This field does not exist")


# --- figures -------------------------------------------------------------------------------


def test_figures_of_the_own_library(client, world, key):
    _token, secret = key
    post(client, secret, visit_body(world.location))
    registration_services.visit_register(
        acting_user=world.users["administrator"], **visit_data(location=world.other_location)
    )
    body = client.get(FIGURES, **bearer(secret)).json()
    assert body["scope"]["key"] == f"bibliotheek-{world.library.uuid}"
    assert [s["key"] for s in body["scopes"]] == [
        f"bibliotheek-{world.library.uuid}",
        f"vestiging-{world.location.uuid}",
    ]
    assert body["visits"] == {"count": 1, "previous": 0}
    assert body["questions"] == {"count": 1, "previous": 0}
    topics = next(b for b in body["breakdowns"] if b["kind"] == "onderwerp")
    assert topics["rows"] == [{"code": "digid", "label": topics["rows"][0]["label"], "count": 1, "previous": 0}]
    assert topics["counts"] == "vragen_per"
    assert body["period"]["end"] == timezone.localdate().isoformat()
    assert sum(b["visits"] for b in body["series"]) == 1


def test_figures_of_an_own_branch_and_a_period(client, world, key):
    _token, secret = key
    post(client, secret, visit_body(world.location))
    today = timezone.localdate()
    response = client.get(
        FIGURES,
        {
            "scope": f"vestiging-{world.location.uuid}",
            "from": (today - datetime.timedelta(days=6)).isoformat(),
            "to": today.isoformat(),
        },
        **bearer(secret),
    )
    body = response.json()
    assert response.status_code == 200
    assert body["period"] == {"start": (today - datetime.timedelta(days=6)).isoformat(), "end": today.isoformat()}
    assert body["unit"] == "day" and len(body["series"]) == 7
    assert body["visits"]["count"] == 1


@pytest.mark.parametrize("scope", ["other-library", "other-branch", "land", "provincie-ZH"])
def test_figures_of_anything_else_are_404(client, world, key, scope):
    _token, secret = key
    scope = {
        "other-library": f"bibliotheek-{world.other_library.uuid}",
        "other-branch": f"vestiging-{world.other_location.uuid}",
    }.get(scope, scope)
    body = assert_error_shape(client.get(FIGURES, {"scope": scope}, **bearer(secret)), 404)
    assert "scope" in body["errors"]


@pytest.mark.parametrize(
    "params,field",
    [
        ({"from": "1999-12-31"}, "from"),
        ({"to": "2999-01-01"}, "to"),
        ({"from": "2026-02-30"}, "from"),
        ({"from": "2024-03-01", "to": "2024-02-01"}, "to"),
        ({"from": "2001-01-01", "to": "2024-02-01"}, "to"),
    ],
)
def test_periods_out_of_range_are_422(client, world, key, params, field):
    _token, secret = key
    body = assert_error_shape(client.get(FIGURES, params, **bearer(secret)), 422)
    assert list(body["errors"]) == [field]


# --- rate limit ----------------------------------------------------------------------------


def test_too_many_requests_are_429_with_retry_after(client, world, key, settings):
    # A fixed clock 15 seconds into a minute: on the real clock the window could end a second
    # later, and the message then says "1 seconde" (the test failed now and then).
    with time_machine.travel(datetime.datetime(2027, 3, 2, 10, 0, 15, tzinfo=datetime.UTC), tick=False):
        settings.PLEIN_API_RATE = "3/m"
        _token, secret = key
        _other, other_secret = make_token(world.library, world.users["coordinator"], name="Tweede app")
        for _ in range(3):
            assert client.get(CATEGORIES, **bearer(secret)).status_code == 200
        response = client.get(CATEGORIES, **bearer(secret))
        body = assert_error_shape(response, 429)
        assert response["Retry-After"] == "45"
        assert "45 seconden" in body["detail"]
        assert post(client, secret, visit_body(world.location)).status_code == 429
        assert not Visit.objects.exists()
        # Another key counts on its own.
        assert client.get(CATEGORIES, **bearer(other_secret)).status_code == 200


def test_the_count_lives_in_the_database_that_every_worker_shares(client, world, key, settings):
    """gunicorn runs several processes, maybe on several servers: a count in each one's memory
    (or files) would let a key make the rate in every one. The count is a row in the database."""
    settings.PLEIN_API_RATE = "3/h"
    token, secret = key
    for _ in range(2):
        assert client.get(CATEGORIES, **bearer(secret)).status_code == 200
    assert RateCount.objects.get(token=token).requests == 2
    # Another worker would have nothing in memory; the count is where it finds it.
    services.rate_count(token=token, length=3600, slot=RateCount.objects.get(token=token).slot)
    assert_error_shape(client.get(CATEGORIES, **bearer(secret)), 429)


def test_a_new_window_removes_the_count_of_the_last_one(client, world, key, settings, monkeypatch):
    from types import SimpleNamespace

    from plein.api import endpoints

    settings.PLEIN_API_RATE = "3/m"
    token, secret = key
    monkeypatch.setattr(endpoints, "time", SimpleNamespace(time=lambda: 60 * 1000 + 5))
    client.get(CATEGORIES, **bearer(secret))
    assert list(RateCount.objects.values_list("slot", "requests")) == [(1000, 1)]
    monkeypatch.setattr(endpoints, "time", SimpleNamespace(time=lambda: 60 * 1001 + 5))
    client.get(CATEGORIES, **bearer(secret))
    client.get(CATEGORIES, **bearer(secret))
    assert list(RateCount.objects.values_list("slot", "requests")) == [(1001, 2)]


# --- the description -----------------------------------------------------------------------


def test_openapi_lists_the_three_endpoints(client):
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    assert schema["info"]["title"] == "Plein API" and schema["info"]["version"] == "1"
    assert set(schema["paths"]) == {CATEGORIES, VISITS, FIGURES}
    assert set(schema["paths"][VISITS]) == {"post"}
    assert schema["components"]["securitySchemes"]["ApiKeyAuth"] == {"type": "http", "scheme": "bearer"}
    visit_in = schema["components"]["schemas"]["VisitIn"]
    assert visit_in["additionalProperties"] is False
    assert schema["components"]["schemas"]["QuestionIn"]["additionalProperties"] is False
    fields = set(visit_in["properties"]) | set(schema["components"]["schemas"]["QuestionIn"]["properties"])
    assert not fields & {"name", "naam", "bsn", "birth_date", "address", "phone", "email", "notes"}
    # Every $ref points at a schema that is there.
    text = json.dumps(schema)
    for name in {part.split('"')[0] for part in text.split("#/components/schemas/")[1:]}:
        assert name in schema["components"]["schemas"]


def test_the_docs_page_is_plein_and_dutch(client):
    response = client.get("/api/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="nl">' in html and "<script" not in html.split("</head>")[1]
    assert 'href="/api/openapi.json"' in html
    assert "<sleutel>" not in html and "<code>Authorization: Bearer &lt;sleutel&gt;</code></li>" in html  # no raw tag
    for text in ["GET", "POST", CATEGORIES, VISITS, FIGURES, "Bezoek registreren", "VisitIn"]:
        assert text in html
