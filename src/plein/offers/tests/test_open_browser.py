"""The open data in Chromium: the embeddable listing inside an iframe on another website (one
that PLEIN_EMBED_FRAME_ANCESTORS allows shows it, another gets nothing), reached by keyboard,
its link opening the offer in a new tab; axe finds nothing; no cookie. The offer page with its
JSON-LD has no CSP violation, and the Nu Html Checker (at the end of the session) checks both."""

import json
import time

import pytest

from plein.site.tests.browser import assert_accessible

from .open_support import published_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

GEMEENTE = "http://www.gemeente.example"
ELDERS = "http://www.elders.example"


PLEIN = "http://plein.example"  # the live server under a public name (Chromium keeps pages of
# another site from framing a local address, which Plein in production is not)


def serve_plein_as_public_site(page, live_server):
    def forward(route):
        url = route.request.url.replace(PLEIN, live_server.url, 1)
        route.fulfill(response=route.fetch(url=url))

    page.context.route(f"{PLEIN}/**", forward)


def host_page(page, origin, src):
    """A page of another website at `origin` (served by Playwright) with the listing in an iframe."""
    html = (
        '<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>Gemeente</title></head><body>'
        f'<main><h1>Hulp in de bibliotheek</h1><iframe src="{src}" title="Aanbod van de bibliotheek" '
        'width="600" height="800"></iframe></main></body></html>'
    )
    page.route(f"{origin}/**", lambda route: route.fulfill(status=200, content_type="text/html", body=html))
    page.goto(f"{origin}/")


def test_the_listing_in_an_iframe_on_an_allowed_site_only(browser_page, world, live_server, settings):
    settings.PLEIN_EMBED_FRAME_ANCESTORS = [GEMEENTE]
    settings.PLEIN_SITE_URL = PLEIN
    published_world(world)
    page, watch = browser_page
    serve_plein_as_public_site(page, live_server)
    src = f"{PLEIN}/aanbod/{world.library.slug}/inbedden/?kleur=8a1538"

    # On its own: accessible, no CSP violation, no cookie.
    page.goto(src)
    assert page.locator("h1").inner_text() == f"Hulp en leren bij {world.library.name}"
    assert_accessible(page, "the embeddable listing")
    link_colour = page.locator("a.plein-embed__link").first.evaluate("e => getComputedStyle(e).color")
    assert link_colour == "rgb(138, 21, 56)"  # ?kleur= became --plein-embed-link-color

    # In an iframe on the municipality's website: shown, and reachable by keyboard.
    host_page(page, GEMEENTE, src)
    frame = page.frame_locator("iframe")
    assert "Hulp bij DigiD" in frame.locator("main").inner_text()
    page.keyboard.press("Tab")  # into the iframe: its first link
    for _ in range(5):
        focused = frame.locator(":focus")
        if focused.count() and "Hulp bij DigiD" in focused.inner_text():
            break
        page.keyboard.press("Tab")
    with page.context.expect_page() as new_tab:
        page.keyboard.press("Enter")
    offer_tab = new_tab.value
    offer_tab.wait_for_load_state()
    assert offer_tab.url.endswith(f"/aanbod/{world.library.slug}/hulp-bij-digid/")
    assert offer_tab.evaluate("() => window.opener") is None  # rel="noopener"

    # The offer page: its JSON-LD is data, not a script the CSP blocks.
    assert offer_tab.locator('script[type="application/ld+json"]').count() == 1
    json.loads(offer_tab.locator('script[type="application/ld+json"]').inner_text())
    offer_tab.close()
    assert watch.csp_violations == []

    # On another website the browser refuses to show it (frame-ancestors).
    host_page(page, ELDERS, src)
    time.sleep(0.5)
    assert page.frame_locator("iframe").locator("main").count() == 0
    assert any("frame-ancestors" in m for m in watch.csp_violations)
    assert page.context.cookies() == []


def test_the_api_documentation_page(browser_page, world):
    published_world(world)
    page, watch = browser_page
    page.goto("/api/aanbod/v1/docs")
    assert page.locator("main h1").inner_text() == "Open-data-API van het aanbod hulp en leren"
    assert "curl '" in page.inner_text("main") and "Authorization" not in page.inner_text("main")
    assert_accessible(page, "the open data API's documentation")
    assert watch.csp_violations == []
    response = page.request.get("/api/aanbod/v1/offers?theme=overheidszaken")
    assert response.status == 200 and response.headers["access-control-allow-origin"] == "*"
    assert [o["title"] for o in response.json()["results"]] == ["Hulp bij DigiD"]
