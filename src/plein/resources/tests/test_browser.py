"""A facilitator shares a PDF with a theme group; a coordinator of a library in that group
downloads it. In real Chromium, with axe-core on every page. Run with `pytest -m browser`."""

from pathlib import Path

import pytest

from plein.accounts.tests.factories import PASSWORD
from plein.resources.models import Resource
from plein.site.tests.browser import assert_accessible

from .factories import pdf_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page, email):
    page.goto("/account/login/")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord", exact=True).fill(PASSWORD)
    with page.expect_navigation():
        page.get_by_label("Wachtwoord", exact=True).press("Enter")


def test_facilitator_shares_a_pdf_with_a_group_and_a_coordinator_downloads_it(browser_page, world, media):
    page, watch = browser_page
    data = pdf_bytes("Format EMB in verbinding")

    log_in(page, world.users["facilitator"].email)
    with page.expect_navigation():
        page.locator(".plein-nav").get_by_role("link", name="Hulpmiddelen").click()
    assert page.locator("main h1").inner_text() == "Hulpmiddelen"
    assert_accessible(page, "resource list (empty)")

    with page.expect_navigation():
        page.get_by_role("link", name="Een hulpmiddel toevoegen").click()
    assert_accessible(page, "resource form")

    # First a mistake: a program renamed to .pdf. The message is beside the field.
    page.get_by_label("Titel").fill("Format EMB in verbinding")
    page.get_by_label("Bestand").set_input_files(
        {"name": "format.pdf", "mimeType": "application/pdf", "buffer": b"MZ\x90\x00" + b"\x00" * 200}
    )
    with page.expect_navigation():
        page.get_by_role("button", name="Hulpmiddel toevoegen").click()
    assert "Nog niet opgeslagen" in page.inner_text("main")
    assert "geen echt PDF-bestand" in page.locator("#id_file_error").inner_text()
    assert page.get_by_label("Titel").input_value() == "Format EMB in verbinding"
    assert_accessible(page, "resource form with errors")
    assert not Resource.objects.exists()

    page.get_by_label("Bestand").set_input_files(
        {"name": "Format EMB in verbinding.pdf", "mimeType": "application/pdf", "buffer": data}
    )
    page.get_by_label(f"IDO en de EMB ({world.year.year})").check()
    page.get_by_label("Partners").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Hulpmiddel toevoegen").click()
    assert "Het hulpmiddel ‘Format EMB in verbinding’ is toegevoegd." in page.inner_text("main")
    assert_accessible(page, "resource detail (facilitator)")
    resource = Resource.objects.get()
    assert list(resource.groups.all()) == [world.group]

    with page.expect_navigation():
        page.get_by_role("button", name="Uitloggen").click()

    log_in(page, world.users["coordinator"].email)
    page.goto(f"/hulpmiddelen/?groep={world.group.uuid}")
    assert_accessible(page, "resource list of the group")
    with page.expect_navigation():
        page.get_by_role("link", name="Format EMB in verbinding", exact=True).click()
    assert_accessible(page, "resource detail (coordinator)")
    with page.expect_download() as info:
        page.get_by_role("link", name="Downloaden (PDF)").click()
    download = info.value
    assert download.suggested_filename == "Format EMB in verbinding.pdf"
    assert Path(download.path()).read_bytes() == data
    assert not watch.csp_violations, watch.csp_violations


def test_a_coordinator_opens_the_emb_tool_and_downloads_its_worksheet(browser_page, world):
    from plein.resources.seed import seed_article_tools
    from plein.site.tests.pdf import assert_valid_pdf

    seed_article_tools()
    page, watch = browser_page
    log_in(page, world.users["coordinator"].email)
    page.goto("/hulpmiddelen/")
    with page.expect_navigation():
        page.get_by_role("link", name="De educatief maatschappelijke bibliotheek in verbinding", exact=True).click()
    assert_accessible(page, "tool resource detail (coordinator)")
    with page.expect_download() as info:
        page.get_by_role("link", name="Download het werkblad (pdf)").click()
    download = info.value
    assert download.suggested_filename == "werkblad-emb-in-verbinding.pdf"
    assert_valid_pdf(Path(download.path()).read_bytes())
    with page.expect_navigation():
        page.get_by_role("link", name="Houd het gesprek in Plein").click()
    assert page.url.endswith(f"/emb/bibliotheek/{world.library.uuid}/gesprek/")
    assert not watch.csp_violations, watch.csp_violations
