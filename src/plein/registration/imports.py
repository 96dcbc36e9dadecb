"""Import of historic registrations from CSV or XLSX, in the same columns as the export.

All or nothing, in the background, without stopping the desks:

1. The request (`start_import`) stores the file, reads its header (and, for Excel, the number of
   rows the file says it has) and queues the task `tasks.run_import`; the import's own page shows
   its status and progress.
2. The task reads the file once, streaming, row by row: never more than MAX_ROWS + 1 rows, and
   never the whole file in memory. Every bad row is collected with its line number and reason.
   One bad row: nothing is written; the page shows the first bad rows and offers all of them
   as a CSV file.
3. Writing: visits and questions without model objects (executemany on SQLite, COPY on
   PostgreSQL), CHUNK_ROWS rows per transaction, so on SQLite the write lock is held for a moment at a time and the
   desks of other libraries keep registering. These visits are `pending`: they count nowhere —
   no rollup, no export, no list — while the import runs.
4. Publishing: the rollup changes, summed per rollup row in Python (one row per key in the
   upserts, not one per question), and the visits' `pending` cleared, in short transactions
   by ranges of days (each range's rollups and visits together, a day never split): the
   rollups always equal the visible visits, and the import becomes visible over the last
   seconds of its run. Short, because desks write some of the same rollup rows (this month's,
   the province's, the country's) and would wait for a long transaction.
5. All or nothing: anything that fails (or a worker that stops: `recover_stale_imports`)
   withdraws what the import wrote — pending visits deleted, published ones deleted together
   with their rollup changes — in short transactions (`withdraw`).
"""

import csv
import datetime
import io
import itertools
import logging
import time
import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.core.files.base import ContentFile
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from plein.common.utils import from_spreadsheet

from .choices import CategoryKind, ImportPhase, ImportStatus, Metric, VisitOrigin
from .models import Category, ImportJob, Question, Visit
from .rollups import apply_deltas, area_deltas

logger = logging.getLogger(__name__)

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
# The columns of a question, in the order of QUESTION_FIELDS below.
QUESTION_COLUMNS = ["domein", "onderwerp", "organisatie", "hulp", "digid_vervolg", "doorverwijzing"]
QUESTION_FIELDS = ["domain_id", "topic_id", "organisation_id", "help_id", "digid_follow_up_id", "referral_id"]
MAX_ROWS = 200_000
SHOWN_ERRORS = 20  # bad rows on the page; all of them are in the CSV file
CHUNK_ROWS = 1_000  # rows written per transaction on SQLite (a short hold of the one write lock)
PUBLISH_ROWS = 1_000  # rows added to the figures per transaction on SQLite
# PostgreSQL: larger transactions. Desks never wait for the database as a whole there, only for
# the rollup rows a transaction holds, and a range's rollups are one statement per table.
PG_CHUNK_ROWS = 10_000
PG_PUBLISH_ROWS = 10_000
CHUNK_PAUSE = 0.005  # at least this many seconds between two transactions on SQLite
STALE_MINUTES = 10  # an import without progress this long has lost its worker
PROGRESS_EVERY = 5_000  # rows checked between two progress updates


class FileProblem(Exception):
    """The file as a whole cannot be imported (not readable, columns missing, too many rows)."""


# --- reading -----------------------------------------------------------------------------


def _too_many():
    return FileProblem(
        ngettext(
            "The file has more than %(max)s row. Split it up.",
            "The file has more than %(max)s rows. Split it up.",
            MAX_ROWS,
        )
        % {"max": f"{MAX_ROWS:,}".replace(",", ".")}
    )


def _cell(value):
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return "" if value is None else from_spreadsheet(str(value).strip())


def _raw(fileobj):
    """The binary file object underneath Django's File wrappers."""
    while hasattr(fileobj, "file") and not hasattr(fileobj, "readinto"):
        fileobj = fileobj.file
    return fileobj


