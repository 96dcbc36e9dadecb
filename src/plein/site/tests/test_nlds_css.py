"""The pages load one stylesheet of NL Design System CSS made for them (tools/build_css.py):
only the Utrecht rules and theme tokens Plein uses, not the whole library (614 kB before,
of which Lighthouse found some 370 kB unused and all of it render-blocking)."""

import importlib.util
from pathlib import Path

from django.test import Client

ROOT = Path(__file__).resolve().parents[4]


def _build_css():
    spec = importlib.util.spec_from_file_location("build_css", ROOT / "tools" / "build_css.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_committed_css_is_what_the_build_makes_now():
    """Fails when a template starts using an Utrecht class (or token) the file lacks: run
    `.venv/bin/python tools/build_css.py`."""
    build_css = _build_css()
    assert build_css.TARGET.read_text(encoding="utf-8") == build_css.build()


def test_the_css_keeps_what_the_pages_use_and_is_small():
    build_css = _build_css()
    css = build_css.TARGET.read_text(encoding="utf-8")
    assert len(css.encode()) < 160_000
    for selector in [".utrecht-button--primary-action", ".utrecht-table__header-cell", ".utrecht-form-field"]:
        assert selector in css
    assert ".utrecht-calendar" not in css  # a component Plein does not use
    assert "--utrecht-button-primary-action-background-color" in css  # a token a kept rule reads
    assert "@license EUPL-1.2" in css


def test_every_page_links_the_one_stylesheet(db):
    html = Client().get("/").content.decode()
    assert "plein/nlds.css" in html
    assert "component-library.css" not in html and "plein/theme.css" not in html
