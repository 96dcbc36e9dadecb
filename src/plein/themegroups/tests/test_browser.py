"""The whole cycle of a theme group in Chromium, as people do it, with axe-core on every page."""

import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone

from plein.organisations.tests.factories import OrganisationFactory
from plein.site.tests.browser import assert_accessible
from plein.site.tests.calendar_check import parse_ics

from .factories import MeetingFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _log_in(page, email, password):
    page.goto("/account/login/")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord", exact=True).fill(password)
    with page.expect_navigation():
        page.get_by_label("Wachtwoord", exact=True).press("Enter")


def _log_out(page):
    with page.expect_navigation():
        page.get_by_role("button", name="Uitloggen").click()


def _link_in(body, path):
    return re.search(rf"http://\S+({path}\S+/)", body).group(1)


def test_from_sign_up_to_retrospective(browser_page, world, settings):
    page, watch = browser_page
    settings.PLEIN_SITE_URL = "http://testserver"
    new_library = OrganisationFactory(name="Bibliotheek Nieuwkomer")
    # Running now: replies are still taken, and minutes can be written (only once it has begun).
    start = timezone.now() - datetime.timedelta(hours=1)
    meeting = MeetingFactory(
        group=world.group,
        title="Verbindingen vanuit het IDO",
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=3),
    )

    # 1. A library signs up without an account.
    page.goto("/aanmelden/")
    assert_accessible(page, "sign-up index")
    with page.expect_navigation():
        page.get_by_role("link", name=f"Aanmelden voor {world.year.year}").click()
    assert_accessible(page, "sign-up form")
    page.locator("#id_library").select_option(label="Bibliotheek Nieuwkomer")
    page.get_by_label("IDO en de EMB").check()
    page.get_by_label("Uw naam").fill("Nina Nieuwkomer")
    page.get_by_label("Uw e-mailadres").fill("nina@nieuwkomer.example")
    page.get_by_label("Uw rol in de bibliotheek").fill("IDO-kartrekker")
    page.get_by_label("Waarom wilt u meedoen?").fill("We willen ons IDO verbinden met dBos.")
    page.get_by_label("Ik vind het goed").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Aanmelding versturen").click()
    assert "Bedankt voor uw aanmelding" in page.inner_text("main")
    assert_accessible(page, "sign-up done")
    assert mail.outbox[-1].to == ["nina@nieuwkomer.example"]

    # 2. The facilitator places the library. It is in Plein already and has no coordinator, so
    # the contact gets an invitation only after the facilitator confirms they work there.
    _log_in(page, world.users["facilitator"].email, "test-wachtwoord-123")
    page.goto(f"/themagroepen/{world.group.uuid}/aanmeldingen/")
    assert_accessible(page, "sign-ups")
    with page.expect_navigation():
        page.get_by_role("button", name="Plaatsen Bibliotheek Nieuwkomer").click()
    assert "Bibliotheek Nieuwkomer is geplaatst." in page.inner_text("main")
    assert not any("/uitnodiging/" in m.body for m in mail.outbox)
    assert_accessible(page, "sign-ups with the invitation to confirm")
    page.get_by_label("Ik weet dat Nina Nieuwkomer bij Bibliotheek Nieuwkomer werkt").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Uitnodiging voor een account sturen Nina Nieuwkomer").click()
    invitation = next(m for m in mail.outbox if "/uitnodiging/" in m.body)
    _log_out(page)

    # 3. The coordinator accepts the invitation and sees the group and its meetings.
    page.goto(_link_in(invitation.body, "/uitnodiging/"))
    page.get_by_label("Kies een wachtwoord").fill("een-sterk-wachtwoord")
    page.get_by_label("Typ het wachtwoord nog een keer").fill("een-sterk-wachtwoord")
    with page.expect_navigation():
        page.get_by_role("button", name="Maak mijn account").click()
    with page.expect_navigation():
        page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Themagroepen").click()
    assert_accessible(page, "group list")
    with page.expect_navigation():
        page.get_by_role("link", name="IDO en de EMB").first.click()
    assert "Verbindingen vanuit het IDO" in page.inner_text("main")
    assert "Bibliotheek Nieuwkomer" in page.inner_text("main")
    assert_accessible(page, "group page")
    with page.expect_navigation():
        page.get_by_role("link", name="Verbindingen vanuit het IDO").click()
    assert_accessible(page, "meeting page")

    # 4. ... adds the meeting to a calendar: the .ics parses.
    with page.expect_download() as download_info:
        page.get_by_role("link", name="In mijn agenda zetten (.ics)").click()
    events = parse_ics(open(download_info.value.path(), "rb").read())
    assert [e.summary for e in events] == ["Verbindingen vanuit het IDO – IDO en de EMB"]

    # 5. ... and registers attendance, by keyboard.
    page.get_by_label("Ja, wij komen").check()
    page.get_by_label("Met hoeveel mensen?").fill("2")
    with page.expect_navigation():
        page.get_by_label("Met hoeveel mensen?").press("Enter")
    assert "uw antwoord is opgeslagen" in page.inner_text("main")
    assert meeting.attendances.get(library=new_library).people == 2
    _log_out(page)

    # 6. The facilitator writes minutes with an action item for the new library.
    _log_in(page, world.users["facilitator"].email, "test-wachtwoord-123")
    page.goto(f"/bijeenkomsten/{meeting.uuid}/verslag/")
    assert_accessible(page, "minutes form")
    page.locator("#id_minutes").fill("We bespraken kansen om het IDO te verbinden met dBos.")
    page.locator("#id_acties-0-title").fill("Presentatie over het IDO voor leerkrachten")
    page.locator("fieldset.plein-subform").first.get_by_label("Bibliotheek Nieuwkomer").check()
    page.locator("#id_acties-0-lead").select_option(label="Nina Nieuwkomer (Bibliotheek Nieuwkomer)")
    with page.expect_navigation():
        page.get_by_role("button", name="Verslag opslaan").click()
    assert "Er is 1 actie toegevoegd" in page.inner_text("main")
    assert "Wie: Nina Nieuwkomer (Bibliotheek Nieuwkomer)" in page.inner_text("main")
    assert_accessible(page, "meeting with minutes")
    action = new_library.actions.get()
    assert action.title == "Presentatie over het IDO voor leerkrachten"
    assert action.owner.email == "nina@nieuwkomer.example"
    _log_out(page)

    # 7. The library finds the action in its plan and marks it done.
    _log_in(page, "nina@nieuwkomer.example", "een-sterk-wachtwoord")
    page.goto("/acties/")
    assert "Presentatie over het IDO voor leerkrachten" in page.inner_text("main")
    assert_accessible(page, "action plan")
    from plein.actions.services import action_transition

    for label in ["Bezig", "Afgerond"]:
        with page.expect_navigation():
            page.locator("main").get_by_role("button", name=re.compile(label)).first.click()
    action.refresh_from_db()
    assert action.status == "afgerond", action.status
    assert action_transition  # the same service the buttons use
    _log_out(page)

    # 8. The retrospective draft mentions it.
    _log_in(page, world.users["facilitator"].email, "test-wachtwoord-123")
    page.goto(f"/themagroepen/{world.group.uuid}/terugblik/")
    assert "Presentatie over het IDO voor leerkrachten (Bibliotheek Nieuwkomer)" in page.inner_text("main")
    assert_accessible(page, "retrospective")
    assert not watch.csp_violations
