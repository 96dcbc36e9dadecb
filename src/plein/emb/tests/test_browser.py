"""A new coordinator puts a programme in the portfolio, connects the IDO to it, makes an action
of it, finds it on the map and in its table, and downloads the story; axe-core on every page."""

import os

import pytest

from plein.actions.choices import ActionOrigin
from plein.actions.models import Action
from plein.emb.models import Connection
from plein.emb.seed import programme
from plein.site.tests.browser import assert_accessible

from .factories import PortfolioEntryFactory

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


def test_coordinator_connects_the_ido_to_a_new_programme_and_downloads_the_story(browser_page, world, tmp_path):
    from plein.emb.seed import seed_catalogue

    seed_catalogue()  # transactional tests flush the data migration
    PortfolioEntryFactory(library=world.library, programme=programme("ido"))
    page, watch = browser_page
    log_in(page, world.users["coordinator"].email)
    page.goto("/")

    click_and_wait(page, page.get_by_role("link", name="EMB in verbinding", exact=True))
    assert page.locator("main h1").inner_text() == "EMB in verbinding: Bibliotheek Eigen"
    assert_accessible(page, "portfolio")

    click_and_wait(page, page.get_by_role("link", name="Een programma aan het portfolio toevoegen"))
    assert_accessible(page, "add a programme")
    page.get_by_label("Programma", exact=True).select_option(label="Mamacafé")
    page.get_by_label("Eigen Centrum").check()
    page.get_by_label("Ouders van jonge kinderen").check()
    page.get_by_label("Andere partners").fill("Consultatiebureau")
    click_and_wait(page, page.get_by_role("button", name="Opslaan"))
    assert "‘Mamacafé’ staat nu in uw portfolio." in page.inner_text("main")
    assert_accessible(page, "portfolio with two programmes")

    click_and_wait(page, page.get_by_role("link", name="Een verbinding toevoegen"))
    assert page.get_by_label("Van programma").input_value()  # the IDO is chosen already
    # A mistake first: the IDO to itself. The message is next to the field, the text stays.
    page.get_by_label("Naar programma").select_option(label="IDO (Informatiepunt Digitale Overheid)")
    page.get_by_label("Kansen").fill("Rondleiding voor de ouders langs het IDO")
    click_and_wait(page, page.get_by_role("button", name="Opslaan"))
    assert "Een programma kan geen verbinding met zichzelf hebben." in page.inner_text("main")
    assert page.get_by_label("Kansen").input_value() == "Rondleiding voor de ouders langs het IDO"
    assert_accessible(page, "connection form with an error")
    page.get_by_label("Naar programma").select_option(label="Mamacafé")
    page.get_by_label("Soort verbinding").select_option(label="Gezamenlijke activiteit")
    page.get_by_label("Sterkte nu").select_option(label="Ad hoc")
    page.get_by_label("Uitdagingen").fill("Niet alle ouders spreken goed Nederlands")
    click_and_wait(page, page.get_by_role("button", name="Opslaan"))
    assert "De verbinding is opgeslagen." in page.inner_text("main")
    connection = Connection.objects.get()
    assert connection.source.programme.key == "ido" and connection.target.programme.key == "mamacafe"
    assert_accessible(page, "connection")

    click_and_wait(page, page.get_by_role("link", name="Een actie aan het actieplan toevoegen"))
    assert_accessible(page, "action form")
    page.get_by_label("Titel").fill("Rondleiding langs het IDO voor het mamacafé")
    click_and_wait(page, page.get_by_role("button", name="Opslaan"))
    assert "staat nu in uw actieplan" in page.inner_text("main")
    action = Action.objects.get()
    assert action.origin == ActionOrigin.CONNECTION and action.emb_link.connection == connection
    assert_accessible(page, "connection with an action")

    click_and_wait(page, page.get_by_role("link", name="Naar de kaart"))
    assert page.locator("#emb-map svg circle").count() >= 2  # the server's drawing, at once
    page.locator("#emb-map").focus()  # the interactive map (cytoscape.js) loads when it is used
    page.wait_for_selector("#emb-map canvas")
    table = page.locator("#connections-caption").locator("xpath=..").inner_text()
    assert "Mamacafé" in table and "Gezamenlijke activiteit" in table
    assert "Rondleiding langs het IDO voor het mamacafé" in table
    # The keyboard reaches the map too: arrow keys go through the programmes and connections.
    page.locator("#emb-map").focus()
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    assert "Gezamenlijke activiteit" in page.inner_text("#emb-map-detail")
    if os.environ.get("EMB_SCREENSHOT"):
        page.screenshot(path=os.environ["EMB_SCREENSHOT"], full_page=True)
    assert_accessible(page, "map")

    click_and_wait(page, page.get_by_role("link", name="Lokaal EMB-verhaal"))
    assert_accessible(page, "story")
    with page.expect_download() as download:
        page.get_by_role("link", name="Downloaden als pdf").click()
    path = tmp_path / "verhaal.pdf"
    download.value.save_as(path)
    from plein.site.tests.pdf import assert_valid_pdf

    assert_valid_pdf(path.read_bytes())
    assert not watch.csp_violations, watch.csp_violations
    assert not watch.console_errors, watch.console_errors
