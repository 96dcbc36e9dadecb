"""Reads for IDO registration: the figures.

Figures come only from the rollup tables, never from the questions themselves, so a dashboard
costs the same few queries for one branch in a week as for the whole country over five years:
whole months are read from month rows (AreaCount), the loose days at either end from day rows
(DailyCount per branch, or AreaCount for a province or the country). The country over five
years is then some sixty month rows per category instead of two million questions.

Visibility lives here and in `plein.core.rules` ("IDO registration"): library staff see their
own library's branches, facilitators those of the libraries they coach, the municipality role
the branches in its own municipalities, administrators everything. A scope outside that is 404.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import F, Q, QuerySet, Sum
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from plein.accounts.choices import Role
from plein.organisations.choices import Province
from plein.organisations.models import Location
from plein.themegroups.models import GroupMembership

from . import periods
from .choices import NATIONAL_AREA, CategoryKind, Metric, Span, location_area, province_area
from .models import AreaCount, Category, DailyCount

# Referral targets that are programmes of the library itself (the EMB); the others are partners.
EMB_REFERRAL_CODES = {"digisterker", "klik-en-tik", "taalhuis", "digitaal-spreekuur", "geldzaken"}

# Breakdowns in the order the dashboard shows them: (kind, metric it counts, ordered by count?)
BREAKDOWNS = [
    (CategoryKind.TOPIC, Metric.QUESTIONS_BY, True),
    (CategoryKind.ORGANISATION, Metric.QUESTIONS_BY, True),
    (CategoryKind.HELP, Metric.QUESTIONS_BY, False),
    (CategoryKind.REFERRAL, Metric.QUESTIONS_BY, True),
    (CategoryKind.DOMAIN, Metric.QUESTIONS_BY, False),
    (CategoryKind.DIGID_FOLLOW_UP, Metric.QUESTIONS_BY, True),
    (CategoryKind.CHANNEL, Metric.VISITS_BY, False),
    (CategoryKind.DURATION, Metric.VISITS_BY, False),
]

# --- visibility ---------------------------------------------------------------------------


def locations_visible_to(user) -> QuerySet[Location]:
    """The branches whose figures this user may see (same rule as registration.view_location_figures)."""
    locations = Location.objects.all()
    if not user.is_authenticated:
        return locations.none()
    if user.role == Role.ADMINISTRATOR:
        return locations
    if user.organisation_id is None:
        return locations.none()
    if user.role == Role.FACILITATOR:
        coached = GroupMembership.objects.filter(
            left_at__isnull=True, group__programme_year__poi_id=user.organisation_id
        ).values("library_id")
        return locations.filter(organisation_id__in=coached)
    if user.role in (Role.COORDINATOR, Role.DESK_WORKER):
        return locations.filter(organisation_id=user.organisation_id)
    if user.role == Role.MUNICIPALITY:
        return locations.filter(municipality__organisations=user.organisation_id)
    return locations.none()


# --- scopes -------------------------------------------------------------------------------

NATIONAL = "land"
EVERYTHING = "alles"  # everything a non-administrator may see


@dataclass
class Scope:
    key: str  # in the URL: land, alles, provincie-ZH, gemeente-<uuid>, bibliotheek-<uuid>, vestiging-<uuid>
    label: str
    location_ids: list | None  # None: every branch in the country (no filter at all)
    area: str | None = None  # the province or country rollups that hold exactly this scope


@dataclass
class ScopeChoices:
    scopes: dict  # key -> Scope
    groups: list  # [(group label, [(key, label), ...]), ...] for a grouped <select>

    @property
    def default(self) -> Scope | None:
        for _label, options in self.groups:
            if options:
                return self.scopes[options[0][0]]
        return None

    def get(self, key) -> Scope:
        try:
            return self.scopes[key]
        except KeyError as exc:
            raise Http404 from exc


def library_key(organisation) -> str:
    return f"bibliotheek-{organisation.uuid}"


def branch_key(location) -> str:
    return f"vestiging-{location.uuid}"


def scope_choices(*, user) -> ScopeChoices:
    """Every scope this user may look at, from one query on the branches they can see."""
    locations = list(locations_visible_to(user).select_related("organisation", "municipality").order_by("name", "pk"))
    scopes, groups = {}, []

    def add_group(label, items):
        options = []
        for key, item_label, ids, *area in items:
            scopes[key] = Scope(key, item_label, ids, *area)
            options.append((key, item_label))
        if options:
            groups.append((label, options))

    by_library, by_municipality, by_province = defaultdict(list), defaultdict(list), defaultdict(list)
    for loc in locations:
        by_library[loc.organisation].append(loc.pk)
        by_municipality[loc.municipality].append(loc.pk)
        by_province[loc.municipality.province].append(loc.pk)
    role = getattr(user, "role", None)
    if role == Role.ADMINISTRATOR:
        add_group(_("The Netherlands"), [(NATIONAL, str(_("The Netherlands (all libraries)")), None, NATIONAL_AREA)])
        add_group(
            _("Provinces"),
            [
                (f"provincie-{p}", str(Province(p).label), by_province[p], province_area(p))
                for p in Province.values
                if p in by_province
            ],
        )
    elif role == Role.FACILITATOR and len(by_library) > 1:
        add_group(_("Together"), [(EVERYTHING, str(_("All libraries you coach")), [loc.pk for loc in locations])])
    if role in (Role.ADMINISTRATOR, Role.MUNICIPALITY):
        if role == Role.MUNICIPALITY and len(by_municipality) > 1:
            add_group(_("Together"), [(EVERYTHING, str(_("All your municipalities")), [loc.pk for loc in locations])])
        add_group(
            _("Municipalities"),
            [
                (f"gemeente-{m.uuid}", m.name, ids)
                for m, ids in sorted(by_municipality.items(), key=lambda i: i[0].name)
            ],
        )
    if role != Role.MUNICIPALITY:
        add_group(
            _("Libraries"),
            [(library_key(o), o.name, ids) for o, ids in sorted(by_library.items(), key=lambda i: i[0].name)],
        )
    own_library = role in (Role.COORDINATOR, Role.DESK_WORKER)
    add_group(
        _("Branches"),
        [
            (branch_key(loc), loc.name if own_library else f"{loc.name} ({loc.organisation.name})", [loc.pk])
            for loc in locations
        ],
    )
    return ScopeChoices(scopes, groups)


# --- periods (in .periods; named here too, for the callers that read them from here) ----

Period, PERIOD_KINDS, period_for = periods.Period, periods.PERIOD_KINDS, periods.period_for


# --- figures ------------------------------------------------------------------------------


@dataclass
class Row:
    category: Category
    count: int
    previous: int
    share: int = 0  # percentage of all questions (or visits), rounded
    group: str = ""  # referrals: "EMB programme" or "Partner"
    emb: bool = False  # referrals: into one of the library's own EMB programmes

    @property
    def label(self) -> str:
        return self.category.label

    @property
    def difference(self) -> int:
        return self.count - self.previous


@dataclass
class Breakdown:
    kind: CategoryKind
    metric: str
    rows: list  # Row, only categories with a count now or in the previous period
    total: int  # the visits or questions the shares are of

    @property
    def counted(self) -> int:
        return sum(r.count for r in self.rows)


@dataclass
class Total:
    metric: str
    count: int
    previous: int

    @property
    def difference(self) -> int:
        return self.count - self.previous

    @property
    def change_percent(self) -> int | None:
        return round(100 * self.difference / self.previous) if self.previous else None


@dataclass
class Bucket:
    start: datetime.date
    end: datetime.date
    visits: int = 0
    questions: int = 0
    running: bool = False  # holds today, which is not over: not drawn in the chart


@dataclass
class Figures:
    scope: Scope
    period: Period
    previous: Period
    visits: Total
    questions: Total
    breakdowns: list  # Breakdown, in BREAKDOWNS order
    unit: str  # "day", "week" or "month"
    series: list = field(default_factory=list)  # Bucket, every bucket of the period, also empty ones

    @property
    def referrals(self) -> Breakdown:
        return next(b for b in self.breakdowns if b.kind == CategoryKind.REFERRAL)


def series_unit(period: Period) -> str:
    if period.days <= 62:
        return "day"
    if period.days <= 366:
        return "week"
    return "month"


def _bucket_start(day: datetime.date, unit: str) -> datetime.date:
    if unit == "week":
        return day - datetime.timedelta(days=day.weekday())
    if unit == "month":
        return day.replace(day=1)
    return day


def _buckets(period: Period, unit: str) -> dict:
    buckets, day = {}, _bucket_start(period.start, unit)
    while day <= period.end:
        if unit == "month":
            following = (day + datetime.timedelta(days=32)).replace(day=1)
        else:
            following = day + datetime.timedelta(days=7 if unit == "week" else 1)
        buckets[day] = Bucket(max(day, period.start), min(following - datetime.timedelta(days=1), period.end))
        day = following
    return buckets


def _next_month(day: datetime.date) -> datetime.date:
    return (day.replace(day=1) + datetime.timedelta(days=32)).replace(day=1)


_EMPTY = (datetime.date(2000, 1, 2), datetime.date(2000, 1, 1))  # a range with no day in it


@dataclass(frozen=True)
class Segments:
    """A period split into whole months (read from month rows) and loose days at either end.
    Ranges are inclusive; an empty one has its end before its start."""

    months: tuple  # (first day of the first whole month, last day of the last one)
    days: tuple  # ((start, end), (start, end)): before and after the whole months


def segments(period: Period) -> Segments:
    first = period.start if period.start.day == 1 else _next_month(period.start)
    last = first
    while _next_month(last) - datetime.timedelta(days=1) <= period.end:
        last = _next_month(last)
    # whole months are [first, last); none when last == first
    if last == first:
        return Segments((first, first - datetime.timedelta(days=1)), ((period.start, period.end), _EMPTY))
    head = (period.start, first - datetime.timedelta(days=1))
    tail = (last, period.end)
    return Segments((first, last - datetime.timedelta(days=1)), (head, tail))


def _between(field, ranges, **fixed) -> Q:
    """Rows of `fixed` whose `field` lies in any of the ranges. The fixed part (area and span)
    is repeated inside every range, so SQLite can answer each range from the unique index of
    AreaCount. Always a real condition, never an empty IN list, so the number of queries does
    not depend on the period."""
    condition = Q()
    for start, end in ranges:
        condition |= Q(**fixed, **{f"{field}__gte": start, f"{field}__lte": end})
    return condition


def _day_rows(scope: Scope, ranges) -> QuerySet:
    """Day rows of the scope with a common shape: day, metric, category_id, value."""
    if scope.area:
        rows = AreaCount.objects.filter(_between("start", ranges, area=scope.area, span=Span.DAY))
        return rows.annotate(day=F("start"))
    if scope.location_ids is None:
        return DailyCount.objects.filter(_between("day", ranges))
    # The branches inside every range, so each range is one search of the (branch, day) index
    # (SQLite: MULTI-INDEX OR). The ranges lie a year apart (the comparison): one span from
    # the first to the last day would read thirteen months of rows for a few days.
    used = [(start, end) for start, end in ranges if start <= end] or list(ranges)[:1]
    return DailyCount.objects.filter(_between("day", used, location_id__in=scope.location_ids))


def _month_rows(scope: Scope, ranges) -> QuerySet:
    """Month rows of the scope: per province or country, or per branch."""
    if scope.area:
        area = {"area": scope.area}
    elif scope.location_ids is not None:
        area = {"area__in": [location_area(pk) for pk in scope.location_ids]}
    else:
        area = {"area": NATIONAL_AREA}
    return AreaCount.objects.filter(_between("start", ranges, span=Span.MONTH, **area))


def _sums(rows: QuerySet, day_field: str, start: datetime.date, *group) -> QuerySet:
    now, before = Q(**{f"{day_field}__gte": start}), Q(**{f"{day_field}__lt": start})
    return rows.values(*group).annotate(now=Sum("value", filter=now), before=Sum("value", filter=before)).order_by()


def _totals_per_day(rows: QuerySet, day_field: str) -> list:
    """(day, metric, number) of the visits and questions in these rows (day or month rows)."""
    totals = rows.filter(metric__in=[Metric.VISITS, Metric.QUESTIONS]).values(day_field, "metric")
    return [(r[day_field], r["metric"], r["n"]) for r in totals.annotate(n=Sum("value")).order_by()]


def figures(*, scope: Scope, period: Period) -> Figures:
    """All figures of a scope and period, with the previous period for the trend. Five
    queries, whatever the number of registrations or the length of the period: categories,
    counts from day rows and from month rows, the time series from day rows and month rows."""
    previous = period.previous
    parts = [segments(previous), segments(period)]
    counts = defaultdict(lambda: [0, 0])
    day_rows = _day_rows(scope, [r for p in parts for r in p.days])
    month_rows = _month_rows(scope, [p.months for p in parts])
    for rows, day_field in ((day_rows, "day"), (month_rows, "start")):
        for r in _sums(rows, day_field, period.start, "metric", "category_id"):
            key = (r["metric"], r["category_id"] or None)
            counts[key][0] += r["now"] or 0
            counts[key][1] += r["before"] or 0
    visits = Total(Metric.VISITS, *counts.get((Metric.VISITS, None), (0, 0)))
    questions = Total(Metric.QUESTIONS, *counts.get((Metric.QUESTIONS, None), (0, 0)))

    by_kind = categories_by_kind()
    breakdowns = []
    for kind, metric, by_count in BREAKDOWNS:
        total = questions.count if metric == Metric.QUESTIONS_BY else visits.count
        kind_rows = []
        for category in by_kind[kind]:
            count, prev = counts.get((metric, category.pk), (0, 0))
            if not (count or prev):
                continue
            row = Row(category, count, prev, round(100 * count / total) if total else 0)
            if kind == CategoryKind.REFERRAL:
                row.emb = category.code in EMB_REFERRAL_CODES
                row.group = str(_("EMB programme") if row.emb else _("Partner"))
            kind_rows.append(row)
        if by_count:
            kind_rows.sort(key=lambda r: (-r.count, -r.previous, r.category.position))
        breakdowns.append(Breakdown(kind, metric, kind_rows, total))

    unit = series_unit(period)
    buckets = _buckets(period, unit)
    # Days and weeks from day rows; months from whole-month rows plus the loose days.
    current = parts[1] if unit == "month" else Segments(_EMPTY, ((period.start, period.end), _EMPTY))
    series_rows = [
        *_totals_per_day(_day_rows(scope, current.days), "day"),
        *_totals_per_day(_month_rows(scope, [current.months]), "start"),
    ]
    for day, metric, n in series_rows:
        bucket = buckets[_bucket_start(day, unit)]
        if metric == Metric.VISITS:
            bucket.visits += n
        else:
            bucket.questions += n
    series = list(buckets.values())
    if period.running:
        series[-1].running = True
    return Figures(scope, period, previous, visits, questions, breakdowns, unit, series)


# --- the desk -----------------------------------------------------------------------------

RECENT_AT_DESK = 5


def desk_locations(user) -> QuerySet[Location]:
    """The IDO branches where this user registers visits: those of their own library."""
    if not user.is_authenticated or user.organisation_id is None:
        return Location.objects.none()
    return Location.objects.filter(organisation_id=user.organisation_id, has_ido=True).order_by("name")


def categories_by_kind(*, retired=True) -> dict:
    """The options of the registration form per kind (every kind present, in form order),
    common choices first, in one query. `retired=False`: only the options still in use."""
    categories = Category.objects.order_by("kind", "position", "label")
    if not retired:
        categories = categories.filter(retired_at__isnull=True)
    by_kind = {kind: [] for kind in CategoryKind.values}
    for category in categories:
        by_kind[category.kind].append(category)
    return by_kind


def recent_visits(*, user, location, limit=RECENT_AT_DESK):
    """The last few registrations of this user at this branch, with their questions."""
    from django.db.models import Prefetch

    from .models import Question, Visit

    return list(
        Visit.objects.filter(registered_by=user, location=location, pending=False)
        .select_related("channel", "duration")
        .prefetch_related(Prefetch("questions", Question.objects.select_related("topic")))
        .order_by("-created_at", "-pk")[:limit]
    )


def own_visit(*, user, uuid):
    """A visit this user registered (404 otherwise): the one an undo button names."""
    from .models import Visit

    visit = Visit.objects.filter(registered_by=user, uuid=uuid, pending=False).select_related("location").first()
    if visit is None or not user.is_authenticated:
        raise Http404
    return visit


def import_job(*, user, uuid):
    """An import its maker follows (administrators see every import); 404 for anyone else."""
    from .models import ImportJob

    jobs = ImportJob.objects.all()
    if user.role != Role.ADMINISTRATOR:
        jobs = jobs.filter(created_by=user)
    job = jobs.filter(uuid=uuid).first()
    if job is None:
        raise Http404
    return job


def recent_imports(*, user, limit=5):
    from .models import ImportJob

    return list(ImportJob.objects.filter(created_by=user).order_by("-created_at", "-pk")[:limit])
