"""A made-up national data set for load tests and benchmarks: some 150 library organisations,
800 branches of which 700 with an IDO, and millions of anonymous questions over several years,
with the seasons (tax returns in March and April, allowances in January, quiet summers and
Christmas) and the week (busy weekdays, a quiet Saturday, hardly anything on Sunday) of a real
IDO.

Everything it makes is clearly fake ("Schaalbibliotheek 001", "Schaalgemeente 001"). The
registrations go straight into the tables with raw SQL (COPY on PostgreSQL, large executemany
batches on SQLite), so they bypass the services, the audit log and the rollup deltas; the
rollups are rebuilt afterwards in one go. Use it through `manage.py seed_scale`, or import
`seed_scale` in a benchmark.
"""

# The SQL below is built from table and column names of the models, never from input.
# ruff: noqa: S608

import datetime
import itertools
import math
import random
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify

from plein.offers.scale import seed_offers
from plein.organisations.choices import OrganisationType, Province
from plein.organisations.models import Location, Municipality, Organisation

from .choices import CategoryKind, VisitOrigin
from .demo import CHANNELS, DIGID_FOLLOW_UPS, DURATIONS, ORGANISATION_FOR_TOPIC, REFERRALS, TOPICS
from .models import AreaCount, Category, DailyCount, Question, Visit
from .services import rebuild_rollups

ORGANISATION_PREFIX = "Schaalbibliotheek "
MUNICIPALITY_PREFIX = "Schaalgemeente "
IDEMPOTENCY_PREFIX = "scale-"
DEFAULT_SEED = 20260601
OFFERS_AT_FULL_SCALE = 20_000  # public offers (plein.offers.scale) for 150 organisations

# Inhabitants per province in millions (2024, rounded): where the libraries and visitors are.
PROVINCE_WEIGHTS = {
    Province.ZUID_HOLLAND: 3.8,
    Province.NOORD_HOLLAND: 2.95,
    Province.NOORD_BRABANT: 2.6,
    Province.GELDERLAND: 2.15,
    Province.UTRECHT: 1.4,
    Province.OVERIJSSEL: 1.18,
    Province.LIMBURG: 1.12,
    Province.FRYSLAN: 0.66,
    Province.GRONINGEN: 0.59,
    Province.DRENTHE: 0.5,
    Province.FLEVOLAND: 0.44,
    Province.ZEELAND: 0.39,
}

# Visits per day, relative. Monday … Sunday: a few branches open on Sunday afternoon.
WEEKDAY = [1.15, 1.25, 1.0, 1.2, 0.95, 0.3, 0.03]
# Local opening hours of the IDO desk per weekday, in minutes after midnight.
OPENING = [(540, 1050)] * 5 + [(600, 840), (720, 960)]
# January: allowance letters; February–May: tax returns (belastingaangifte, deadline 1 May);
# July and August: holidays; December: quiet, and the last fortnight very quiet.
MONTH = [1.15, 1.1, 1.35, 1.35, 1.05, 0.95, 0.6, 0.6, 1.0, 1.05, 1.05, 0.85]
CLOSED = {(1, 1), (4, 27), (12, 25), (12, 26)}  # New Year, King's Day, Christmas
GROWTH_PER_YEAR = 0.08  # more IDOs are known each year

# Topics per month: multipliers on the national weights of the demo.
TOPIC_SEASON = {
    "belastingen": [0.6, 1.3, 3.0, 3.0, 1.5, 0.6, 0.5, 0.5, 0.6, 0.6, 0.6, 0.6],
    "toeslagen": [2.0, 1.3, 1.0, 1.0, 1.0, 1.0, 0.9, 0.9, 1.2, 1.0, 1.0, 1.3],
    "zorg": [1.5, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.2, 1.8],
    "studiefinanciering": [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.5, 2.0, 2.0, 1.0, 1.0, 1.0],
}
# Help given: about one question in eight ends in a referral.
HELP = {"informatie": 38, "praktische-hulp": 49, "doorverwijzing": 13}
# Domain per topic: nearly all digital government; devices mostly library service.
DOMAIN_FOR_TOPIC = {
    "apparaat": {"bibliotheek": 75, "digitale-overheid": 25},
    "overig": {"overig": 70, "bibliotheek": 30},
}
DOMAIN_DEFAULT = {"digitale-overheid": 97, "overig": 3}
# Organisation per topic (None: no organisation recorded), consistent with the topic.
ORGANISATIONS_FOR_TOPIC = {
    **{topic: {code: 90, None: 10} for topic, code in ORGANISATION_FOR_TOPIC.items()},
    "rijbewijs": {"rdw": 60, "cbr": 35, None: 5},
    "inburgering": {"duo": 80, None: 20},
    "overig": {"overig": 40, None: 60},
}
# Questions per visit: mostly one.
QUESTIONS_PER_VISIT = {1: 65, 2: 27, 3: 8}