class Rows:
    """The rows of an uploaded file, read one by one. `header` is known as soon as it is open;
    `declared` is the number of data rows an Excel file says it holds (None for CSV). Iterating
    gives (line number, [cell, ...]) for every non-empty row and raises FileProblem at row
    MAX_ROWS + 1, before reading further."""

    def __init__(self, fileobj, name):
        self.declared = None
        self._text = None
        fileobj.seek(0)
        if name.lower().endswith(".xlsx"):
            from openpyxl import load_workbook

            sheet = load_workbook(fileobj, read_only=True, data_only=True).active
            # The dimension in the sheet's first bytes: a file that says it is too big is
            # refused before a single row is read.
            if sheet.max_row:
                self.declared = max(sheet.max_row - 1, 0)
            sheet.reset_dimensions()  # read what is there, also beyond a dimension that is too small
            rows = sheet.iter_rows(values_only=True)
            self.header = [str(h or "").strip().lower() for h in next(rows, None) or []]
            self._rows = ([_cell(v) for v in values] for values in rows)
        else:
            text = self._text = io.TextIOWrapper(_raw(fileobj), encoding="utf-8-sig", newline="")
            first = text.readline()
            delimiter = ";" if first.count(";") >= first.count(",") else ","
            reader = csv.reader(itertools.chain([first], text), delimiter=delimiter)
            self.header = [h.strip().lower() for h in next(reader, [])]
            self._rows = ([from_spreadsheet(v.strip()) for v in values] for values in reader)

    def release(self):
        """Leave the file open for whoever opened it (a text wrapper closes it otherwise)."""
        if self._text is not None:
            self._text.detach()
            self._text = None

    def check_header(self):
        missing = [c for c in REQUIRED if c not in self.header]
        if missing:
            raise FileProblem(_("These columns are missing: %(columns)s.") % {"columns": ", ".join(missing)})
        if self.declared is not None and self.declared > MAX_ROWS:
            raise _too_many()

    def __iter__(self):
        count = 0
        for line, values in enumerate(self._rows, start=2):
            if not any(values):
                if line > 2 * MAX_ROWS:  # a sheet of empty rows
                    raise _too_many()
                continue
            count += 1
            if count > MAX_ROWS:
                raise _too_many()
            yield line, values


def precheck(uploaded) -> None:
    """In the request: the file can be opened, has the columns and does not say it is too big.
    Raises FileProblem; reads no more than the first rows."""
    try:
        rows = Rows(uploaded, uploaded.name or "")
    except Exception as error:  # not a CSV or Excel file at all
        raise FileProblem(_("This file cannot be read. Use a CSV or Excel file in the export's layout.")) from error
    try:
        rows.check_header()
    finally:
        rows.release()
    uploaded.seek(0)


# --- checking ----------------------------------------------------------------------------


@dataclass
class Plan:
    """What a file without bad rows will write: {(branch id, day, visit key): [channel id,
    duration id, [question values, ...]]}, in the order of the file."""

    visits: dict = field(default_factory=dict)
    errors: list = field(default_factory=list)  # (line, reason)
    rows: int = 0


class _Lookup:
    """Categories by code and the user's IDO branches by name, read once."""

    def __init__(self, locations):
        self.categories = {}
        for c in Category.objects.all():
            for code in {(c.national_code or c.code).lower(), c.code.lower()}:
                self.categories[(c.kind, code)] = c
        # Branch names are unique within a library only: with the column "bibliotheek" (the
        # export writes it) a row names (library, branch); without it the name must be unique.
        self.by_pair, self.by_name = {}, defaultdict(list)
        for loc in locations.select_related("organisation"):
            self.by_pair[(loc.organisation.name.lower(), loc.name.lower())] = loc
            self.by_name[loc.name.lower()].append(loc)
        self.days = {}
        self.today = timezone.localdate()

    def day(self, text):
        if text not in self.days:
            try:
                day = datetime.date.fromisoformat(text)
                self.days[text] = (day, _("the date is in the future") if day > self.today else None)
            except ValueError:
                self.days[text] = (None, _("“%(value)s” is not a date like 2024-03-31") % {"value": text})
        return self.days[text]

    def branch(self, name, library):
        """(branch, None), or (None, the reason there is none)."""
        if library:
            location = self.by_pair.get((library.lower(), name.lower()))
            if location is None:
                return None, _("branch “%(value)s” of “%(library)s” is not one of your IDO branches") % {
                    "value": name,
                    "library": library,
                }
            return location, None
        candidates = self.by_name.get(name.lower(), [])
        if len(candidates) > 1:
            return None, _(
                "there are several IDO branches called “%(value)s”: fill in the column “bibliotheek” to say which one"
            ) % {"value": name}
        if not candidates:
            return None, _("branch “%(value)s” is not one of your IDO branches") % {"value": name}
        return candidates[0], None

    def category(self, column, code, reasons):
        if not code:
            if column in REQUIRED:
                reasons.append(_("column “%(column)s” is empty") % {"column": column})
            return None
        category = self.categories.get((CATEGORY_COLUMNS[column], code.lower()))
        if category is None:
            reasons.append(
                _("“%(value)s” is not a known value for “%(column)s”") % {"value": code.lower(), "column": column}
            )
            return None
        if category.retired_at is not None:
            reasons.append(
                _("“%(value)s” for “%(column)s” is no longer used") % {"value": code.lower(), "column": column}
            )
            return None
        return category.pk


