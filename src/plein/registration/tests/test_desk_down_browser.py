"""The desk while Plein cannot reach its database (issue 10 §4): the server answers 503 with
Retry-After (plein.common.errors); the desk's script keeps the entry on the device, tries again
after Retry-After, and the visit is stored once when Plein is back."""

import json

import pytest

from plein.registration.models import Visit

from .test_browser import log_in
from .test_desk_browser import choose, question, visit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

QUEUED = "Opgeslagen op dit apparaat; wordt verstuurd zodra er weer verbinding is"


def test_an_entry_waits_on_the_device_while_plein_answers_503(browser_page, world):
    from plein.registration.seed import seed_categories

    seed_categories()
    world.location.has_ido = True
    world.location.save()
    page, watch = browser_page
    log_in(page, world.users["desk_worker"].email)
    page.goto("/registreren/")
    choose(page, "vestiging", "Eigen Centrum")
    with page.expect_navigation():
        page.get_by_role("button", name="Deze vestiging gebruiken").click()

    answered = []

    def database_down_twice(route):
        if route.request.method == "POST" and len(answered) < 2:
            answered.append(503)
            body = {"ok": False, "detail": "Plein kan zijn database even niet bereiken.", "errors": {}}
            route.fulfill(
                status=503, headers={"Retry-After": "1"}, content_type="application/json", body=json.dumps(body)
            )
        else:
            route.continue_()

    page.route("**/registreren/", database_down_twice)
    visit(page)
    question(page, 0)
    page.get_by_role("button", name="Bezoek registreren").click()
    page.locator("#desk-status", has_text=QUEUED).wait_for()
    assert page.evaluate("() => Object.keys(localStorage).length") == 1
    assert Visit.objects.count() == 0
    # Tried again after Retry-After (1 s): 503 once more, then Plein is back.
    page.locator("#desk-status", has_text="zijn verstuurd").wait_for(timeout=15_000)
    assert answered == [503, 503]
    assert Visit.objects.count() == 1
    assert page.evaluate("() => Object.keys(localStorage).length") == 0
    assert not watch.csp_violations, watch.csp_violations
