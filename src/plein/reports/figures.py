"""Every figure of a borging report, as one plain dict that can be stored as the frozen snapshot.

`report_figures(library=…, municipality=…, year=…)` counts the library's IDO branches in that one
municipality (a library serving several municipalities gets one report per municipality) over
the calendar year, compared with the same days a year earlier and, as shares, with the province
and the whole country. The counts come from the registration rollups through
`registration.selectors.figures` — the very tables the dashboard reads — so the report costs the
same fixed number of queries for a small branch as for the largest municipality at 2,000,000
questions. The dict holds only str, int, float, bool, list, dict and None (dates as ISO
strings), so it goes into a JSONField unchanged and a published report never changes again.

The five key figures (`summary`), chosen for what a municipality funds and asks about:
1. visits: how many residents were helped at the IDO;
2. questions: how many questions they asked (a visit may hold several);
3. share referred: questions passed on to a partner or into an EMB course — the IDO's fifth
   Spuk function (e) and the heart of "inform and refer";
4. share with DigiD follow-up: DigiD is the first topic nationally (KB 2023);
5. IDO branches: how many IDO branches of the library lie in the municipality.
Each has the value a year earlier; the shares also the province's and country's.

The government layer of a question is not registered; it follows from the organisation asked
about (`GOVERNMENT_LAYERS`): the municipality is local government, the executive organisations
(Belastingdienst, UWV …) are national government, anything else is "other".
"""

import datetime

from django.db.models import Count, F, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from plein.actions.choices import OPEN_STATUSES, ActionStatus
from plein.actions.models import Action
from plein.borging.derived import year_period as report_period
from plein.organisations.choices import Province
from plein.organisations.models import Location
from plein.registration.choices import NATIONAL_AREA, CategoryKind, Metric, province_area
from plein.registration.models import Category
from plein.registration.periods import Period
from plein.registration.selectors import Scope, figures
from plein.themegroups.models import Attendance, GroupMembership

FORMAT_VERSION = 1

# Organisation category code -> government layer (see the module's docstring).
NATIONAL_LAYER, LOCAL_LAYER, OTHER_LAYER = "rijk", "gemeente", "overig"
GOVERNMENT_LAYERS = {
    "belastingdienst": NATIONAL_LAYER,
    "toeslagen": NATIONAL_LAYER,
    "uwv": NATIONAL_LAYER,
    "svb": NATIONAL_LAYER,
    "duo": NATIONAL_LAYER,
    "cak": NATIONAL_LAYER,
    "cjib": NATIONAL_LAYER,
    "cbr": NATIONAL_LAYER,
    "rdw": NATIONAL_LAYER,
    "gemeente": LOCAL_LAYER,
}

# The breakdowns in the order the report shows them: (key in the dict, category kind).
BREAKDOWN_KEYS = [
    ("domain", CategoryKind.DOMAIN),
    ("topic", CategoryKind.TOPIC),
    ("organisation", CategoryKind.ORGANISATION),
    ("help", CategoryKind.HELP),
    ("digid_follow_up", CategoryKind.DIGID_FOLLOW_UP),
    ("referral", CategoryKind.REFERRAL),
    ("channel", CategoryKind.CHANNEL),
    ("duration", CategoryKind.DURATION),
]
NO_BRANCH = 0  # no branch has this id: an empty municipality still asks the same queries


def _layer_labels() -> dict:
    return {
        NATIONAL_LAYER: _("National government"),
        LOCAL_LAYER: _("Municipality"),
        OTHER_LAYER: _("Other"),
    }


