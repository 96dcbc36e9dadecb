"""Reads for IDO registration: the figures.

Figures come only from the rollup tables, never from the questions themselves, so a dashboard
costs the same few queries for one branch in a week as for the whole country over five years:
whole months are read from month rows (AreaCount), the loose days at either end from day rows
(DailyCount per branch, or AreaCount for a library, a province or the country). The country over five
years is then some sixty month rows per category instead of two million questions.

Visibility is `plein.access.locations_visible_to(user, Purpose.FIGURES)` (the rules in
`plein.access.rules`, "IDO registration", are derived from it): library staff see their own
library's branches, facilitators those of the libraries they coach, the municipality role the
branches in its own municipalities, administrators everything. A scope outside that is 404.
"""

import datetime
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from django.db.models import CharField, F, Q, QuerySet, Sum
from django.db.models.functions import Cast
from django.http import Http404
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from plein.access import selectors as access
from plein.access.purposes import Purpose
from plein.offers import schedule as offer_schedule
from plein.offers.choices import OfferStatus, Schedule
from plein.offers.models import Offer
from plein.offers.selectors import published_offers, with_schedule
from plein.organisations.choices import Province
from plein.organisations.models import Location

from . import periods
from .choices import (
    NATIONAL_AREA,
    PROVINCE_AREA_PREFIX,
    CategoryKind,
    Metric,
    Span,
    library_area,
    location_area,
    province_area,
)
from .models import AreaCount, Category, DailyCount

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

# --- scopes -------------------------------------------------------------------------------

NATIONAL = "land"
EVERYTHING = "alles"  # everything a non-administrator may see


@dataclass
class Scope:
    key: str  # in the URL: land, alles, provincie-ZH, gemeente-<uuid>, bibliotheek-<uuid>, vestiging-<uuid>
    label: str
    location_ids: list | None  # None: every branch in the country (no filter at all)
    area: str | None = None  # the library, province or country rollups that hold exactly this scope


# A picker with more scopes than this does not list them all: it lists the country, the
# provinces and what lies around the chosen scope, and finds the others by name (search).
PICKER_LIMIT = 40
# Around the chosen scope: its province, municipalities, library and branches, each kind only
# when there are at most this many (a province's sixty municipalities are found by name).
NEARBY_LIMIT = 15
SEARCH_LIMIT = 20


def _folded(text: str) -> str:
    """Lower case without accents, for matching a typed name ("fryslan" finds "Fryslân")."""
    return "".join(c for c in unicodedata.normalize("NFKD", str(text)) if not unicodedata.combining(c)).casefold()


@dataclass
class ScopeChoices:
    scopes: dict  # key -> Scope
    groups: list  # [(group label, [(key, label), ...]), ...]: every scope, grouped
    # per visible branch: the keys of the scopes it lies in (branch, library, municipality, province)
    branches: list = field(default_factory=list)

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

    @property
    def count(self) -> int:
        return sum(len(options) for _label, options in self.groups)

    @property
    def searchable(self) -> bool:
        """Too many scopes for one list: the picker shows a part and a search field."""
        return self.count > PICKER_LIMIT

    def picker_groups(self, current: Scope | None) -> list:
        """The options of the scope list: all of them for a short list; otherwise the groups
        that stay small whatever the data (the country, provinces, "together"), the current
        scope, and the scopes around it (each kind only when there are few)."""
        if not self.searchable:
            return self.groups
        near = {current.key} if current else set()
        if current is not None and current.location_ids is not None:
            ids = set(current.location_ids)
            related = [set(), set(), set(), set()]  # branches, libraries, municipalities, provinces
            for pk, *keys in self.branches:
                if pk in ids:
                    for found, key in zip(related, keys, strict=True):
                        if key in self.scopes:
                            found.add(key)
            for found in related:
                if len(found) <= NEARBY_LIMIT:
                    near |= found
        groups = []
        for label, options in self.groups:
            small = options[0][0].split("-")[0] in (NATIONAL, EVERYTHING, "provincie")
            kept = options if small else [(key, text) for key, text in options if key in near]
            if kept:
                groups.append((label, kept))
        return groups

    def search(self, text: str) -> list:
        """The scopes whose name holds the text (any case, accents ignored), in list order:
        [(key, label, group label)], at most SEARCH_LIMIT + 1 (the caller says "more")."""
        wanted = _folded(text.strip())
        if not wanted:
            return []
        found = []
        for group, options in self.groups:
            for key, label in options:
                if wanted in _folded(label):
                    found.append((key, label, group))
                    if len(found) > SEARCH_LIMIT:
                        return found
        return found


