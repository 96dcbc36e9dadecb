"""A coordinator makes an offer in Chromium: "Ons aanbod", a new offer with themes and what to
bring as checkboxes, a first try to publish that says what is missing, weekly hours, publish;
then a course with a dated session, and the IDO offer from the branch's profile. axe-core on
every page (and the Nu Html Checker on every page served)."""

import datetime

import pytest

from plein.borging.tests.factories import LocationProfileFactory, OpeningHoursFactory
from plein.site.tests.browser import assert_accessible

from ..choices import OfferSource, OfferStatus
from ..models import Offer

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page, email):
    from plein.accounts.tests.factories import PASSWORD

    page.goto("/account/login/")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord", exact=True).fill(PASSWORD)
    with page.expect_navigation():
        page.get_by_label("Wachtwoord", exact=True).press("Enter")


def click_and_wait(page, locator):
    with page.expect_navigation():
        locator.click()


def test_coordinator_makes_and_publishes_an_offer(browser_page, world):
    page, watch = browser_page
    profile = LocationProfileFactory(location=world.location)
    OpeningHoursFactory(profile=profile, weekday=1)
    log_in(page, world.users["coordinator"].email)
    page.goto("/")
    click_and_wait(page, page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Ons aanbod"))
    assert_accessible(page, "offer list, empty")
    click_and_wait(page, page.get_by_role("link", name="Nieuw aanbod"))
    assert_accessible(page, "offer form")

    page.get_by_label("Titel").fill("Klik & Tik")
    page.get_by_label("In één zin").fill("Leer werken met de computer, stap voor stap.")
    page.get_by_label("Cursus of activiteit digitale vaardigheden").check()
    page.get_by_label("Zelf leren").check()
    page.get_by_label("Digitaal", exact=True).check()
    page.get_by_label("Uw eigen telefoon, tablet of laptop").check()
    page.get_by_label("Eerst aanmelden").check()
    # No way to sign up yet: the form says so next to the field and keeps the input.
    click_and_wait(page, page.get_by_role("button", name="Opslaan"))
    assert_accessible(page, "offer form with errors")
    assert "Geef minstens één manier om aan te melden" in page.content()
    assert page.get_by_label("Titel").input_value() == "Klik & Tik"
    page.get_by_label("Aanmelden per telefoon").fill("023 123 45 67")
    click_and_wait(page, page.get_by_role("button", name="Opslaan"))
    assert_accessible(page, "offer page, draft")
    offer = Offer.objects.get()
    assert offer.status == OfferStatus.DRAFT

    click_and_wait(page, page.get_by_role("link", name="Publiceren"))
    assert_accessible(page, "publish page with what is missing")
    assert "Voeg minstens één blok met tijden per week toe." in page.content()
    click_and_wait(page, page.get_by_role("link", name="Klik & Tik"))
    click_and_wait(page, page.get_by_role("link", name="Tijden wijzigen"))
    assert_accessible(page, "hours form")
    page.locator("#id_hours-0-weekday").select_option("1")
    page.locator("#id_hours-0-opens").fill("10:00")
    page.locator("#id_hours-0-closes").fill("12:00")
    page.locator("#id_closures-0-starts_on").fill("2026-12-21")
    page.locator("#id_closures-0-ends_on").fill("2027-01-03")
    click_and_wait(page, page.get_by_role("button", name="Opslaan"))
    click_and_wait(page, page.get_by_role("link", name="Publiceren"))
    page.get_by_label("Opnieuw controleren op").fill((datetime.date.today() + datetime.timedelta(days=90)).isoformat())
    click_and_wait(page, page.get_by_role("button", name="Publiceren"))
    assert_accessible(page, "offer page, published")
    offer.refresh_from_db()
    assert offer.status == OfferStatus.PUBLISHED and offer.closures.count() == 1

    # The IDO offer from the branch's profile, in one step.
    page.goto(f"/borging/vestiging/{world.location.uuid}/")
    click_and_wait(page, page.get_by_role("link", name="Publiceren als aanbod voor inwoners"))
    assert_accessible(page, "IDO offer confirmation")
    click_and_wait(page, page.get_by_role("button", name="IDO-aanbod maken"))
    ido = Offer.objects.get(source=OfferSource.IDO_PROFILE)
    assert ido.hours.count() == 1
    click_and_wait(page, page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Ons aanbod"))
    assert_accessible(page, "offer list")
    assert not watch.csp_violations
