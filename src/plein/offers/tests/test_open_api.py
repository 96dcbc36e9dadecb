"""The open data API (/api/aanbod/v1/): published offers and branches, paginated and
filtered, never a draft; every error problem+json (RFC 9457), also for an unknown path and a
method a path does not take; API-Version, CORS and Cache-Control on every answer; the
existing API under /api/ keeps its own error shape."""

import json

import pytest
import time_machine

from plein.site.tests.queries import count_queries

from ..choices import OfferStatus
from .factories import OfferFactory, OfferHoursFactory, OfferThemeFactory, SessionFactory
from .open_support import NOW, published_world

pytestmark = pytest.mark.django_db

OFFERS = "/api/aanbod/v1/offers"
LOCATIONS = "/api/aanbod/v1/locations"


@pytest.fixture
def data(world):
    with time_machine.travel(NOW, tick=False):
        yield published_world(world)


def titles(response):
    assert response.status_code == 200, response.content
    return [o["title"] for o in response.json()["results"]]


def assert_problem(response, status):
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/problem+json"
    body = json.loads(response.content)
    assert {"type", "title", "status", "detail"} <= set(body)
    assert body["status"] == status and body["type"] == "about:blank"
    assert response["API-Version"] == "1.0.0"
    return body


def test_the_list_has_the_published_offers_only(client, data):
    response = client.get(OFFERS)
    assert titles(response) == ["Hulp bij DigiD", "Klik & Tik", "Taalhuis spreekuur"]
    body = response.json()
    assert body["count"] == 3 and body["pages"] == 1 and body["links"]["next"] is None
    assert response["API-Version"] == "1.0.0"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "public" in response["Cache-Control"] and "max-age=300" in response["Cache-Control"]
    assert not response.cookies


def test_an_offer_says_what_for_whom_where_when_and_how(client, data):
    weekly = client.get(f"{OFFERS}/{data['weekly'].uuid}").json()
    assert weekly["id"] == str(data["weekly"].uuid)
    assert weekly["kind"]["code"] == "hulp_formulieren" and weekly["access"]["code"] == "inloop"
    assert [t["code"] for t in weekly["themes"]] == ["digitaal", "overheidszaken"]
    assert [b["code"] for b in weekly["bring"]] == ["digid", "identiteitsbewijs"]
    assert weekly["weekly_hours"] == [{"weekday": 2, "day": "dinsdag", "opens": "10:00", "closes": "12:00"}]
    assert weekly["closed_periods"][0]["starts_on"] == "2026-12-21"
    assert weekly["next_occurrence"]["starts_at"] == "2026-12-08T10:00:00+01:00"
    assert weekly["address"]["city"] and weekly["library"]["slug"] == data["weekly"].library.slug
    assert weekly["web_url"].endswith(f"/aanbod/{data['weekly'].library.slug}/hulp-bij-digid/")
    course = client.get(f"{OFFERS}/{data['course'].uuid}").json()
    # Coming sessions only (the one of November has passed); a cancelled one says so.
    assert [(s["starts_at"], s["cancelled"]) for s in course["sessions"]] == [
        ("2026-12-08T14:00:00+01:00", False),
        ("2026-12-15T14:00:00+01:00", True),
    ]
    assert course["signup"]["phone"] == "0123456789" and course["weekly_hours"] == []


def test_a_draft_is_never_in_the_api(client, data, world):
    draft = data["draft"]
    assert_problem(client.get(f"{OFFERS}/{draft.uuid}"), 404)
    for query in ["", "?q=geheim", "?q=digid", "?theme=digitaal", "?weekday=2", f"?location={world.location.uuid}"]:
        assert "Geheim concept" not in titles(client.get(OFFERS + query)), query
    # A branch whose only offer is a draft is not a published location.
    draft.location = world.other_location.__class__.objects.create(
        organisation=world.library, name="Alleen concept", municipality=world.location.municipality
    )
    draft.save()
    assert_problem(client.get(f"{LOCATIONS}/{draft.location.uuid}"), 404)
    assert "Alleen concept" not in [loc["name"] for loc in client.get(LOCATIONS).json()["results"]]
    # Unpublishing takes an offer out at once.
    data["other"].status = OfferStatus.DRAFT
    data["other"].save()
    assert_problem(client.get(f"{OFFERS}/{data['other'].uuid}"), 404)
    assert_problem(client.get(f"{LOCATIONS}/{world.other_location.uuid}"), 404)


