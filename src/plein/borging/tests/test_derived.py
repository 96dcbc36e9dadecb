"""The derived criteria of the borging scan: each status boundary, and a fixed number of queries."""

import datetime
import uuid

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from plein.actions.choices import ActionStatus
from plein.actions.tests.factories import ActionFactory
from plein.borging.derived import (
    DONE_AGREEMENTS,
    EMB,
    ONTWIKKELPLEIN,
    PARTNERS,
    REGISTRATION,
    CriterionStatus,
    derived_criteria,
    derived_criteria_for,
    iso_weeks,
    year_period,
)
from plein.emb.models import ConnectionAction, PortfolioEntry, Programme
from plein.emb.seed import IDO
from plein.emb.tests.factories import ConnectionFactory, PortfolioEntryFactory, ProgrammeFactory
from plein.guide.choices import AgreementStatus
from plein.guide.models import Partner, Step, StepState, Trajectory
from plein.guide.services import guide_seed_first_version
from plein.organisations.tests.factories import LocationFactory, OrganisationFactory
from plein.registration.services import visit_register
from plein.registration.tests.factories import category, question

NOW = datetime.datetime(2026, 3, 2, 10, tzinfo=datetime.UTC)
YEAR = 2025
DONE, PARTLY, NOT_YET = CriterionStatus.DONE, CriterionStatus.PARTLY, CriterionStatus.NOT_YET

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def _register(location, day, *, questions=1, referred=0):
    items = [
        question(referral=category("doorverwijzing", "welzijn")) if n < referred else question()
        for n in range(questions)
    ]
    visit_register(
        acting_user=None,
        location=location,
        channel=category("kanaal", "inloop"),
        duration=category("duur", "10-30"),
        questions=items,
        idempotency_key=uuid.uuid4().hex,
        day=day,
    )


def _week_day(week, year=YEAR, weekday=3):
    return datetime.date.fromisocalendar(year, week, weekday)


def _weeks(location, weeks, *, referred=3, extra_questions=13):
    """One visit in each of `weeks`; the first visit holds `extra_questions` more questions and
    the referrals. With 47 weeks: 60 questions, so 3 referred is exactly 5 %."""
    for n, week in enumerate(weeks):
        if n == 0:
            _register(location, _week_day(week), questions=1 + extra_questions, referred=referred)
        else:
            _register(location, _week_day(week))


def _registration(library):
    return derived_criteria(library=library, year=YEAR)[REGISTRATION]


# --- periods and weeks ------------------------------------------------------------------------


def test_iso_weeks_of_a_year():
    assert len(iso_weeks(2025, datetime.date(2025, 12, 31))) == 52
    assert len(iso_weeks(2026, datetime.date(2026, 12, 31))) == 52  # week 53 ends on 3 January
    assert len(iso_weeks(2026, datetime.date(2027, 1, 3))) == 53
    # the running year: the weeks over by yesterday (Sunday 1 March 2026 ends week 9)
    assert iso_weeks(2026, datetime.date(2026, 3, 1))[-1] == (2026, 9)
    assert len(iso_weeks(2026, datetime.date(2026, 2, 28))) == 8


def test_year_period():
    assert year_period(2025, today=datetime.date(2026, 3, 2)).end == datetime.date(2025, 12, 31)
    running = year_period(2026, today=datetime.date(2026, 3, 2))
    assert (running.end, running.running) == (datetime.date(2026, 3, 1), True)
    assert year_period(2026, today=datetime.date(2026, 1, 1)).days == 0


# --- registration discipline -----------------------------------------------------------------


def test_registration_done_at_the_boundaries():
    """5 of 52 weeks silent (9.6 %, at most 10 %) and exactly 5 % referred: op orde."""
    library = OrganisationFactory()
    branch = LocationFactory(organisation=library)
    LocationFactory(organisation=library, has_ido=False)  # a branch without an IDO does not count
    _weeks(branch, range(1, 48), referred=3)
    derived = _registration(library)
    assert derived.figures["weeks"] == 52
    assert derived.figures["weeks_without_registration"] == 5
    assert derived.figures["questions"] == 60
    assert derived.figures["referral_share"] == 5.0
    assert derived.status == DONE
    assert derived.figures["silent_weeks"] == ["2025-W48", "2025-W49", "2025-W50", "2025-W51", "2025-W52"]


