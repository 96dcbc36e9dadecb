"""The figures, read from the rollup rows, equal a direct count of visits and questions for
every scope and period, and nobody sees figures outside what they may see."""

import datetime
import random
from collections import Counter

import altair as alt
import pytest
from django.http import Http404
from django.utils import timezone

from plein.access import selectors as access
from plein.access.purposes import Purpose
from plein.accounts.tests.factories import UserFactory
from plein.organisations.choices import Province
from plein.organisations.tests.factories import LocationFactory, MunicipalityFactory, OrganisationFactory
from plein.registration import charts, selectors, services
from plein.registration.choices import CategoryKind
from plein.registration.models import Category, Question, Visit

from .factories import category, question, visit_data

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
BREAKDOWN_FIELDS = {
    CategoryKind.TOPIC: "topic",
    CategoryKind.ORGANISATION: "organisation",
    CategoryKind.HELP: "help",
    CategoryKind.REFERRAL: "referral",
    CategoryKind.DOMAIN: "domain",
    CategoryKind.DIGID_FOLLOW_UP: "digid_follow_up",
}


def _random_visits(locations, n=120, days=400, seed=6):
    rng = random.Random(seed)
    user = UserFactory(desk_worker=True)
    options = {kind: list(Category.objects.filter(kind=kind)) for kind in CategoryKind}
    for i in range(n):
        questions = []
        for _ in range(rng.randint(1, 3)):
            q = {
                "domain": rng.choice(options[CategoryKind.DOMAIN]),
                "topic": rng.choice(options[CategoryKind.TOPIC]),
                "help": rng.choice(options[CategoryKind.HELP]),
            }
            for field, kind in [
                ("organisation", CategoryKind.ORGANISATION),
                ("referral", CategoryKind.REFERRAL),
                ("digid_follow_up", CategoryKind.DIGID_FOLLOW_UP),
            ]:
                if rng.random() < 0.5:
                    q[field] = rng.choice(options[kind])
            questions.append(q)
        services.visit_register(
            acting_user=user,
            location=rng.choice(locations),
            channel=rng.choice(options[CategoryKind.CHANNEL]),
            duration=rng.choice(options[CategoryKind.DURATION]),
            questions=questions,
            idempotency_key=f"v{seed}-{i}",
            day=TODAY - datetime.timedelta(days=rng.randint(0, days)),
        )


def _direct(location_ids, period):
    """Counted straight from the registrations: what the figures must say."""
    visits = Visit.objects.filter(day__gte=period.start, day__lte=period.end)
    if location_ids is not None:
        visits = visits.filter(location_id__in=location_ids)
    questions = Question.objects.filter(visit__in=visits)
    result = {"visits": visits.count(), "questions": questions.count()}
    for kind, field in BREAKDOWN_FIELDS.items():
        result[kind] = Counter(q[f"{field}_id"] for q in questions.values(f"{field}_id") if q[f"{field}_id"])
    result[CategoryKind.CHANNEL] = Counter(visits.values_list("channel_id", flat=True))
    result[CategoryKind.DURATION] = Counter(visits.values_list("duration_id", flat=True))
    result["days"] = Counter()
    for v in visits.prefetch_related("questions"):
        result["days"][v.day] += len(v.questions.all())
    return result


def _assert_matches(figures, location_ids):
    for period, attr in [(figures.period, "count"), (figures.previous, "previous")]:
        direct = _direct(location_ids, period)
        assert getattr(figures.visits, attr) == direct["visits"]
        assert getattr(figures.questions, attr) == direct["questions"]
        for breakdown in figures.breakdowns:
            got = Counter({r.category.pk: getattr(r, attr) for r in breakdown.rows if getattr(r, attr)})
            assert got == direct[breakdown.kind], (breakdown.kind, period)
    direct = _direct(location_ids, figures.period)
    assert sum(b.questions for b in figures.series) == direct["questions"]
    assert sum(b.visits for b in figures.series) == direct["visits"]
    for bucket in figures.series:
        assert bucket.questions == sum(n for day, n in direct["days"].items() if bucket.start <= day <= bucket.end)


