"""The periods of the figures: which days a period holds, and which days it is compared with.

A week, month, quarter or year around a day, or any first and last day. A period that is
not over yet ends today (today included, though the day is not finished) and is marked
`running`, so the page can say that it is partial.

Every period is compared with the same span a year earlier, which is what a funder expects:
1 January – 3 December 2026 with 1 January – 3 December 2025, November with November. The
dates are the same (29 February becomes 28 February); a week is compared with the same
weekdays 52 weeks earlier. A period of more than a year is compared with the same dates as
many whole years earlier as it needs not to overlap itself (two years with the two before).
"""

import datetime
from dataclasses import dataclass, field

PERIOD_KINDS = ["week", "maand", "kwartaal", "jaar", "anders"]


def years_earlier(day: datetime.date, years: int = 1) -> datetime.date:
    """The same date `years` years earlier; 29 February becomes 28 February."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def first_of_next_month(day: datetime.date) -> datetime.date:
    return (day.replace(day=1) + datetime.timedelta(days=32)).replace(day=1)


@dataclass(frozen=True)
class Period:
    start: datetime.date
    end: datetime.date  # inclusive
    kind: str = field(default="anders", compare=False)  # one of PERIOD_KINDS
    # Not over yet: the period was cut off at today (included, though not finished).
    running: bool = field(default=False, compare=False)

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def years_back(self) -> int:
        """How many years earlier the comparison lies (1, except for periods over a year)."""
        if self.kind == "week":
            return 1
        years = 1
        while years_earlier(self.end, years) >= self.start:
            years += 1
        return years

    @property
    def previous(self) -> "Period":
        """The same span a year earlier (see the module's docstring)."""
        if self.kind == "week":
            weeks = datetime.timedelta(weeks=52)
            return Period(self.start - weeks, self.end - weeks, self.kind)
        years = self.years_back
        return Period(years_earlier(self.start, years), years_earlier(self.end, years), self.kind)


def period_for(kind: str, day: datetime.date, *, today: datetime.date) -> Period:
    """The week, month, quarter or year around `day`. One that is still going ends today."""
    if kind == "week":
        start = day - datetime.timedelta(days=day.weekday())
        end = start + datetime.timedelta(days=6)
    elif kind == "maand":
        start = day.replace(day=1)
        end = first_of_next_month(start) - datetime.timedelta(days=1)
    elif kind == "kwartaal":
        start = day.replace(month=(day.month - 1) // 3 * 3 + 1, day=1)
        end = (start + datetime.timedelta(days=95)).replace(day=1) - datetime.timedelta(days=1)
    elif kind == "jaar":
        start, end = day.replace(month=1, day=1), day.replace(month=12, day=31)
    else:
        raise ValueError(kind)
    return cut_off(Period(start, end, kind), today=today)


def cut_off(period: Period, *, today: datetime.date) -> Period:
    """The period up to and including today when today lies in it (then `running`)."""
    if period.start <= today <= period.end:
        return Period(period.start, today, period.kind, running=True)
    return period


def last_full_month(today: datetime.date) -> Period:
    """The default period: the last month that is over (November on 2 December, and on 31
    December too, for that day is not over yet)."""
    end = today.replace(day=1) - datetime.timedelta(days=1)
    return Period(end.replace(day=1), end, "maand")


# --- what the page says about the period -------------------------------------------------


def _dates(period: Period) -> str:
    from django.utils import formats
    from django.utils.translation import gettext as _

    return _("%(start)s to %(end)s") % {
        "start": formats.date_format(period.start, "j F Y"),
        "end": formats.date_format(period.end, "j F Y"),
    }


def comparison_heading(period: Period) -> str:
    """The heading of the comparison column: "Same period a year earlier"."""
    from django.utils.translation import gettext as _
    from django.utils.translation import ngettext

    if period.kind == "week":
        return _("Same week a year earlier")
    years = period.years_back
    return ngettext("Same period a year earlier", "Same period %(years)s years earlier", years) % {"years": years}


def describe(period: Period, *, today: datetime.date, default: bool = False) -> str:
    """What the figures cover and what they are compared with, in plain sentences; says so
    when the period is the default one, not over yet, or still to come."""
    from django.utils.translation import gettext as _
    from django.utils.translation import ngettext

    previous = _dates(period.previous)
    sentences = []
    if default:
        sentences.append(_("You see the last full month. Choose another period below."))
    sentences.append(_("Registrations from %(period)s.") % {"period": _dates(period)})
    if period.running:
        not_over = {
            "week": _("This week is not over yet: the figures run up to and including today."),
            "maand": _("This month is not over yet: the figures run up to and including today."),
            "kwartaal": _("This quarter is not over yet: the figures run up to and including today."),
            "jaar": _("This year is not over yet: the figures run up to and including today."),
        }
        sentences.append(
            not_over.get(period.kind, _("This period is not over yet: the figures run up to and including today."))
        )
    elif period.start > today:
        sentences.append(_("This period has not started yet."))
    if period.kind == "week":
        sentences.append(
            _("They are compared with the same weekdays 52 weeks earlier (%(previous)s).") % {"previous": previous}
        )
    else:
        years = period.years_back
        sentences.append(
            ngettext(
                "They are compared with the same period a year earlier (%(previous)s).",
                "They are compared with the same dates %(years)s years earlier (%(previous)s).",
                years,
            )
            % {"previous": previous, "years": years}
        )
    return " ".join(sentences)


def series_note(period: Period, unit: str) -> str:
    """Under the chart of a running period: its last step is not over, so it is left out of
    the line (it would look like a sudden drop) but shown in the table."""
    from django.utils.translation import gettext as _

    if not period.running:
        return ""
    return {
        "day": _("Today is not in the chart, because the day is not over yet. The table below does show it."),
        "week": _("This week is not in the chart, because it is not over yet. The table below does show it."),
        "month": _("This month is not in the chart, because it is not over yet. The table below does show it."),
    }[unit]
