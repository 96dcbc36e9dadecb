"""The criteria of the borging scan that follow from live data, never typed in.

`derived_criteria(library=…, year=…)` gives, per criterion key, a `Derived`: a status (op orde /
deels / nog niet, `CriterionStatus`), a short summary in plain words and the figures behind it
(a plain dict: it can be stored with the scan). `derived_criteria_for(libraries=…, year=…)`
does the same for many libraries at once (the facilitator's overview of fifty libraries) with
the same fixed number of queries as for one.

The year is the calendar year. Registrations of a year still running count up to and including
yesterday (`year_period`, which the report uses too); connections, actions and guide steps count
as they stand at the end of the year, so for the running year as they stand now.

The criteria and their thresholds (constants below, so a test can name each boundary):

`registration_discipline` — registration discipline (the registrations are the accountability for the Spuk):
  counted over the library's IDO branches, from the rollups of the registration.
  - op orde: every IDO branch registered at least once in the year, at most
    `MAX_SHARE_SILENT_WEEKS` % of the ISO weeks had no registration at all, and at least
    `MIN_REFERRAL_SHARE` % of the questions has a referral filled in (referring is the IDO's fifth
    task; 0 % means the question is skipped);
  - deels: some registrations, but not all of that;
  - nog niet: no IDO branch, no registration in the year, or more than half of the weeks silent.
  The weeks are the ISO weeks of the year (week 1 … 52 or 53) that are over (up to yesterday):
  a week partly in the next or previous year belongs to the year its Thursday is in, so week 1
  of 2025 starts on Monday 30 December 2024 and a registration that day counts for its week
  (not for the questions, which are those of 1 January to 31 December).

`emb_connection` — the IDO connected with the library's other educational programmes (EMB portfolio):
  - op orde: the IDO is in the portfolio, with a connection from the IDO and one to the IDO, and
    at least one action from those connections is done;
  - deels: the IDO is in the portfolio with at least one connection from or to it;
  - nog niet: no IDO in the portfolio, or no connection from or to it.

`ontwikkelplein` — progress on the Ontwikkelplein guide (the route with most steps done):
  - op orde: at least `DONE_STEP_SHARE` % of the steps of the published guide done;
  - deels: at least `PARTLY_STEP_SHARE` %;
  - nog niet: less, or no route at all.

`partner_network` — a partner network for referral, from the partners of the guide's routes and of the
  EMB portfolio (one partner once, by organisation or by name):
  - op orde: working agreements (agreed or signed, in the guide) with at least `DONE_AGREEMENTS`
    partners;
  - deels: at least one agreement, or partners known but no agreement yet;
  - nog niet: no partner known.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Case, Count, DateField, F, Func, IntegerField, Max, Prefetch, Q, Sum, Value, When
from django.utils import timezone
from django.utils.translation import gettext as _

from plein.actions.choices import ActionStatus
from plein.emb.models import Connection, PortfolioEntry
from plein.emb.seed import IDO
from plein.guide import selectors as guide
from plein.guide.choices import AgreementStatus
from plein.guide.models import Partner, Phase, Step, StepState, Trajectory
from plein.organisations.models import Location
from plein.registration.choices import CategoryKind, Metric, Span, library_area
from plein.registration.models import AreaCount, Category, DailyCount
from plein.registration.periods import Period
from plein.registration.selectors import segments

try:
    from .choices import CriterionStatus
except ImportError:  # until the borging models land (wt-borging): the same values
    from django.db import models
    from django.utils.translation import gettext_lazy

    class CriterionStatus(models.TextChoices):
        DONE = "done", gettext_lazy("in order")
        PARTLY = "partly", gettext_lazy("partly")
        NOT_YET = "not_yet", gettext_lazy("not yet")


# The keys of these criteria in `borging.criteria` (stored in Assessment.criterion).
REGISTRATION, EMB, ONTWIKKELPLEIN, PARTNERS = (
    "registration_discipline",
    "emb_connection",
    "ontwikkelplein",
    "partner_network",
)
CRITERIA = [REGISTRATION, EMB, ONTWIKKELPLEIN, PARTNERS]

MAX_SHARE_SILENT_WEEKS = 10  # % of the weeks with no registration at all, for "op orde"
MAX_SHARE_SILENT_WEEKS_PARTLY = 50  # more than this: "nog niet"
MIN_REFERRAL_SHARE = 5  # % of the questions with a referral, for "op orde"
DONE_STEP_SHARE = 75  # % of the guide's steps done
PARTLY_STEP_SHARE = 25
DONE_AGREEMENTS = 3  # partners with a working agreement
AGREED = [AgreementStatus.AGREED, AgreementStatus.SIGNED]


@dataclass
class Derived:
    status: str  # CriterionStatus value
    summary: str
    figures: dict = field(default_factory=dict)


def derived_criteria(*, library, year: int, today: datetime.date | None = None) -> dict[str, Derived]:
    """The derived criteria of one library and year: {criterion key: Derived}."""
    return derived_criteria_for(libraries=[library], year=year, today=today)[library.pk]


def derived_criteria_for(*, libraries, year: int, today: datetime.date | None = None) -> dict:
    """{library id: {criterion key: Derived}} for many libraries, in a fixed number of queries."""
    today = today or timezone.localdate()
    period = year_period(year, today=today)
    ids = [library.pk for library in libraries]
    registration = _registration(ids, period, year, today - datetime.timedelta(days=1))
    emb = _emb(ids, period)
    ontwikkelplein = _ontwikkelplein(ids, period)
    partners = _partners(ids)
    return {
        pk: {
            REGISTRATION: registration[pk],
            EMB: emb[pk],
            ONTWIKKELPLEIN: ontwikkelplein[pk],
            PARTNERS: partners[pk],
        }
        for pk in ids
    }


def year_period(year: int, *, today: datetime.date) -> Period:
    """1 January to 31 December of `year`; a year still running ends at the last full day
    (yesterday) and is marked `running`. A year not started yet holds no day at all (its end
    lies before its start). The borging report counts the same days."""
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    if today <= end:
        yesterday = today - datetime.timedelta(days=1)
        if yesterday < start:
            return Period(start, start - datetime.timedelta(days=1), "jaar", running=False)
        return Period(start, yesterday, "jaar", running=True)
    return Period(start, end, "jaar")


def _year_end(period: Period) -> datetime.date:
    """What exists on the last day of the year counts (connections, actions, guide steps): for a
    past year its state on 31 December, for the running year its state now (also what was done
    today, unlike the registrations, which count up to yesterday)."""
    return datetime.date(period.start.year, 12, 31)


def _percent(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


# --- registration discipline ------------------------------------------------------------------


def iso_weeks(year: int, end: datetime.date) -> list[tuple[int, int]]:
    """The ISO weeks of `year` that are over on `end` (their Sunday on or before it)."""
    monday = datetime.date.fromisocalendar(year, 1, 1)
    weeks = []
    while monday.isocalendar()[0] == year:
        sunday = monday + datetime.timedelta(days=6)
        if sunday > end:
            break
        weeks.append((year, monday.isocalendar()[1]))
        monday += datetime.timedelta(days=7)
    return weeks


class WeeksSince(Func):
    """Whole weeks from the second date to the first, in the database's own arithmetic: the
    week of a registration day without a Python function per row (SQLite's week functions in
    Django are Python functions, called for every row)."""

    arity = 2
    output_field = IntegerField()

    def as_sql(self, compiler, connection, **extra_context):  # PostgreSQL: date - date is days
        (day, day_params), (since, since_params) = (compiler.compile(e) for e in self.get_source_expressions())
        return f"(({day}) - ({since})) / 7", [*day_params, *since_params]

    def as_sqlite(self, compiler, connection, **extra_context):
        (day, day_params), (since, since_params) = (compiler.compile(e) for e in self.get_source_expressions())
        return f"CAST((julianday({day}) - julianday({since})) / 7 AS INTEGER)", [*day_params, *since_params]


def _registration(ids, period, year, yesterday) -> dict:
    branches = defaultdict(list)  # library id -> [(pk, name)]
    for pk, library_id, name in (
        Location.objects.filter(organisation_id__in=ids, has_ido=True)
        .order_by("name", "pk")
        .values_list("pk", "organisation_id", "name")
    ):
        branches[library_id].append((pk, name))
    start, end = period.start, period.end
    # the ISO weeks of the year, which may begin in December before it and end in January after
    weeks = iso_weeks(year, yesterday)
    first_monday = datetime.date.fromisocalendar(year, 1, 1)
    weeks_end = first_monday + datetime.timedelta(days=7 * len(weeks) - 1)
    # One read of the day totals of the IDO branches, through their own index (location,
    # metric, day), over the days of the period and of the weeks: per branch and week, and whether
    # any of its days lies in the period. Gives the branches that registered and each library's weeks.
    branch_ids = [pk for own in branches.values() for pk, _name in own] or [0]  # 0: no branch, same queries
    library_of = {pk: library_id for library_id, own in branches.items() for pk, _name in own}
    first_day, last_day = min(start, first_monday), max(end, weeks_end)
    week_zero = first_monday - datetime.timedelta(days=7)
    in_period = Case(When(day__gte=start, day__lte=end, then=Value(1)), default=Value(0))
    rows = (
        DailyCount.objects.filter(
            location_id__in=branch_ids,
            metric=Metric.VISITS,
            category__isnull=True,
            day__gte=first_day,
            day__lte=last_day,
            value__gt=0,
        )
        # counted from the week before week 1, so that no day of the range lies before it (the
        # database rounds a negative division towards 0, which would put those days in week 1)
        .annotate(week=WeeksSince(F("day"), Value(week_zero, output_field=DateField())))
        .values("location_id", "week")
        .annotate(in_period=Max(in_period))
        .values_list("location_id", "week", "in_period")
        .order_by()
    )
    active, registered_weeks = set(), defaultdict(set)
    for location_id, week, registered_in_period in rows:
        if registered_in_period:
            active.add(location_id)
        if 1 <= week <= len(weeks):  # week n of the year is n weeks after week_zero
            registered_weeks[library_of[location_id]].add(weeks[week - 1])
    areas = {library_area(pk): pk for pk in ids}
    # questions and referred questions: whole months from month rows, loose days from day rows
    parts = segments(period)
    in_period = Q(span=Span.MONTH, start__gte=parts.months[0], start__lte=parts.months[1])
    for day_start, day_end in parts.days:
        if day_start <= day_end:
            in_period |= Q(span=Span.DAY, start__gte=day_start, start__lte=day_end)
    referral_ids = Category.objects.filter(kind=CategoryKind.REFERRAL).values("pk")
    counts = (
        AreaCount.objects.filter(in_period, area__in=list(areas))
        .filter(Q(metric=Metric.QUESTIONS, category_id=0) | Q(metric=Metric.QUESTIONS_BY, category_id__in=referral_ids))
        .values("area")
        .annotate(
            questions=Sum("value", filter=Q(metric=Metric.QUESTIONS)),
            referred=Sum("value", filter=Q(metric=Metric.QUESTIONS_BY)),
        )
        .order_by()
    )
    totals = {areas[r["area"]]: (r["questions"] or 0, r["referred"] or 0) for r in counts}

    out = {}
    for pk in ids:
        own = branches.get(pk, [])
        silent_branches = [name for branch_id, name in own if branch_id not in active]
        silent_weeks = [w for w in weeks if w not in registered_weeks[pk]]
        questions, referred = totals.get(pk, (0, 0))
        share_silent = _percent(len(silent_weeks), len(weeks)) or 0
        referral_share = _percent(referred, questions)
        figures = {
            "period_start": start.isoformat(),
            "period_end": end.isoformat(),
            "ido_branches": len(own),
            "branches_without_registration": len(silent_branches),
            "branch_names_without_registration": silent_branches,
            "weeks": len(weeks),
            "weeks_without_registration": len(silent_weeks),
            "share_weeks_without_registration": _percent(len(silent_weeks), len(weeks)),
            "silent_weeks": [f"{y}-W{w:02d}" for y, w in silent_weeks],
            "questions": questions,
            "questions_referred": referred,
            "referral_share": referral_share,
        }
        if not own:
            status, summary = CriterionStatus.NOT_YET, _("The library has no IDO branch in Plein.")
        elif not questions or share_silent > MAX_SHARE_SILENT_WEEKS_PARTLY:
            status = CriterionStatus.NOT_YET
            summary = _("Few registrations. Weeks without any registration: %(weeks)s of %(total)s.") % {
                "weeks": len(silent_weeks),
                "total": len(weeks),
            }
            if not questions:
                summary = _("No questions were registered this year.")
        elif (
            not silent_branches
            and share_silent <= MAX_SHARE_SILENT_WEEKS
            and referral_share is not None
            and referral_share >= MIN_REFERRAL_SHARE
        ):
            status = CriterionStatus.DONE
            summary = _(
                "Every IDO branch registers. Weeks without registration: %(weeks)s of %(total)s. "
                "Questions with a referral: %(share)s%%."
            ) % {"weeks": len(silent_weeks), "total": len(weeks), "share": _number(referral_share)}
        else:
            status = CriterionStatus.PARTLY
            gaps = []
            if silent_branches:
                gaps.append(_("No registrations from: %(names)s.") % {"names": ", ".join(silent_branches)})
            if share_silent > MAX_SHARE_SILENT_WEEKS:
                gaps.append(
                    _("Weeks without registration: %(weeks)s of %(total)s.")
                    % {"weeks": len(silent_weeks), "total": len(weeks)}
                )
            if referral_share is None or referral_share < MIN_REFERRAL_SHARE:
                gaps.append(
                    _("Only %(share)s%% of the questions has a referral.") % {"share": _number(referral_share or 0)}
                )
            summary = " ".join(gaps)
        out[pk] = Derived(str(status), summary, figures)
    return out


def _number(value) -> str:
    """A percentage in Dutch: 12,5 (comma), without ",0"."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


