"""Helpers for the browser tests: Debian's Chromium through Playwright, axe-core on every
page, and a watch on the console for Content-Security-Policy violations."""

import os

import pytest

CHROMIUM = os.environ.get("PLEIN_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class PageWatch:
    """Collects console errors and CSP violations of one page."""

    def __init__(self, page):
        self.page = page
        self.console_errors = []
        page.on("console", self._console)

    def _console(self, message):
        if message.type == "error":
            self.console_errors.append(message.text)

    @property
    def csp_violations(self):
        return [m for m in self.console_errors if "Content Security Policy" in m]


def assert_accessible(page, label=""):
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    violations = results.response["violations"]
    if violations:
        lines = [f"axe-core found {len(violations)} violation(s) on {label or page.url}:"]
        for v in violations:
            targets = ", ".join(str(n["target"]) for n in v["nodes"][:5])
            lines.append(f"  - {v['id']} ({v['impact']}): {v['help']} -> {targets}")
        pytest.fail("\n".join(lines))


FOCUSED_TEXT = """() => {
  const e = document.activeElement;
  const own = e.innerText || e.value || e.getAttribute('aria-label') || '';
  const label = e.labels && e.labels[0] ? e.labels[0].innerText : '';
  return own + ' ' + label;
}"""


def tab_to(page, text, limit=80):
    """Press Tab until the focused element's text or label contains `text`."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED_TEXT)
        if text in focused:
            return
    pytest.fail(f"could not reach “{text}” with the Tab key")