@pytest.fixture
def country(world):
    """Two provinces, three municipalities, the world's two libraries and a third one."""
    utrecht = MunicipalityFactory(name="Utrecht", province=Province.UTRECHT)
    delft = MunicipalityFactory(name="Delft", province=Province.ZUID_HOLLAND)
    third = OrganisationFactory(name="Bibliotheek Derde")
    locations = [
        world.location,
        world.other_location,
        LocationFactory(organisation=world.library, municipality=utrecht, name="Eigen Utrecht"),
        LocationFactory(organisation=third, municipality=delft, name="Derde Delft"),
        LocationFactory(organisation=third, municipality=utrecht, name="Derde Utrecht"),
    ]
    _random_visits(locations)
    return locations


PERIODS = [
    ("week", TODAY),
    ("maand", TODAY),
    ("maand", TODAY - datetime.timedelta(days=60)),
    ("kwartaal", TODAY - datetime.timedelta(days=100)),
    ("jaar", TODAY),
    ("jaar", TODAY - datetime.timedelta(days=365)),
]


@pytest.mark.parametrize("kind,day", PERIODS)
def test_figures_equal_direct_counts_for_every_scope(world, country, kind, day):
    choices = selectors.scope_choices(user=world.users["administrator"])
    period = selectors.period_for(kind, day, today=TODAY)
    assert {key.split("-")[0] for key in choices.scopes} == {
        "land",
        "provincie",
        "gemeente",
        "bibliotheek",
        "vestiging",
    }
    for scope in choices.scopes.values():
        _assert_matches(selectors.figures(scope=scope, period=period), scope.location_ids)


def test_custom_periods_across_month_edges_equal_direct_counts(world, country):
    """Whole months come from month rows and the loose days from day rows: any start and end,
    also over more than a year (series per month), must still add up exactly."""
    rng = random.Random(11)
    choices = selectors.scope_choices(user=world.users["administrator"])
    periods = [selectors.Period(TODAY - datetime.timedelta(days=399), TODAY)]
    periods += [
        selectors.Period(start, start + datetime.timedelta(days=rng.randint(0, 200)))
        for start in (TODAY - datetime.timedelta(days=rng.randint(0, 400)) for _ in range(4))
    ]
    first = (TODAY - datetime.timedelta(days=200)).replace(day=1)
    periods.append(
        selectors.Period(first, (first + datetime.timedelta(days=70)).replace(day=1) - datetime.timedelta(days=1))
    )
    for period in periods:
        for key in ["land", "provincie-UT", f"bibliotheek-{world.library.uuid}", f"vestiging-{world.location.uuid}"]:
            scope = choices.get(key)
            _assert_matches(selectors.figures(scope=scope, period=period), scope.location_ids)


def test_segments_split_whole_months_from_loose_days():
    d = datetime.date
    parts = selectors.segments(selectors.Period(d(2025, 1, 15), d(2025, 4, 3)))
    assert parts.months == (d(2025, 2, 1), d(2025, 3, 31))
    assert parts.days == ((d(2025, 1, 15), d(2025, 1, 31)), (d(2025, 4, 1), d(2025, 4, 3)))
    inside = selectors.segments(selectors.Period(d(2025, 2, 3), d(2025, 2, 27)))
    assert inside.months[0] > inside.months[1]  # no whole month
    assert inside.days[0] == (d(2025, 2, 3), d(2025, 2, 27))
    exact = selectors.segments(selectors.Period(d(2024, 1, 1), d(2024, 12, 31)))
    assert exact.months == (d(2024, 1, 1), d(2024, 12, 31))
    assert all(start > end for start, end in exact.days)