@pytest.mark.parametrize(
    "query,expected",
    [
        ("?theme=taal", ["Taalhuis spreekuur"]),
        ("?theme=taal&theme=overheidszaken", ["Hulp bij DigiD", "Taalhuis spreekuur"]),
        ("?kind=digitale_vaardigheden", ["Klik & Tik"]),
        ("?need=praktische_hulp&walk_in=true", ["Hulp bij DigiD", "Taalhuis spreekuur"]),
        ("?walk_in=false", ["Klik & Tik"]),
        ("?weekday=2", ["Hulp bij DigiD", "Klik & Tik"]),  # Tuesday: hours, and a session
        ("?weekday=3", ["Taalhuis spreekuur"]),
        ("?q=digid", ["Hulp bij DigiD"]),
        ("?q=klik%20tik", ["Klik & Tik"]),
        ("?library=bibliotheek-ander", ["Taalhuis spreekuur"]),
        ("?library=bestaat-niet", []),
    ],
)
def test_filters(client, data, query, expected):
    assert titles(client.get(OFFERS + query)) == expected


def test_filters_by_branch_and_municipality(client, data, world):
    assert titles(client.get(f"{OFFERS}?location={world.other_location.uuid}")) == ["Taalhuis spreekuur"]
    slug = world.location.municipality.slug
    assert "Hulp bij DigiD" in titles(client.get(f"{OFFERS}?municipality={slug}"))


def test_pages_link_to_each_other(client, data):
    first = client.get(f"{OFFERS}?page_size=2&theme=digitaal&theme=taal").json()
    assert first["count"] == 3 and first["pages"] == 2 and len(first["results"]) == 2
    assert first["links"]["previous"] is None
    assert "theme=digitaal" in first["links"]["next"] and "page=2" in first["links"]["next"]
    second = client.get(first["links"]["next"]).json()
    assert [o["title"] for o in second["results"]] == ["Taalhuis spreekuur"]
    assert second["links"]["next"] is None and "page=1" in second["links"]["previous"]
    beyond = client.get(f"{OFFERS}?page=9").json()
    assert beyond["results"] == [] and beyond["links"]["previous"].endswith("page=1")


def test_locations_have_address_accessibility_and_links(client, data, world):
    world.location.accessibility = "Ingang zonder drempel, lift."
    world.location.save()
    body = client.get(f"{LOCATIONS}?library={world.library.slug}").json()
    (location,) = body["results"]
    assert location["id"] == str(world.location.uuid)
    assert location["accessibility"] == "Ingang zonder drempel, lift."
    assert location["municipality"]["slug"] == world.location.municipality.slug
    assert location["calendar_url"].endswith(f"/vestiging/{world.location.uuid}/agenda.ics")
    offers = client.get(location["offers_url"]).json()
    assert [o["title"] for o in offers["results"]] == ["Hulp bij DigiD", "Klik & Tik"]
    assert client.get(location["url"]).json()["name"] == world.location.name


@pytest.mark.parametrize(
    "query,names",
    [
        ("?page=0", ["page"]),
        ("?page_size=101", ["page_size"]),
        ("?theme=sport", ["theme"]),
        ("?weekday=8", ["weekday"]),
        ("?walk_in=misschien", ["walk_in"]),
        ("?location=geen-id", ["location"]),
        ("?library=Hoofdletters!", ["library"]),
        ("?thema=taal", ["thema"]),  # a parameter the document does not list
    ],
)
def test_a_bad_parameter_is_400_problem_with_invalid_params(client, data, query, names):
    body = assert_problem(client.get(OFFERS + query), 400)
    assert [p["name"] for p in body["invalid-params"]] == names
    assert all(p["reason"] for p in body["invalid-params"])


