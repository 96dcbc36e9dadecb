"""Charts and their one-sentence summaries for the figures dashboard.

`altair` builds each Vega-Lite spec here; the browser only draws it (vega-embed, SVG). A chart
never stands alone: the page shows its summary and a table with the same numbers."""

import altair as alt
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


def _config(chart):
    return (
        chart.configure(font=FONT)
        .configure_axis(labelFontSize=13, titleFontSize=13, labelLimit=260)
        .configure_legend(labelFontSize=13, titleFontSize=13, orient="bottom")
        .configure_view(stroke=None)
    )


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


def breakdown_spec(breakdown: Breakdown, *, validate=False) -> dict:
    values = [{"label": r.label, "count": r.count, "previous": r.previous, "group": r.group} for r in breakdown.rows]
    count_title = _("Questions") if breakdown.metric.startswith("vragen") else _("Visits")
    encoding = {
        "x": alt.X("count:Q", title=count_title, axis=alt.Axis(tickMinStep=1, format=",d")),
        "y": alt.Y("label:N", title=None, sort=None),
    }
    if breakdown.kind == CategoryKind.REFERRAL:
        encoding["color"] = alt.Color(
            "group:N",
            title=None,
            scale=alt.Scale(domain=[_("EMB programme"), _("Partner")], range=[PETROL, ORANGE]),
        )
    chart = (
        alt.Chart(alt.Data(values=values))
        .mark_bar(color=PETROL)
        .encode(**encoding)
        .properties(width="container", height=alt.Step(26), description=breakdown_summary(breakdown))
    )
    return _config(chart).to_dict(validate=validate)


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


def series_spec(figures: Figures, *, validate=False) -> dict:
    visits, questions = _("Visits"), _("Questions")
    values = []
    for bucket in figures.series:
        if bucket.running:  # today is not over: drawn, it would look like a sudden drop
            continue
        label = bucket_label(bucket, figures.unit)
        values.append({"label": label, "what": visits, "count": bucket.visits})
        values.append({"label": label, "what": questions, "count": bucket.questions})
    chart = (
        alt.Chart(alt.Data(values=values))
        .mark_line(point=True)
        .encode(
            x=alt.X("label:O", title=None, sort=None, axis=alt.Axis(labelAngle=-45, labelOverlap=True)),
            y=alt.Y("count:Q", title=_("Number"), axis=alt.Axis(tickMinStep=1, format=",d")),
            color=alt.Color("what:N", title=None, scale=alt.Scale(domain=[visits, questions], range=[ORANGE, PETROL])),
            strokeDash=alt.StrokeDash(
                "what:N", title=None, scale=alt.Scale(domain=[visits, questions], range=[[6, 3], [1, 0]])
            ),
        )
        .properties(width="container", height=260, description=series_summary(figures))
    )
    return _config(chart).to_dict(validate=validate)
