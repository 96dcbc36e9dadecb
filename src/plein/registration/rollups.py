"""The rollup tables behind the figures, kept exactly in step with the registrations.

DailyCount holds day × branch × metric × category; AreaCount the same counts per month for each
branch, and per day and month for each library, each province and the whole country, so a big
scope reads a few thousand rows. The services call `apply_deltas` in the transaction of every registration,
change and delete; `rebuild_rollups` recounts everything in the database after a bulk load.
"""

# The SQL below is built from table names and constants in this module, never from input.
# ruff: noqa: S608

from collections import Counter

from django.db import connection, transaction
from django.db.models import Count

from plein.organisations.models import Location

from .choices import (
    LIBRARY_AREA_PREFIX,
    LOCATION_AREA_PREFIX,
    NATIONAL_AREA,
    PROVINCE_AREA_PREFIX,
    CategoryKind,
    Metric,
    Span,
    library_area,
    location_area,
    province_area,
)
from .models import AreaCount, DailyCount, Question, Visit

QUESTION_FIELDS = {
    CategoryKind.DOMAIN: "domain",
    CategoryKind.TOPIC: "topic",
    CategoryKind.ORGANISATION: "organisation",
    CategoryKind.HELP: "help",
    CategoryKind.DIGID_FOLLOW_UP: "digid_follow_up",
    CategoryKind.REFERRAL: "referral",
}


def visit_deltas(visit, sign) -> Counter:
    """The rollup changes one visit makes: +1 per count when added, -1 when taken away."""
    key = (visit.day, visit.location_id)
    deltas = Counter()
    deltas[(*key, Metric.VISITS, None)] += sign
    deltas[(*key, Metric.VISITS_BY, visit.channel_id)] += sign
    deltas[(*key, Metric.VISITS_BY, visit.duration_id)] += sign
    for question in visit.questions.all():
        deltas[(*key, Metric.QUESTIONS, None)] += sign
        for category_id in question.category_ids():
            deltas[(*key, Metric.QUESTIONS_BY, category_id)] += sign
        if question.offer_id:
            deltas[(*key, Metric.REFERRAL_OFFER, question.offer_id)] += sign
    return deltas


# Metrics counted only in AreaCount (their category_id is not a Category): referrals per offer,
# per branch (day and month), per library and for the whole country (day and month), not per
# province. The country's month rows answer "how many this year" for any offer in one query.
AREA_ONLY = frozenset({Metric.REFERRAL_OFFER.value})


def apply_deltas(deltas: Counter, areas: Counter | None = None) -> None:
    """Add the changes to the day × branch rows and to the coarser rows of AreaCount (`areas`:
    those coarser changes when the caller worked them out beforehand, see `area_deltas`)."""
    _apply_daily(deltas)
    _apply_areas(_area_deltas(deltas) if areas is None else areas)


def _apply_daily(deltas: Counter) -> None:
    """Two upserts: the totals (no category) and the counts per category, each against its own
    partial unique index."""
    rows = sorted((key, delta) for key, delta in deltas.items() if delta and key[2] not in AREA_ONLY)
    totals = [
        (day, location_id, metric, delta)
        for (day, location_id, metric, category_id), delta in rows
        if category_id is None
    ]
    per_category = [(*key, delta) for key, delta in rows if key[3] is not None]
    table = DailyCount._meta.db_table
    _upsert(
        table, ["day", "location_id", "metric", "value"], "(day, location_id, metric) WHERE category_id IS NULL", totals
    )
    _upsert(
        table,
        ["day", "location_id", "metric", "category_id", "value"],
        "(day, location_id, metric, category_id) WHERE category_id IS NOT NULL",
        per_category,
    )


