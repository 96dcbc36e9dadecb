"""Errors under /api/ (issue 10 §5): 405, an unknown path and 400 are JSON in the one documented
shape and declared in the OpenAPI document; the figures' date limits are in the document; a
refusal names a field the client sent; the docs page shows the `<sleutel>` placeholder."""

import datetime
import json

import pytest

from .factories import bearer, make_token
from .test_api import CATEGORIES, FIGURES, VISITS, assert_error_shape

pytestmark = pytest.mark.django_db


@pytest.fixture
def secret(world):
    return make_token(world.library, world.users["coordinator"])[1]


@pytest.mark.parametrize(
    "method,path,allowed",
    [("get", VISITS, "POST"), ("delete", CATEGORIES, "GET"), ("put", FIGURES, "GET"), ("post", CATEGORIES, "GET")],
)
def test_a_method_a_path_does_not_take_is_json_405_with_allow(client, secret, method, path, allowed):
    response = getattr(client, method)(path, **bearer(secret))
    body = assert_error_shape(response, 405)
    assert response["Allow"] == allowed
    assert allowed in body["detail"] and "neemt" in body["detail"]


@pytest.mark.parametrize("path", ["/api/v1/bestaat-niet", "/api/", "/api/v2/visits", "/api/v1/categories/"])
def test_an_unknown_path_under_api_is_json_404(client, secret, path):
    body = assert_error_shape(client.get(path, **bearer(secret)), 404)
    assert "/api/v1/" in body["detail"]


def test_the_document_declares_every_error_in_the_one_shape(client):
    schema = client.get("/api/openapi.json").json()
    error_ref = "#/components/schemas/ErrorOut"
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            responses = operation["responses"]
            assert {"401", "404", "405", "429", "503"} <= set(responses), (method, path)
            for status, response in responses.items():
                if status.startswith("4") or status.startswith("5"):
                    assert response["content"]["application/json"]["schema"]["$ref"] == error_ref
    assert {"400", "413", "422"} <= set(schema["paths"][VISITS]["post"]["responses"])


def test_the_figures_date_limits_are_in_the_document(client):
    schema = client.get("/api/openapi.json").json()
    parameters = {p["name"]: p for p in schema["paths"][FIGURES]["get"]["parameters"]}
    for name in ("from", "to"):
        assert parameters[name]["schema"]["pattern"] == r"^2[0-9]{3}-[0-9]{2}-[0-9]{2}$"
        assert "2000-01-01" in parameters[name]["description"]
    assert "ten years" in parameters["to"]["description"]
    day = schema["components"]["schemas"]["VisitIn"]["properties"]["day"]
    assert day["pattern"] and "2000-01-01" in day["description"]


@pytest.mark.parametrize(
    "params,field",
    [
        ({"from": "2000-01-01"}, "from"),  # to is today: more than ten years, but only "from" was sent
        ({"from": "2999-01-01"}, "from"),
        ({"from": "today+7"}, "from"),  # after today, and no "to"
        ({"from": "2024-01-01", "to": "2023-01-01"}, "to"),
    ],
)
def test_a_refused_period_names_a_field_the_client_sent(client, secret, params, field):
    today = datetime.date.today()
    params = {k: (today + datetime.timedelta(days=7)).isoformat() if v == "today+7" else v for k, v in params.items()}
    body = assert_error_shape(client.get(FIGURES, params, **bearer(secret)), 422)
    assert list(body["errors"]) == [field]


@pytest.mark.parametrize("body", ["[1, 2]", '"tekst"', "3"])
def test_a_body_that_is_no_object_is_named_body(client, secret, body):
    response = client.post(VISITS, body, content_type="application/json", **bearer(secret))
    assert list(assert_error_shape(response, 422)["errors"]) == ["body"]


def test_a_body_that_is_not_json_is_400_in_the_shape(client, secret):
    response = client.post(VISITS, "{niet json", content_type="application/json", **bearer(secret))
    assert "JSON" in assert_error_shape(response, 400)["detail"]
    assert json.loads(response.content)["errors"] == {}


def test_the_docs_page_shows_the_key_placeholder(client):
    html = client.get("/api/docs").content.decode()
    assert "<code>Authorization: Bearer &lt;sleutel&gt;</code>" in html
    assert "<sleutel>" not in html


@pytest.mark.parametrize(
    "path,query,names",
    [(FIGURES, "?naam=Jan&from=2026-01-01", ["naam"]), (FIGURES, "?=true", [""]), (CATEGORIES, "?bsn=1", ["bsn"])],
)
def test_a_parameter_the_document_does_not_list_is_refused(client, secret, path, query, names):
    """Found by Schemathesis: unknown parameters in the address were ignored (200)."""
    body = assert_error_shape(client.get(path + query, **bearer(secret)), 422)
    assert list(body["errors"]) == names
    assert "bestaat niet" in body["errors"][names[0]][0]


def test_a_code_with_a_nul_or_a_lone_surrogate_is_refused_not_a_500(client, world, secret):
    """Found by Schemathesis on PostgreSQL, which refuses NUL in text: the codes reached the
    database (500). Text that is no UTF-8 is named in Dutch."""
    from .factories import visit_body

    body = json.dumps(visit_body(world.location, channel="in\u0000loop"))
    response = client.post(VISITS, body, content_type="application/json", **bearer(secret))
    errors = assert_error_shape(response, 422)["errors"]
    assert list(errors) == ["channel"] and "letters, cijfers en streepjes" in errors["channel"][0]
    body = json.dumps(visit_body(world.location, idempotency_key="\udb3f"))
    response = client.post(VISITS, body, content_type="application/json", **bearer(secret))
    assert assert_error_shape(response, 422)["errors"] == {"idempotency_key": ["Geef tekst in UTF-8."]}
