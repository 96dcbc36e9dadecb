"""The administrator's manual (docs/beheerhandleiding.md) documents the national export: every
column of the export, in the export's order, and every value (`national_code`) of every active
category, so the manual cannot drift from the code."""

import re
from collections import defaultdict
from pathlib import Path

import pytest

from plein.registration.choices import CategoryKind
from plein.registration.exports import COLUMNS
from plein.registration.models import Category

MANUAL = Path(__file__).resolve().parents[4] / "docs" / "beheerhandleiding.md"

# A table row whose first cell is a name in backticks: "| `datum` | ... |".
ROW = re.compile(r"^\|\s*`([^`]+)`\s*\|(.*)\|\s*$")
# A heading that names a kind of category: "#### Kanaal (`kanaal`)".
KIND_HEADING = re.compile(r"^#{2,6} .*\(`([^`]+)`\)\s*$")


def _manual_lines() -> list[str]:
    return MANUAL.read_text(encoding="utf-8").splitlines()


def _cells(rest: str) -> list[str]:
    return [cell.strip() for cell in rest.split("|")]


def _export_column_table() -> list[str]:
    """The first cells of the table in the manual whose header starts with “Kolom | Betekenis”."""
    lines = _manual_lines()
    start = next(i for i, line in enumerate(lines) if re.match(r"^\|\s*Kolom\s*\|\s*Betekenis\s*\|", line))
    names = []
    for line in lines[start + 2 :]:
        match = ROW.match(line)
        if not match:
            break
        names.append(match.group(1))
    return names


def _documented_categories() -> dict:
    """kind -> {code: (value in the export, label)} from the tables under each kind heading."""
    kinds = set(CategoryKind.values)
    documented, current = defaultdict(dict), None
    for line in _manual_lines():
        heading = KIND_HEADING.match(line)
        if heading:
            current = heading.group(1) if heading.group(1) in kinds else None
            continue
        if line.startswith("#"):
            current = None
            continue
        match = ROW.match(line)
        if current and match:
            cells = _cells(match.group(2))
            documented[current][match.group(1)] = (cells[0].strip("`"), cells[1])
    return documented


def test_the_manual_exists():
    assert MANUAL.is_file(), MANUAL


def test_the_manual_lists_every_export_column_in_the_export_order():
    assert _export_column_table() == [key for key, _label in COLUMNS]


@pytest.mark.django_db
def test_the_manual_lists_every_active_category_with_its_national_code():
    documented = _documented_categories()
    active = Category.objects.filter(retired_at__isnull=True).order_by("kind", "position", "label")
    assert active.exists()  # seeded by a migration
    missing, wrong = [], []
    for category in active:
        exported = category.national_code or category.code  # what the export writes
        entry = documented.get(category.kind, {}).get(category.code)
        if entry is None:
            missing.append(f"{category.kind}/{category.code}")
        elif entry != (exported, category.label):
            wrong.append(f"{category.kind}/{category.code}: manual {entry}, code {(exported, category.label)}")
    assert not missing, f"Not in docs/beheerhandleiding.md: {missing}"
    assert not wrong, f"Different in docs/beheerhandleiding.md: {wrong}"


@pytest.mark.django_db
def test_the_manual_lists_no_category_that_is_not_in_use():
    active = {(c.kind, c.code) for c in Category.objects.filter(retired_at__isnull=True)}
    documented = {(kind, code) for kind, codes in _documented_categories().items() for code in codes}
    assert documented, "no category tables found in docs/beheerhandleiding.md"
    assert documented <= active, f"In the manual but not an active category: {sorted(documented - active)}"
