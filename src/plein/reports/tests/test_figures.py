"""The report's figures equal direct counts on the raw registrations, for the library's IDO
branches in one municipality only, and cost a fixed number of queries."""

import datetime
import json
import random
import uuid

import pytest
import time_machine
from django.db import connection
from django.db.models import Count, Q
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from plein.actions.choices import ActionStatus
from plein.actions.tests.factories import ActionFactory
from plein.organisations.choices import Province
from plein.organisations.tests.factories import LocationFactory, MunicipalityFactory, OrganisationFactory
from plein.registration.models import Category, Question, Visit
from plein.registration.services import visit_register
from plein.reports.figures import BREAKDOWN_KEYS, figures_csv_rows, report_figures, report_period
from plein.themegroups.models import Attendance
from plein.themegroups.tests.factories import GroupMembershipFactory, MeetingFactory, ThemeGroupFactory

NOW = datetime.datetime(2026, 3, 2, 10, tzinfo=datetime.UTC)
YEAR = 2025

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def _categories():
    by_kind = {}
    for category in Category.objects.all():
        by_kind.setdefault(category.kind, []).append(category)
    return by_kind


def _register(location, day, rng, cats, n_questions=None):
    questions = []
    for _i in range(n_questions or rng.randint(1, 3)):
        question = {
            "domain": rng.choice(cats["domein"]),
            "topic": rng.choice(cats["onderwerp"]),
            "help": rng.choice(cats["hulp"]),
            "organisation": rng.choice([None, *cats["organisatie"]]),
            "digid_follow_up": rng.choice([None, None, *cats["digid"]]),
            "referral": rng.choice([None, None, *cats["doorverwijzing"]]),
        }
        questions.append(question)
    visit_register(
        acting_user=None,
        location=location,
        channel=rng.choice(cats["kanaal"]),
        duration=rng.choice(cats["duur"]),
        questions=questions,
        idempotency_key=uuid.uuid4().hex,
        day=day,
    )


def _days(rng, n):
    """Days in 2024 and 2025 (and a few in 2026), with the edges of the years among them."""
    fixed = [
        datetime.date(2024, 1, 1),
        datetime.date(2024, 12, 31),
        datetime.date(2025, 1, 1),
        datetime.date(2025, 12, 31),
        datetime.date(2024, 2, 29),
        datetime.date(2026, 1, 1),
    ]
    start = datetime.date(2024, 1, 1)
    return fixed + [start + datetime.timedelta(days=rng.randrange(0, 790)) for _i in range(n)]


@pytest.fixture
def places():
    """Three municipalities (two in Zuid-Holland, one in Utrecht); the library serves two of
    them with one IDO branch in each, plus a branch without an IDO; other libraries register
    in the same municipalities."""
    gouda = MunicipalityFactory(name="Gouda", province=Province.ZUID_HOLLAND)
    waddinxveen = MunicipalityFactory(name="Waddinxveen", province=Province.ZUID_HOLLAND)
    utrecht = MunicipalityFactory(name="Utrecht", province=Province.UTRECHT)
    library = OrganisationFactory(name="Bibliotheek Midden-Holland")
    library.municipalities.add(gouda, waddinxveen)
    other = OrganisationFactory(name="Bibliotheek Anders")
    branches = {
        "gouda": LocationFactory(organisation=library, municipality=gouda, name="Gouda Centrum"),
        "waddinxveen": LocationFactory(organisation=library, municipality=waddinxveen, name="Waddinxveen"),
        "other_gouda": LocationFactory(organisation=other, municipality=gouda, name="Ander in Gouda"),
        "utrecht": LocationFactory(organisation=other, municipality=utrecht, name="Utrecht Centrum"),
    }
    return library, gouda, waddinxveen, utrecht, branches


def _fill(branches, visits_per_branch, seed=7):
    rng, cats = random.Random(seed), _categories()
    for location in branches.values():
        for day in _days(rng, visits_per_branch):
            _register(location, day, rng, cats)


FIELDS = {
    "domain": "domain",
    "topic": "topic",
    "organisation": "organisation",
    "help": "help",
    "digid_follow_up": "digid_follow_up",
    "referral": "referral",
}