def _percent(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def _change(now: int, before: int) -> float | None:
    return round(100 * (now - before) / before, 1) if before else None


def _counts(fig) -> dict:
    """{(metric, category id): [now, before]} and the totals of one `figures()` result."""
    out = {}
    for breakdown in fig.breakdowns:
        for row in breakdown.rows:
            out[(breakdown.metric, row.category.pk)] = (row.count, row.previous)
    return out


def _total_of(fig, metric) -> tuple[int, int]:
    total = fig.questions if metric == Metric.QUESTIONS_BY else fig.visits
    return total.count, total.previous


def _kind_sum(fig, kind) -> tuple[int, int]:
    """Questions (or visits) with any answer of this kind, now and before (each question has
    at most one answer per kind, so the sum of the rows is the number of questions)."""
    breakdown = next(b for b in fig.breakdowns if b.kind == kind)
    return sum(r.count for r in breakdown.rows), sum(r.previous for r in breakdown.rows)


def report_figures(*, library, municipality, year: int, today: datetime.date | None = None) -> dict:
    """Every figure of the borging report of `library` for `municipality` and `year` (see the
    module's docstring). A fixed number of queries, whatever the data."""
    today = today or timezone.localdate()
    period = report_period(year, today=today)
    previous = period.previous

    branches = list(
        Location.objects.filter(organisation=library, municipality=municipality, has_ido=True)
        .order_by("name", "pk")
        .values("pk", "uuid", "name", "city")
    )
    branch_ids = [b["pk"] for b in branches] or [NO_BRANCH]
    own = figures(scope=Scope("rapport", municipality.name, branch_ids), period=period)
    province = figures(
        scope=Scope("provincie", municipality.province, None, province_area(municipality.province)), period=period
    )
    country = figures(scope=Scope("land", "NL", None, NATIONAL_AREA), period=period)

    own_counts, province_counts, country_counts = _counts(own), _counts(province), _counts(country)
    province_totals = {m: _total_of(province, m) for m in (Metric.QUESTIONS_BY, Metric.VISITS_BY)}
    country_totals = {m: _total_of(country, m) for m in (Metric.QUESTIONS_BY, Metric.VISITS_BY)}

    programmes = {
        pk: {"key": key, "name": name, "uuid": str(uuid)}
        for pk, key, name, uuid in Category.objects.filter(
            kind=CategoryKind.REFERRAL, programme__isnull=False
        ).values_list("pk", "programme__key", "programme__name", "programme__uuid")
    }

    breakdowns = {}
    for key, kind in BREAKDOWN_KEYS:
        breakdown = next(b for b in own.breakdowns if b.kind == kind)
        metric = breakdown.metric
        total_now, total_before = _total_of(own, metric)
        # every category counted anywhere (here, the province or the country), in the
        # dashboard's order for this municipality and then the others by their position
        rows, seen = [], set()
        extra = [
            b for f in (province, country) for b in f.breakdowns if b.kind == kind
        ]  # categories the municipality never had still get a row with 0 and their shares
        for row in [*breakdown.rows, *sorted((r for b in extra for r in b.rows), key=lambda r: r.category.position)]:
            category = row.category
            if category.pk in seen:
                continue
            seen.add(category.pk)
            now, before = own_counts.get((metric, category.pk), (0, 0))
            item = {
                "code": category.code,
                "label": category.label,
                "count": now,
                "previous": before,
                "share": _percent(now, total_now),
                "previous_share": _percent(before, total_before),
                "province_share": _percent(
                    province_counts.get((metric, category.pk), (0, 0))[0], province_totals[metric][0]
                ),
                "national_share": _percent(
                    country_counts.get((metric, category.pk), (0, 0))[0], country_totals[metric][0]
                ),
            }
            if kind == CategoryKind.REFERRAL:
                programme = programmes.get(category.pk)
                item["emb_programme"] = programme["name"] if programme else None
                item["group"] = "emb" if programme else "partner"
            rows.append(item)
        breakdowns[key] = {
            "label": str(kind.label),
            "counts": "questions" if metric == Metric.QUESTIONS_BY else "visits",
            "total": total_now,
            "previous_total": total_before,
            "counted": sum(r["count"] for r in rows),
            "rows": rows,
        }
    breakdowns["government_layer"] = _government_layers(breakdowns["organisation"], own, province, country)

    questions_now, questions_before = own.questions.count, own.questions.previous
    referred = _kind_sum(own, CategoryKind.REFERRAL)
    digid = _kind_sum(own, CategoryKind.DIGID_FOLLOW_UP)

    def area_share(fig, kind):
        return _percent(_kind_sum(fig, kind)[0], fig.questions.count)

    referral_rows = breakdowns["referral"]["rows"]
    to_emb = [r for r in referral_rows if r["group"] == "emb"]
    to_partners = [r for r in referral_rows if r["group"] == "partner"]
    referrals = {
        "questions": questions_now,
        "referred": referred[0],
        "previous_referred": referred[1],
        "share": _percent(referred[0], questions_now),
        "previous_share": _percent(referred[1], questions_before),
        "province_share": area_share(province, CategoryKind.REFERRAL),
        "national_share": area_share(country, CategoryKind.REFERRAL),
        "to_emb": sum(r["count"] for r in to_emb),
        "previous_to_emb": sum(r["previous"] for r in to_emb),
        "to_partners": sum(r["count"] for r in to_partners),
        "previous_to_partners": sum(r["previous"] for r in to_partners),
        "emb_programmes": [
            {"programme": r["emb_programme"], "label": r["label"], "count": r["count"], "previous": r["previous"]}
            for r in to_emb
            if r["count"] or r["previous"]
        ],
        "partners": [
            {"label": r["label"], "count": r["count"], "previous": r["previous"]}
            for r in to_partners
            if r["count"] or r["previous"]
        ],
    }

    summary = [
        _key_figure("visits", _("Visits"), "count", own.visits.count, own.visits.previous),
        _key_figure("questions", _("Questions"), "count", questions_now, questions_before),
        _key_figure(
            "share_referred",
            _("Questions referred"),
            "percent",
            referrals["share"],
            referrals["previous_share"],
            referrals["province_share"],
            referrals["national_share"],
        ),
        _key_figure(
            "share_digid",
            _("Questions with DigiD follow-up"),
            "percent",
            _percent(digid[0], questions_now),
            _percent(digid[1], questions_before),
            area_share(province, CategoryKind.DIGID_FOLLOW_UP),
            area_share(country, CategoryKind.DIGID_FOLLOW_UP),
        ),
        _key_figure("ido_branches", _("IDO branches"), "count", len(branches), None),
    ]

    return {
        "format": FORMAT_VERSION,
        "library": {"uuid": str(library.uuid), "name": library.name},
        "municipality": {
            "uuid": str(municipality.uuid),
            "name": municipality.name,
            "cbs_code": municipality.cbs_code,
            "province": municipality.province,
            "province_label": str(Province(municipality.province).label) if municipality.province else "",
        },
        "year": year,
        "period": _period_dict(period, today),
        "previous_period": {"start": previous.start.isoformat(), "end": previous.end.isoformat()},
        "branches": [{"uuid": str(b["uuid"]), "name": b["name"], "city": b["city"]} for b in branches],
        "summary": summary,
        "visits": _total(own.visits, province.visits, country.visits),
        "questions": _total(own.questions, province.questions, country.questions),
        "breakdowns": breakdowns,
        "referrals": referrals,
        "series": {
            "unit": own.unit,
            "buckets": [
                {"start": b.start.isoformat(), "end": b.end.isoformat(), "visits": b.visits, "questions": b.questions}
                for b in own.series
            ],
        },
        "theme_groups": _theme_groups(library, period),
        "actions": _actions(library, period),
    }


def _key_figure(key, label, unit, value, previous, province=None, national=None) -> dict:
    figure = {"key": key, "label": label, "unit": unit, "value": value, "previous": previous}
    if unit == "percent":
        figure["province"] = province
        figure["national"] = national
    return figure


def _total(own, province, country) -> dict:
    return {
        "count": own.count,
        "previous": own.previous,
        "change_percent": _change(own.count, own.previous),
        "province": province.count,
        "national": country.count,
    }


def _period_dict(period: Period, today: datetime.date) -> dict:
    running = period.running
    empty = period.end < period.start
    if empty:
        note = _("This year has not started yet: there are no figures.")
    elif running:
        note = _("This year is not over yet: the figures run up to and including %(date)s.") % {
            "date": period.end.isoformat()
        }
    else:
        note = ""
    return {
        "start": period.start.isoformat(),
        "end": period.end.isoformat(),
        "running": running,
        "complete": not running and not empty,
        "days": max(period.days, 0),
        "made_on": today.isoformat(),
        "note": note,
    }


def _government_layers(organisation: dict, own, province, country) -> dict:
    """Questions per government layer, from the organisation breakdown (no extra query)."""
    labels = _layer_labels()
    sums = {layer: [0, 0] for layer in labels}
    for row in organisation["rows"]:
        layer = GOVERNMENT_LAYERS.get(row["code"], OTHER_LAYER)
        sums[layer][0] += row["count"]
        sums[layer][1] += row["previous"]

    def area_sums(fig):
        out = dict.fromkeys(labels, 0)
        breakdown = next(b for b in fig.breakdowns if b.kind == CategoryKind.ORGANISATION)
        for row in breakdown.rows:
            out[GOVERNMENT_LAYERS.get(row.category.code, OTHER_LAYER)] += row.count
        return out

    province_sums, country_sums = area_sums(province), area_sums(country)
    total, previous_total = organisation["total"], organisation["previous_total"]
    rows = [
        {
            "code": layer,
            "label": label,
            "count": sums[layer][0],
            "previous": sums[layer][1],
            "share": _percent(sums[layer][0], total),
            "previous_share": _percent(sums[layer][1], previous_total),
            "province_share": _percent(province_sums[layer], province.questions.count),
            "national_share": _percent(country_sums[layer], country.questions.count),
        }
        for layer, label in labels.items()
    ]
    return {
        "label": pgettext("IDO registration", "Government layer"),
        "counts": "questions",
        "total": total,
        "previous_total": previous_total,
        "counted": sum(r["count"] for r in rows),
        "rows": rows,
    }


def _theme_groups(library, period: Period) -> dict:
    """Meetings of the library's theme groups in the period, and how many it attended (the
    facilitator's check afterwards: `Attendance.attended`). Two queries."""
    start, end = period.start, period.end
    in_period = Q(group__meetings__starts_at__date__gte=start, group__meetings__starts_at__date__lte=end)
    groups = {}
    memberships = (
        GroupMembership.objects.filter(library=library, joined_at__date__lte=end)
        .filter(Q(left_at__isnull=True) | Q(left_at__date__gte=start))
        .values("group_id", name=F("group__name"), uuid=F("group__uuid"))
        .annotate(meetings=Count("group__meetings", filter=in_period))
        .order_by("name", "group_id")
    )
    for m in memberships:
        groups[m["group_id"]] = {
            "uuid": str(m["uuid"]),
            "name": m["name"],
            "meetings": m["meetings"],
            "attended": 0,
            "people": 0,
        }
    attended = (
        Attendance.objects.filter(
            library=library, attended=True, meeting__starts_at__date__gte=start, meeting__starts_at__date__lte=end
        )
        .values("meeting__group_id", name=F("meeting__group__name"), uuid=F("meeting__group__uuid"))
        .annotate(n=Count("pk"), people=Sum("people"))
        .order_by()
    )
    for a in attended:
        group = groups.setdefault(
            a["meeting__group_id"],
            {"uuid": str(a["uuid"]), "name": a["name"], "meetings": None, "attended": 0, "people": 0},
        )
        group["attended"] = a["n"]
        group["people"] = a["people"] or 0
    rows = sorted(groups.values(), key=lambda g: (g["name"], g["uuid"]))
    return {
        "groups": rows,
        "meetings": sum(g["meetings"] or 0 for g in rows),
        "attended": sum(g["attended"] for g in rows),
        "people": sum(g["people"] for g in rows),
    }


def _actions(library, period: Period) -> dict:
    """The open actions of the library's plan (what it will do next), and how many it finished
    in the period. Two queries."""
    done = Action.objects.filter(
        library=library,
        status=ActionStatus.DONE,
        completed_at__date__gte=period.start,
        completed_at__date__lte=period.end,
    ).count()
    open_actions = (
        Action.objects.filter(library=library, status__in=OPEN_STATUSES)
        .order_by(F("due_date").asc(nulls_last=True), "created_at", "pk")
        .values("uuid", "title", "status", "due_date")
    )
    items = [
        {
            "uuid": str(a["uuid"]),
            "title": a["title"],
            "status": a["status"],
            "status_label": str(ActionStatus(a["status"]).label),
            "due_date": a["due_date"].isoformat() if a["due_date"] else None,
        }
        for a in open_actions
    ]
    return {"open": len(items), "done_in_period": done, "items": items}


# --- CSV ----------------------------------------------------------------------------------

CSV_HEADER_KEYS = ("section", "label", "value", "previous", "province", "national")


def csv_header() -> tuple:
    return (
        _("Section"),
        _("Figure"),
        _("Value"),
        _("A year earlier"),
        _("Province"),
        _("The Netherlands"),
    )


def figures_csv_rows(data: dict) -> list[tuple]:
    """The figures as rows for the CSV download: the header first, then (section, label,
    value, a year earlier, province, country) for every figure. Shares are percentages; an
    empty cell means "not applicable". Reads only the dict, so a frozen snapshot gives the
    same CSV for ever."""

    def cell(value):
        return "" if value is None else value

    rows = [csv_header()]
    period = data["period"]
    rows.append((_("Period"), _("First day"), period["start"], data["previous_period"]["start"], "", ""))
    rows.append((_("Period"), _("Last day"), period["end"], data["previous_period"]["end"], "", ""))
    section = _("Key figures")
    for figure in data["summary"]:
        rows.append(
            (
                section,
                figure["label"],
                cell(figure["value"]),
                cell(figure["previous"]),
                cell(figure.get("province")),
                cell(figure.get("national")),
            )
        )
    for key, label in (("visits", _("Visits")), ("questions", _("Questions"))):
        total = data[key]
        rows.append((label, label, total["count"], total["previous"], total["province"], total["national"]))
    for breakdown in data["breakdowns"].values():
        counts = _("questions") if breakdown["counts"] == "questions" else _("visits")
        section = breakdown["label"]
        for row in breakdown["rows"]:
            rows.append((section, f"{row['label']} ({counts})", row["count"], row["previous"], "", ""))
            rows.append(
                (
                    section,
                    f"{row['label']} (%)",
                    cell(row["share"]),
                    cell(row["previous_share"]),
                    cell(row["province_share"]),
                    cell(row["national_share"]),
                )
            )
    referrals = data["referrals"]
    section = _("Referrals")
    rows.append((section, _("Into EMB programmes"), referrals["to_emb"], referrals["previous_to_emb"], "", ""))
    rows.append((section, _("To partners"), referrals["to_partners"], referrals["previous_to_partners"], "", ""))
    section = _("Theme groups")
    for group in data["theme_groups"]["groups"]:
        rows.append(
            (section, _("%(group)s: meetings attended") % {"group": group["name"]}, group["attended"], "", "", "")
        )
        rows.append(
            (section, _("%(group)s: meetings held") % {"group": group["name"]}, cell(group["meetings"]), "", "", "")
        )
    actions = data["actions"]
    section = _("Actions")
    rows.append((section, _("Open actions"), actions["open"], "", "", ""))
    rows.append((section, _("Actions done this year"), actions["done_in_period"], "", "", ""))
    for item in actions["items"]:
        rows.append((section, item["title"], item["status_label"], cell(item["due_date"]), "", ""))
    return rows
