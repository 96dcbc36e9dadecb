"""The period of the figures and what it is compared with: the same span a year earlier, a
running period that says so, the last full month by default, and today's unfinished day kept
out of the chart. Every test sets the clock (time-machine) or passes explicit dates."""

import datetime
import zoneinfo

import pytest
import time_machine

from plein.registration import charts, selectors, services
from plein.registration.forms import FiguresForm
from plein.registration.periods import Period, last_full_month, period_for, years_earlier

from .factories import question, visit_data

d = datetime.date
AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")


def at(*args):
    """The clock at this local time in Amsterdam (the site's time zone)."""
    return time_machine.travel(datetime.datetime(*args, tzinfo=AMSTERDAM), tick=False)


def _has_leap_day(period):
    return any(
        d(year, 2, 29) >= period.start and d(year, 2, 29) <= period.end
        for year in range(period.start.year, period.end.year + 1)
        if year % 4 == 0 and (year % 100 or year % 400 == 0)
    )


# --- the comparison -----------------------------------------------------------------------


def test_the_year_so_far_is_compared_with_the_same_days_a_year_earlier():
    """Failed before: 1 Jan – 3 Dec 2026 was compared with 30 Jan – 31 Dec 2025."""
    period = period_for("jaar", d(2026, 12, 3), today=d(2026, 12, 3))
    assert (period.start, period.end, period.running) == (d(2026, 1, 1), d(2026, 12, 3), True)
    assert period.previous == Period(d(2025, 1, 1), d(2025, 12, 3))
    assert period_for("maand", d(2026, 12, 3), today=d(2026, 12, 3)).previous == Period(d(2025, 12, 1), d(2025, 12, 3))
    assert period_for("maand", d(2026, 11, 5), today=d(2026, 12, 3)).previous == Period(d(2025, 11, 1), d(2025, 11, 30))
    assert period_for("kwartaal", d(2026, 12, 3), today=d(2026, 12, 3)).previous == Period(
        d(2025, 10, 1), d(2025, 12, 3)
    )


@pytest.mark.parametrize("kind", ["week", "maand", "kwartaal", "jaar"])
def test_every_period_compares_with_a_span_of_equal_length_that_does_not_overlap(kind):
    """Every day of 2025–2029 as today and as the chosen day: the comparison has as many days
    (unless a 29 February lies in one of the two), lies before the period, and is the same
    dates a year earlier (a week: the same weekdays 52 weeks earlier)."""
    day = d(2025, 1, 1)
    while day <= d(2029, 12, 31):
        period = period_for(kind, day, today=day)
        previous = period.previous
        assert previous.end < period.start
        if not (_has_leap_day(period) or _has_leap_day(previous)):
            assert previous.days == period.days, (kind, day)
        if kind == "week":
            assert previous.start.weekday() == period.start.weekday() == 0
            assert (period.start - previous.start).days == 364
        else:
            assert (previous.start, previous.end) == (years_earlier(period.start), years_earlier(period.end))
        day += datetime.timedelta(days=1)


def test_leap_days_and_long_periods():
    # 29 February 2028: the month so far against February 2027 (it has no 29th)
    period = period_for("maand", d(2028, 2, 29), today=d(2028, 2, 29))
    assert (period.start, period.end, period.running) == (d(2028, 2, 1), d(2028, 2, 29), True)
    assert period.previous == Period(d(2027, 2, 1), d(2027, 2, 28))
    assert Period(d(2028, 2, 29), d(2028, 3, 5)).previous == Period(d(2027, 2, 28), d(2027, 3, 5))
    assert period_for("jaar", d(2029, 3, 1), today=d(2029, 3, 1)).previous == Period(d(2028, 1, 1), d(2028, 3, 1))
    # Longer than a year: as many whole years back as needed not to overlap.
    assert Period(d(2023, 1, 1), d(2024, 12, 31)).previous == Period(d(2021, 1, 1), d(2022, 12, 31))
    assert Period(d(2024, 3, 1), d(2025, 3, 1)).previous == Period(d(2022, 3, 1), d(2023, 3, 1))
    assert Period(d(2024, 3, 2), d(2025, 3, 1)).previous == Period(d(2023, 3, 2), d(2024, 3, 1))


# --- period boundaries and the default period, with the clock set -----------------------


@pytest.mark.parametrize(
    "now,default,year",
    [
        # 2 January: the default was 1–2 January (two days); now the last full month.
        ((2027, 1, 2, 9, 0), (d(2026, 12, 1), d(2026, 12, 31)), (d(2027, 1, 1), d(2027, 1, 2))),
        ((2027, 3, 1, 8, 0), (d(2027, 2, 1), d(2027, 2, 28)), (d(2027, 1, 1), d(2027, 3, 1))),
        ((2028, 2, 29, 12, 0), (d(2028, 1, 1), d(2028, 1, 31)), (d(2028, 1, 1), d(2028, 2, 29))),
        # 31 December late in the evening: December is not over, the year neither.
        ((2026, 12, 31, 23, 30), (d(2026, 11, 1), d(2026, 11, 30)), (d(2026, 1, 1), d(2026, 12, 31))),
    ],
)
def test_the_form_defaults_to_the_last_full_month(world, now, default, year):
    choices = selectors.scope_choices(user=world.users["coordinator"])
    scope = {"bereik": choices.default.key}
    with at(*now):
        form = FiguresForm(scope, scope_choices=choices)
        assert form.is_valid(), form.errors
        assert form.default_period
        assert (form.cleaned_data["period"].start, form.cleaned_data["period"].end) == default
        assert not form.cleaned_data["period"].running
        assert form["datum"].value() == default[0].isoformat()  # shown as if chosen

        form = FiguresForm({**scope, "periode": "jaar"}, scope_choices=choices)
        assert form.is_valid()
        period = form.cleaned_data["period"]
        assert not form.default_period
        assert (period.start, period.end, period.running) == (*year, True)
        assert period.previous == Period(years_earlier(year[0]), years_earlier(year[1]))