class ScaleRefused(Exception):
    """The database is not one seed_scale may write into."""


@dataclass
class ScaleResult:
    organisations: int = 0
    municipalities: int = 0
    locations: int = 0
    ido_locations: int = 0
    visits: int = 0
    questions: int = 0
    offers: int = 0
    first_day: datetime.date | None = None
    last_day: datetime.date | None = None
    seconds: dict = field(default_factory=dict)  # phase -> seconds

    def summary(self) -> str:
        s = self.seconds
        rate = (self.visits + self.questions) / s["registrations"] if s.get("registrations") else 0
        rollups = f"rollups {s['rollups']:.1f} s, " if "rollups" in s else "rollups skipped, "
        return (
            f"seed_scale: {self.questions:,} questions in {self.visits:,} visits at {self.ido_locations:,} IDO "
            f"branches ({self.locations:,} branches, {self.organisations:,} organisations, "
            f"{self.municipalities:,} municipalities, {self.offers:,} public offers) "
            f"from {self.first_day} to {self.last_day}; "
            f"organisations {s.get('organisations', 0):.1f} s, inserting {s.get('registrations', 0):.1f} s "
            f"({rate:,.0f} rows/s), {rollups}total {s.get('total', 0):.1f} s"
        )


# --- safety ------------------------------------------------------------------------------


def check_database(*, allow_existing_data: bool) -> None:
    """Never mix into a real database. An empty one (only migrations) is fine; one where
    seed_scale ran before is refused; one with other organisations, municipalities or users
    needs `allow_existing_data`, and even then only with DEBUG on or without users."""
    if Organisation.objects.filter(name__startswith=ORGANISATION_PREFIX).exists():
        raise ScaleRefused(
            "seed_scale has already run on this database. Start from an empty database "
            "(e.g. a new SQLite file, or `manage.py flush`) to seed again."
        )
    users = get_user_model().objects.count()
    other = Organisation.objects.count() + Municipality.objects.count() + users
    if not other:
        return
    if not allow_existing_data:
        raise ScaleRefused(
            "This database already holds organisations, municipalities or users. seed_scale only "
            "writes into an empty database, unless you pass --yes for a development database."
        )
    if users and not settings.DEBUG:
        raise ScaleRefused(
            "This database has user accounts and DEBUG is off: it may be a real database. "
            "seed_scale refuses, even with --yes. Use an empty database."
        )


# --- weights -----------------------------------------------------------------------------


def apportion(total: int, weights: list[float], minimum: int = 0) -> list[int]:
    """Split `total` into whole parts proportional to `weights` (largest remainder), each at
    least `minimum` (as far as the total allows)."""
    n = len(weights)
    base = [minimum] * n if total >= minimum * n else [0] * n
    rest = total - sum(base)
    weight_sum = sum(weights) or 1
    exact = [rest * w / weight_sum for w in weights]
    parts = [math.floor(x) for x in exact]
    order = sorted(range(n), key=lambda i: (parts[i] - exact[i], i))
    for i in order[: rest - sum(parts)]:
        parts[i] += 1
    return [b + p for b, p in zip(base, parts, strict=True)]


def _table(pairs):
    """(values, cumulative weights) for random.choices, dropping zero weights."""
    pairs = [(v, w) for v, w in pairs if w > 0]
    values = [v for v, _w in pairs]
    return values, list(itertools.accumulate(w for _v, w in pairs))