def check(rows: Rows, locations, progress=None) -> Plan:
    """Every row checked; the visits to write when none is bad."""
    lookup = _Lookup(locations)
    plan = Plan()
    position = {column: i for i, column in enumerate(rows.header)}

    def getter(column):
        i = position.get(column)
        if i is None:
            return lambda values: ""
        return lambda values: values[i] if i < len(values) else ""

    get = {column: getter(column) for column in [*REQUIRED, "bibliotheek", *CATEGORY_COLUMNS]}
    for line, values in rows:
        plan.rows += 1
        if progress and plan.rows % PROGRESS_EVERY == 0:
            progress(plan.rows)
        reasons = []
        text = get["datum"](values)
        day, reason = lookup.day(text)
        if reason:
            reasons.append(reason)
        location, reason = lookup.branch(get["vestiging"](values), get["bibliotheek"](values))
        if reason:
            reasons.append(reason)
        channel = lookup.category("kanaal", get["kanaal"](values), reasons)
        duration = lookup.category("duur", get["duur"](values), reasons)
        question = tuple(lookup.category(c, get[c](values), reasons) for c in QUESTION_COLUMNS)
        visit_key = get["bezoek"](values)
        if not visit_key:
            reasons.append(_("column “bezoek” is empty"))
        if reasons:
            plan.errors.append((line, "; ".join(reasons)))
            continue
        if plan.errors:
            continue  # nothing will be written: only the bad rows matter from here
        visit = plan.visits.get((location.pk, day, visit_key))
        if visit is None:
            plan.visits[(location.pk, day, visit_key)] = [channel, duration, [question]]
        else:
            visit[2].append(question)
    return plan


# --- writing ---------------------------------------------------------------------------


def import_key(location_id, day, visit_key) -> str:
    """The idempotency key of an imported visit (origin "import", apart from the desk's keys):
    the same file imported twice adds nothing the second time."""
    import hashlib

    key = f"{location_id}:{day.isoformat()}:{visit_key}"
    return key if len(key) <= 64 else "#" + hashlib.sha256(key.encode()).hexdigest()


@dataclass
class _Written:
    """A visit this import wrote, as the rollups need it."""

    id: int
    day: datetime.date
    location_id: int
    channel: int
    duration: int
    questions: list


def _table(model):
    return connection.ops.quote_name(model._meta.db_table)


def _insert_sql(model, columns):
    marks = ", ".join(["%s"] * len(columns))
    return f"INSERT INTO {_table(model)} ({', '.join(columns)}) VALUES ({marks})"  # noqa: S608 (names from the models)


VISIT_COLUMNS = [
    "id",
    "uuid",
    "location_id",
    "day",
    "channel_id",
    "duration_id",
    "registered_by_id",
    "created_at",
    "origin",
    "idempotency_key",
    "import_job_id",
    "pending",
]


