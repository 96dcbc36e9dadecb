"""Import of historic registrations from CSV or XLSX, in the same columns as the export.

All or nothing: every row is checked first and every bad row is reported with its line number
and the reason; only a file without a single bad row is imported, in one transaction."""

import csv
import datetime
import io
from collections import OrderedDict, defaultdict
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from plein.core.utils import from_spreadsheet

from . import services
from .choices import CategoryKind
from .models import Category

REQUIRED = ["datum", "vestiging", "bezoek", "kanaal", "duur", "domein", "onderwerp", "hulp"]
CATEGORY_COLUMNS = {
    "kanaal": CategoryKind.CHANNEL,
    "duur": CategoryKind.DURATION,
    "domein": CategoryKind.DOMAIN,
    "onderwerp": CategoryKind.TOPIC,
    "organisatie": CategoryKind.ORGANISATION,
    "hulp": CategoryKind.HELP,
    "digid_vervolg": CategoryKind.DIGID_FOLLOW_UP,
    "doorverwijzing": CategoryKind.REFERRAL,
}
QUESTION_FIELD = {
    "domein": "domain",
    "onderwerp": "topic",
    "organisatie": "organisation",
    "hulp": "help",
    "digid_vervolg": "digid_follow_up",
    "doorverwijzing": "referral",
}
MAX_ROWS = 200_000


@dataclass
class ImportResult:
    errors: list = field(default_factory=list)  # (line, reason)
    visits: int = 0
    questions: int = 0


def read_rows(uploaded) -> list[tuple[int, dict]]:
    """(line number, {column: value}) for every data row; line 1 is the header."""
    name = (uploaded.name or "").lower()
    if name.endswith(".xlsx"):
        from openpyxl import load_workbook

        sheet = load_workbook(uploaded, read_only=True, data_only=True).active
        rows = sheet.iter_rows(values_only=True)
        header = [str(h or "").strip().lower() for h in next(rows, [])]
        data = []
        for number, values in enumerate(rows, start=2):
            if values is None or not any(v not in (None, "") for v in values):
                continue
            data.append((number, {h: _text(v) for h, v in zip(header, values, strict=False)}))
        return header, data
    text = uploaded.read().decode("utf-8-sig")
    dialect = csv.Sniffer().sniff(text.splitlines()[0] if text else ";", delimiters=";,")
    reader = csv.reader(io.StringIO(text), dialect)
    header = [h.strip().lower() for h in next(reader, [])]
    data = [
        (number, {h: from_spreadsheet(v.strip()) for h, v in zip(header, values, strict=False)})
        for number, values in enumerate(reader, start=2)
        if any(v.strip() for v in values)
    ]
    return header, data


def _text(value):
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return "" if value is None else from_spreadsheet(str(value).strip())


def _branch(row, branch_by_pair, branches_by_name):
    """(location, None) for the row's branch, or (None, the reason it has none)."""
    name, library = row.get("vestiging", ""), row.get("bibliotheek", "")
    if library:
        location = branch_by_pair.get((library.lower(), name.lower()))
        if location is None:
            return None, _("branch “%(value)s” of “%(library)s” is not one of your IDO branches") % {
                "value": name,
                "library": library,
            }
        return location, None
    candidates = branches_by_name.get(name.lower(), [])
    if len(candidates) > 1:
        return None, _(
            "there are several IDO branches called “%(value)s”: fill in the column “bibliotheek” to say which one"
        ) % {"value": name}
    if not candidates:
        return None, _("branch “%(value)s” is not one of your IDO branches") % {"value": name}
    return candidates[0], None


def check_and_import(*, uploaded, acting_user, locations) -> ImportResult:
    result = ImportResult()
    try:
        header, rows = read_rows(uploaded)
    except Exception:  # a file that is no CSV or Excel at all
        result.errors.append((1, _("This file cannot be read. Use a CSV or Excel file in the export's layout.")))
        return result
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        result.errors.append((1, _("These columns are missing: %(columns)s.") % {"columns": ", ".join(missing)}))
        return result
    if not rows:
        result.errors.append((1, _("The file has no rows to import.")))
        return result
    if len(rows) > MAX_ROWS:
        result.errors.append(
            (
                1,
                ngettext(
                    "The file has more than %(max)s row. Split it up.",
                    "The file has more than %(max)s rows. Split it up.",
                    MAX_ROWS,
                )
                % {"max": MAX_ROWS},
            )
        )
        return result

    by_code = {(c.kind, (c.national_code or c.code).lower()): c for c in Category.objects.all()}
    by_code.update({(c.kind, c.code.lower()): c for c in Category.objects.all()})
    # Branch names are unique within a library only: with the column "bibliotheek" (the export
    # writes it) a row names (library, branch); without it the name must be unambiguous.
    branch_by_pair, branches_by_name = {}, defaultdict(list)
    for loc in locations.select_related("organisation"):
        branch_by_pair[(loc.organisation.name.lower(), loc.name.lower())] = loc
        branches_by_name[loc.name.lower()].append(loc)
    visits = OrderedDict()
    today = timezone.localdate()
    for line, row in rows:
        reasons = []
        try:
            day = datetime.date.fromisoformat(row.get("datum", ""))
            if day > today:
                reasons.append(_("the date is in the future"))
        except ValueError:
            day = None
            reasons.append(_("“%(value)s” is not a date like 2024-03-31") % {"value": row.get("datum", "")})
        location, reason = _branch(row, branch_by_pair, branches_by_name)
        if reason:
            reasons.append(reason)
        values = {}
        for column, kind in CATEGORY_COLUMNS.items():
            code = row.get(column, "").lower()
            if not code:
                if column in REQUIRED:
                    reasons.append(_("column “%(column)s” is empty") % {"column": column})
                continue
            category = by_code.get((kind, code))
            if category is None:
                reasons.append(
                    _("“%(value)s” is not a known value for “%(column)s”") % {"value": code, "column": column}
                )
            values[column] = category
        visit_key = row.get("bezoek", "")
        if not visit_key:
            reasons.append(_("column “bezoek” is empty"))
        if reasons:
            result.errors.append((line, "; ".join(reasons)))
            continue
        visit = visits.setdefault(
            (visit_key, day, location.pk),
            {
                "location": location,
                "day": day,
                "channel": values["kanaal"],
                "duration": values["duur"],
                "questions": [],
                "lines": [],
            },
        )
        visit["lines"].append(line)
        visit["questions"].append({QUESTION_FIELD[c]: values.get(c) for c in QUESTION_FIELD})
    if result.errors:
        return result
    with transaction.atomic():
        for (visit_key, day, location_id), visit in visits.items():
            try:
                _visit, created = services.visit_register(
                    acting_user=acting_user,
                    location=visit["location"],
                    channel=visit["channel"],
                    duration=visit["duration"],
                    questions=visit["questions"],
                    day=day,
                    # The same file imported twice adds nothing the second time.
                    idempotency_key=f"import:{location_id}:{day.isoformat()}:{visit_key}"[:64],
                )
            except ValidationError as error:  # e.g. an option that is no longer used
                for line in visit["lines"]:
                    result.errors.append((line, "; ".join(error.messages)))
                continue
            if created:
                result.visits += 1
                result.questions += len(visit["questions"])
        if result.errors:
            transaction.set_rollback(True)  # all or nothing
            result.visits = result.questions = 0
    return result
