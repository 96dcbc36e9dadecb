"""A coordinator fills the IDO profile of a branch by keyboard (hours as rows), then turns one
criterion of the borging scan into an action and finds it in the action plan; a facilitator sees
the scans side by side. axe-core on every page; screenshots go to $PLEIN_SCREENSHOTS if set."""

import os

import pytest

from plein.actions.choices import ActionOrigin
from plein.actions.models import Action
from plein.site.tests.browser import assert_accessible

from ..models import LocationProfile

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


def shot(page, name):
    folder = os.environ.get("PLEIN_SCREENSHOTS")
    if folder:
        page.screenshot(path=os.path.join(folder, f"{name}.png"), full_page=True)


def test_coordinator_fills_a_profile_by_keyboard_and_makes_an_action(browser_page, world):
    page, watch = browser_page
    log_in(page, world.users["coordinator"].email)
    page.goto("/")
    click_and_wait(page, page.get_by_role("link", name="Borging", exact=True))
    assert_accessible(page, "borging start")
    shot(page, "index")

    click_and_wait(page, page.get_by_role("link", name="Eigen Centrum"))
    assert_accessible(page, "empty profile")
    click_and_wait(page, page.get_by_role("link", name="Profiel invullen"))
    assert_accessible(page, "profile form")

    # By keyboard: scenario with the arrow keys, numbers typed, hours typed into the time fields.
    page.get_by_label("Basis: vaste balie of inloopuren").focus()
    page.keyboard.press("ArrowDown")  # altijd beschikbaar
    page.get_by_label("Betaalde medewerkers").focus()
    page.keyboard.press("Control+A")
    page.keyboard.type("2")
    page.keyboard.press("Tab")
    page.keyboard.press("Control+A")
    page.keyboard.type("3")  # volunteers
    page.keyboard.press("Tab")
    page.keyboard.press("Control+A")
    page.keyboard.type("5")  # e-learning
    page.get_by_label("Gespreksvaardigheden gedaan (aantal)").focus()
    page.keyboard.press("Control+A")
    page.keyboard.type("2")
    page.get_by_label("Privacy in het IDO gedaan (aantal)").focus()
    page.keyboard.press("Control+A")
    page.keyboard.type("9")  # a mistake: more than 5 people
    page.get_by_label("Bewegwijzering in de IDO-huisstijl").focus()
    page.keyboard.press("Space")

    # A time field has segments (hours, minutes and, in some locales, AM/PM) that Tab walks
    # through; the typed value depends on the browser's locale, so the test fills the value.
    day = page.locator("#id_hours-0-weekday")
    day.focus()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")  # dinsdag
    page.locator("#id_hours-0-opens").fill("10:00")
    page.locator("#id_hours-0-closes").fill("12:30")
    page.locator("#id_hours-1-weekday").select_option("3")
    page.locator("#id_hours-1-opens").fill("13:30")
    page.locator("#id_hours-1-closes").fill("16:00")
    page.locator("#id_hours-1-kind").select_option("inloop")

    with page.expect_navigation():
        page.get_by_role("button", name="Opslaan").press("Enter")
    assert "Nog niet opgeslagen" in page.inner_text("main")
    assert "Hoogstens 5" in page.inner_text("main")
    assert page.locator("#id_hours-0-opens").input_value() == "10:00"  # input kept
    assert_accessible(page, "profile form with an error")
    shot(page, "profile_form_error")
    assert not LocationProfile.objects.exists()

    page.get_by_label("Privacy in het IDO gedaan (aantal)").fill("1")
    with page.expect_navigation():
        page.get_by_role("button", name="Opslaan").press("Enter")
    assert "Het IDO-profiel is opgeslagen." in page.inner_text("main")
    assert "Dinsdag" in page.inner_text("main") and "13:30" in page.inner_text("main")
    assert_accessible(page, "profile")
    shot(page, "profile")
    profile = LocationProfile.objects.get(location=world.location)
    assert profile.scenario == "altijd_beschikbaar" and profile.hours.count() == 2 and profile.house_style_signage

    # The scan: one criterion becomes an action in the plan.
    page.goto("/borging/")
    click_and_wait(page, page.get_by_role("link", name="Borgingsscan").filter(has_text="Bibliotheek Eigen"))
    assert_accessible(page, "scan")
    shot(page, "scan")
    card = page.locator("#criterium-function_c")
    click_and_wait(page, card.get_by_role("button", name="Maak er een actie van"))
    assert "Toegevoegd aan het actieplan" in page.inner_text("main")
    action = Action.objects.get()
    assert action.origin == ActionOrigin.BORGING
    assert_accessible(page, "scan with an action")

    click_and_wait(page, page.locator("#criterium-function_c").get_by_role("link", name=action.title))
    assert "Uit de borgingsscan:" in page.inner_text("main")
    assert_accessible(page, "action plan")

    # An assessment with evidence, in Dutch.
    page.goto("/borging/")
    click_and_wait(page, page.get_by_role("link", name="Borgingsscan").filter(has_text="Bibliotheek Eigen"))
    click_and_wait(page, page.locator("#criterium-agreement").get_by_role("link", name="Beoordelen"))
    assert_accessible(page, "assessment form")
    page.get_by_label("deels").check()
    page.get_by_label("Afspraak loopt tot").fill("2027-12-31")
    page.get_by_label("Toelichting").fill("Afspraak voor één jaar; verlenging in gesprek.")
    shot(page, "assessment_form")
    click_and_wait(page, page.get_by_role("button", name="Opslaan"))
    assert "31 december 2027" in page.inner_text("#criterium-agreement")
    assert not watch.csp_violations


def test_facilitator_sees_the_scans_side_by_side(browser_page, world):
    from plein.borging import services

    services.assessment_save(
        library=world.library, year=2026, criterion="agreement", acting_user=None, status="not_yet"
    )
    services.assessment_save(
        library=world.other_library, year=2026, criterion="agreement", acting_user=None, status="partly"
    )
    page, watch = browser_page
    log_in(page, world.users["facilitator"].email)
    page.goto("/borging/overzicht/2026/")
    shot(page, "overview")
    assert "Waar de meeste bibliotheken vastlopen" in page.inner_text("main")
    # Branches without a profile: Plein proposes "not yet" for training, promotion and G!DS.
    assert "Getrainde medewerkers op elke IDO-vestiging: 2 nog niet, 0 deels, van 2 bibliotheken" in page.inner_text(
        "main"
    )
    row = page.locator("#criterium-agreement").inner_text()
    assert "◐ deels" in row and "✗ nog niet" in row
    assert_accessible(page, "overview")
    shot(page, "overview")
    assert not watch.csp_violations
