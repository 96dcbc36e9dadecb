"""Walk Plein as people do, in real Chromium: log in with every role, open every page the
navigation offers, and let axe-core check each one. Run on their own with `pytest -m browser`."""

import re

import pytest

from plein.accounts.tests.factories import PASSWORD
from plein.organisations.models import Location
from plein.organisations.tests.factories import MunicipalityFactory

from .browser import assert_accessible, tab_to

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ROLES = ["administrator", "facilitator", "coordinator", "desk_worker", "municipality"]


def log_in(page, email, password=PASSWORD):
    page.goto("/account/login/")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord", exact=True).fill(password)
    with page.expect_navigation():
        page.get_by_label("Wachtwoord", exact=True).press("Enter")


def nav_links(page):
    return page.eval_on_selector_all(".plein-nav a", "els => els.map(e => [e.innerText, e.getAttribute('href')])")


def assert_page_ok(page, watch, response, label):
    assert response is not None and response.status < 500, f"{label}: HTTP {response and response.status}"
    assert page.locator("main h1").count() == 1, f"{label}: one h1"
    assert_accessible(page, label)
    assert not watch.csp_violations, f"{label}: {watch.csp_violations}"


@pytest.mark.parametrize("role", ROLES)
def test_each_role_logs_in_and_every_page_in_the_menu_passes_axe(browser_page, world, role):
    page, watch = browser_page
    user = world.users[role]
    response = page.goto("/account/login/")
    assert_page_ok(page, watch, response, "login")

    log_in(page, user.email)
    assert page.url.endswith("/"), page.url
    assert page.locator(".plein-header__user").inner_text().startswith(user.name)
    assert_page_ok(page, watch, page.goto("/"), "home")

    links = nav_links(page)
    assert links, "the menu is empty"
    visited = set()
    for label, href in links:
        response = page.goto(href)
        assert_page_ok(page, watch, response, f"{role}: {label}")
        visited.add(page.url)
        # Follow the first level of links inside list pages (details of one organisation, one user).
        for inner in page.eval_on_selector_all(
            "main table a[href]", "els => els.slice(0, 2).map(e => e.getAttribute('href'))"
        ):
            response = page.goto(inner)
            assert_page_ok(page, watch, response, f"{role}: {label} → {inner}")
    # The account pages allauth provides, in Plein's layout.
    for href in ["/account/password/change/", "/account/2fa/", "/account/2fa/totp/activate/"]:
        assert_page_ok(page, watch, page.goto(href), f"{role}: {href}")
    assert not watch.console_errors, watch.console_errors


def test_public_pages_pass_axe(browser_page):
    page, watch = browser_page
    for href in [
        "/",
        "/toegankelijkheid/",
        "/privacy/",
        "/account/login/",
        "/account/password/reset/",
        "/bestaat-niet/",
    ]:
        response = page.goto(href)
        assert response.status in (200, 404)
        assert_page_ok(page, watch, response, href)


def test_english_through_the_language_switch(browser_page):
    page, watch = browser_page
    page.goto("/privacy/")
    with page.expect_navigation():
        page.get_by_role("button", name="English").click()
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("main h1").inner_text() == "Privacy statement"
    assert_accessible(page, "privacy in English")
    with page.expect_navigation():
        page.get_by_role("button", name="Nederlands").click()
    assert page.locator("main h1").inner_text() == "Privacyverklaring"


def test_coordinator_adds_a_branch_with_the_keyboard_alone(browser_page, world):
    page, watch = browser_page
    MunicipalityFactory(name="Dordrecht")
    log_in(page, world.users["coordinator"].email)
    page.goto("/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.innerText") == "Naar de inhoud"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"

    tab_to(page, "Bekijk uw organisatie")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    tab_to(page, "Een vestiging toevoegen")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert_accessible(page, "branch form")

    # Submit with a mistake first: the error is announced and the input stays.
    tab_to(page, "Naam")
    page.keyboard.type("Stadsbibliotheek")
    tab_to(page, "Postcode")
    page.keyboard.type("99")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Nog niet opgeslagen" in page.inner_text("main")
    assert "Vul een Nederlandse postcode in" in page.inner_text("main")
    assert page.get_by_label("Naam").input_value() == "Stadsbibliotheek"
    assert_accessible(page, "branch form with errors")

    page.get_by_label("Postcode").focus()
    page.keyboard.press("Control+A")
    page.keyboard.type("3311 AB")
    tab_to(page, "Gemeente")
    page.keyboard.press("ArrowDown")
    tab_to(page, "Heeft een IDO")
    page.keyboard.press("Space")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "De vestiging ‘Stadsbibliotheek’ is toegevoegd." in page.inner_text("main")
    location = Location.objects.get(organisation=world.library, name="Stadsbibliotheek")
    assert location.has_ido and location.postcode == "3311 AB" and location.municipality.name == "Dordrecht"
    assert_accessible(page, "organisation after adding a branch")
    assert not watch.csp_violations