def _options(kind, weights: dict, active: dict):
    """Active categories of a kind with our weights; options an administrator added get a
    small weight, retired ones none. Returns [(category id, weight)]."""
    known = sum(weights.values()) or 1
    out = []
    for code, pk in active.get(kind, {}).items():
        out.append((pk, weights.get(code, known / 50)))
    return out


def _sub(weights: dict, kind, active: dict) -> list:
    """{code or None: weight} → [(id or None, weight)] for the active codes."""
    ids = active.get(kind, {})
    return [(None if code is None else ids[code], w) for code, w in weights.items() if code is None or code in ids]


def question_tables(active: dict) -> list:
    """Per month (0–11): every combination of answers a question can have, with its weight,
    as (values, cumulative weights). A row is (domain, topic, organisation, help, DigiD
    follow-up, referral) category ids."""
    topics = _options(CategoryKind.TOPIC, TOPICS, active)
    topic_code = {pk: code for code, pk in active.get(CategoryKind.TOPIC, {}).items()}
    helps = _options(CategoryKind.HELP, HELP, active)
    help_code = {pk: code for code, pk in active.get(CategoryKind.HELP, {}).items()}
    referrals = _options(CategoryKind.REFERRAL, REFERRALS, active) or [(None, 1)]
    digid = _options(CategoryKind.DIGID_FOLLOW_UP, DIGID_FOLLOW_UPS, active)
    digid = [(pk, w * 0.9) for pk, w in digid] + [(None, sum(w for _pk, w in digid) * 0.1)] if digid else [(None, 1)]
    domains_default = _sub(DOMAIN_DEFAULT, CategoryKind.DOMAIN, active) or _options(CategoryKind.DOMAIN, {}, active)
    if not topics or not helps or not domains_default:
        raise ScaleRefused("There are no active categories for the topic, the help given or the domain.")
    tables = []
    for month in range(12):
        pairs = []
        for topic, topic_weight in topics:
            code = topic_code[topic]
            topic_weight *= TOPIC_SEASON.get(code, [1.0] * 12)[month]
            domains = _sub(DOMAIN_FOR_TOPIC.get(code, {}), CategoryKind.DOMAIN, active) or domains_default
            organisations = _sub(ORGANISATIONS_FOR_TOPIC.get(code, {None: 1}), CategoryKind.ORGANISATION, active)
            follow_ups = digid if code == "digid" else [(None, 1)]
            for (domain, dw), (org, ow), (help_, hw), (follow_up, fw) in itertools.product(
                _norm(domains), _norm(organisations or [(None, 1)]), _norm(helps), _norm(follow_ups)
            ):
                refs = referrals if help_code[help_] == "doorverwijzing" else [(None, 1)]
                for referral, rw in _norm(refs):
                    row = (domain, topic, org, help_, follow_up, referral)
                    pairs.append((row, topic_weight * dw * ow * hw * fw * rw))
        tables.append(_table(pairs))
    return tables


def _norm(pairs):
    total = sum(w for _v, w in pairs) or 1
    return [(v, w / total) for v, w in pairs]


def day_weights(first: datetime.date, last: datetime.date, now: datetime.datetime) -> list[float]:
    """Relative number of questions on each day of the window: season × weekday × growth,
    closed on public holidays, and today only for the part of the opening hours gone by."""
    weights = []
    local_now = timezone.localtime(now)
    for offset in range((last - first).days + 1):
        day = first + datetime.timedelta(days=offset)
        weight = WEEKDAY[day.weekday()] * MONTH[day.month - 1] * (1 + GROWTH_PER_YEAR * offset / 365.25)
        if (day.month, day.day) in CLOSED:
            weight = 0.0
        elif day.month == 12 and day.day >= 20:
            weight *= 0.45
        if day == local_now.date():
            opens, closes = OPENING[day.weekday()]
            minute = local_now.hour * 60 + local_now.minute
            weight *= max(0.0, min(1.0, (minute - opens) / (closes - opens)))
        weights.append(weight)
    return weights


# --- organisations -----------------------------------------------------------------------


@dataclass
class Branch:
    id: int
    weight: float  # relative number of visits


