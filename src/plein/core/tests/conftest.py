import pytest


@pytest.fixture(scope="session")
def chromium():
    import os

    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the Django ORM calls the tests
    # make between browser steps are still synchronous and safe.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

    from .browser import CHROMIUM, CHROMIUM_ARGS

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def browser_page(chromium, live_server):
    from .browser import PageWatch

    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL", base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(15000)
    watch = PageWatch(page)
    yield page, watch
    context.close()
