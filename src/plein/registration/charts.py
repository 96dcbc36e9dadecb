"""Charts and their one-sentence summaries for the figures dashboard.

Each chart is a Vega-Lite spec written here as a plain dict (what altair made of it before, at
a tenth of a millisecond instead of some 15 ms a chart; the tests check every spec against the
Vega-Lite schema with altair); the browser only draws it (vega-embed, SVG). A chart never
stands alone: the page shows its summary and a table with the same numbers."""

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from .choices import CategoryKind
from .selectors import Breakdown, Figures

PETROL, ORANGE = "#0d5c68", "#b34700"
FONT = "Noto Sans, DejaVu Sans, sans-serif"

TITLES = {
    CategoryKind.TOPIC: gettext_lazy("Questions by topic"),
    CategoryKind.ORGANISATION: gettext_lazy("Questions by organisation"),
    CategoryKind.HELP: gettext_lazy("Questions by help given"),
    CategoryKind.REFERRAL: gettext_lazy("Referrals to EMB programmes and partners"),
    CategoryKind.DOMAIN: gettext_lazy("Questions by domain"),
    CategoryKind.DIGID_FOLLOW_UP: gettext_lazy("DigiD follow-up"),
    CategoryKind.CHANNEL: gettext_lazy("Visits by channel"),
    CategoryKind.DURATION: gettext_lazy("Visits by duration"),
}

# "%(label)s" is the largest category, "%(percent)s" its share of all questions (or visits).
SUMMARIES = {
    CategoryKind.TOPIC: gettext_lazy("Most questions were about %(label)s (%(percent)s%%)."),
    CategoryKind.ORGANISATION: gettext_lazy("Most questions concerned %(label)s (%(percent)s%% of all questions)."),
    CategoryKind.HELP: gettext_lazy("The help given was most often %(label)s (%(percent)s%%)."),
    CategoryKind.DOMAIN: gettext_lazy("Most questions belonged to the domain %(label)s (%(percent)s%%)."),
    CategoryKind.CHANNEL: gettext_lazy("Most visitors came by %(label)s (%(percent)s%%)."),
    CategoryKind.DURATION: gettext_lazy("Most visits took %(label)s (%(percent)s%%)."),
}


def number(n) -> str:
    return formats.number_format(n, force_grouping=True)


SCHEMA = "https://vega.github.io/schema/vega-lite/v6.4.1.json"
CONFIG = {
    "view": {"continuousWidth": 300, "continuousHeight": 300, "stroke": None},
    "axis": {"labelFontSize": 13, "labelLimit": 260, "titleFontSize": 13},
    "font": FONT,
    "legend": {"labelFontSize": 13, "orient": "bottom", "titleFontSize": 13},
}
COUNT_AXIS = {"format": ",d", "tickMinStep": 1}


def _spec(values, mark, encoding, *, height, description) -> dict:
    return {
        "$schema": SCHEMA,
        "config": CONFIG,
        "data": {"values": values},
        "mark": mark,
        "description": description,
        "encoding": encoding,
        "height": height,
        "width": "container",
    }


def breakdown_summary(breakdown: Breakdown) -> str:
    rows = [r for r in breakdown.rows if r.count]
    if not rows:
        return _("Nothing was registered for this in this period.")
    top = max(rows, key=lambda r: r.count)
    if breakdown.kind == CategoryKind.REFERRAL:
        emb = sum(r.count for r in rows if r.emb)
        return ngettext(
            "There was %(total)s referral: %(emb)s to an EMB programme and %(partner)s to a partner; "
            "most often to %(label)s (%(count)s).",
            "There were %(total)s referrals: %(emb)s to an EMB programme and %(partner)s to a partner; "
            "most often to %(label)s (%(count)s).",
            breakdown.counted,
        ) % {
            "total": number(breakdown.counted),
            "emb": number(emb),
            "partner": number(breakdown.counted - emb),
            "label": top.label,
            "count": number(top.count),
        }
    if breakdown.kind == CategoryKind.DIGID_FOLLOW_UP:
        return ngettext(
            "For DigiD questions, most often the follow-up was %(label)s (%(count)s time).",
            "For DigiD questions, most often the follow-up was %(label)s (%(count)s times).",
            top.count,
        ) % {"label": top.label, "count": number(top.count)}
    return SUMMARIES[breakdown.kind] % {"label": top.label, "percent": top.share, "count": number(top.count)}


