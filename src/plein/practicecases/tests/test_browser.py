"""A coordinator brings a case to the theme group and a colleague replies, in real Chromium,
by keyboard; axe-core checks every page on the way. Run with `pytest -m browser`."""

import pytest
from django.core import mail

from plein.accounts.tests.factories import PASSWORD
from plein.practicecases.models import CaseReply, PracticeCase
from plein.site.tests.browser import assert_accessible, tab_to
from plein.themegroups.tests.factories import MeetingFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page, email):
    page.goto("/account/login/")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord", exact=True).fill(PASSWORD)
    with page.expect_navigation():
        page.get_by_label("Wachtwoord", exact=True).press("Enter")


def tab_to_link(page, text, limit=80):
    """Like `tab_to`, but stops only on a link (a table region also contains the link's text)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.tagName === 'A' && document.activeElement.innerText") == text:
            return
    pytest.fail(f"could not reach the link “{text}” with the Tab key")


def press_enter_and_wait(page):
    with page.expect_navigation():
        page.keyboard.press("Enter")


def test_coordinator_brings_in_a_case_and_a_colleague_replies(browser_page, world):
    page, watch = browser_page
    MeetingFactory(group=world.group, title="Voorjaarsbijeenkomst")
    coordinator, desk_worker = world.users["coordinator"], world.users["desk_worker"]

    log_in(page, coordinator.email)
    page.goto(f"/themagroepen/{world.group.uuid}/")
    tab_to(page, "Praktijkcasussen")
    press_enter_and_wait(page)
    assert page.locator("main h1").inner_text() == "Praktijkcasussen"
    assert_accessible(page, "case list, empty")

    tab_to(page, "Een praktijkcasus inbrengen")
    press_enter_and_wait(page)
    assert_accessible(page, "case form")

    # First without the question: the error is shown beside the field and the input stays.
    tab_to(page, "Titel")
    page.keyboard.type("Inwoners vinden het IDO niet")
    tab_to(page, "Context")
    page.keyboard.type("Ons IDO zit achterin de bibliotheek, bij de studieplekken.")
    tab_to(page, "De casus inbrengen")
    press_enter_and_wait(page)
    assert "Nog niet opgeslagen" in page.inner_text("main")
    assert "Dit veld is verplicht." in page.inner_text("main")
    assert page.get_by_label("Titel").input_value() == "Inwoners vinden het IDO niet"
    assert_accessible(page, "case form with errors")

    page.get_by_label("Vraag").focus()
    page.keyboard.type("Hoe maken we het IDO zichtbaar voor wie de bibliotheek binnenkomt?")
    tab_to(page, "Bijeenkomst")
    page.keyboard.press("ArrowDown")
    tab_to(page, "De casus inbrengen")
    press_enter_and_wait(page)
    assert "staat nu in de groep" in page.inner_text("main")
    case = PracticeCase.objects.get()
    assert case.library == world.library and case.meeting.title == "Voorjaarsbijeenkomst"
    assert "Nog niemand heeft gereageerd." in page.inner_text("main")
    assert_accessible(page, "case page without replies")
    assert desk_worker.email in [m.to[0] for m in mail.outbox]

    with page.expect_navigation():
        page.get_by_role("button", name="Uitloggen").click()
    log_in(page, desk_worker.email)
    page.goto(f"/themagroepen/{world.group.uuid}/casussen/")
    assert_accessible(page, "case list with a case")
    tab_to_link(page, "Inwoners vinden het IDO niet")
    press_enter_and_wait(page)
    tab_to(page, "Uw reactie")
    page.keyboard.type("Bij ons hielp een bord bij de ingang: 'Hulp bij de overheid? Vraag het hier.'")
    tab_to(page, "Reactie plaatsen")
    press_enter_and_wait(page)
    main = page.inner_text("main")
    assert "Uw reactie is geplaatst." in main
    assert "Discussie: 1 reactie" in main and "Bij ons hielp een bord bij de ingang" in main
    assert CaseReply.objects.get().author == desk_worker
    assert_accessible(page, "case page with a reply")
    assert coordinator.email in [m.to[0] for m in mail.outbox if "Nieuwe reactie" in m.subject]
    assert not watch.csp_violations