# --- the IDO and the EMB ---------------------------------------------------------------------


def _emb(ids, period) -> dict:
    with_ido = set(
        PortfolioEntry.objects.filter(library_id__in=ids, programme__key=IDO).values_list("library_id", flat=True)
    )
    from_ido, to_ido = Q(source__programme__key=IDO), Q(target__programme__key=IDO)
    year_end = _year_end(period)
    done = Q(action_links__action__status=ActionStatus.DONE) & (
        Q(action_links__action__completed_at__isnull=True) | Q(action_links__action__completed_at__date__lte=year_end)
    )
    rows = (
        Connection.objects.filter(library_id__in=ids, created_at__date__lte=year_end)
        .filter(from_ido | to_ido)
        .values("library_id")
        .annotate(
            connections=Count("pk", distinct=True),
            from_ido=Count("pk", filter=from_ido, distinct=True),
            to_ido=Count("pk", filter=to_ido, distinct=True),
            actions=Count("action_links", distinct=True),
            actions_done=Count("action_links", filter=done, distinct=True),
        )
        .order_by()
    )
    by_library = {r["library_id"]: r for r in rows}
    out = {}
    for pk in ids:
        r = by_library.get(pk, {})
        figures = {
            "ido_in_portfolio": pk in with_ido,
            "connections": r.get("connections", 0),
            "from_ido": r.get("from_ido", 0),
            "to_ido": r.get("to_ido", 0),
            "actions": r.get("actions", 0),
            "actions_done": r.get("actions_done", 0),
        }
        numbers = {
            "from": figures["from_ido"],
            "to": figures["to_ido"],
            "done": figures["actions_done"],
            "actions": figures["actions"],
        }
        if not figures["ido_in_portfolio"]:
            status, summary = CriterionStatus.NOT_YET, _("The IDO is not in the library's EMB portfolio yet.")
        elif not figures["connections"]:
            status = CriterionStatus.NOT_YET
            summary = _("The IDO is in the EMB portfolio, but not connected to another programme yet.")
        elif figures["from_ido"] and figures["to_ido"] and figures["actions_done"]:
            status = CriterionStatus.DONE
            summary = (
                _(
                    "Connections from the IDO: %(from)s. To the IDO: %(to)s. Actions from them done: %(done)s of "
                    "%(actions)s."
                )
                % numbers
            )
        else:
            status = CriterionStatus.PARTLY
            summary = (
                _(
                    "Connections from the IDO: %(from)s. To the IDO: %(to)s. Actions from them done: %(done)s of "
                    "%(actions)s. For 'in order' you need connections both ways and a finished action."
                )
                % numbers
            )
        out[pk] = Derived(str(status), summary, figures)
    return out


