"""The action plans sit below the apps that create actions (theme groups, EMB, guide): they
import none of them. Where an action comes from is told by those apps through `origins`."""

import ast
from pathlib import Path

import pytest

ACTIONS = Path(__file__).resolve().parent.parent
CREATORS = ("plein.themegroups", "plein.emb", "plein.guide")


def _modules():
    return sorted(
        path
        for path in ACTIONS.rglob("*.py")
        if "tests" not in path.relative_to(ACTIONS).parts and "migrations" not in path.relative_to(ACTIONS).parts
    )


def _imports(path):
    """Every module a file imports, at the top or inside a function."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return found


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(ACTIONS)))
def test_actions_import_no_app_that_creates_actions(path):
    assert {name for name in _imports(path) if name.startswith(CREATORS)} == set()


def test_the_import_check_sees_a_hidden_import(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("def f():\n    from plein.themegroups.models import MeetingActionItem\n")
    assert "plein.themegroups.models" in _imports(sample)


def test_templates_of_actions_name_no_other_app():
    for path in (ACTIONS / "templates").rglob("*.html"):
        text = path.read_text()
        assert "themegroups" not in text and "emb:" not in text and "guide:" not in text, path.name


def test_models_of_actions_point_at_no_app_that_creates_actions():
    from plein.actions.models import Action

    targets = {f.related_model._meta.app_label for f in Action._meta.get_fields() if f.many_to_one}
    assert targets.isdisjoint({"themegroups", "emb", "guide"}), targets


def test_every_app_that_creates_actions_tells_where_they_come_from():
    from plein.actions import origins

    described = {provider.describe.__module__ for provider in origins.registered()}
    assert described == {"plein.themegroups.origins", "plein.emb.origins", "plein.borging.origins"}
