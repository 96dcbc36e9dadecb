"""Logging in with the keyboard alone, in real Chromium (pytest -m browser)."""

import pytest

from plein.accounts.tests.factories import PASSWORD
from plein.site.tests.browser import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_email_tab_password_enter_logs_in(browser_page, world):
    """Tab from the e-mail field goes to the password, so Enter logs in (not the reset page)."""
    page, watch = browser_page
    user = world.users["coordinator"]
    page.goto("/account/login/")
    page.get_by_label("E-mailadres").focus()
    page.keyboard.type(user.email)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "password"
    page.keyboard.type(PASSWORD)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/account/" not in page.url, page.url
    assert page.locator(".plein-header__user").inner_text().startswith(user.name)


def test_the_reset_link_comes_after_the_log_in_button(browser_page):
    page, watch = browser_page
    page.goto("/account/login/")
    order = page.eval_on_selector_all(
        "main a, main button, main input:not([type=hidden])",
        "els => els.map(e => e.name || e.innerText.trim())",
    )
    assert order.count("Wachtwoord vergeten?") == 1, order
    assert order.index("Wachtwoord vergeten?") > order.index("Inloggen"), order
    assert_accessible(page, "login")