def _upsert(table: str, columns: list, conflict: str, rows: list) -> None:
    """INSERT the rows; where a row exists already, add to its value (SQLite and PostgreSQL).
    PostgreSQL: one statement with one array per column (`unnest`), however many rows: an
    import's range of days writes thousands of rollup rows, and a VALUES list of thousands of
    parameters costs more to parse and plan than to run."""
    if not rows:
        return
    quoted = connection.ops.quote_name(table)
    update = f"ON CONFLICT {conflict} DO UPDATE SET value = {quoted}.value + excluded.value"
    # Choices (Metric, Span) as plain text: not every database driver adapts a str subclass.
    rows = [[str(value) if isinstance(value, str) else value for value in row] for row in rows]
    if connection.vendor == "postgresql":
        types = _column_types(table)
        arrays = ", ".join(f"%s::{types[column]}[]" for column in columns)
        sql = f"INSERT INTO {quoted} ({', '.join(columns)}) SELECT * FROM unnest({arrays}) {update}"
        with connection.cursor() as cursor:
            cursor.execute(sql, [list(column) for column in zip(*rows, strict=True)])
        return
    for first in range(0, len(rows), UPSERT_BATCH):
        batch = rows[first : first + UPSERT_BATCH]
        values = ", ".join(["(" + ", ".join(["%s"] * len(columns)) + ")"] * len(batch))
        sql = f"INSERT INTO {quoted} ({', '.join(columns)}) VALUES {values} {update}"
        with connection.cursor() as cursor:
            cursor.execute(sql, [value for row in batch for value in row])


def _column_types(table: str) -> dict:
    """{column: its type in the database} of a rollup table (for the arrays of `unnest`)."""
    model = DailyCount if table == DailyCount._meta.db_table else AreaCount
    return {field.column: field.db_type(connection) for field in model._meta.concrete_fields}


UPSERT_BATCH = 1000  # rows per statement: well under SQLite's limit on parameters


def _day_and_month(area, day, metric, category_id):
    """The keys of the day row and of the month row of an area (0 is the total's category)."""
    category = category_id or 0
    return [
        (area, Span.DAY.value, day, metric, category),
        (area, Span.MONTH.value, day.replace(day=1), metric, category),
    ]


def area_deltas(deltas: Counter) -> Counter:
    """The coarser changes that go with `deltas` (worked out outside a transaction, so the
    transaction itself only writes)."""
    return _area_deltas(deltas)


def _area_deltas(deltas: Counter) -> Counter:
    """The same changes for the month of the branch, and the day and month of its library, its
    province and the whole country. (Written for speed: an import of 200,000 rows passes millions
    of keys.)"""
    location_ids = {location_id for (_day, location_id, _m, _c), delta in deltas.items() if delta}
    places = Location.objects.filter(pk__in=location_ids).values_list("pk", "organisation_id", "municipality__province")
    areas = {
        pk: (location_area(pk), (library_area(library), province_area(province), NATIONAL_AREA))
        for pk, library, province in places
    }
    day_span, month_span = Span.DAY.value, Span.MONTH.value
    months = {}
    out = Counter()
    for (day, location_id, metric, category_id), delta in deltas.items():
        if not delta:
            continue
        month = months.get(day)
        if month is None:
            month = months[day] = day.replace(day=1)
        category = category_id or 0
        branch, wider = areas[location_id]
        out[(branch, month_span, month, metric, category)] += delta  # a branch has month rows only
        if metric in AREA_ONLY:  # … except for these, which have no DailyCount rows
            out[(branch, day_span, day, metric, category)] += delta
            wider = (wider[0], wider[2])  # the library and the country, not the province
        for area in wider:
            out[(area, day_span, day, metric, category)] += delta
            out[(area, month_span, month, metric, category)] += delta
    return out


def _apply_areas(deltas: Counter) -> None:
    """One upsert for all rows (in a fixed order, so two desks never deadlock)."""
    _upsert(
        AreaCount._meta.db_table,
        ["area", "span", "start", "metric", "category_id", "value"],
        "(area, span, start, metric, category_id)",
        [(*key, delta) for key, delta in sorted(deltas.items()) if delta],
    )


def location_places(location_ids) -> dict:
    """{location id: (library id, province)}: what `locations_moved` compares, read before and
    after a change of branches."""
    rows = Location.objects.filter(pk__in=list(location_ids)).values_list(
        "pk", "organisation_id", "municipality__province"
    )
    return {pk: (library, province) for pk, library, province in rows}


def _place_areas(place) -> set:
    library, province = place
    return {library_area(library), province_area(province)}