def test_custom_period_and_the_series_unit_follow_its_length(world, country):
    scope = selectors.scope_choices(user=world.users["administrator"]).get("land")
    for days, unit in [(10, "day"), (62, "day"), (63, "week"), (366, "week"), (367, "month"), (400, "month")]:
        period = selectors.Period(TODAY - datetime.timedelta(days=days - 1), TODAY)
        figures = selectors.figures(scope=scope, period=period)
        assert figures.unit == unit
        assert figures.series[0].start == period.start and figures.series[-1].end == period.end
        _assert_matches(figures, None)


def test_the_same_period_a_year_earlier_gives_the_trend(world):
    location = world.location
    user = world.users["desk_worker"]
    d = datetime.date
    period = selectors.Period(d(2026, 3, 10), d(2026, 3, 16))
    assert period.previous == selectors.Period(d(2025, 3, 10), d(2025, 3, 16))
    for n, day in enumerate([period.start, period.end, period.end, period.previous.start]):
        services.visit_register(
            acting_user=user,
            **visit_data(location=location, day=day, idempotency_key=f"t{n}", questions=[question(), question()]),
        )
    for n, day in enumerate([period.previous.start - datetime.timedelta(days=1), period.start - datetime.timedelta(1)]):
        services.visit_register(acting_user=user, **visit_data(location=location, day=day, idempotency_key=f"o{n}"))
    scope = selectors.scope_choices(user=user).get(f"bibliotheek-{world.library.uuid}")
    figures = selectors.figures(scope=scope, period=period)
    assert (figures.visits.count, figures.visits.previous, figures.visits.difference) == (3, 1, 2)
    assert (figures.questions.count, figures.questions.previous, figures.questions.change_percent) == (6, 2, 200)


def test_a_running_period_ends_today_and_compares_with_the_same_days_a_year_earlier():
    day = datetime.date(2025, 11, 24)
    period = selectors.period_for("maand", day, today=day)
    assert period == selectors.Period(datetime.date(2025, 11, 1), day) and period.running
    assert period.previous == selectors.Period(datetime.date(2024, 11, 1), datetime.date(2024, 11, 24))
    assert selectors.period_for("kwartaal", datetime.date(2024, 5, 5), today=day) == selectors.Period(
        datetime.date(2024, 4, 1), datetime.date(2024, 6, 30)
    )
    assert selectors.period_for("week", datetime.date(2025, 11, 19), today=day).start == datetime.date(2025, 11, 17)


def test_municipality_user_sees_only_its_municipality_in_the_figures(world, country):
    user = world.users["municipality"]
    utrecht = country[2].municipality
    user.organisation.municipalities.set([utrecht])  # (the world's user serves world.location's)
    choices = selectors.scope_choices(user=user)
    assert set(choices.scopes) == {f"gemeente-{utrecht.uuid}"} | {
        f"vestiging-{loc.uuid}" for loc in country if loc.municipality == utrecht
    }
    figures = selectors.figures(scope=choices.default, period=selectors.period_for("jaar", TODAY, today=TODAY))
    utrecht_ids = [loc.pk for loc in country if loc.municipality == utrecht]
    _assert_matches(figures, utrecht_ids)
    everything = _direct(None, figures.period)
    assert 0 < figures.questions.count < everything["questions"]
    for key in [f"bibliotheek-{world.library.uuid}", f"vestiging-{world.location.uuid}", "land", "provincie-UT"]:
        with pytest.raises(Http404):
            choices.get(key)


def test_coordinator_sees_only_their_own_library(world, country):
    choices = selectors.scope_choices(user=world.users["coordinator"])
    own_ids = sorted(loc.pk for loc in country if loc.organisation == world.library)
    assert choices.default.key == f"bibliotheek-{world.library.uuid}"
    assert sorted(choices.default.location_ids) == own_ids
    figures = selectors.figures(scope=choices.default, period=selectors.period_for("jaar", TODAY, today=TODAY))
    _assert_matches(figures, own_ids)
    assert figures.questions.count < _direct(None, figures.period)["questions"]
    for key in [f"bibliotheek-{world.other_library.uuid}", f"vestiging-{world.other_location.uuid}", "land"]:
        with pytest.raises(Http404):
            choices.get(key)


