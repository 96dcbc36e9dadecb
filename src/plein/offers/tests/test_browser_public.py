"""A resident finds help in Chromium with the keyboard only: from the library's page to the
DigiD help along the need path (three steps), the next time in the calendar (an .ics two
parsers accept), then a search for "Klik & Tik" filtered on a day. axe-core on every page,
and no cookie at the end."""

import datetime

import pytest
import time_machine

from plein.site.tests.browser import assert_accessible, tab_to
from plein.site.tests.calendar_check import parse_ics

from .public_data import NOW, public_offer

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _enter(page):
    with page.expect_navigation():
        page.keyboard.press("Enter")


@time_machine.travel(NOW, tick=True)
def test_resident_finds_digid_help_and_a_course_by_keyboard(browser_page, tmp_path):
    data = public_offer()
    page, watch = browser_page
    page.goto(f"/aanbod/{data.library.slug}/")
    assert page.locator("main h1").inner_text() == "Waar wilt u hulp bij?"
    assert_accessible(page, "library start")

    steps = 0
    tab_to(page, "Praktische hulp")
    _enter(page)
    steps += 1
    assert page.locator("main h1").inner_text() == "Waar gaat het over?"
    assert_accessible(page, "need: practical help")
    tab_to(page, "Overheidszaken")
    _enter(page)
    steps += 1
    assert "Hulp bij DigiD" in page.inner_text("main")
    assert_accessible(page, "list of government help")
    tab_to(page, "Hulp bij DigiD")
    _enter(page)
    steps += 1
    assert steps <= 4
    assert page.locator("main h1").inner_text() == "Hulp bij DigiD"
    assert "Ingang zonder drempel" in page.inner_text("main")
    assert_accessible(page, "offer page")

    tab_to(page, "Zet de volgende keer in mijn agenda")
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    path = tmp_path / "digid.ics"
    download.value.save_as(path)
    (event,) = parse_ics(path.read_bytes())
    assert event.summary == "Hulp bij DigiD"
    assert event.start.astimezone(datetime.UTC) == datetime.datetime(2026, 12, 8, 9, 0, tzinfo=datetime.UTC)

    # The print view.
    tab_to(page, "Deze pagina printen")
    _enter(page)
    assert_accessible(page, "print view")
    page.go_back()

    # Search "Klik & Tik", then filter on a day.
    tab_to(page, "Zoeken in alle hulp en cursussen")
    _enter(page)
    tab_to(page, "Zoek op woord")
    page.keyboard.type("Klik & Tik")
    _enter(page)
    main = page.inner_text("main")
    assert "Klik & Tik" in main and "Hulp bij DigiD" not in main
    assert_accessible(page, "search results")
    tab_to(page, "Dag")
    page.keyboard.type("Maandag")
    assert page.locator("#id_dag").input_value() == "0"
    tab_to(page, "Laat zien")
    _enter(page)
    assert "dag=0" in page.url and "Klik" in page.url
    main = page.inner_text("main")
    assert "Klik & Tik" in main and "Gevonden: 1" in main
    assert_accessible(page, "search filtered on Monday")

    # The other public pages, for axe and the Nu Html Checker.
    tab_to(page, "Vandaag en deze week")
    _enter(page)
    assert_accessible(page, "today")
    tab_to(page, "donderdag 3 december")
    _enter(page)
    assert "Taalhuis spreekuur" in page.inner_text("main")
    assert_accessible(page, "Thursday this week")
    for path in (
        "/aanbod/",
        "/aanbod/over-het-aanbod/",
        f"/aanbod/gemeente/{data.location.municipality.slug}/",
        f"/aanbod/{data.library.slug}/klik-en-tik/",
    ):
        page.goto(path)
        assert_accessible(page, path)

    assert page.context.cookies() == []
    assert not watch.csp_violations, watch.csp_violations