def create_organisations(rng, *, organisations: int, locations: int, ido_locations: int, municipalities: int):
    """The fake libraries, municipalities and branches. Returns the IDO branches with weights."""
    if not 1 <= organisations <= locations:
        raise ValueError("Need at least one organisation and at least as many branches as organisations.")
    if not 0 < ido_locations <= locations:
        raise ValueError("The number of IDO branches must be between 1 and the number of branches.")
    municipalities = max(municipalities, organisations)
    provinces = list(PROVINCE_WEIGHTS)
    per_province = apportion(organisations, list(PROVINCE_WEIGHTS.values()), minimum=1)
    org_provinces = [p for p, n in zip(provinces, per_province, strict=True) for _ in range(n)]
    rng.shuffle(org_provinces)
    sizes = [rng.lognormvariate(0, 0.9) for _ in range(organisations)]  # a few big city libraries
    branches_per_org = apportion(locations, sizes, minimum=1)
    municipalities_per_org = apportion(municipalities, branches_per_org, minimum=1)
    width = max(3, len(str(organisations)))

    def fake_uuid():
        return uuid.UUID(int=rng.getrandbits(128), version=4)

    orgs = Organisation.objects.bulk_create(
        [
            Organisation(
                uuid=fake_uuid(),
                name=f"{ORGANISATION_PREFIX}{n:0{width}d}",
                slug=slugify(f"{ORGANISATION_PREFIX}{n:0{width}d}"),
                type=OrganisationType.LIBRARY,
                province=province,
            )
            for n, province in enumerate(org_provinces, start=1)
        ]
    )
    mwidth = max(3, len(str(municipalities)))
    numbers = itertools.count(1)
    muni_objects = [
        Municipality(uuid=fake_uuid(), name=name, slug=slugify(name), province=org.province)
        for org, count in zip(orgs, municipalities_per_org, strict=True)
        for name in (f"{MUNICIPALITY_PREFIX}{next(numbers):0{mwidth}d}" for _ in range(count))
    ]
    munis = Municipality.objects.bulk_create(muni_objects)
    served, start = [], 0
    for count in municipalities_per_org:
        served.append(munis[start : start + count])
        start += count
    Through = Organisation.municipalities.through
    Through.objects.bulk_create(
        [
            Through(organisation_id=org.pk, municipality_id=m.pk)
            for org, ms in zip(orgs, served, strict=True)
            for m in ms
        ]
    )
    # The main branch of each library has the IDO; the other IDOs are spread over the rest.
    slots = [(o, b) for o, count in enumerate(branches_per_org) for b in range(count)]
    mains = [s for s in slots if s[1] == 0]
    others = [s for s in slots if s[1] != 0]
    if ido_locations >= len(mains):
        with_ido = set(mains) | set(rng.sample(others, ido_locations - len(mains)))
    else:
        with_ido = set(rng.sample(mains, ido_locations))
    location_objects, weights = [], []
    for o, b in slots:
        municipality = served[o][b % len(served[o])]
        location_objects.append(
            Location(
                uuid=fake_uuid(),
                organisation=orgs[o],
                name=f"Vestiging {o + 1:0{width}d}-{b + 1:02d}",
                city=municipality.name,
                municipality=municipality,
                has_ido=(o, b) in with_ido,
            )
        )
        weights.append(rng.lognormvariate(0, 0.7) * (2.5 if b == 0 else 1.0) * sizes[o] ** 0.3)
    created = Location.objects.bulk_create(location_objects)
    branches = [Branch(loc.pk, w) for loc, w in zip(created, weights, strict=True) if loc.has_ido]
    return branches, len(orgs), len(munis), len(created)


# --- registrations -----------------------------------------------------------------------


