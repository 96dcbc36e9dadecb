"""The borging report in Chromium, as people use it: a coordinator writes a foreword, previews
and publishes; the municipality opens it from its start page and downloads the PDF; a share
link opens it without logging in and stops working after revoking. axe finds nothing."""

import datetime
import os
import zoneinfo

import pytest
import time_machine

from plein.accounts.tests.factories import PASSWORD
from plein.registration import services as registration
from plein.registration.tests.factories import question, visit_data
from plein.site.tests.browser import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TODAY = datetime.datetime(2026, 3, 2, 10, 0, tzinfo=zoneinfo.ZoneInfo("Europe/Amsterdam"))
SHOTS = os.environ.get("PLEIN_SCREENSHOTS")  # a folder: keep a screenshot of every page


def shot(page, name):
    if SHOTS:
        page.screenshot(path=os.path.join(SHOTS, f"report-{name}.png"), full_page=True)


def log_in(page, email):
    page.goto("/account/login/")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord", exact=True).fill(PASSWORD)
    with page.expect_navigation():
        page.get_by_label("Wachtwoord", exact=True).press("Enter")


@time_machine.travel(TODAY, tick=True)
def test_write_publish_open_download_share_and_revoke(browser_page, chromium, live_server, world):
    from plein.registration.seed import seed_categories

    seed_categories()
    for n in range(5):
        registration.visit_register(
            acting_user=world.users["desk_worker"],
            **visit_data(location=world.location, day=datetime.date(2025, 5, 1 + n), questions=[question()]),
        )
    page, watch = browser_page
    municipality = world.location.municipality.name

    # The coordinator makes the report, writes a foreword, previews and publishes.
    log_in(page, world.users["coordinator"].email)
    with page.expect_navigation():
        page.get_by_role("link", name="Rapportages").first.click()
    assert_accessible(page, "report list (coordinator)")
    with page.expect_navigation():
        page.get_by_role("link", name="Nieuw borgingsrapport").click()
    page.get_by_label("Jaar").fill("2025")
    with page.expect_navigation():
        page.get_by_role("button", name="Rapport maken").click()
    assert_accessible(page, "report page")
    with page.expect_navigation():
        page.get_by_role("link", name="Voorwoord, verhalen en geld invullen").click()
    page.get_by_label("Voorwoord").fill("Mail ons op iemand@example.nl")
    with page.expect_navigation():
        page.get_by_role("button", name="Opslaan").click()
    assert "persoonsgegevens" in page.inner_text("main")
    assert_accessible(page, "edit form with an error")
    shot(page, "edit-error")
    page.get_by_label("Voorwoord").fill("Het IDO hielp dit jaar veel inwoners.")
    page.get_by_label("Ontvangen Spuk-bedrag (euro)").fill("25.000,00")
    page.get_by_label("Uitgegeven aan opzetten en in stand houden van het IDO (euro)").fill("20000")
    page.locator("#id_story_1").focus()
    page.keyboard.type("Een inwoner leerde de DigiD-app gebruiken.")
    with page.expect_navigation():
        page.get_by_role("button", name="Opslaan").press("Enter")
    with page.expect_navigation():
        page.get_by_role("link", name="Voorbeeld met de cijfers van vandaag").click()
    assert "Het IDO hielp dit jaar veel inwoners." in page.inner_text("main")
    assert_accessible(page, "preview")
    shot(page, "preview")
    with page.expect_navigation():
        page.get_by_role("button", name="Dit rapport publiceren").click()
    title = f"Borgingsrapport IDO — {municipality} — 2025"
    assert page.locator("main h1").inner_text() == title
    assert "versie 1" in page.inner_text("main")
    for chart in page.locator(".plein-chart").all():  # each chart beside its summary and table
        chart.scroll_into_view_if_needed()
        chart.locator("svg").wait_for()
    assert_accessible(page, "published version")
    shot(page, "published")

    # A share link, made on the report's page.
    with page.expect_navigation():
        page.get_by_role("link", name=title).click()
    with page.expect_navigation():
        page.get_by_role("button", name="Link maken").click()
    link = page.locator("#new-link").input_value()
    assert "/gedeeld/rapport/" in link
    assert_accessible(page, "report page with a share link")
    shot(page, "share")

    # The municipality opens it from its start page and downloads the PDF.
    page.context.clear_cookies()
    log_in(page, world.users["municipality"].email)
    page.goto("/")
    with page.expect_navigation():
        page.get_by_role("link", name="Borgingsrapporten voor uw gemeente").click()
    assert_accessible(page, "report list (municipality)")
    with page.expect_navigation():
        page.get_by_role("link", name=title).click()
    assert "Het IDO hielp dit jaar veel inwoners." in page.inner_text("main")
    with page.expect_download() as download:
        page.get_by_role("link", name="Downloaden als pdf").click()
    assert download.value.suggested_filename.endswith(".pdf")
    assert open(download.value.path(), "rb").read(5) == b"%PDF-"

    # Without an account: the share link opens the report, until the coordinator stops it.
    anonymous = chromium.new_context(base_url=live_server.url, locale="nl-NL")
    stranger = anonymous.new_page()
    stranger.goto(link)
    assert stranger.locator("main h1").inner_text() == title
    assert_accessible(stranger, "shared report")
    shot(stranger, "shared")

    page.context.clear_cookies()
    log_in(page, world.users["coordinator"].email)
    page.goto("/rapportages/")
    with page.expect_navigation():
        page.get_by_role("link", name=title).click()
    with page.expect_navigation():
        page.get_by_role("button", name="Deze link stoppen").click()
    assert "gestopt" in page.inner_text("main")
    response = stranger.goto(link)
    assert response.status == 410
    assert "De bibliotheek heeft deze link gestopt." in stranger.inner_text("main")
    assert_accessible(stranger, "stopped link")
    shot(stranger, "gone")
    anonymous.close()
    assert not watch.csp_violations, watch.csp_violations
