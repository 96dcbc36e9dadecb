"""A coordinator keeps the action plan with the keyboard alone, and axe-core checks each page."""

import pytest

from plein.accounts.tests.factories import PASSWORD
from plein.actions.choices import ActionStatus
from plein.actions.models import Action
from plein.site.tests.browser import assert_accessible, tab_to

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page, email):
    page.goto("/account/login/")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord", exact=True).fill(PASSWORD)
    with page.expect_navigation():
        page.get_by_label("Wachtwoord", exact=True).press("Enter")


def press_enter_and_wait(page):
    with page.expect_navigation():
        page.keyboard.press("Enter")


def test_coordinator_adds_an_action_and_moves_it_to_done_with_the_keyboard(browser_page, world):
    page, watch = browser_page
    log_in(page, world.users["coordinator"].email)
    page.goto("/")

    tab_to(page, "Actieplan")
    press_enter_and_wait(page)
    assert page.locator("main h1").inner_text() == "Actieplan van Bibliotheek Eigen"
    assert "Er staan nog geen acties in dit plan." in page.inner_text("main")
    assert_accessible(page, "empty plan")

    tab_to(page, "Een actie toevoegen")
    press_enter_and_wait(page)
    assert_accessible(page, "action form")

    # A mistake first: the message is next to the field and what was typed stays.
    tab_to(page, "Beschrijving")
    page.keyboard.type("Samen met de gemeente")
    tab_to(page, "Opslaan")
    press_enter_and_wait(page)
    assert "Dit veld is verplicht." in page.inner_text("main")
    assert page.get_by_label("Beschrijving").input_value() == "Samen met de gemeente"
    assert_accessible(page, "action form with errors")

    # The error summary links to the field.
    tab_to(page, "Titel: Dit veld is verplicht.")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "id_title"
    page.keyboard.type("Poster over het IDO ophangen")
    tab_to(page, "Verantwoordelijke")
    page.keyboard.press("ArrowDown")
    tab_to(page, "Opslaan")
    press_enter_and_wait(page)
    assert "De actie ‘Poster over het IDO ophangen’ is toegevoegd." in page.inner_text("main")
    action = Action.objects.get(library=world.library)
    assert action.owner is not None and action.description == "Samen met de gemeente"

    for label, status in [("Gepland", "gepland"), ("Bezig", "bezig"), ("Afgerond", "afgerond")]:
        tab_to(page, f"Zet op ‘{label}’")
        press_enter_and_wait(page)
        assert f"‘Poster over het IDO ophangen’ staat nu op ‘{label}’." in page.inner_text("main")
        action.refresh_from_db()
        assert action.status == status

    assert action.status == ActionStatus.DONE and action.completed_at is not None
    done = page.locator("section", has=page.get_by_role("heading", name="Afgerond"))
    assert "Poster over het IDO ophangen" in done.inner_text()
    assert_accessible(page, "plan with a finished action")
    assert not watch.csp_violations, watch.csp_violations