class _Writer:
    """Buffers rows and writes them: COPY on PostgreSQL, executemany on SQLite (and others)."""

    VISIT_COLUMNS = ["id", "uuid", "location_id", "day", "channel_id", "duration_id"]
    VISIT_COLUMNS += ["registered_by_id", "created_at", "origin", "idempotency_key", "pending"]
    QUESTION_COLUMNS = ["id", "visit_id", "domain_id", "topic_id", "organisation_id", "help_id"]
    QUESTION_COLUMNS += ["digid_follow_up_id", "referral_id"]

    def __init__(self, cursor):
        self.cursor = cursor
        self.copy = connection.vendor == "postgresql"
        self.visits, self.questions = [], []
        q = connection.ops.quote_name
        self.tables = {}
        for name, model, columns in [
            ("visits", Visit, self.VISIT_COLUMNS),
            ("questions", Question, self.QUESTION_COLUMNS),
        ]:
            table, cols = q(model._meta.db_table), ", ".join(q(c) for c in columns)
            if self.copy:
                self.tables[name] = f"COPY {table} ({cols}) FROM STDIN"
            else:
                marks = ", ".join(["%s"] * len(columns))
                self.tables[name] = f"INSERT INTO {table} ({cols}) VALUES ({marks})"

    def flush(self):
        for name in ("visits", "questions"):  # visits first: the questions point at them
            rows = getattr(self, name)
            if not rows:
                continue
            if self.copy:
                with self.cursor.copy(self.tables[name]) as copy:
                    copy.write("".join(rows))
            else:
                self.cursor.executemany(self.tables[name], rows)
            setattr(self, name, [])


def _max_id(cursor, model) -> int:
    cursor.execute(f"SELECT MAX(id) FROM {connection.ops.quote_name(model._meta.db_table)}")
    return cursor.fetchone()[0] or 0


def insert_registrations(
    rng, *, branches: list[Branch], questions: int, first: datetime.date, last: datetime.date, progress=None
) -> tuple[int, int]:
    """Exactly `questions` questions in visits at the given branches, from `first` to `last`.
    Returns (visits, questions)."""
    active = {}
    for kind, code, pk in Category.objects.filter(retired_at__isnull=True).values_list("kind", "code", "pk"):
        active.setdefault(kind, {})[code] = pk
    channels = _table(_options(CategoryKind.CHANNEL, CHANNELS, active))
    durations = _table(_options(CategoryKind.DURATION, DURATIONS, active))
    if not channels[0] or not durations[0]:
        raise ScaleRefused("There are no active categories for the channel or the duration.")
    tables = question_tables(active)
    branch_ids, branch_cum = _table((b.id, b.weight) for b in branches)
    per_visit = _table(QUESTIONS_PER_VISIT.items())
    mean_per_visit = sum(n * w for n, w in QUESTIONS_PER_VISIT.items()) / sum(QUESTIONS_PER_VISIT.values())
    days = [first + datetime.timedelta(days=n) for n in range((last - first).days + 1)]
    local_now = timezone.localtime()
    budgets = apportion(questions, day_weights(first, last, local_now))
    tz = timezone.get_current_timezone()
    copy = connection.vendor == "postgresql"
    utc_suffix = "+00" if copy else ""
    null = "\\N" if copy else None
    flush_every = 50_000
    done_questions = reported = 0
    with connection.cursor() as cursor:
        writer = _Writer(cursor)
        visit_id = _max_id(cursor, Visit)
        question_id = _max_id(cursor, Question)
        first_visit_id = visit_id
        for day, budget in zip(days, budgets, strict=True):
            if not budget:
                continue
            # How many questions each visit of the day has, adding up to the budget exactly.
            counts, total = [], 0
            while total < budget:
                for n in rng.choices(per_visit[0], cum_weights=per_visit[1], k=int(budget / mean_per_visit) + 3):
                    counts.append(n)
                    total += n
                    if total >= budget:
                        break
            counts[-1] -= total - budget
            n_visits = len(counts)
            day_text = day.isoformat()
            offset = int(datetime.datetime.combine(day, datetime.time(12), tzinfo=tz).utcoffset().total_seconds())
            opens, closes = OPENING[day.weekday()]
            if day == local_now.date():  # nothing later than now
                closes = min(closes, local_now.hour * 60 + local_now.minute)
            seconds = sorted(rng.randrange(opens * 60, closes * 60) - offset for _ in range(n_visits))
            visit_locations = rng.choices(branch_ids, cum_weights=branch_cum, k=n_visits)
            visit_channels = rng.choices(channels[0], cum_weights=channels[1], k=n_visits)
            visit_durations = rng.choices(durations[0], cum_weights=durations[1], k=n_visits)
            rows = iter(rng.choices(tables[day.month - 1][0], cum_weights=tables[day.month - 1][1], k=budget))
            for count, location_id, channel_id, duration_id, second in zip(
                counts, visit_locations, visit_channels, visit_durations, seconds, strict=True
            ):
                visit_id += 1
                created = f"{day_text} {second // 3600:02d}:{second // 60 % 60:02d}:{second % 60:02d}{utc_suffix}"
                visit = (
                    visit_id,
                    uuid.UUID(int=rng.getrandbits(128), version=4).hex,
                    location_id,
                    day_text,
                    channel_id,
                    duration_id,
                    null,
                    created,
                    VisitOrigin.DESK.value,
                    f"{IDEMPOTENCY_PREFIX}{visit_id}",
                    "f" if copy else False,
                )
                if copy:
                    writer.visits.append("\t".join(map(str, visit)) + "\n")
                else:
                    writer.visits.append(visit)
                for _ in range(count):
                    question_id += 1
                    row = (question_id, visit_id, *next(rows))
                    if copy:
                        writer.questions.append("\t".join(null if v is None else str(v) for v in row) + "\n")
                    else:
                        writer.questions.append(row)
            done_questions += budget
            if len(writer.questions) >= flush_every:
                writer.flush()
                if progress and done_questions * 10 // questions > reported:
                    reported = done_questions * 10 // questions
                    progress(
                        f"  {day_text}: {done_questions:,} of {questions:,} questions "
                        f"({visit_id - first_visit_id:,} visits)"
                    )
        writer.flush()
        if copy:
            for model in (Visit, Question):
                table = model._meta.db_table
                cursor.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"(SELECT MAX(id) FROM {connection.ops.quote_name(table)}))"
                )
    return visit_id - first_visit_id, done_questions