@transaction.atomic
def locations_moved(before: dict, after: dict | None = None) -> None:
    """Branches that may now belong to another library or lie in another province (`before`:
    `location_places` read before the change; `after` the same now, read again when not given):
    their counts move from the old library's or province's day and month rows to the new one's."""
    if after is None:
        after = location_places(before)
    moves = {}  # location id -> (areas left, areas joined)
    for pk, old in before.items():
        new = after.get(pk, old)
        left, joined = _place_areas(old) - _place_areas(new), _place_areas(new) - _place_areas(old)
        if left or joined:
            moves[pk] = (sorted(left), sorted(joined))
    if not moves:
        return
    deltas = Counter()
    rows = DailyCount.objects.filter(location_id__in=list(moves)).values_list(
        "location_id", "day", "metric", "category_id", "value"
    )
    for location_id, day, metric, category_id, value in rows.iterator(chunk_size=5000):
        left, joined = moves[location_id]
        for area in left:
            for key in _day_and_month(area, day, metric, category_id):
                deltas[key] -= value
        for area in joined:
            for key in _day_and_month(area, day, metric, category_id):
                deltas[key] += value
    # The referrals per offer live in the branch's own day rows; they move between libraries only.
    branch_of = {location_area(pk): pk for pk in moves}
    offer_rows = AreaCount.objects.filter(
        area__in=list(branch_of), span=Span.DAY, metric__in=list(AREA_ONLY)
    ).values_list("area", "start", "metric", "category_id", "value")
    for area_key, day, metric, category_id, value in offer_rows:
        left, joined = moves[branch_of[area_key]]
        for area, sign in [(a, -1) for a in left] + [(a, +1) for a in joined]:
            if area.startswith(LIBRARY_AREA_PREFIX):
                for key in _day_and_month(area, day, metric, category_id):
                    deltas[key] += sign * value
    _apply_areas(deltas)


def location_moved_receiver(sender, *, location, old_organisation_id, old_province, **kwargs) -> None:
    """`organisations.signals.location_moved`: in the same transaction as the move."""
    locations_moved(
        {location.pk: (old_organisation_id, old_province)},
        {location.pk: (location.organisation_id, location.municipality.province)},
    )


