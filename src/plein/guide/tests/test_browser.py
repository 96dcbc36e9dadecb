"""A new coordinator walks the Ontwikkelplein guide in Chromium; axe-core checks every page."""

import pytest

from plein.accounts.tests.factories import PASSWORD
from plein.actions.models import Action
from plein.guide.models import Answer, Partner
from plein.site.tests.browser import assert_accessible

from .factories import published_guide

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page, email):
    page.goto("/account/login/")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord", exact=True).fill(PASSWORD)
    with page.expect_navigation():
        page.get_by_label("Wachtwoord", exact=True).press("Enter")


def test_coordinator_walks_the_guide_and_downloads_the_project_plan(browser_page, world):
    published_guide()  # transaction tests start from an empty database
    page, watch = browser_page
    log_in(page, world.users["coordinator"].email)
    page.goto("/")
    with page.expect_navigation():
        page.get_by_role("link", name="Ontwikkelplein", exact=True).click()
    assert page.locator("main h1").inner_text() == "Ontwikkelplein van Bibliotheek Eigen"
    assert_accessible(page, "library page")

    with page.expect_navigation():
        page.get_by_role("link", name="Een route starten").click()
    assert_accessible(page, "start form")
    page.get_by_label("Naam").fill("Ontwikkelplein Centrum")
    with page.expect_navigation():
        page.get_by_role("button", name="Starten").click()
    assert "De route ‘Ontwikkelplein Centrum’ is gestart." in page.inner_text("main")
    assert_accessible(page, "route page")
    route_url = page.url

    # Phase 1: answer with autosave only (no submit), then move on.
    with page.expect_navigation():
        page.get_by_role("link", name="Wat is een Ontwikkelplein?").click()
    assert_accessible(page, "step of phase 1")
    page.get_by_label("Wat is een Ontwikkelplein, in uw eigen woorden?").fill("Eén plek voor hulp en leren.")
    page.get_by_label("Wat is een Ontwikkelplein, in uw eigen woorden?").blur()
    page.get_by_text("Opgeslagen om").wait_for()
    page.get_by_label("We hebben de beschrijving van de KB samen gelezen.").check()
    page.get_by_label("Deze stap is klaar").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Opslaan en naar de volgende stap").click()
    assert page.locator("main h1").inner_text() == "Waarom past een Ontwikkelplein bij onze bibliotheek?"

    # Phase 2: type an answer and close the page mid-step, without saving by hand.
    page.goto(route_url)
    with page.expect_navigation():
        page.get_by_role("link", name="Partners", exact=True).click()
    step_url = page.url
    page.get_by_label("Welke partners wilt u erbij hebben?").fill("Het Leerwerkloket en SeniorWeb")
    page.get_by_text("Opgeslagen om").wait_for()
    context = page.context
    page.close()
    page = context.new_page()
    page.goto(step_url)
    assert page.get_by_label("Welke partners wilt u erbij hebben?").input_value() == "Het Leerwerkloket en SeniorWeb"
    assert_accessible(page, "step of phase 2, reopened")

    # Turn the answer into an action.
    with page.expect_navigation():
        page.get_by_role("button", name="Welke partners wilt u erbij hebben?").click()
    assert "staat nu in uw actieplan" in page.inner_text("main")
    assert Action.objects.get(library=world.library, guide_link__isnull=False).title == "Het Leerwerkloket en SeniorWeb"
    assert_accessible(page, "step after making an action")

    # Add a partner.
    page.goto(route_url)
    with page.expect_navigation():
        page.get_by_role("link", name="Een partner toevoegen").click()
    assert_accessible(page, "partner form")
    page.get_by_label("Naam").fill("Leerwerkloket")
    page.get_by_label("Houdt spreekuur").check()
    page.get_by_label("Werk", exact=True).check()
    page.get_by_label("Afspraak").select_option("afgesproken")
    with page.expect_navigation():
        page.get_by_role("button", name="Opslaan").click()
    assert "De partner ‘Leerwerkloket’ is toegevoegd." in page.inner_text("main")
    assert_accessible(page, "route page with a partner")
    assert Partner.objects.get().roles == ["spreekuur"]
    assert {a.item_key for a in Answer.objects.all()} >= {"eigen-woorden", "welke-partners"}

    for label, suffix, magic in [("Word", ".docx", b"PK"), ("pdf", ".pdf", b"%PDF")]:
        with page.expect_download() as info:
            page.get_by_role("link", name=f"Projectplan downloaden ({label})").click()
        download = info.value
        assert download.suggested_filename.endswith(suffix)
        assert open(download.path(), "rb").read(4).startswith(magic)
        if suffix == ".pdf":
            from plein.site.tests.pdf import assert_valid_pdf

            assert_valid_pdf(open(download.path(), "rb").read())
    assert not watch.csp_violations, watch.csp_violations


CONCURRENT_SAVES = """async (n) => {
  const form = document.querySelector('form[data-autosave-url]');
  const url = form.getAttribute('data-autosave-url');
  const requests = [];
  for (let i = 0; i < n; i++) {
    const data = new FormData(form);
    requests.push(fetch(url, {method: 'POST', body: data, credentials: 'same-origin',
                              headers: {'Accept': 'application/json'}}).then(r => r.status));
    requests.push(fetch(window.location.href, {credentials: 'same-origin'}).then(r => r.status));
  }
  return Promise.all(requests);
}"""


def test_the_live_server_answers_saves_that_arrive_at_the_same_moment(browser_page, world):
    """Autosave can post while the form is submitted or the page reloads. Before, every thread
    of the live server shared one in-memory SQLite connection and such requests failed with a
    500, "database table is locked"; now each thread has its own connection to a file database
    (WAL, busy timeout), as in production."""
    from django.urls import reverse

    from plein.guide.services import trajectory_create

    version = published_guide()
    trajectory = trajectory_create(library=world.library, acting_user=world.users["coordinator"], name="Gelijktijdig")
    step = next(s for phase in version.phases.all() for s in phase.steps.all())
    page, watch = browser_page
    log_in(page, world.users["coordinator"].email)
    page.goto(reverse("guide:step", kwargs={"uuid": trajectory.uuid, "key": step.key}))
    for _ in range(3):
        statuses = page.evaluate(CONCURRENT_SAVES, 8)
        assert statuses == [200] * 16, statuses
