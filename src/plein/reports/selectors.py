"""Reads for borging reports: who sees which report (through `plein.access`), the snapshot a
report would freeze now (live data) and the differences between two snapshots.

Who sees what:
- the draft (and the live preview): whoever may see the library's plan (`Purpose.PLAN`):
  administrators, the facilitators who coach it, its coordinator;
- a published version: also the municipality, when the library serves it (`Purpose.FIGURES`)
  and the report is about one of its own municipalities; never a desk worker.
"""

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from plein.access import selectors as access
from plein.access.purposes import Purpose
from plein.borging import selectors as borging
from plein.borging.choices import CriterionStatus
from plein.common.utils import secret_hash
from plein.organisations.models import Location, Municipality

from .figures import figures_csv_rows, report_figures
from .models import MONEY_FIELDS, Report, ReportVersion, ShareLink

SNAPSHOT_FORMAT = 1


def _published() -> Q:
    return Q(Exists(ReportVersion.objects.filter(report=OuterRef("pk"))))


def reports_with_drafts_visible_to(user) -> QuerySet[Report]:
    """Reports whose draft and preview this user may read."""
    return Report.objects.filter(library__in=access.libraries_visible_to(user, Purpose.PLAN))


def published_reports_visible_to(user) -> QuerySet[Report]:
    """Reports with at least one published version this user may read: those whose drafts
    they see, and for a municipality those of libraries that serve it, about its own
    municipalities."""
    municipal = Q(
        library__in=access.libraries_visible_to(user, Purpose.FIGURES),
        municipality__in=access.municipalities_visible_to(user, Purpose.FIGURES),
    )
    planned = Q(library__in=access.libraries_visible_to(user, Purpose.PLAN))
    return Report.objects.filter(_published()).filter(planned | municipal)


def reports_visible_to(user) -> QuerySet[Report]:
    """Everything this user may see of reports: drafts they may read and published ones."""
    return Report.objects.filter(
        Q(pk__in=reports_with_drafts_visible_to(user).values("pk"))
        | Q(pk__in=published_reports_visible_to(user).values("pk"))
    )


def report_list(user) -> list[Report]:
    reports = list(
        reports_visible_to(user)
        .select_related("library", "municipality")
        .order_by("-year", "municipality__name", "library__name", "pk")
    )
    latest = {}
    for version in ReportVersion.objects.filter(report__in=[r.pk for r in reports]).only(
        "report_id", "number", "published_at"
    ):
        if version.report_id not in latest or version.number > latest[version.report_id].number:
            latest[version.report_id] = version
    drafts = set(
        reports_with_drafts_visible_to(user).filter(pk__in=[r.pk for r in reports]).values_list("pk", flat=True)
    )
    for report in reports:
        report.latest_version = latest.get(report.pk)
        report.draft_visible = report.pk in drafts
    return [r for r in reports if r.latest_version or r.draft_visible]


def report_get(*, user, uuid, drafts: bool = True) -> Report:
    qs = reports_with_drafts_visible_to(user) if drafts else published_reports_visible_to(user)
    try:
        return qs.select_related("library", "municipality").get(uuid=uuid)
    except (Report.DoesNotExist, ValueError) as exc:
        raise Http404 from exc


def version_get(*, user, uuid, number) -> ReportVersion:
    """A published version this user may read, or 404."""
    try:
        return ReportVersion.objects.select_related("report__library", "report__municipality").get(
            report__in=published_reports_visible_to(user), report__uuid=uuid, number=number
        )
    except (ReportVersion.DoesNotExist, ValueError) as exc:
        raise Http404 from exc


def versions_of(report) -> list[ReportVersion]:
    return list(report.versions.order_by("-number").defer("snapshot"))


def share_links_of(report) -> list[ShareLink]:
    return list(
        ShareLink.objects.filter(version__report=report).select_related("version", "created_by").order_by("-created_at")
    )


def share_link_by_token(token: str) -> ShareLink | None:
    if not token or len(token) > 100:
        return None
    return (
        ShareLink.objects.select_related("version__report__library", "version__report__municipality")
        .filter(token_hash=secret_hash(token))
        .first()
    )


def share_link_get(*, user, uuid) -> ShareLink:
    try:
        return ShareLink.objects.select_related("version__report__library").get(
            uuid=uuid, version__report__in=reports_with_drafts_visible_to(user)
        )
    except (ShareLink.DoesNotExist, ValueError) as exc:
        raise Http404 from exc


def municipalities_for_new_report(user, library) -> QuerySet[Municipality]:
    """The municipalities a report of this library can be about: those its branches lie in
    and those it serves."""
    return Municipality.objects.filter(
        Q(pk__in=Location.objects.filter(organisation=library).values("municipality_id")) | Q(organisations=library)
    ).distinct()