@pytest.mark.parametrize("path", ["/api/aanbod/v1/bestaat-niet", "/api/aanbod/", "/api/aanbod/v2/offers", OFFERS + "/"])
def test_an_unknown_path_under_api_aanbod_is_404_problem(client, path):
    body = assert_problem(client.get(path), 404)
    assert "/api/aanbod/v1/" in body["detail"]
    assert client.get(path)["Access-Control-Allow-Origin"] == "*"


def test_an_unknown_id_is_404_and_a_malformed_one_400(client, data):
    assert_problem(client.get(f"{OFFERS}/123e4567-e89b-12d3-a456-426614174000"), 404)
    assert_problem(client.get(f"{LOCATIONS}/123e4567-e89b-12d3-a456-426614174000"), 404)
    body = assert_problem(client.get(f"{OFFERS}/geen-id"), 400)
    assert [p["name"] for p in body["invalid-params"]] == ["offer_id"]


@pytest.mark.parametrize("method", ["post", "put", "delete", "patch"])
def test_a_method_a_path_does_not_take_is_405_problem_with_allow(client, data, method):
    response = getattr(client, method)(OFFERS)
    body = assert_problem(response, 405)
    assert response["Allow"] == "GET" and "GET" in body["detail"]


def test_the_other_api_keeps_its_own_error_shape(client):
    response = client.get("/api/v1/bestaat-niet")
    assert response.status_code == 404 and response["Content-Type"].startswith("application/json")
    assert set(response.json()) == {"detail", "errors"}
    assert "API-Version" not in response


def test_the_document_declares_problem_json_and_the_version_header(client):
    schema = client.get("/api/aanbod/v1/openapi.json").json()
    assert schema["info"]["version"] == "1.0.0"
    assert schema["servers"] == [{"url": "/api/aanbod/v1", "description": "Plein"}]
    assert set(schema["paths"]) == {"/offers", "/offers/{offer_id}", "/locations", "/locations/{location_id}"}
    assert {"name", "url", "email"} <= set(schema["info"]["contact"])
    for operations in schema["paths"].values():
        for operation in operations.values():
            for status, answer in operation["responses"].items():
                assert answer["headers"]["API-Version"]["required"] is True
                if int(status) >= 400:
                    assert set(answer["content"]) == {"application/problem+json"}
            assert {"400", "404", "405", "503"} <= set(operation["responses"])


def test_the_docs_page_is_there(client):
    response = client.get("/api/aanbod/v1/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert "/api/aanbod/v1/openapi.json" in html
    assert "<code>/api/aanbod/v1/offers/{offer_id}</code>" in html
    assert "curl &#x27;http://testserver/api/aanbod/v1/offers&#x27;" in html


def test_the_list_takes_a_fixed_number_of_queries(client, world):
    def add(n):
        for _i in range(n):
            offer = OfferFactory(location=world.location)
            OfferHoursFactory(offer=offer)
            OfferThemeFactory(offer=offer)
            SessionFactory(offer__location=world.location)

    add(2)
    few = count_queries(client, OFFERS), count_queries(client, LOCATIONS)
    add(6)
    assert (count_queries(client, OFFERS), count_queries(client, LOCATIONS)) == few


def test_while_the_database_is_down_the_answer_is_503_problem(world):
    from django.test import Client

    from plein.site.tests.test_errors import database_down

    client = Client(raise_request_exception=False)
    with database_down() as failing:
        response = client.get(OFFERS)
    body = assert_problem(response, 503)
    assert "database" in body["detail"] and response["Retry-After"] == "30"
    assert len(failing.attempts) == 1
    assert "no-store" in response["Cache-Control"]


def test_an_unexpected_error_is_500_problem(world, monkeypatch):
    from django.test import Client

    from .. import api

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(api, "_published_locations", broken)
    response = Client(raise_request_exception=False).get(LOCATIONS)
    body = assert_problem(response, 500)
    assert "boom" not in body["detail"]