def test_registration_partly_just_below_the_referral_share():
    library = OrganisationFactory()
    _weeks(LocationFactory(organisation=library), range(1, 48), referred=2)  # 3.3 %
    derived = _registration(library)
    assert derived.status == PARTLY
    assert "3,3%" in derived.summary


def test_registration_partly_with_one_week_too_many():
    library = OrganisationFactory()
    _weeks(LocationFactory(organisation=library), range(1, 47), referred=3, extra_questions=14)  # 6 silent weeks
    derived = _registration(library)
    assert derived.figures["weeks_without_registration"] == 6
    assert derived.status == PARTLY


def test_registration_partly_when_one_ido_branch_registers_nothing():
    library = OrganisationFactory()
    _weeks(LocationFactory(organisation=library), range(1, 48), referred=3)
    LocationFactory(organisation=library, name="Stil Filiaal")
    derived = _registration(library)
    assert derived.figures["branch_names_without_registration"] == ["Stil Filiaal"]
    assert derived.status == PARTLY
    assert "Stil Filiaal" in derived.summary


def test_registration_half_the_weeks_silent_is_partly_one_more_is_not_yet():
    library, other = OrganisationFactory(), OrganisationFactory()
    _weeks(LocationFactory(organisation=library), range(1, 27), referred=3)  # 26 silent: 50 %
    _weeks(LocationFactory(organisation=other), range(1, 26), referred=3)  # 27 silent
    both = derived_criteria_for(libraries=[library, other], year=YEAR)
    assert both[library.pk][REGISTRATION].status == PARTLY
    assert both[other.pk][REGISTRATION].status == NOT_YET


def test_registration_not_yet_without_branch_or_registrations():
    without_branch, silent = OrganisationFactory(), OrganisationFactory()
    LocationFactory(organisation=silent)
    both = derived_criteria_for(libraries=[without_branch, silent], year=YEAR)
    assert both[without_branch.pk][REGISTRATION].status == NOT_YET
    assert both[silent.pk][REGISTRATION].status == NOT_YET
    assert both[silent.pk][REGISTRATION].figures["questions"] == 0


def test_registration_counts_only_the_year_and_the_week_by_its_thursday():
    library = OrganisationFactory()
    branch = LocationFactory(organisation=library)
    _register(branch, datetime.date(2024, 12, 30))  # Monday of 2025-W01: the week counts, not the question
    _register(branch, datetime.date(2024, 12, 27))  # 2024-W52: nothing for 2025
    derived = _registration(library)
    assert derived.figures["weeks_without_registration"] == 51
    assert derived.figures["questions"] == 0


def test_registration_days_before_week_1_count_for_the_branch_not_for_a_week():
    """1 January 2027 is a Friday: 1–3 January are in week 53 of 2026. A registration on 2
    January makes the branch one that registers, but no week of 2027 has a registration."""
    library = OrganisationFactory()
    branch = LocationFactory(organisation=library)
    with time_machine.travel(datetime.datetime(2028, 1, 10, 10, tzinfo=datetime.UTC), tick=False):
        _register(branch, datetime.date(2027, 1, 2))
        _register(branch, datetime.date(2028, 1, 2))  # Sunday of 2027-W52
        derived = derived_criteria(library=library, year=2027)[REGISTRATION]
    assert derived.figures["branches_without_registration"] == 0
    assert derived.figures["weeks"] == 52
    assert derived.figures["weeks_without_registration"] == 51
    assert derived.figures["silent_weeks"][0] == "2027-W01"
    assert "2027-W52" not in derived.figures["silent_weeks"]


