"""How the app is built: its views read through selectors only, and the split into packages
keeps the import surface other apps and the URLs use."""

import ast
from pathlib import Path

import pytest

VIEWS = Path(__file__).resolve().parent.parent / "views"
# Queryset methods a view must not call: reads belong in selectors.py, writes in services.
QUERY_METHODS = {
    "filter",
    "exclude",
    "select_related",
    "prefetch_related",
    "annotate",
    "values_list",
    "get_or_create",
    "select_for_update",
}


def _orm_uses(path):
    tree = ast.parse(path.read_text(), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr == "objects":
            found.append(f"{path.name}:{node.lineno} .objects")
        elif isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Attribute) and func.attr in QUERY_METHODS:
                found.append(f"{path.name}:{node.lineno} .{func.attr}()")
            elif isinstance(func, ast.Name) and func.id in {"get_object_or_404", "get_list_or_404"}:
                found.append(f"{path.name}:{node.lineno} {func.id}()")
    return found


def test_the_views_are_a_package_of_modules():
    assert len(list(VIEWS.glob("*.py"))) > 3


@pytest.mark.parametrize("path", sorted(VIEWS.glob("*.py")), ids=lambda p: p.name)
def test_views_hold_no_queries(path):
    assert _orm_uses(path) == []


def test_the_check_sees_a_query_in_a_view(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("def view(request):\n    return Meeting.objects.all()\n")
    assert _orm_uses(sample) == ["sample.py:2 .objects"]


def test_the_public_import_surface_is_kept():
    from plein.themegroups import services, urls, views
    from plein.themegroups.services import enrollment_place, minutes_save, send_due_reminders

    assert services.enrollment_place is enrollment_place and services.minutes_save is minutes_save
    assert callable(send_due_reminders)
    for package in (services, views):
        assert sorted(package.__all__) == sorted(set(package.__all__))
        for name in package.__all__:
            assert getattr(package, name) is not None, name
    assert {p.callback.__module__.rsplit(".", 1)[0] for p in urls.urlpatterns} == {"plein.themegroups.views"}
