"""API keys in Chromium, by keyboard: make one, see the secret once, use it, revoke it; and the
API's documentation page. axe-core on every page, no Content-Security-Policy violation."""

import hashlib

import pytest

from plein.accounts.tests.factories import PASSWORD
from plein.api.models import ApiToken
from plein.site.tests.browser import assert_accessible, tab_to

from .factories import visit_body

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page, email):
    page.goto("/account/login/")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord", exact=True).fill(PASSWORD)
    with page.expect_navigation():
        page.get_by_label("Wachtwoord", exact=True).press("Enter")


def test_coordinator_makes_uses_and_revokes_a_key_by_keyboard(browser_page, world):
    from plein.registration.seed import seed_categories

    seed_categories()  # a transactional test starts without the seeded options
    page, watch = browser_page
    log_in(page, world.users["coordinator"].email)

    tab_to(page, "API-sleutels")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("main h1").inner_text() == "API-sleutels"
    assert "Er zijn nog geen API-sleutels." in page.inner_text("main")
    assert str(world.location.uuid) in page.inner_text("main")
    assert_accessible(page, "API keys, none yet")

    tab_to(page, "API-sleutel maken")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert_accessible(page, "make a key")
    # Without a name first: a Dutch message next to the field.
    tab_to(page, "Gebruikt door")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Vul in welk systeem deze sleutel gebruikt." in page.inner_text("main")
    assert_accessible(page, "make a key, with an error")
    page.get_by_label("Gebruikt door").focus()
    page.keyboard.type("Registratie-app Centrum")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    # The secret, once.
    assert page.locator("main h1").inner_text() == "Uw nieuwe API-sleutel"
    assert "Plein laat hem maar één keer zien" in page.inner_text("main")
    secret = page.locator("#api-secret").inner_text().strip()
    token = ApiToken.objects.get()
    assert token.secret_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert page.get_by_role("button", name="Sleutel kopiëren").is_visible()
    assert_accessible(page, "the new key")
    tab_to(page, "Ik heb de sleutel gekopieerd")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Registratie-app Centrum" in page.inner_text("main")
    assert secret not in page.content()
    assert token.prefix in page.inner_text("main")

    # The key works.
    headers = {"Authorization": f"Bearer {secret}"}
    response = page.request.post("/api/v1/visits", data=visit_body(world.location), headers=headers)
    assert response.status == 201, response.text()
    page.reload()
    assert "Nooit" not in page.locator("main table").first.inner_text()  # "last used" is filled in

    # Revoke, after confirming.
    page.get_by_role("link", name="Intrekken Registratie-app Centrum").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert_accessible(page, "revoke: are you sure?")
    tab_to(page, "Ja, deze sleutel intrekken")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "De API-sleutel ‘Registratie-app Centrum’ is ingetrokken." in page.inner_text("main")
    assert "Ingetrokken op" in page.inner_text("main")
    assert_accessible(page, "API keys after revoking")
    response = page.request.get("/api/v1/categories", headers=headers)
    assert response.status == 401
    assert "ingetrokken" in response.json()["detail"]
    assert not watch.csp_violations, watch.csp_violations
    assert not watch.console_errors, watch.console_errors


def test_the_docs_page_passes_axe_and_the_csp(browser_page):
    page, watch = browser_page
    response = page.goto("/api/docs")
    assert response.status == 200
    assert page.locator("main h1").inner_text() == "Plein-API voor ontwikkelaars"
    for path in ["/api/v1/categories", "/api/v1/visits", "/api/v1/figures"]:
        assert path in page.inner_text("main")
    assert_accessible(page, "API docs")
    with page.expect_navigation():
        page.get_by_role("link", name="Bezoek registreren").click()
    assert page.url.endswith("#plein_api_endpoints_register_visit")
    schema = page.request.get("/api/openapi.json").json()
    assert schema["info"]["title"] == "Plein API"
    assert not watch.csp_violations, watch.csp_violations
    assert not watch.console_errors, watch.console_errors