# --- the Ontwikkelplein guide ------------------------------------------------------------------


def _ontwikkelplein(ids, period) -> dict:
    # the published guide's phases and steps (what `guide.progress` reads; not their texts)
    version = guide.published_version()
    steps = Step.objects.order_by("order", "pk").only("phase_id", "key", "aspects")
    phases = list(
        Phase.objects.filter(version=version)
        .order_by("order", "pk")
        .prefetch_related(Prefetch("steps", queryset=steps))
    )
    total = sum(len(phase.steps.all()) for phase in phases)
    routes = list(
        Trajectory.objects.filter(library_id__in=ids).order_by("name", "pk").values_list("pk", "library_id", "name")
    )
    done = defaultdict(set)
    for trajectory_id, step_key in StepState.objects.filter(
        trajectory__library_id__in=ids, done_at__isnull=False, done_at__date__lte=_year_end(period)
    ).values_list("trajectory_id", "step_key"):
        done[trajectory_id].add(step_key)
    per_library = defaultdict(list)
    for trajectory_id, library_id, name in routes:
        per_phase, _aspects = guide.progress(phases, done[trajectory_id])
        steps_done = sum(p.done for p in per_phase)
        per_library[library_id].append({"name": name, "steps_done": steps_done, "steps": total})
    out = {}
    for pk in ids:
        own = per_library.get(pk, [])
        best = max(own, key=lambda r: r["steps_done"], default=None)
        share = _percent(best["steps_done"], total) if best else None
        figures = {
            "routes": own,
            "steps": total,
            "best_route": best["name"] if best else None,
            "steps_done": best["steps_done"] if best else 0,
            "share_done": share,
        }
        numbers = {"done": figures["steps_done"], "total": total, "route": figures["best_route"]}
        if best is None:
            status, summary = CriterionStatus.NOT_YET, _("The library has not started an Ontwikkelplein route.")
        elif share is not None and share >= DONE_STEP_SHARE:
            status = CriterionStatus.DONE
            summary = _("Steps done in the route '%(route)s': %(done)s of %(total)s.") % numbers
        elif share is not None and share >= PARTLY_STEP_SHARE:
            status = CriterionStatus.PARTLY
            summary = _("Steps done in the route '%(route)s': %(done)s of %(total)s.") % numbers
        else:
            status = CriterionStatus.NOT_YET
            summary = _("Steps done in the route '%(route)s': only %(done)s of %(total)s.") % numbers
        out[pk] = Derived(str(status), summary, figures)
    return out