# --- the snapshot ---------------------------------------------------------------------------


def _time(value) -> str:
    return value.strftime("%H:%M") if value else ""


def _locations(report) -> list[dict]:
    """The IDO branches of the library in the report's municipality, with their profile."""
    locations = borging.profile_locations(
        Location.objects.filter(organisation=report.library, municipality=report.municipality)
    )
    out = []
    for location in locations:
        profile = borging.profile(location)
        item = {"name": location.name, "city": location.city, "profile": None}
        if profile is not None:
            item["profile"] = {
                "scenario": profile.scenario,
                "scenario_label": str(profile.get_scenario_display()),
                "in_library_building": profile.in_library_building,
                "hours": [
                    {
                        "day": str(h.get_weekday_display()),
                        "opens": _time(h.opens),
                        "closes": _time(h.closes),
                        "kind": str(h.get_kind_display()),
                    }
                    for h in profile.hours.all()
                ],
                "paid_staff": profile.paid_staff,
                "volunteers": profile.volunteers,
                "staff_total": profile.staff_total,
                "training": [
                    {"label": _("IDO e-learning"), "count": profile.elearning_count},
                    {"label": _("Conversation skills"), "count": profile.conversation_count},
                    {"label": _("Privacy in het IDO"), "count": profile.privacy_count},
                ],
                "is_trained": profile.is_trained,
                "house_style_signage": profile.house_style_signage,
                "gids_checked_on": profile.gids_checked_on.isoformat() if profile.gids_checked_on else None,
            }
        out.append(item)
    return out


def _scan(report) -> dict:
    view = borging.scan_view(library=report.library, year=report.year)
    groups, counts = [], {s: 0 for s in [*CriterionStatus.values, "none"]}
    for group, rows in view.groups:
        items = []
        for row in rows:
            counts[row.status or "none"] += 1
            items.append(
                {
                    "key": row.criterion.key,
                    "title": str(row.criterion.title),
                    "status": row.status,
                    "status_label": str(row.status_label),
                    "note": row.assessment.note if row.assessment else "",
                    "actions": [a.title for a in row.actions],
                }
            )
        groups.append({"key": group.key, "title": str(group.title), "rows": items})
    gaps = [r for g in groups for r in g["rows"] if r["status"] != CriterionStatus.DONE]
    return {"groups": groups, "counts": counts, "gaps": gaps}


def _money(report) -> dict:
    values = {name: getattr(report, name) for name in MONEY_FIELDS}
    money = {name: (str(v) if v is not None else None) for name, v in values.items()}
    spent = [values[n] for n in ("spent_ido", "spent_promotion", "spent_network") if values[n] is not None]
    money["spent_total"] = str(sum(spent)) if spent else None
    money["labels"] = {name: str(Report._meta.get_field(name).verbose_name) for name in MONEY_FIELDS}
    return money


def build_snapshot(report, *, today=None) -> dict:
    """Everything a published version shows, read from live data now (also the preview)."""
    figures = report_figures(library=report.library, municipality=report.municipality, year=report.year, today=today)
    return {
        "snapshot_format": SNAPSHOT_FORMAT,
        "title": report.title,
        "library": report.library.name,
        "municipality": report.municipality.name,
        "year": report.year,
        "figures": figures,
        "locations": _locations(report),
        "scan": _scan(report),
        "foreword": report.foreword,
        "stories": report.stories,
        "money": _money(report),
        "made_at": timezone.now().isoformat(),
    }


def snapshot_rows(snapshot: dict) -> list[tuple]:
    """Every figure of a snapshot as CSV rows (the header first): the figures, the money and
    the scan's statuses."""
    rows = list(figures_csv_rows(snapshot["figures"]))
    money = snapshot["money"]
    for name in (*MONEY_FIELDS, "spent_total"):
        label = money["labels"].get(name, _("Spent in total (euro)"))
        rows.append((_("Money"), label, money.get(name) or "", "", "", ""))
    for group in snapshot["scan"]["groups"]:
        for row in group["rows"]:
            rows.append((_("Borging scan"), row["title"], row["status_label"], "", "", ""))
    return rows


