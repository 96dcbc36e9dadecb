"""The figures dashboard in Chromium: the charts are drawn (SVG) beside their tables, with no
Content-Security-Policy violation, and axe-core finds nothing."""

import datetime
import zoneinfo

import pytest
import time_machine

from plein.accounts.tests.factories import PASSWORD
from plein.registration import services
from plein.site.tests.browser import assert_accessible

from .factories import category, question, visit_data

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page, email):
    page.goto("/account/login/")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord", exact=True).fill(PASSWORD)
    with page.expect_navigation():
        page.get_by_label("Wachtwoord", exact=True).press("Enter")


# The 2nd of a month: the test registered its visits on the last three days before today and
# failed on the 1st and 2nd of every month, when some fell in the month before. The clock is
# now fixed (ticking, so the browser's timeouts run) and the visits lie on fixed days.
TODAY = datetime.datetime(2026, 12, 2, 10, 0, tzinfo=zoneinfo.ZoneInfo("Europe/Amsterdam"))


@time_machine.travel(TODAY, tick=True)
def test_coordinator_sees_charts_and_tables_of_their_library(browser_page, world):
    from plein.registration.seed import seed_categories

    seed_categories()  # a transactional test starts without the seeded options
    for n in range(6):
        services.visit_register(
            acting_user=world.users["desk_worker"],
            **visit_data(
                location=world.location,
                day=datetime.date(2026, 11, 28 + n % 3),  # the default period: the last full month
                questions=[question(referral=category("doorverwijzing", "digisterker"))] * (1 + n % 2),
            ),
        )
    services.visit_register(  # today, 2 December: not in the default period
        acting_user=world.users["desk_worker"], **visit_data(location=world.location, day=TODAY.date())
    )
    page, watch = browser_page
    log_in(page, world.users["coordinator"].email)
    page.goto("/")
    with page.expect_navigation():
        page.get_by_role("link", name="Cijfers").click()
    assert page.locator("main h1").inner_text() == "IDO-cijfers: Bibliotheek Eigen"
    assert "Registraties van 1 november 2026 tot en met 30 november 2026." in page.inner_text("#fig-period")
    for chart in page.locator(".plein-chart").all():  # each chart is drawn when it comes into view
        chart.scroll_into_view_if_needed()
        chart.locator("svg").wait_for()
    page.wait_for_selector(".plein-chart[data-spec='fig-series-spec'] svg")
    page.wait_for_selector("#fig-onderwerp-title ~ .plein-figure .plein-chart svg")
    topics = page.get_by_role("table", name="Vragen per onderwerp")
    assert "DigiD" in topics.inner_text() and "9" in topics.inner_text()
    assert "De meeste vragen gingen over DigiD (100%)." in page.inner_text("main")
    assert page.locator(".plein-chart svg").count() >= 5
    assert_accessible(page, "figures dashboard")

    # A mistake in the period: a Dutch message next to the field, the input kept.
    page.locator("#id_periode").select_option("anders")
    page.locator("#id_van").fill("2025-03-10")
    page.locator("#id_tot").fill("2025-02-01")
    with page.expect_navigation():
        page.get_by_role("button", name="Cijfers tonen").click()
    assert "De laatste dag ligt voor de eerste dag." in page.inner_text("#id_tot_error")
    assert page.locator("#id_van").input_value() == "2025-03-10"
    assert_accessible(page, "figures form with an error")
    assert not watch.csp_violations, watch.csp_violations
    assert not watch.console_errors, watch.console_errors


def test_the_chart_library_loads_only_when_a_chart_comes_into_view(browser_page, world):
    """Before: four script tags (some 800 kB) before the tables' page was usable. Now the
    tables are there first; the library comes when the first chart nears the screen."""
    from plein.registration.seed import seed_categories

    seed_categories()
    services.visit_register(acting_user=world.users["desk_worker"], **visit_data(location=world.location))
    page, watch = browser_page
    page.set_viewport_size({"width": 400, "height": 300})  # a phone, the charts below the fold
    log_in(page, world.users["coordinator"].email)
    loaded = []
    page.on("request", lambda request: loaded.append(request.url) if "/vega/" in request.url else None)
    page.goto("/cijfers/?periode=maand")
    page.wait_for_load_state("networkidle")
    assert page.get_by_role("table", name="Vragen per onderwerp").count() == 1
    assert loaded == []
    page.locator(".plein-chart[data-spec='fig-series-spec']").scroll_into_view_if_needed()
    page.wait_for_selector(".plein-chart[data-spec='fig-series-spec'] svg")
    assert any(url.endswith("vega-embed.min.js") or "vega-embed" in url for url in loaded)
    assert not watch.csp_violations, watch.csp_violations
    assert not watch.console_errors, watch.console_errors
