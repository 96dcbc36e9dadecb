"""Exports of registrations, one row per question, in the column layout of the national IDO
registration (the `national_code` of every category). Streamed: rows are read in chunks and
written as they go, so memory stays the same at any size. Names people typed (branches,
libraries, categories) never run as a spreadsheet formula (`core.utils.spreadsheet_safe`)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from plein.common import spreadsheets

from .models import Question

COLUMNS = [
    ("datum", _("Date")),
    ("vestiging", _("IDO location")),
    ("bibliotheek", _("Library")),
    ("gemeente", _("Municipality")),
    ("bezoek", _("Visit")),
    ("kanaal", _("Channel")),
    ("duur", _("Duration")),
    ("domein", _("Domain")),
    ("onderwerp", pgettext_lazy("IDO registration", "Topic")),
    ("organisatie", _("Organisation")),
    ("hulp", _("Help given")),
    ("digid_vervolg", _("DigiD follow-up")),
    ("doorverwijzing", _("Referred to")),
]


def _code(category):
    return (category.national_code or category.code) if category is not None else ""


def question_rows(*, scope, period):
    questions = (
        Question.objects.filter(visit__day__gte=period.start, visit__day__lte=period.end, visit__pending=False)
        .select_related(
            "visit__location__organisation",
            "visit__location__municipality",
            "visit__channel",
            "visit__duration",
            "domain",
            "topic",
            "organisation",
            "help",
            "digid_follow_up",
            "referral",
        )
        .order_by("visit__day", "visit_id", "pk")
    )
    if scope.location_ids is not None:
        questions = questions.filter(visit__location_id__in=scope.location_ids)
    for q in questions.iterator(chunk_size=2000):
        visit = q.visit
        yield [
            visit.day,  # a date: CSV writes 2026-03-02, Excel a real date
            visit.location.name,
            visit.location.organisation.name,
            visit.location.municipality.name,
            visit.uuid.hex[:12],  # groups the questions of one visit; says nothing about the visitor
            _code(visit.channel),
            _code(visit.duration),
            _code(q.domain),
            _code(q.topic),
            _code(q.organisation),
            _code(q.help),
            _code(q.digid_follow_up),
            _code(q.referral),
        ]


FIGURE_COLUMNS = [
    ("onderdeel", _("Part")),
    ("code", _("Code")),
    ("omschrijving", _("Label")),
    ("aantal", _("Count")),
    ("vorige_periode", _("Count a year earlier")),
    ("aandeel_procent", _("Share (%)")),
]


def figure_rows(figures):
    """The figures of the dashboard as rows: the totals, then every breakdown, then the series."""
    yield ["totaal", "bezoeken", str(_("Visits")), figures.visits.count, figures.visits.previous, ""]
    yield ["totaal", "vragen", str(_("Questions")), figures.questions.count, figures.questions.previous, ""]
    for breakdown in figures.breakdowns:
        for row in breakdown.rows:
            yield [str(breakdown.kind), _code(row.category), row.label, row.count, row.previous, row.share]
    for bucket in figures.series:  # code: the first day of the week/month/day; label: "first – last day"
        label = f"{bucket.start.isoformat()} – {bucket.end.isoformat()}"
        yield ["verloop_bezoeken", bucket.start.isoformat(), label, bucket.visits, "", ""]
        yield ["verloop_vragen", bucket.start.isoformat(), label, bucket.questions, "", ""]


def csv_response(rows, filename, columns=COLUMNS):
    return spreadsheets.csv_response([key for key, _label in columns], rows, filename)


def xlsx_response(rows, filename, columns=COLUMNS, title="IDO-registraties"):
    return spreadsheets.xlsx_response([key for key, _label in columns], rows, filename, title)