def _copy(cursor, model, columns, rows):
    """PostgreSQL's COPY: many times faster than INSERT statements for thousands of rows."""
    with cursor.copy(f"COPY {_table(model)} ({', '.join(columns)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


def _reserve_ids(cursor, n) -> list[int]:
    """n new visit ids. PostgreSQL: from the table's sequence. SQLite: after the highest id
    ever given (the transaction holds the write lock, so nobody takes them meanwhile)."""
    table = Visit._meta.db_table
    if connection.vendor == "postgresql":
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)", [_table(Visit), n]
        )
        return [row[0] for row in cursor.fetchall()]
    cursor.execute(f"SELECT MAX(id) FROM {_table(Visit)}")  # noqa: S608
    highest = cursor.fetchone()[0] or 0
    cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [table])
    row = cursor.fetchone()
    highest = max(highest, row[0] if row else 0)
    return list(range(highest + 1, highest + n + 1))


def _chunks(items, size, day=None):
    """Lists of items of about `size` rows (questions) each; with `day`, a day is never split
    over two chunks (so each day's rollup rows are written by one chunk only)."""
    chunk, rows, last = [], 0, None
    for item in items:
        if rows >= size and (day is None or day(item) != last):
            yield chunk
            chunk, rows = [], 0
        chunk.append(item)
        rows += len(item[1][2]) if day is None else len(item.questions)
        last = day(item) if day else None
    if chunk:
        yield chunk


def _pause(started):
    """On SQLite, a pause as long as the transaction took: desks waiting for the write lock
    get it in between (SQLite has one writer at a time)."""
    if connection.vendor == "sqlite":
        time.sleep(min(max(CHUNK_PAUSE, time.perf_counter() - started), 0.1))


def write(job: ImportJob, plan: Plan, user) -> list[_Written]:
    """The visits and questions, pending, CHUNK_ROWS rows per short transaction, in the order
    of their day (so the visits of a range of days have a range of ids)."""
    written = []
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    sqlite = connection.vendor == "sqlite"
    visit_sql = _insert_sql(Visit, VISIT_COLUMNS)
    question_sql = _insert_sql(Question, ["visit_id", *QUESTION_FIELDS])
    ordered = sorted(plan.visits.items(), key=lambda item: (item[0][1], item[0][0]))
    size = CHUNK_ROWS if sqlite else PG_CHUNK_ROWS
    for chunk in _chunks(ordered, size):
        keys = {import_key(*key): (key, values) for key, values in chunk}
        existing = set(
            Visit.objects.filter(origin=VisitOrigin.IMPORT, idempotency_key__in=list(keys)).values_list(
                "idempotency_key", flat=True
            )
        )
        new = [(key, *item) for key, item in keys.items() if key not in existing]
        started = time.perf_counter()
        with transaction.atomic(), connection.cursor() as cursor:
            ids = _reserve_ids(cursor, len(new)) if new else []
            visits, questions, chunk_written = [], [], []
            for pk, (key, (location_id, day, _visit), (channel, duration, rows)) in zip(ids, new, strict=True):
                visits.append(
                    (
                        pk,
                        uuid.uuid4().hex if sqlite else uuid.uuid4(),
                        location_id,
                        connection.ops.adapt_datefield_value(day),
                        channel,
                        duration,
                        user.pk if user else None,
                        now,
                        VisitOrigin.IMPORT.value,
                        key,
                        job.pk,
                        True,
                    )
                )
                questions.extend((pk, *values) for values in rows)
                chunk_written.append(_Written(pk, day, location_id, channel, duration, rows))
            if visits and connection.vendor == "postgresql":
                _copy(cursor, Visit, VISIT_COLUMNS, visits)
                _copy(cursor, Question, ["visit_id", *QUESTION_FIELDS], questions)
            elif visits:
                cursor.executemany(visit_sql, visits)
                cursor.executemany(question_sql, questions)
            ImportJob.objects.filter(pk=job.pk).update(
                rows_written=F("rows_written") + sum(len(values[2]) for _key, values in chunk),
                visits=F("visits") + len(visits),
                questions=F("questions") + len(questions),
                visits_skipped=F("visits_skipped") + len(existing),
                updated_at=timezone.now(),
            )
        written.extend(chunk_written)
        _pause(started)
    return written