def library_key(organisation) -> str:
    return f"bibliotheek-{organisation.uuid}"


def branch_key(location) -> str:
    return f"vestiging-{location.uuid}"


def municipality_key(municipality) -> str:
    return f"gemeente-{municipality.uuid}"


def province_key(province: str) -> str:
    return f"provincie-{province}"


def _uuid_text(value: str) -> str:
    """A uuid read as text (SQLite stores 32 hex digits, PostgreSQL gives the usual form) in
    the usual form, as str(uuid) writes it, without making a UUID object of it."""
    if len(value) == 32:
        return f"{value[:8]}-{value[8:12]}-{value[12:16]}-{value[16:20]}-{value[20:]}"
    return value


def scope_choices(*, user) -> ScopeChoices:
    """Every scope this user may look at, from one query on the branches they can see. Plain
    text values, not model or UUID objects: an administrator sees some 800 branches on every
    page, and this costs a few milliseconds instead of some 90."""
    text = CharField()
    rows = (
        access.locations_visible_to(user, Purpose.FIGURES)
        .order_by("name", "pk")
        .values_list(
            "pk",
            Cast("uuid", text),
            "name",
            "organisation_id",
            Cast("organisation__uuid", text),
            "organisation__name",
            "municipality_id",
            Cast("municipality__uuid", text),
            "municipality__name",
            "municipality__province",
        )
    )
    scopes, groups = {}, []

    def add_group(label, items):
        options = []
        for key, item_label, ids, *area in items:
            scopes[key] = Scope(key, item_label, ids, *area)
            options.append((key, item_label))
        if options:
            groups.append((label, options))

    levels = access.figure_levels(user)
    own_library = levels.own_library
    # key -> [label, branch ids] per library, municipality and province; every branch
    libraries, municipalities, provinces = {}, {}, defaultdict(list)
    branch_items, branches, everything = [], [], []
    for pk, uuid, name, org_pk, org_uuid, org_name, mun_pk, mun_uuid, mun_name, province in rows:
        library = libraries.get(org_pk)
        if library is None:
            # a library scope is always all its branches (whoever may see one sees them all),
            # so its own rollups hold it: some sixty month rows a metric, not its branches' rows
            library = libraries[org_pk] = (f"bibliotheek-{_uuid_text(org_uuid)}", org_name, [], library_area(org_pk))
        municipality = municipalities.get(mun_pk)
        if municipality is None:
            municipality = municipalities[mun_pk] = (f"gemeente-{_uuid_text(mun_uuid)}", mun_name, [])
        library[2].append(pk)
        municipality[2].append(pk)
        provinces[province].append(pk)
        everything.append(pk)
        key = f"vestiging-{_uuid_text(uuid)}"
        branch_items.append((key, name if own_library else f"{name} ({org_name})", [pk]))
        branches.append((pk, key, library[0], municipality[0], province_key(province)))

    def by_name(items):
        return sorted(items, key=lambda item: (item[1], item[0]))

    if levels.national:
        add_group(_("The Netherlands"), [(NATIONAL, str(_("The Netherlands (all libraries)")), None, NATIONAL_AREA)])
        add_group(
            _("Provinces"),
            [
                (province_key(p), str(Province(p).label), provinces[p], province_area(p))
                for p in Province.values
                if p in provinces
            ],
        )
    elif levels.together == "coached" and len(libraries) > 1:
        add_group(_("Together"), [(EVERYTHING, str(_("All libraries you coach")), everything)])
    if levels.municipalities:
        if levels.together == "municipalities" and len(municipalities) > 1:
            add_group(_("Together"), [(EVERYTHING, str(_("All your municipalities")), everything)])
        add_group(_("Municipalities"), by_name(municipalities.values()))
    if levels.libraries:
        add_group(_("Libraries"), by_name(libraries.values()))
    add_group(_("Branches"), branch_items)
    return ScopeChoices(scopes, groups, branches)


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
    emb: bool = False  # referrals: into an EMB programme (the category names one: Category.programme)

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
class OfferRow:
    """Referrals to one offer of the library (or, together, to offers no longer published)."""

    label: str
    count: int
    previous: int


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
    # referrals per offer: {offer id: [count, previous]}, read with the other counts
    offer_counts: dict = field(default_factory=dict)
    offers_counted: bool = True  # False for a province: its rollups do not count per offer

    @cached_property
    def offers(self) -> list:
        """OfferRow per offer, most first: one query more, only for the pages that show them."""
        return _offer_rows(self.offer_counts)

    @property
    def offer_referrals(self) -> int:
        return sum(r.count for r in self.offers)

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
TOTALS = [Metric.VISITS, Metric.QUESTIONS]  # the metrics counted without a category


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