def test_five_wrong_passwords_show_the_dutch_lockout_page(browser_page, world):
    page, watch = browser_page
    for _ in range(5):
        log_in(page, world.users["coordinator"].email, "fout-wachtwoord")
    assert "Uw account is even geblokkeerd" in page.inner_text("main")
    assert_accessible(page, "lockout")


def test_mobile_width_has_no_sideways_scrolling(chromium, live_server, world):
    context = chromium.new_context(viewport={"width": 360, "height": 740}, base_url=live_server.url, is_mobile=True)
    page = context.new_page()
    log_in(page, world.users["facilitator"].email)
    for href in ["/", "/organisaties/", f"/organisaties/{world.library.uuid}/", "/gebruikers/uitnodigen/"]:
        page.goto(href)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{href} scrolls sideways by {overflow}px at 360px wide"
        assert_accessible(page, f"mobile {href}")
    context.close()


def test_invitee_sets_a_password_in_the_browser(browser_page, world, django_capture_on_commit_callbacks):
    from django.core import mail

    page, watch = browser_page
    log_in(page, world.users["facilitator"].email)
    page.goto("/gebruikers/uitnodigen/")
    page.get_by_label("Naam").fill("Nieuwe Baliemedewerker")
    page.get_by_label("E-mailadres").fill("nieuw@bieb.example")
    page.get_by_label("Organisatie").select_option(label=world.library.name)
    page.get_by_label("Baliemedewerker").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Uitnodiging versturen").click()
    assert "De uitnodiging is verstuurd naar nieuw@bieb.example." in page.inner_text("main")
    link = re.search(r"http://\S+(/uitnodiging/\S+/)", mail.outbox[-1].body).group(1)

    with page.expect_navigation():
        page.get_by_role("button", name="Uitloggen").click()
    page.goto(link)
    assert_accessible(page, "accept invitation")
    page.get_by_label("Kies een wachtwoord").fill("een-sterk-wachtwoord")
    page.get_by_label("Typ het wachtwoord nog een keer").fill("een-sterk-wachtwoord")
    with page.expect_navigation():
        page.get_by_role("button", name="Maak mijn account").click()
    assert "Welkom bij Plein! Uw account is klaar." in page.inner_text("main")
    assert "U werkt aan de balie" in page.inner_text("main")


def test_the_checks_themselves_catch_problems(browser_page):
    """axe-core and the CSP watch must be able to fail, or the tests above prove nothing."""
    page, watch = browser_page
    page.goto("/")
    page.evaluate(
        "document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=\"/static/plein/favicon.svg\">')"
    )
    with pytest.raises(pytest.fail.Exception, match="image-alt"):
        assert_accessible(page, "broken on purpose")
    page.evaluate(
        "() => { const s = document.createElement('script');"
        " s.textContent = 'window.x = 1'; document.body.appendChild(s); }"
    )
    page.wait_for_timeout(200)
    assert watch.csp_violations, "an inline script should have been refused by the CSP"


def test_the_html_checker_itself_finds_errors():
    """The Nu Html Checker run at the end of the browser tests must be able to fail."""
    from django.http import HttpResponse
    from django.test import RequestFactory

    from .browser import HtmlRecorder

    recorder = HtmlRecorder()
    page = (
        '<!DOCTYPE html><html lang="nl"><head><title>t</title></head>'
        '<body><time datetime="2026-12-03 10:00:00.123456">x</time></body></html>'
    )
    recorder.record(RequestFactory().get("/kapot/"), HttpResponse(page))
    recorder.record(RequestFactory().get("/weg/"), HttpResponse(status=302))
    errors = recorder.check()
    assert len(recorder.pages) == 1
    assert any(line.startswith("GET /kapot/ (200)") and "datetime" in line for line in errors), errors