def test_an_other_period_into_the_future_ends_today(world):
    choices = selectors.scope_choices(user=world.users["coordinator"])
    with at(2026, 12, 3, 10, 0):
        data = {"bereik": choices.default.key, "periode": "anders", "van": "2026-11-15", "tot": "2026-12-31"}
        form = FiguresForm(data, scope_choices=choices)
        assert form.is_valid()
        period = form.cleaned_data["period"]
        assert (period.start, period.end, period.running) == (d(2026, 11, 15), d(2026, 12, 3), True)
        assert period.previous == Period(d(2025, 11, 15), d(2025, 12, 3))
    assert last_full_month(d(2026, 1, 1)) == Period(d(2025, 12, 1), d(2025, 12, 31))


# --- the page -------------------------------------------------------------------------------


def _drawn(spec):
    """The values a Vega-Lite spec draws."""
    return spec["data"]["values"] if "values" in spec.get("data", {}) else next(iter(spec["datasets"].values()))


def _register(world, day, n=1):
    for _ in range(n):
        services.visit_register(
            acting_user=world.users["desk_worker"],
            **visit_data(location=world.location, day=day, questions=[question()]),
        )


def test_the_page_says_the_year_is_partial_and_what_it_is_compared_with(client, world):
    with at(2026, 12, 3, 10, 0):
        _register(world, d(2026, 3, 4), 3)
        _register(world, d(2025, 3, 4), 1)
        _register(world, d(2025, 12, 20), 5)  # after 3 December 2025: not in the comparison
        client.force_login(world.users["coordinator"])
        response = client.get("/cijfers/", {"periode": "jaar"})
    html = response.content.decode()
    figures = response.context["figures"]
    assert (figures.visits.count, figures.visits.previous) == (3, 1)  # before: 3 against 6
    assert "Registraties van 1 januari 2026 tot en met 3 december 2026." in html
    assert "Dit jaar is nog niet voorbij: de cijfers lopen tot en met vandaag." in html
    assert (
        "Ze worden vergeleken met dezelfde periode een jaar eerder (1 januari 2025 tot en met 3 december 2025)." in html
    )
    assert "Zelfde periode een jaar eerder" in html


def test_the_default_page_shows_the_last_full_month_and_says_so(client, world):
    with at(2026, 12, 2, 9, 0):
        _register(world, d(2026, 11, 10), 2)
        _register(world, d(2026, 12, 1), 1)
        client.force_login(world.users["coordinator"])
        response = client.get("/cijfers/")
    html = response.content.decode()
    assert response.context["figures"].period == Period(d(2026, 11, 1), d(2026, 11, 30))
    assert response.context["figures"].visits.count == 2
    assert "U ziet de laatste hele maand." in html
    assert "Registraties van 1 november 2026 tot en met 30 november 2026." in html
    assert "nog niet voorbij" not in html


def test_today_is_in_the_table_but_not_drawn_in_the_chart(client, world):
    """Failed before: today's unfinished day was drawn as the last point, a drop to (near) zero."""
    with at(2026, 12, 3, 10, 0):
        _register(world, d(2026, 12, 2), 4)
        _register(world, d(2026, 12, 3), 1)
        client.force_login(world.users["coordinator"])
        response = client.get("/cijfers/", {"periode": "maand", "datum": "2026-12-03"})
    figures = response.context["figures"]
    assert [(b.start, b.visits, b.running) for b in figures.series] == [
        (d(2026, 12, 1), 0, False),
        (d(2026, 12, 2), 4, False),
        (d(2026, 12, 3), 1, True),
    ]
    labels = {value["label"] for value in _drawn(charts.series_spec(figures))}
    assert labels == {"1 dec", "2 dec"}
    html = response.content.decode()
    assert "Vandaag staat niet in de grafiek, want de dag is nog niet om." in html
    assert "(nog niet voorbij)" in html

    # A week of a year's figures: the running week is left out of the line as well.
    with at(2026, 12, 3, 10, 0):
        year = period_for("jaar", d(2026, 12, 3), today=d(2026, 12, 3))
        figures = selectors.figures(scope=figures.scope, period=year)
    assert figures.unit == "week" and figures.series[-1].running and figures.series[-1].visits == 5
    assert not any(b.running for b in figures.series[:-1])
    drawn = _drawn(charts.series_spec(figures))
    assert len(drawn) == 2 * (len(figures.series) - 1)