def _raw(location_ids, start, end):
    """Direct counts on Visit and Question rows."""
    visits = Visit.objects.filter(location_id__in=location_ids, day__gte=start, day__lte=end, pending=False)
    questions = Question.objects.filter(visit__in=visits)
    out = {"visits": visits.count(), "questions": questions.count()}
    for key, field in FIELDS.items():
        out[key] = dict(
            questions.filter(**{f"{field}__isnull": False}).values_list(f"{field}__code").annotate(n=Count("pk"))
        )
    out["channel"] = dict(visits.values_list("channel__code").annotate(n=Count("pk")))
    out["duration"] = dict(visits.values_list("duration__code").annotate(n=Count("pk")))
    out["referred"] = questions.filter(referral__isnull=False).count()
    out["to_emb"] = questions.filter(referral__programme__isnull=False).count()
    out["digid"] = questions.filter(digid_follow_up__isnull=False).count()
    out["national_gov"] = questions.filter(
        Q(organisation__code__in=["belastingdienst", "toeslagen", "uwv", "svb", "duo", "cak", "cjib", "cbr", "rdw"])
    ).count()
    return out


def _check(data, location_ids, start, end, *, previous=False):
    raw = _raw(location_ids, start, end)
    key = "previous" if previous else "count"
    assert data["visits"][key] == raw["visits"]
    assert data["questions"][key] == raw["questions"]
    for name, _kind in BREAKDOWN_KEYS:
        counted = {r["code"]: r[key] for r in data["breakdowns"][name]["rows"] if r[key]}
        assert counted == raw[name], name
    referrals = data["referrals"]
    assert referrals["previous_referred" if previous else "referred"] == raw["referred"]
    assert referrals["previous_to_emb" if previous else "to_emb"] == raw["to_emb"]
    layers = {r["code"]: r[key] for r in data["breakdowns"]["government_layer"]["rows"]}
    assert layers["rijk"] == raw["national_gov"]
    summary = {f["key"]: f for f in data["summary"]}
    value = "previous" if previous else "value"
    assert summary["visits"][value] == raw["visits"]
    assert summary["share_digid"][value] == round(100 * raw["digid"] / raw["questions"], 1)
    assert summary["share_referred"][value] == round(100 * raw["referred"] / raw["questions"], 1)


def test_figures_equal_direct_counts_per_municipality(places):
    library, gouda, waddinxveen, utrecht, branches = places
    _fill(branches, 25)
    assert Category.objects.filter(kind="doorverwijzing", programme__isnull=False).exists()  # EMB links seeded

    for municipality, branch in ((gouda, "gouda"), (waddinxveen, "waddinxveen")):
        data = report_figures(library=library, municipality=municipality, year=YEAR)
        ids = [branches[branch].pk]
        # only this municipality's branch of this library: not the other library's in Gouda
        _check(data, ids, datetime.date(2025, 1, 1), datetime.date(2025, 12, 31))
        _check(data, ids, datetime.date(2024, 1, 1), datetime.date(2024, 12, 31), previous=True)
        assert [b["name"] for b in data["branches"]] == [branches[branch].name]
        assert data["period"] == {
            "start": "2025-01-01",
            "end": "2025-12-31",
            "running": False,
            "complete": True,
            "days": 365,
            "made_on": "2026-03-02",
            "note": "",
        }
        # province: the three Zuid-Holland branches; the country: all four
        zh = [branches[k].pk for k in ("gouda", "waddinxveen", "other_gouda")]
        raw_zh = _raw(zh, datetime.date(2025, 1, 1), datetime.date(2025, 12, 31))
        raw_nl = _raw([b.pk for b in branches.values()], datetime.date(2025, 1, 1), datetime.date(2025, 12, 31))
        assert data["questions"]["province"] == raw_zh["questions"]
        assert data["questions"]["national"] == raw_nl["questions"]
        topic = {r["code"]: r for r in data["breakdowns"]["topic"]["rows"]}
        for code, n in raw_nl["topic"].items():
            assert topic[code]["national_share"] == round(100 * n / raw_nl["questions"], 1)
        for code, n in raw_zh["topic"].items():
            assert topic[code]["province_share"] == round(100 * n / raw_zh["questions"], 1)
        # JSON round trip gives the same dict: only plain types
        assert json.loads(json.dumps(data)) == data


def test_running_year_ends_yesterday_and_says_so(places):
    library, gouda, _w, _u, branches = places
    _fill(branches, 10)
    data = report_figures(library=library, municipality=gouda, year=2026)
    assert data["period"]["end"] == "2026-03-01"
    assert data["period"]["running"] is True
    assert "2026-03-01" in data["period"]["note"]
    assert data["previous_period"] == {"start": "2025-01-01", "end": "2025-03-01"}
    _check(data, [branches["gouda"].pk], datetime.date(2026, 1, 1), datetime.date(2026, 3, 1))
    _check(data, [branches["gouda"].pk], datetime.date(2025, 1, 1), datetime.date(2025, 3, 1), previous=True)