VISITS, VISITS_BY = Metric.VISITS.value, Metric.VISITS_BY.value  # plain text: faster keys
QUESTIONS, QUESTIONS_BY = Metric.QUESTIONS.value, Metric.QUESTIONS_BY.value


def _count(deltas, visit, sign=1):
    """The rollup changes of one visit (the same as rollups.visit_deltas, without a query)."""
    day, location_id = visit.day, visit.location_id
    deltas[(day, location_id, VISITS, None)] += sign
    deltas[(day, location_id, VISITS_BY, visit.channel)] += sign
    deltas[(day, location_id, VISITS_BY, visit.duration)] += sign
    deltas[(day, location_id, QUESTIONS, None)] += sign * len(visit.questions)
    for values in visit.questions:
        for category_id in values:
            if category_id:
                deltas[(day, location_id, QUESTIONS_BY, category_id)] += sign


def publish(job: ImportJob, written: list[_Written]) -> None:
    """The moment the import becomes part of the figures: its rollup changes (summed per rollup
    row in Python: one row per key in the upserts) and its visits no longer pending, by ranges
    of days, PUBLISH_ROWS rows per transaction, each range's rollups and visits together: the
    rollups equal the visible visits after every transaction. Short transactions, because
    desks write the same rollup rows (this month's, the province's, the country's): SQLite has
    one writer at a time, and PostgreSQL would make a desk wait for a row one long
    transaction holds. If a range fails, `withdraw` takes the ranges already added out again."""
    size = PUBLISH_ROWS if connection.vendor == "sqlite" else PG_PUBLISH_ROWS
    for chunk in _chunks(written, size, day=lambda visit: visit.day):
        deltas = Counter()
        for visit in chunk:
            _count(deltas, visit)
        areas = area_deltas(deltas)  # worked out before the transaction: it only writes
        first, last = min(v.id for v in chunk), max(v.id for v in chunk)
        started = time.perf_counter()
        with transaction.atomic():
            apply_deltas(deltas, areas)
            Visit.objects.filter(import_job=job, pending=True, pk__gte=first, pk__lte=last).update(pending=False)
            _set(job, rows_published=F("rows_published") + sum(len(v.questions) for v in chunk))
        _pause(started)