def _day_rows(scope: Scope, ranges, *, totals=False) -> QuerySet:
    """Day rows of the scope with a common shape: day, metric, category_id, value.
    `totals`: only the visits and questions totals (the time series), read through the
    totals' own index."""
    if scope.area:
        fixed = {"metric__in": TOTALS, "category_id": 0} if totals else {}
        rows = AreaCount.objects.filter(_between("start", ranges, area=scope.area, span=Span.DAY, **fixed))
        return rows.annotate(day=F("start"))
    fixed = {"metric__in": TOTALS, "category__isnull": True} if totals else {}
    if scope.location_ids is None:
        return DailyCount.objects.filter(_between("day", ranges, **fixed))
    # "(branches AND range) OR (branches AND range) …": each part is a search of the (branch,
    # day) index (SQLite: MULTI-INDEX OR; PostgreSQL: a bitmap OR). One condition over the span
    # from the first to the last day instead read every day row of the branches in between:
    # for five years against the five before, ten years of rows for a few loose days (0.6 s
    # for the largest library at 2,000,000 questions, now 20 ms). Empty ranges are left out.
    used = [(start, end) for start, end in ranges if start <= end] or list(ranges)[:1]
    return DailyCount.objects.filter(_between("day", used, location_id__in=scope.location_ids, **fixed))


def _month_rows(scope: Scope, ranges, *, totals=False, offer_days=()) -> QuerySet:
    """Month rows of the scope: per library, province or country, or per branch. `offer_days`:
    for a scope of branches, also the branches' day rows of the referrals per offer in these
    ranges (they have no DailyCount rows), read in the same query."""
    if scope.area:
        area = {"area": scope.area}
    elif scope.location_ids is not None:
        area = {"area__in": [location_area(pk) for pk in scope.location_ids]}
    else:
        area = {"area": NATIONAL_AREA}
    fixed = {"metric__in": TOTALS, "category_id": 0} if totals else {}
    condition = _between("start", ranges, span=Span.MONTH, **area, **fixed)
    used = [(start, end) for start, end in offer_days if start <= end]
    if used and not scope.area and scope.location_ids is not None:
        condition |= _between("start", used, span=Span.DAY, metric=Metric.REFERRAL_OFFER, **area)
    return AreaCount.objects.filter(condition)


def _sums(rows: QuerySet, day_field: str, start: datetime.date, *group) -> QuerySet:
    now, before = Q(**{f"{day_field}__gte": start}), Q(**{f"{day_field}__lt": start})
    return rows.values(*group).annotate(now=Sum("value", filter=now), before=Sum("value", filter=before)).order_by()


def _totals_per_day(rows: QuerySet, day_field: str) -> list:
    """(day, metric, number) of the totals rows (day or month rows, `totals=True`)."""
    totals = rows.values(day_field, "metric")
    return [(r[day_field], r["metric"], r["n"]) for r in totals.annotate(n=Sum("value")).order_by()]


