"""seed_scale: a national data set for benchmarks, made quickly with raw SQL (COPY on
PostgreSQL), that still follows every rule of the registrations and never mixes into a real
database."""

import datetime
from collections import Counter
from io import StringIO

import pytest
from auditlog.models import LogEntry
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.models import Count
from django.utils import timezone

from plein.accounts.tests.factories import UserFactory
from plein.organisations.models import Location, Organisation
from plein.organisations.tests.factories import OrganisationFactory
from plein.registration import services
from plein.registration.models import AreaCount, DailyCount, Question, Visit
from plein.registration.scale import apportion, window

from .factories import visit_data
from .test_rollups import _assert_rollups_exact

pytestmark = pytest.mark.django_db

SMALL = ["--organisations", "5", "--locations", "12", "--ido-locations", "10", "--questions", "3000", "--years", "1"]


def _seed(*extra):
    out = StringIO()
    call_command("seed_scale", *SMALL, *extra, stdout=out)
    return out.getvalue()


def test_a_small_national_data_set_follows_the_rules_and_its_rollups_are_exact():
    audit_entries = LogEntry.objects.count()
    output = _seed()
    assert "seed_scale: 3,000 questions in" in output and "at 10 IDO branches" in output

    assert Organisation.objects.filter(name__startswith="Schaalbibliotheek ").count() == 5
    assert Location.objects.count() == 12 and Location.objects.filter(has_ido=True).count() == 10
    for location in Location.objects.select_related("municipality", "organisation"):
        assert location.municipality.province == location.organisation.province
        assert location.organisation.municipalities.filter(pk=location.municipality_id).exists()

    assert Question.objects.count() == 3000
    visits = Visit.objects.count()
    assert 1800 < visits < 2600  # mostly one question per visit
    assert not Visit.objects.filter(location__has_ido=False).exists()
    assert not Visit.objects.filter(questions__isnull=True).exists()
    assert Visit.objects.filter(registered_by__isnull=True).count() == visits
    first, last = window(1)
    assert last == timezone.localdate()
    assert not Visit.objects.filter(day__lt=first).exists()
    assert not Visit.objects.filter(day__gt=last).exists()
    assert not Visit.objects.filter(created_at__gt=timezone.now()).exists()
    for visit in Visit.objects.all()[:50]:
        assert timezone.localtime(visit.created_at).date() == visit.day

    per_weekday = Counter(day.weekday() for day in Visit.objects.values_list("day", flat=True))
    assert per_weekday[6] < per_weekday[5] < per_weekday[0]  # Sunday < Saturday < Monday

    # The categories hang together: a DigiD follow-up only with DigiD, a referral only with
    # "doorverwijzing", and about one question in eight is referred.
    assert not Question.objects.filter(digid_follow_up__isnull=False).exclude(topic__code="digid").exists()
    assert not Question.objects.filter(referral__isnull=False).exclude(help__code="doorverwijzing").exists()
    assert not Question.objects.filter(referral__isnull=True, help__code="doorverwijzing").exists()
    assert 0.08 < Question.objects.filter(referral__isnull=False).count() / 3000 < 0.18
    topics = dict(Question.objects.values_list("topic__code").annotate(n=Count("pk")))
    assert max(topics, key=topics.get) == "digid"
    assert (
        not Question.objects.filter(topic__code="belastingen")
        .exclude(organisation__code="belastingdienst")
        .exclude(organisation__isnull=True)
        .exists()
    )

    _assert_rollups_exact()
    assert LogEntry.objects.count() == audit_entries  # bulk rows stay out of the audit log

    # The id sequences moved on (PostgreSQL): the desk registers the next visit as usual.
    seeded = Visit.objects.latest("pk")
    assert seeded.idempotency_key == f"scale-{seeded.pk}"
    new, created = services.visit_register(
        acting_user=UserFactory(desk_worker=True), **visit_data(location=Location.objects.filter(has_ido=True).first())
    )
    assert created and new.pk > seeded.pk
    assert new.questions.get().pk > Question.objects.exclude(visit=new).latest("pk").pk


def _schema():
    with connection.cursor() as cursor:
        return {
            model._meta.db_table: connection.introspection.get_constraints(cursor, model._meta.db_table)
            for model in (Visit, Question, DailyCount, AreaCount)
        }


def test_the_indexes_and_foreign_keys_dropped_for_the_load_come_back():
    before = _schema()
    assert any(c["foreign_key"] for c in before["registration_question"].values())
    assert any(c["index"] and not c["unique"] for c in before["registration_visit"].values())
    _seed()
    assert _schema() == before


def test_it_refuses_a_database_with_other_data_unless_told_and_never_with_users_and_debug_off(settings):
    library = OrganisationFactory(name="Bibliotheek Echt")
    with pytest.raises(CommandError, match="--yes"):
        _seed()
    assert not Visit.objects.exists() and Organisation.objects.count() == 1

    UserFactory(organisation=library)
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        _seed("--yes")
    assert not Visit.objects.exists() and Organisation.objects.count() == 1

    settings.DEBUG = True  # a development database: then it may add to it
    _seed("--yes")
    assert Question.objects.count() == 3000 and Organisation.objects.filter(name="Bibliotheek Echt").exists()


def test_it_refuses_to_seed_twice():
    _seed()
    with pytest.raises(CommandError, match="already run"):
        _seed("--yes")
    assert Question.objects.count() == 3000


def test_bad_numbers_are_refused():
    with pytest.raises(CommandError):
        call_command("seed_scale", "--organisations", "5", "--locations", "3", stdout=StringIO())
    with pytest.raises(CommandError):
        call_command("seed_scale", "--locations", "10", "--ido-locations", "11", stdout=StringIO())


def test_apportion_is_exact_and_respects_the_minimum():
    assert apportion(10, [1, 1, 1]) in ([4, 3, 3], [3, 4, 3], [3, 3, 4])
    assert sum(apportion(150, [3.8, 2.95, 0.39], minimum=1)) == 150
    assert apportion(5, [10, 0, 0], minimum=1) == [3, 1, 1]
    assert apportion(0, [1, 2]) == [0, 0]


def test_the_window_ends_today():
    assert window(5, datetime.date(2026, 2, 28)) == (datetime.date(2021, 3, 1), datetime.date(2026, 2, 28))
    assert window(1, datetime.date(2028, 2, 29)) == (datetime.date(2027, 3, 1), datetime.date(2028, 2, 29))