def analyze() -> None:
    """Fresh planner statistics after a bulk load, so queries pick the branch-first indexes
    (SQLite samples a limited number of rows per index: seconds, not minutes)."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA analysis_limit = 2000")
        if connection.vendor == "postgresql" and not connection.in_atomic_block:
            # Also VACUUM now: otherwise autovacuum visits the millions of new rows later, in
            # the middle of whatever the server is doing then (a benchmark, the first desks).
            cursor.execute("VACUUM ANALYZE")
        else:
            cursor.execute("ANALYZE")


class _LoadWithoutChecks:
    """During a bulk load, drop the foreign keys (PostgreSQL) and the plain, non-unique indexes
    of the tables (visits and questions; the rollups while they are rebuilt), and create them
    again afterwards from their own definitions: one bulk check and one index build instead of
    millions of single ones (about twice as fast). Primary keys and unique indexes stay. Runs
    inside the load's transaction, so an error rolls the definitions back with the rows; the
    tables are locked meanwhile."""

    def __init__(self, models):
        self.tables = [model._meta.db_table for model in models]
        self.restore = []

    def __enter__(self):
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                # Pending deferred checks (of the branches just made) would block ALTER TABLE.
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
                cursor.execute("SET CONSTRAINTS ALL DEFERRED")
                for table in self.tables:
                    cursor.execute(
                        "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
                        "WHERE conrelid = %s::regclass AND contype = 'f'",
                        [table],
                    )
                    for name, definition in cursor.fetchall():
                        self.restore.append(f'ALTER TABLE "{table}" ADD CONSTRAINT "{name}" {definition}')
                        cursor.execute(f'ALTER TABLE "{table}" DROP CONSTRAINT "{name}"')
                    cursor.execute(
                        "SELECT c.relname, pg_get_indexdef(c.oid) FROM pg_index i "
                        "JOIN pg_class c ON c.oid = i.indexrelid "
                        "WHERE i.indrelid = %s::regclass AND NOT i.indisunique AND NOT i.indisprimary",
                        [table],
                    )
                    for name, definition in cursor.fetchall():
                        self.restore.insert(0, definition)  # indexes before the checks that use them
                        cursor.execute(f'DROP INDEX "{name}"')
            elif connection.vendor == "sqlite":
                for table in self.tables:
                    cursor.execute(
                        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = %s "
                        "AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%%'",
                        [table],
                    )
                    for name, definition in cursor.fetchall():
                        self.restore.append(definition)
                        cursor.execute(f'DROP INDEX "{name}"')
        return self

    def __exit__(self, exc_type, *exc):
        if exc_type is None:
            with connection.cursor() as cursor:
                for statement in self.restore:
                    cursor.execute(statement)
        return False


class _SqliteTuning:
    """Bigger page cache and no fsync while loading (only outside a transaction, where SQLite
    allows it); the previous settings come back afterwards."""

    PRAGMAS = {"synchronous": "OFF", "cache_size": "-262144"}

    def __enter__(self):
        self.saved = {}
        if connection.vendor != "sqlite" or connection.in_atomic_block:
            return self
        with connection.cursor() as cursor:
            for name, value in self.PRAGMAS.items():
                cursor.execute(f"PRAGMA {name}")
                self.saved[name] = cursor.fetchone()[0]
                cursor.execute(f"PRAGMA {name} = {value}")
        return self

    def __exit__(self, *exc):
        if self.saved:
            with connection.cursor() as cursor:
                for name, value in self.saved.items():
                    cursor.execute(f"PRAGMA {name} = {value}")
        return False


def window(years: int, today: datetime.date | None = None) -> tuple[datetime.date, datetime.date]:
    """The last `years` years up to and including today."""
    today = today or timezone.localdate()
    try:
        start = today.replace(year=today.year - years)
    except ValueError:  # 29 February
        start = today.replace(year=today.year - years, day=28)
    return start + datetime.timedelta(days=1), today


def seed_scale(
    *,
    questions: int = 2_000_000,
    years: int = 5,
    organisations: int = 150,
    locations: int = 800,
    ido_locations: int = 700,
    municipalities: int | None = None,
    offers: int | None = None,
    seed: int = DEFAULT_SEED,
    allow_existing_data: bool = False,
    rollups: bool = True,
    progress: Callable | None = None,
) -> ScaleResult:
    """Check the database, then create the organisations and registrations and rebuild the
    rollups. `progress(message)` is called now and then. `rollups=False` is for a benchmark that
    times `rebuild_rollups` itself: until that runs, the figures do not show the new rows."""
    if questions < 0 or years < 1:
        raise ValueError("Questions must be 0 or more and years at least 1.")
    check_database(allow_existing_data=allow_existing_data)
    if municipalities is None:
        municipalities = round(organisations * 340 / 150)
    if offers is None:
        offers = round(organisations * OFFERS_AT_FULL_SCALE / 150)
    rng = random.Random(seed)
    result = ScaleResult()
    result.first_day, result.last_day = window(years)
    started = time.perf_counter()
    with _SqliteTuning(), transaction.atomic():
        branches, result.organisations, result.municipalities, result.locations = create_organisations(
            rng,
            organisations=organisations,
            locations=locations,
            ido_locations=ido_locations,
            municipalities=municipalities,
        )
        result.ido_locations = len(branches)
        result.seconds["organisations"] = time.perf_counter() - started
        step = time.perf_counter()
        # Its own random numbers: the registrations stay the same with or without offers.
        result.offers = seed_offers(offers, random.Random(seed + 1))
        result.seconds["offers"] = time.perf_counter() - step
        if progress:
            progress(
                f"{result.organisations} organisations, {result.municipalities} municipalities, "
                f"{result.locations} branches ({result.ido_locations} with an IDO) "
                f"in {result.seconds['organisations']:.1f} s"
            )
        step = time.perf_counter()
        with _LoadWithoutChecks([Visit, Question]):
            result.visits, result.questions = insert_registrations(
                rng,
                branches=branches,
                questions=questions,
                first=result.first_day,
                last=result.last_day,
                progress=progress,
            )
    result.seconds["registrations"] = time.perf_counter() - step
    if rollups:
        if progress:
            progress("rebuilding the rollups …")
        step = time.perf_counter()
        with _SqliteTuning(), transaction.atomic(), _LoadWithoutChecks([DailyCount, AreaCount]):
            rebuild_rollups()
        analyze()
        result.seconds["rollups"] = time.perf_counter() - step
    result.seconds["total"] = time.perf_counter() - started
    return result