def offer_deleted_receiver(sender, *, instance, **kwargs) -> None:
    """`pre_delete` of an Offer: its questions keep the visit but lose the offer (SET_NULL), so
    its referrals leave the rollups in the same transaction."""
    rows = (
        Question.objects.filter(offer_id=instance.pk, visit__pending=False)
        .values_list("visit__day", "visit__location_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    deltas = Counter({(day, location_id, Metric.REFERRAL_OFFER.value, instance.pk): -n for day, location_id, n in rows})
    if deltas:
        apply_deltas(deltas)


def rebuild_rollups() -> int:
    """Recount every rollup row from the registrations (after a bulk load or a repair), in the
    database itself: a few INSERT … SELECT statements, seconds even for millions of questions.
    Returns the number of day × branch rows."""
    with transaction.atomic(), connection.cursor() as cursor:
        for statement in _rebuild_statements(connection.vendor):
            cursor.execute(statement)
    return DailyCount.objects.count()


def _rebuild_statements(vendor: str) -> list[str]:
    def table(model):
        return connection.ops.quote_name(model._meta.db_table)

    visit, question, daily, area = table(Visit), table(Question), table(DailyCount), table(AreaCount)
    location = table(Location)
    municipality = table(Location._meta.get_field("municipality").related_model)
    if vendor == "postgresql":
        month = "CAST(date_trunc('month', {}) AS date)".format
    else:
        month = "date({}, 'start of month')".format
    daily_insert = f"INSERT INTO {daily} (day, location_id, metric, category_id, value) "
    complete = "pending = FALSE"  # an import still running counts nowhere yet
    statements = [
        f"DELETE FROM {daily}",
        f"DELETE FROM {area}",
        daily_insert + f"SELECT day, location_id, '{Metric.VISITS}', NULL, COUNT(*) FROM {visit} WHERE {complete} "
        "GROUP BY day, location_id",
    ]
    for column in ("channel_id", "duration_id"):
        statements.append(
            daily_insert + f"SELECT day, location_id, '{Metric.VISITS_BY}', {column}, COUNT(*) FROM {visit} "
            f"WHERE {complete} GROUP BY day, location_id, {column}"
        )
    joined = f"FROM {question} q JOIN {visit} v ON v.id = q.visit_id AND v.{complete}"
    statements.append(
        daily_insert + f"SELECT v.day, v.location_id, '{Metric.QUESTIONS}', NULL, COUNT(*) {joined} "
        "GROUP BY v.day, v.location_id"
    )
    for field in QUESTION_FIELDS.values():
        column = f"q.{field}_id"
        statements.append(
            daily_insert + f"SELECT v.day, v.location_id, '{Metric.QUESTIONS_BY}', {column}, COUNT(*) {joined} "
            f"WHERE {column} IS NOT NULL GROUP BY v.day, v.location_id, {column}"
        )
    area_insert = f"INSERT INTO {area} (area, span, start, metric, category_id, value) "
    # Referrals per offer (AREA_ONLY): day rows of each branch, each library and the country,
    # straight from the questions; their month rows come with the others' at the end.
    offer = f"'{Metric.REFERRAL_OFFER}'"
    offer_rows = f"{joined} JOIN {location} l ON l.id = v.location_id WHERE q.offer_id IS NOT NULL"
    offer_statements = [
        area_insert + f"SELECT '{LOCATION_AREA_PREFIX}' || v.location_id, '{Span.DAY}', v.day, {offer}, q.offer_id, "
        f"COUNT(*) {offer_rows} GROUP BY v.location_id, v.day, q.offer_id",
        area_insert + f"SELECT '{LIBRARY_AREA_PREFIX}' || l.organisation_id, '{Span.DAY}', v.day, {offer}, "
        f"q.offer_id, COUNT(*) {offer_rows} GROUP BY l.organisation_id, v.day, q.offer_id",
        area_insert + f"SELECT '{NATIONAL_AREA}', '{Span.DAY}', v.day, {offer}, q.offer_id, COUNT(*) {offer_rows} "
        "GROUP BY v.day, q.offer_id",
    ]
    category = "COALESCE(d.category_id, 0)"
    statements += [
        # each branch per month
        area_insert
        + f"SELECT '{LOCATION_AREA_PREFIX}' || d.location_id, '{Span.MONTH}', {month('d.day')}, d.metric, {category}, "
        f"SUM(d.value) FROM {daily} d GROUP BY d.location_id, {month('d.day')}, d.metric, {category}",
        # each province per day, from the branches
        area_insert
        + f"SELECT '{PROVINCE_AREA_PREFIX}' || m.province, '{Span.DAY}', d.day, d.metric, {category}, SUM(d.value) "
        f"FROM {daily} d JOIN {location} l ON l.id = d.location_id JOIN {municipality} m ON m.id = l.municipality_id "
        f"GROUP BY m.province, d.day, d.metric, {category}",
        # the country per day, from the provinces
        area_insert + f"SELECT '{NATIONAL_AREA}', '{Span.DAY}', a.start, a.metric, a.category_id, SUM(a.value) "
        f"FROM {area} a WHERE a.span = '{Span.DAY}' AND a.area LIKE '{PROVINCE_AREA_PREFIX}%' "
        "GROUP BY a.start, a.metric, a.category_id",
        # each library per day, from its branches
        area_insert
        + f"SELECT '{LIBRARY_AREA_PREFIX}' || l.organisation_id, '{Span.DAY}', d.day, d.metric, {category}, "
        f"SUM(d.value) FROM {daily} d JOIN {location} l ON l.id = d.location_id "
        f"GROUP BY l.organisation_id, d.day, d.metric, {category}",
        *offer_statements,
        # libraries, provinces and the country per month, from their days (and the branches'
        # months of the referrals per offer)
        area_insert + f"SELECT a.area, '{Span.MONTH}', {month('a.start')}, a.metric, a.category_id, SUM(a.value) "
        f"FROM {area} a WHERE a.span = '{Span.DAY}' GROUP BY a.area, {month('a.start')}, a.metric, a.category_id",
    ]
    return statements