def figures(*, scope: Scope, period: Period) -> Figures:
    """All figures of a scope and period, with the previous period for the trend. Five
    queries, whatever the number of registrations or the length of the period: categories,
    counts from day rows and from month rows, the time series from day rows and month rows."""
    previous = period.previous
    parts = [segments(previous), segments(period)]
    counts = defaultdict(lambda: [0, 0])
    loose_days = [r for p in parts for r in p.days]
    day_rows = _day_rows(scope, loose_days)
    month_rows = _month_rows(scope, [p.months for p in parts], offer_days=loose_days)
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
                row.emb = category.programme_id is not None
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
        *_totals_per_day(_day_rows(scope, current.days, totals=True), "day"),
        *_totals_per_day(_month_rows(scope, [current.months], totals=True), "start"),
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
    offer_counts = {pk: value for (metric, pk), value in counts.items() if metric == Metric.REFERRAL_OFFER and pk}
    counted = not (scope.area or "").startswith(PROVINCE_AREA_PREFIX)
    return Figures(scope, period, previous, visits, questions, breakdowns, unit, series, offer_counts, counted)


def _offer_rows(wanted: dict) -> list:
    """Referrals per offer, from the counts already read, with the offers' titles and branches
    (one query, also when there are none). An offer that is no longer published is not named
    (its title may be a draft): those are counted together in one row."""
    rows, gone = [], [0, 0]
    offers = Offer.objects.filter(pk__in=list(wanted) or [0]).values_list("pk", "title", "location__name", "status")
    for pk, title, branch, status in offers:
        count, previous = wanted[pk]
        if not (count or previous):
            continue
        if status == OfferStatus.PUBLISHED:
            rows.append(OfferRow(f"{title} ({branch})", count, previous))
        else:
            gone[0] += count
            gone[1] += previous
    rows.sort(key=lambda r: (-r.count, -r.previous, r.label))
    if gone[0] or gone[1]:
        rows.append(OfferRow(str(_("Offers no longer published")), *gone))
    return rows


def referrals_per_offer(offer_ids, year: int) -> dict:
    """For plein.offers.referrals: {offer id: residents the desk referred to it in `year`}, from
    the country's month rows (one query; a branch that moved library keeps its referrals here)."""
    rows = (
        AreaCount.objects.filter(
            area=NATIONAL_AREA,
            span=Span.MONTH,
            start__gte=datetime.date(year, 1, 1),
            start__lte=datetime.date(year, 12, 1),
            metric=Metric.REFERRAL_OFFER,
            category_id__in=list(offer_ids),
        )
        .values("category_id")
        .annotate(n=Sum("value"))
        .order_by()
    )
    return {r["category_id"]: r["n"] for r in rows}


# --- the desk -----------------------------------------------------------------------------

RECENT_AT_DESK = 5


def desk_locations(user) -> QuerySet[Location]:
    """The IDO branches where this user registers visits: those of their own library."""
    return access.locations_visible_to(user, Purpose.REGISTER).order_by("name")


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


def referral_offers(*, location, now) -> list:
    """The published offers of the branch's library that the desk can refer a resident to, as
    (offer, label) with the label the desk reads: "Digisterker, dinsdag in Centrum" (title, the
    day it next takes place, branch). A fixed number of queries, whatever the number of offers."""
    offers = with_schedule(published_offers().filter(library_id=location.organisation_id)).order_by("title", "pk")
    choices = []
    for offer in offers:
        upcoming = offer_schedule.next_occurrence(offer, now, within_days=62)
        values = {"title": offer.title, "branch": offer.location.name}
        if upcoming is None:
            label = _("%(title)s in %(branch)s") % values
        else:
            day = upcoming.starts_at.date()
            # weekly hours: the weekday; a course: the date of its next session
            values["day"] = formats.date_format(day, "l" if offer.schedule == Schedule.WEEKLY else "l j F")
            label = _("%(title)s, %(day)s in %(branch)s") % values
        choices.append((offer, str(label)))
    return choices


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
    if not access.is_administrator(user):
        jobs = jobs.filter(created_by=user)
    job = jobs.filter(uuid=uuid).first()
    if job is None:
        raise Http404
    return job


def recent_imports(*, user, limit=5):
    from .models import ImportJob

    return list(ImportJob.objects.filter(created_by=user).order_by("-created_at", "-pk")[:limit])