def breakdown_spec(breakdown: Breakdown, summary: str | None = None) -> dict:
    """The bar chart of one breakdown; `summary` is its breakdown_summary, when already made."""
    referral = breakdown.kind == CategoryKind.REFERRAL
    values = [{"label": r.label, "count": r.count, **({"group": r.group} if referral else {})} for r in breakdown.rows]
    count_title = _("Questions") if breakdown.metric.startswith("vragen") else _("Visits")
    encoding = {
        "x": {"field": "count", "type": "quantitative", "title": count_title, "axis": COUNT_AXIS},
        "y": {"field": "label", "type": "nominal", "title": None, "sort": None},
    }
    if referral:
        encoding["color"] = {
            "field": "group",
            "type": "nominal",
            "title": None,
            "scale": {"domain": [_("EMB programme"), _("Partner")], "range": [PETROL, ORANGE]},
        }
    description = breakdown_summary(breakdown) if summary is None else summary
    return _spec(values, {"type": "bar", "color": PETROL}, encoding, height={"step": 26}, description=str(description))


def bucket_label(bucket, unit) -> str:
    if unit == "day":
        return formats.date_format(bucket.start, "j b")
    if unit == "week":
        return _("week %(week)s") % {"week": bucket.start.isocalendar()[1]}
    return formats.date_format(bucket.start, "b Y")


def series_summary(figures: Figures) -> str:
    if not figures.questions.count and not figures.visits.count:
        return _("Nothing was registered in this period.")
    busiest = max(figures.series, key=lambda b: (b.questions, b.visits))
    units = {"day": _("day"), "week": _("week"), "month": _("month")}
    # Each number with its own noun, so "1 visit" and "1 question" read right (ngettext per part).
    visits = ngettext("%(count)s visit", "%(count)s visits", figures.visits.count) % {
        "count": number(figures.visits.count)
    }
    questions = ngettext("%(count)s question", "%(count)s questions", figures.questions.count) % {
        "count": number(figures.questions.count)
    }
    busiest_questions = ngettext("%(count)s question", "%(count)s questions", busiest.questions) % {
        "count": number(busiest.questions)
    }
    return _(
        "In this period there were %(visits)s with %(questions)s; the busiest %(unit)s was %(label)s with %(busiest)s."
    ) % {
        "visits": visits,
        "questions": questions,
        "unit": units[figures.unit],
        "label": bucket_label(busiest, figures.unit),
        "busiest": busiest_questions,
    }


def series_spec(figures: Figures, summary: str | None = None, labels: list | None = None) -> dict:
    """The line chart of visits and questions over time; `summary` and `labels` (the bucket
    labels) when the page has made them already."""
    visits, questions = _("Visits"), _("Questions")
    labels = labels or [bucket_label(b, figures.unit) for b in figures.series]
    values = []
    for label, bucket in zip(labels, figures.series, strict=True):
        if bucket.running:  # today is not over: drawn, it would look like a sudden drop
            continue
        values.append({"label": label, "what": visits, "count": bucket.visits})
        values.append({"label": label, "what": questions, "count": bucket.questions})
    what = {"domain": [visits, questions]}
    encoding = {
        "x": {
            "field": "label",
            "type": "ordinal",
            "title": None,
            "sort": None,
            "axis": {"labelAngle": -45, "labelOverlap": True},
        },
        "y": {"field": "count", "type": "quantitative", "title": _("Number"), "axis": COUNT_AXIS},
        "color": {"field": "what", "type": "nominal", "title": None, "scale": {**what, "range": [ORANGE, PETROL]}},
        "strokeDash": {
            "field": "what",
            "type": "nominal",
            "title": None,
            "scale": {**what, "range": [[6, 3], [1, 0]]},
        },
    }
    description = series_summary(figures) if summary is None else summary
    return _spec(values, {"type": "line", "point": True}, encoding, height=260, description=str(description))