def snapshot_diff(old: dict, new: dict) -> list[dict]:
    """What changed between two snapshots: one row per figure (section and label, old, new)."""

    def flat(snapshot):
        rows = snapshot_rows(snapshot)
        columns = [str(c) for c in rows[0][2:]]
        out = {}
        for section, label, *values in rows[1:]:
            name = label if section == label else f"{section}: {label}"
            for i, value in enumerate(values):
                key = name if i == 0 else f"{name} ({columns[i].lower()})"
                if value != "" or key in out:
                    out[key] = str(value)
        return out

    before, after = flat(old), flat(new)
    changes = []
    for key in [*after, *(k for k in before if k not in after)]:
        if before.get(key, "") != after.get(key, ""):
            changes.append({"label": key, "old": before.get(key, ""), "new": after.get(key, "")})

    def text(value):
        value = " / ".join(value) if isinstance(value, list) else (value or "")
        return Truncator(value).chars(120)

    for name, label in (("foreword", _("Foreword")), ("stories", _("Stories"))):
        if old.get(name) != new.get(name):
            changes.append({"label": str(label), "old": text(old.get(name)), "new": text(new.get(name))})
    return changes


# --- what a page shows of a snapshot --------------------------------------------------------


def _number(value) -> str:
    from django.utils import formats

    return formats.number_format(value, force_grouping=True) if value is not None else "—"


def _percent(value) -> str:
    from django.utils import formats

    return f"{formats.number_format(value, 1)}%" if value is not None else "—"


def present(snapshot: dict) -> dict:
    """The snapshot with what the page adds: each breakdown's one-sentence summary (every table
    says in words what it shows), key figures as text. Reads only the snapshot."""
    figures = snapshot["figures"]
    key_figures = []
    for figure in figures["summary"]:
        fmt = _percent if figure["unit"] == "percent" else _number
        key_figures.append(
            {
                **figure,
                "text": fmt(figure["value"]),
                "previous_text": fmt(figure["previous"]),
                "province_text": fmt(figure.get("province")) if figure["unit"] == "percent" else "",
                "national_text": fmt(figure.get("national")) if figure["unit"] == "percent" else "",
            }
        )
    breakdowns = []
    for key, breakdown in figures["breakdowns"].items():
        rows = [r for r in breakdown["rows"] if r["count"] or r["previous"]]
        top = max(rows, key=lambda r: r["count"], default=None)
        if top is None or not top["count"]:
            summary = _("Nothing was registered for this in this period.")
        else:
            summary = _("Most often: %(label)s (%(count)s, %(share)s). A year earlier: %(previous)s.") % {
                "label": top["label"],
                "count": _number(top["count"]),
                "share": _percent(top["share"]),
                "previous": _percent(top["previous_share"]),
            }
        breakdowns.append(
            {
                "key": key,
                "label": breakdown["label"],
                "counts": breakdown["counts"],
                "summary": summary,
                "spec": _bar_chart(rows, breakdown["counts"], summary) if top and top["count"] else None,
                "spec_id": f"r-b-{key}-spec",
                "rows": [
                    {
                        **r,
                        "count_text": _number(r["count"]),
                        "previous_text": _number(r["previous"]),
                        "share_text": _percent(r["share"]),
                        "previous_share_text": _percent(r["previous_share"]),
                        "province_share_text": _percent(r["province_share"]),
                        "national_share_text": _percent(r["national_share"]),
                    }
                    for r in rows
                ],
            }
        )
    functions = [r for g in snapshot["scan"]["groups"] for r in g["rows"] if r["key"].startswith("function_")]
    money = snapshot["money"]
    money_rows = [
        {"label": money["labels"][name], "value": _euro(money.get(name))}
        for name in ("spuk_received", "spent_ido", "spent_promotion", "spent_network", "cofinancing")
    ]
    import datetime

    return {
        "start": datetime.date.fromisoformat(figures["period"]["start"]),
        "end": datetime.date.fromisoformat(figures["period"]["end"]),
        "key_figures": key_figures,
        "breakdowns": breakdowns,
        "functions": functions,
        "money_rows": money_rows,
        "money_total": _euro(money.get("spent_total")),
        "visits": {k: _number(v) if k != "change_percent" else _percent(v) for k, v in figures["visits"].items()},
        "questions": {k: _number(v) if k != "change_percent" else _percent(v) for k, v in figures["questions"].items()},
    }


def _bar_chart(rows, counts, summary) -> dict:
    """A bar chart of one breakdown, in the dashboard's style (registration.charts); the page
    shows it beside its summary and table, never alone."""
    from plein.registration import charts

    title = _("Questions") if counts == "questions" else _("Visits")
    encoding = {
        "x": {"field": "count", "type": "quantitative", "title": title, "axis": charts.COUNT_AXIS},
        "y": {"field": "label", "type": "nominal", "title": None, "sort": None},
    }
    values = [{"label": r["label"], "count": r["count"]} for r in rows]
    return charts._spec(
        values, {"type": "bar", "color": charts.PETROL}, encoding, height={"step": 26}, description=summary
    )


def _euro(value) -> str:
    from decimal import Decimal

    from django.utils import formats

    if value in (None, ""):
        return "—"
    return "€ " + formats.number_format(Decimal(value), 2, force_grouping=True)