# --- the partner network ---------------------------------------------------------------------


def _partner_key(organisation_id, name) -> str:
    return f"o{organisation_id}" if organisation_id else f"n{name.strip().casefold()}"


def _partners(ids) -> dict:
    """Partners per library: {key: {"name", "agreement", "source"}}; the strongest agreement of
    the guide's routes wins."""
    partners = defaultdict(dict)
    rank = {status: i for i, status in enumerate(AgreementStatus.values)}
    for library_id, organisation_id, name, agreement in Partner.objects.filter(
        trajectory__library_id__in=ids
    ).values_list("trajectory__library_id", "organisation_id", "name", "agreement"):
        key = _partner_key(organisation_id, name)
        known = partners[library_id].get(key)
        if known is None or rank.get(agreement, 0) > rank.get(known["agreement"], 0):
            partners[library_id][key] = {"name": name, "agreement": agreement, "guide": True}
    through = PortfolioEntry.partners.through
    for library_id, organisation_id, name in through.objects.filter(portfolioentry__library_id__in=ids).values_list(
        "portfolioentry__library_id", "organisation_id", "organisation__name"
    ):
        partners[library_id].setdefault(
            _partner_key(organisation_id, name), {"name": name, "agreement": AgreementStatus.NONE, "guide": False}
        )
    for library_id, other in (
        PortfolioEntry.objects.filter(library_id__in=ids)
        .exclude(other_partners="")
        .values_list("library_id", "other_partners")
    ):
        for name in (p.strip() for p in other.split(",")):
            if name:
                partners[library_id].setdefault(
                    _partner_key(None, name), {"name": name, "agreement": AgreementStatus.NONE, "guide": False}
                )
    out = {}
    for pk in ids:
        known = sorted(partners[pk].values(), key=lambda p: p["name"].casefold())
        agreed = [p for p in known if p["agreement"] in AGREED]
        figures = {
            "partners": len(known),
            "with_agreement": len(agreed),
            "signed": sum(p["agreement"] == AgreementStatus.SIGNED for p in known),
            "from_guide": sum(p["guide"] for p in known),
            "from_emb_only": sum(not p["guide"] for p in known),
            "names_with_agreement": [p["name"] for p in agreed],
        }
        numbers = {"agreed": len(agreed), "partners": len(known), "needed": DONE_AGREEMENTS}
        if not known:
            status, summary = CriterionStatus.NOT_YET, _("No partners for referral are known in Plein yet.")
        elif len(agreed) >= DONE_AGREEMENTS:
            status = CriterionStatus.DONE
            summary = _("Working agreements with %(agreed)s of the %(partners)s partners.") % numbers
        else:
            status = CriterionStatus.PARTLY
            summary = (
                _(
                    "Working agreements with %(agreed)s of the %(partners)s partners. "
                    "For 'in order' you need at least %(needed)s."
                )
                % numbers
            )
        out[pk] = Derived(str(status), summary, figures)
    return out