def test_registration_in_a_running_year_counts_the_weeks_so_far():
    library = OrganisationFactory()
    branch = LocationFactory(organisation=library)
    for week in range(1, 10):
        _register(branch, _week_day(week, 2026, weekday=4), questions=4, referred=2 if week == 1 else 0)
    derived = derived_criteria(library=library, year=2026)[REGISTRATION]
    assert derived.figures["weeks"] == 9
    assert derived.figures["weeks_without_registration"] == 0
    assert derived.figures["period_end"] == "2026-03-01"
    assert derived.figures["referral_share"] == 5.6  # 2 of 36
    assert derived.status == DONE


# --- the IDO and the EMB ---------------------------------------------------------------------


def _ido_programme():
    return Programme.objects.get(key=IDO, library__isnull=True)


IN_YEAR = datetime.datetime(2025, 5, 1, 12, tzinfo=datetime.UTC)


def _connection(**kwargs):
    return ConnectionFactory(created_at=IN_YEAR, **kwargs)


def _emb(library):
    return derived_criteria(library=library, year=YEAR)[EMB]


def _done_action(library, completed=datetime.datetime(2025, 6, 1, 12, tzinfo=datetime.UTC)):
    return ActionFactory(library=library, status=ActionStatus.DONE, completed_at=completed)


def test_emb_statuses():
    library = OrganisationFactory()
    assert _emb(library).status == NOT_YET  # no IDO in the portfolio

    ido = PortfolioEntryFactory(library=library, programme=_ido_programme())
    other = PortfolioEntryFactory(library=library, programme=ProgrammeFactory())
    assert _emb(library).status == NOT_YET  # no connection
    ConnectionFactory(library=library, source=ido, target=other, kind="promotie")  # made after the year
    assert _emb(library).status == NOT_YET

    outgoing = _connection(library=library, source=ido, target=other)
    assert _emb(library).status == PARTLY  # one way only

    incoming = _connection(library=library, source=other, target=ido)
    ConnectionAction.objects.create(connection=outgoing, action=ActionFactory(library=library))
    derived = _emb(library)
    assert derived.status == PARTLY  # both ways, but no action done
    assert derived.figures == {
        "ido_in_portfolio": True,
        "connections": 2,  # not the one made after the year
        "from_ido": 1,
        "to_ido": 1,
        "actions": 1,
        "actions_done": 0,
    }

    late = _done_action(library, completed=datetime.datetime(2026, 1, 5, tzinfo=datetime.UTC))
    ConnectionAction.objects.create(connection=incoming, action=late)
    assert _emb(library).status == PARTLY  # finished only after the year

    ConnectionAction.objects.create(connection=incoming, action=_done_action(library))
    derived = _emb(library)
    assert derived.status == DONE
    assert derived.figures["actions_done"] == 1


def test_emb_and_guide_count_what_was_done_today_in_the_running_year():
    """Registrations of the running year stop at yesterday; a connection, action or step made
    today already counts (the coordinator sees the scan change)."""
    guide_seed_first_version()
    library = OrganisationFactory()
    ido = PortfolioEntryFactory(library=library, programme=_ido_programme())
    other = PortfolioEntryFactory(library=library, programme=ProgrammeFactory())
    ConnectionFactory(library=library, source=ido, target=other)  # made now
    linked = ConnectionFactory(library=library, source=other, target=ido)
    ConnectionAction.objects.create(connection=linked, action=_done_action(library, completed=timezone.now()))
    trajectory = Trajectory.objects.create(library=library, name="Route")
    for step in Step.objects.order_by("phase__order", "order")[:12]:
        StepState.objects.create(trajectory=trajectory, step=step, step_key=step.key, done_at=timezone.now())
    running = derived_criteria(library=library, year=2026)
    assert running[EMB].status == DONE
    assert running[ONTWIKKELPLEIN].status == DONE
    last_year = derived_criteria(library=library, year=YEAR)
    assert last_year[EMB].status == NOT_YET
    assert last_year[ONTWIKKELPLEIN].status == NOT_YET


def test_emb_connections_between_other_programmes_do_not_count():
    library = OrganisationFactory()
    PortfolioEntryFactory(library=library, programme=_ido_programme())
    _connection(library=library)  # two other programmes
    assert _emb(library).status == NOT_YET