def test_report_period_edges():
    assert report_period(2026, today=datetime.date(2026, 1, 1)).days == 0  # nothing is over yet
    assert report_period(2026, today=datetime.date(2026, 1, 2)).end == datetime.date(2026, 1, 1)
    assert report_period(2025, today=datetime.date(2026, 1, 1)).running is False


def test_municipality_without_branches_is_all_zero(places):
    library, _g, _w, utrecht, branches = places
    _fill(branches, 5)
    data = report_figures(library=library, municipality=utrecht, year=YEAR)
    assert data["visits"]["count"] == 0
    assert data["branches"] == []
    assert data["questions"]["province"] > 0  # Utrecht's province still counted
    assert json.loads(json.dumps(data)) == data


def test_theme_groups_and_actions(places):
    library, gouda, *_rest = places
    group = ThemeGroupFactory(name="IDO en de EMB")
    GroupMembershipFactory(group=group, library=library, joined_at=timezone.make_aware(datetime.datetime(2024, 5, 1)))
    in_year = [
        MeetingFactory(group=group, starts_at=timezone.make_aware(datetime.datetime(2025, m, 10, 14)))
        for m in (2, 5, 9)
    ]
    outside = MeetingFactory(group=group, starts_at=timezone.make_aware(datetime.datetime(2024, 11, 10, 14)))
    Attendance.objects.create(meeting=in_year[0], library=library, attended=True, people=2)
    Attendance.objects.create(meeting=in_year[1], library=library, attended=False)
    Attendance.objects.create(meeting=in_year[2], library=library, attended=True, people=1)
    Attendance.objects.create(meeting=outside, library=library, attended=True)
    ActionFactory(library=library, title="Spreekuur in Waddinxveen", status=ActionStatus.PLANNED)
    ActionFactory(library=library, title="Folder vernieuwen", status=ActionStatus.IDEA)
    ActionFactory(
        library=library,
        title="Klaar",
        status=ActionStatus.DONE,
        completed_at=timezone.make_aware(datetime.datetime(2025, 6, 1)),
    )
    ActionFactory(title="Van een ander", status=ActionStatus.IDEA)

    data = report_figures(library=library, municipality=gouda, year=YEAR)
    assert data["theme_groups"]["groups"] == [
        {"uuid": str(group.uuid), "name": "IDO en de EMB", "meetings": 3, "attended": 2, "people": 3}
    ]
    assert data["theme_groups"]["attended"] == 2
    assert data["actions"]["open"] == 2
    assert data["actions"]["done_in_period"] == 1
    assert sorted(a["title"] for a in data["actions"]["items"]) == ["Folder vernieuwen", "Spreekuur in Waddinxveen"]


def _queries(**kwargs) -> int:
    with CaptureQueriesContext(connection) as ctx:
        report_figures(**kwargs)
    return len(ctx.captured_queries)


def test_fixed_number_of_queries_at_two_sizes(places):
    library, gouda, *_rest, branches = places
    _fill(branches, 2, seed=1)
    small = _queries(library=library, municipality=gouda, year=YEAR)
    _fill(branches, 40, seed=2)
    group = ThemeGroupFactory()
    GroupMembershipFactory(group=group, library=library)
    for m in range(1, 6):
        meeting = MeetingFactory(group=group, starts_at=timezone.make_aware(datetime.datetime(2025, m, 3, 10)))
        Attendance.objects.create(meeting=meeting, library=library, attended=True)
    for _i in range(5):
        ActionFactory(library=library)
    large = _queries(library=library, municipality=gouda, year=YEAR)
    assert small == large
    assert large <= 22


def test_csv_rows_hold_every_key_figure(places):
    library, gouda, _w, _u, branches = places
    _fill(branches, 5)
    data = report_figures(library=library, municipality=gouda, year=YEAR)
    rows = figures_csv_rows(data)
    assert len(rows[0]) == 6
    assert all(len(r) == 6 for r in rows)
    key_rows = rows[3:8]  # after the header and the two period rows
    assert [(r[1], r[2]) for r in key_rows] == [(f["label"], f["value"]) for f in data["summary"]]