def test_facilitator_sees_the_libraries_they_coach(world, country):
    choices = selectors.scope_choices(user=world.users["facilitator"])
    assert f"bibliotheek-{world.library.uuid}" in choices.scopes
    assert f"bibliotheek-{world.other_library.uuid}" in choices.scopes
    assert not any("Derde" in scope.label for scope in choices.scopes.values())  # not in their groups
    assert choices.default.key == "alles"


def test_rules_and_selectors_agree_on_every_branch(world, country):
    world.users["municipality"].organisation.municipalities.add(country[3].municipality)
    for role, user in world.users.items():
        visible = set(access.locations_visible_to(user, Purpose.FIGURES).values_list("pk", flat=True))
        for location in country:
            assert user.has_perm("registration.view_location_figures", location) == (location.pk in visible), (
                role,
                location,
            )
        assert user.has_perm("registration.view_figures")


def test_every_chart_spec_is_valid_vega_lite_with_a_dutch_summary(world, country):
    scope = selectors.scope_choices(user=world.users["administrator"]).get("land")
    figures = selectors.figures(scope=scope, period=selectors.period_for("jaar", TODAY, today=TODAY))
    for breakdown in figures.breakdowns:
        spec = charts.breakdown_spec(breakdown)
        alt.Chart.from_dict(spec, validate=True)  # raises on anything Vega-Lite does not know
        assert spec["description"] == charts.breakdown_summary(breakdown)
    alt.Chart.from_dict(charts.series_spec(figures), validate=True)
    assert charts.series_spec(figures)["description"] == charts.series_summary(figures)
    topic = figures.breakdowns[0]
    top = topic.rows[0]
    assert charts.breakdown_summary(topic) == f"De meeste vragen gingen over {top.label} ({top.share}%)."
    assert charts.series_summary(figures).startswith(f"In deze periode: {figures.visits.count} bezoeken")


def test_referrals_are_split_into_emb_programmes_and_partners(world):
    user = world.users["desk_worker"]
    for n, code in enumerate(["digisterker", "digisterker", "klik-en-tik", "welzijn"]):
        services.visit_register(
            acting_user=user,
            **visit_data(
                location=world.location,
                idempotency_key=f"r{n}",
                questions=[question(referral=category("doorverwijzing", code))],
            ),
        )
    scope = selectors.scope_choices(user=user).default
    referrals = selectors.figures(scope=scope, period=selectors.period_for("week", TODAY, today=TODAY)).referrals
    assert [(r.category.code, r.count, r.emb) for r in referrals.rows] == [
        ("digisterker", 2, True),
        ("klik-en-tik", 1, True),
        ("welzijn", 1, False),
    ]
    assert charts.breakdown_summary(referrals) == (
        "Er waren 4 doorverwijzingen: 3 naar een EMB-programma en 1 naar een partner; "
        "het vaakst naar Digisterker (cursus) (2)."
    )


def test_a_library_reads_its_own_rollups_not_the_rows_of_its_branches(world, country):
    """The largest library has some thirty branches: over five years their month rows were
    70,000 rows a page. A library scope reads the library's own day and month rows instead."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from plein.registration.models import DailyCount

    for user in ("administrator", "coordinator"):
        scope = selectors.scope_choices(user=world.users[user]).get(f"bibliotheek-{world.library.uuid}")
        assert scope.area == f"B-{world.library.pk}"
        period = selectors.Period(TODAY - datetime.timedelta(days=399), TODAY - datetime.timedelta(days=3))
        with CaptureQueriesContext(connection) as queries:
            figures = selectors.figures(scope=scope, period=period)
        assert not any(DailyCount._meta.db_table in q["sql"] for q in queries.captured_queries)
        _assert_matches(figures, scope.location_ids)