def _visits_of(job, pending):
    """This import's visits, CHUNK_ROWS at a time, as _Written."""
    while True:
        visits = list(
            Visit.objects.filter(import_job=job, pending=pending)
            .order_by("pk")
            .values_list("pk", "day", "location_id", "channel_id", "duration_id")[: CHUNK_ROWS // 2]
        )
        if not visits:
            return
        questions = defaultdict(list)
        for visit_id, *values in Question.objects.filter(visit_id__in=[v[0] for v in visits]).values_list(
            "visit_id", *QUESTION_FIELDS
        ):
            questions[visit_id].append(values)
        yield [_Written(*visit, questions[visit[0]]) for visit in visits]


def _delete(ids):
    Question.objects.filter(visit_id__in=ids).delete()
    Visit.objects.filter(pk__in=ids)._raw_delete(Visit.objects.db)


def withdraw(job: ImportJob) -> None:
    """Undo a failed import in short transactions: the visits it added to the figures leave
    them again (with their rollups), the pending ones are deleted (they were never seen)."""
    for chunk in _visits_of(job, pending=False):
        deltas = Counter()
        for visit in chunk:
            _count(deltas, visit, -1)
        with transaction.atomic():
            apply_deltas(deltas)
            _delete([v.id for v in chunk])
    for chunk in _visits_of(job, pending=True):
        with transaction.atomic():
            _delete([v.id for v in chunk])


def recover_stale_imports(now=None) -> int:
    """Imports whose worker stopped mid-way (no progress for STALE_MINUTES): withdrawn and
    marked as not imported. Runs before every import; returns how many."""
    now = now or timezone.now()
    stale = ImportJob.objects.filter(
        status=ImportStatus.RUNNING, updated_at__lt=now - datetime.timedelta(minutes=STALE_MINUTES)
    )
    count = 0
    for job in stale:
        withdraw(job)
        _set(
            job,
            status=ImportStatus.FAILED,
            phase="",
            problem=_("The import stopped because of an error. Nothing was imported. Try again later."),
            finished_at=now,
        )
        count += 1
    return count


# --- the job -----------------------------------------------------------------------------


def import_locations(user):
    """The IDO branches this user may import visits for: an administrator's every branch, a
    coordinator's those of their own library (`Purpose.DATA`)."""
    from plein.access import selectors as access
    from plein.access.purposes import Purpose

    return access.locations_visible_to(user, Purpose.DATA).filter(has_ido=True).order_by("name", "pk")


def start_import(*, uploaded, acting_user) -> ImportJob:
    """Store the file and queue the import. Raises FileProblem for a file that cannot be
    imported at all (read from its first rows only)."""
    from plein.audit.services import acting_as

    from .tasks import run_import

    precheck(uploaded)
    suffix = ".xlsx" if uploaded.name.lower().endswith(".xlsx") else ".csv"
    with acting_as(acting_user):
        job = ImportJob(created_by=acting_user, filename=uploaded.name[:255])
        job.file.save(f"{job.uuid}{suffix}", uploaded, save=False)
        job.save()
    run_import.enqueue(job.pk)
    job.refresh_from_db()
    return job


def _errors_csv(errors) -> ContentFile:
    out = io.StringIO()
    out.write("\ufeff")  # Excel reads the file as UTF-8
    writer = csv.writer(out, delimiter=";")
    writer.writerow([_("line"), _("what is wrong")])
    writer.writerows(errors)
    return ContentFile(out.getvalue().encode("utf-8"))


def _set(job, **fields):
    fields["updated_at"] = timezone.now()
    ImportJob.objects.filter(pk=job.pk).update(**fields)


def run(job_id) -> str:
    """The task: check every row, then write everything or nothing. Returns the final status."""
    recover_stale_imports()
    job = ImportJob.objects.select_related("created_by").get(pk=job_id)
    if job.status != ImportStatus.QUEUED:
        return job.status
    _set(job, status=ImportStatus.RUNNING, phase=ImportPhase.CHECKING)
    user = job.created_by
    try:
        with job.file.open("rb") as fileobj:
            try:
                rows = Rows(fileobj, job.file.name)
                rows.check_header()
                plan = check(rows, import_locations(user), progress=lambda n: _set(job, rows_checked=n))
            except FileProblem:
                raise
            except Exception as error:
                raise FileProblem(
                    _("This file cannot be read. Use a CSV or Excel file in the export's layout.")
                ) from error
        if not plan.rows and not plan.errors:
            raise FileProblem(_("The file has no rows to import."))
        if plan.errors:
            job.errors_file.save(f"{job.uuid}-fouten.csv", _errors_csv(plan.errors), save=False)
            _set(
                job,
                status=ImportStatus.FAILED,
                phase="",
                rows_checked=plan.rows,
                rows_total=plan.rows,
                error_count=len(plan.errors),
                first_errors=[list(e) for e in plan.errors[:SHOWN_ERRORS]],
                errors_file=job.errors_file.name,
                finished_at=timezone.now(),
            )
            return ImportStatus.FAILED
        _set(job, phase=ImportPhase.WRITING, rows_checked=plan.rows, rows_total=plan.rows)
        written = write(job, plan, user)
        _set(job, phase=ImportPhase.PUBLISHING)
        publish(job, written)
        _set(job, status=ImportStatus.DONE, phase="", finished_at=timezone.now())
        return ImportStatus.DONE
    except FileProblem as problem:
        _set(job, status=ImportStatus.FAILED, phase="", problem=str(problem)[:500], finished_at=timezone.now())
        return ImportStatus.FAILED
    except Exception:
        logger.exception("Import %s failed", job.pk)
        withdraw(job)
        _set(
            job,
            status=ImportStatus.FAILED,
            phase="",
            problem=_("The import stopped because of an error. Nothing was imported. Try again later."),
            finished_at=timezone.now(),
        )
        return ImportStatus.FAILED
    finally:
        job.file.delete(save=False)  # the file is not kept once the import has run
        _set(job, file="")