# --- the Ontwikkelplein ---------------------------------------------------------------------


def _route(library, steps_done, name="Route"):
    trajectory = Trajectory.objects.create(library=library, name=name)
    done_at = timezone.make_aware(datetime.datetime(2025, 5, 1))
    for step in Step.objects.order_by("phase__order", "order")[:steps_done]:
        StepState.objects.create(trajectory=trajectory, step=step, step_key=step.key, done_at=done_at)
    return trajectory


@pytest.mark.parametrize(("steps_done", "status"), [(12, DONE), (11, PARTLY), (4, PARTLY), (3, NOT_YET)])
def test_ontwikkelplein_boundaries(steps_done, status):
    guide_seed_first_version()
    assert Step.objects.count() == 16  # 75 % is 12 steps, 25 % is 4
    library = OrganisationFactory()
    _route(library, 2, name="Andere route")
    _route(library, steps_done)
    derived = derived_criteria(library=library, year=YEAR)[ONTWIKKELPLEIN]
    assert derived.status == status
    assert derived.figures["steps_done"] == steps_done
    assert derived.figures["best_route"] == "Route"


def test_ontwikkelplein_without_route():
    guide_seed_first_version()
    assert derived_criteria(library=OrganisationFactory(), year=YEAR)[ONTWIKKELPLEIN].status == NOT_YET


# --- partners -----------------------------------------------------------------------------


def _partners(library):
    return derived_criteria(library=library, year=YEAR)[PARTNERS]


def test_partner_statuses():
    library = OrganisationFactory()
    assert _partners(library).status == NOT_YET

    welfare = OrganisationFactory(name="Welzijn Midden")
    entry = PortfolioEntryFactory(library=library, programme=_ido_programme(), other_partners="Sociaal Raadslieden, ")
    entry.partners.add(welfare)
    derived = _partners(library)
    assert derived.status == PARTLY  # partners, no agreement
    assert derived.figures["partners"] == 2

    route = Trajectory.objects.create(library=library, name="Route")
    # the same organisation in the guide and the EMB counts once, with the guide's agreement
    Partner.objects.create(trajectory=route, organisation=welfare, name="Welzijn", agreement=AgreementStatus.SIGNED)
    Partner.objects.create(trajectory=route, name="sociaal raadslieden", agreement=AgreementStatus.AGREED)
    Partner.objects.create(trajectory=route, name="Schuldhulp", agreement=AgreementStatus.TALKING)
    derived = _partners(library)
    assert derived.figures["partners"] == 3
    assert derived.figures["with_agreement"] == DONE_AGREEMENTS - 1
    assert derived.status == PARTLY

    Partner.objects.create(trajectory=route, name="Taalhuis", agreement=AgreementStatus.AGREED)
    derived = _partners(library)
    assert derived.figures["with_agreement"] == DONE_AGREEMENTS
    assert derived.figures["signed"] == 1
    assert derived.status == DONE


# --- queries --------------------------------------------------------------------------------


def _full_library():
    library = OrganisationFactory()
    branch = LocationFactory(organisation=library)
    _weeks(branch, range(1, 6), referred=1)
    ido = PortfolioEntryFactory(library=library, programme=_ido_programme())
    other = PortfolioEntryFactory(library=library, programme=ProgrammeFactory())
    connection_ = _connection(library=library, source=ido, target=other)
    ConnectionAction.objects.create(connection=connection_, action=_done_action(library))
    ido.partners.add(OrganisationFactory())
    route = _route(library, 5)
    Partner.objects.create(trajectory=route, name="Partner", agreement=AgreementStatus.AGREED)
    return library


def _queries(libraries) -> int:
    with CaptureQueriesContext(connection) as ctx:
        derived_criteria_for(libraries=libraries, year=YEAR)
    return len(ctx.captured_queries)


def test_fixed_number_of_queries_for_one_or_many_libraries():
    guide_seed_first_version()
    one = [_full_library()]
    few = _queries(one)
    many = one + [_full_library() for _i in range(4)]
    assert _queries(many) == few
    assert few <= 14
    assert PortfolioEntry.objects.count() == 10
