"""The page of a running import in Chromium: it shows the progress, its script follows the
status URL, and once the import has finished the page shows the result by itself. axe-core
finds nothing and the Content-Security-Policy is never violated."""

import pytest

from plein.registration.models import ImportJob
from plein.site.tests.browser import assert_accessible

from .test_browser import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_import_page_follows_a_running_import_until_it_is_done(browser_page, world):
    page, watch = browser_page
    job = ImportJob.objects.create(
        created_by=world.users["coordinator"],
        filename="historie.csv",
        status="bezig",
        phase="schrijven",
        rows_total=1000,
        rows_checked=1000,
        rows_written=200,
    )
    log_in(page, world.users["coordinator"].email)
    page.goto(f"/registreren/importeren/{job.uuid}/")
    assert page.get_by_role("status").inner_text() == "Opslaan: regel 200 van 1.000."
    assert_accessible(page)
    ImportJob.objects.filter(pk=job.pk).update(rows_written=600)
    page.get_by_text("Opslaan: regel 600 van 1.000.").wait_for(timeout=10_000)
    assert page.locator("progress").get_attribute("value") == "300"  # half the way: saving comes first
    ImportJob.objects.filter(pk=job.pk).update(status="klaar", phase="", visits=700, questions=1000)
    page.get_by_text("Geïmporteerd: 700 bezoeken met 1000 vragen.").wait_for(timeout=10_000)
    assert page.locator("progress").count() == 0
    assert_accessible(page)
    assert not watch.csp_violations, watch.csp_violations
