"""Issue 14: `apply_retention` removes history past PLEIN_RETENTION_DAYS, never the IDO figures,
prints what it removed, and runs once a day however many instances start it."""

import datetime
from io import StringIO

import pytest
from auditlog.models import LogEntry
from axes.models import AccessFailureLog
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from plein.common.models import ScheduledRun
from plein.registration.models import DailyCount, Visit
from plein.registration.tests.factories import visit_data

pytestmark = pytest.mark.django_db


def _task(finished_at, status="SUCCESSFUL"):
    return DBTaskResult.objects.create(
        status=status,
        args_kwargs={"args": [], "kwargs": {}},
        task_path="plein.practicecases.tasks.send_case_digest",
        backend_name="default",
        queue_name="default",
        run_after=finished_at,
        finished_at=finished_at,
    )


def test_retention_removes_old_history_and_keeps_the_figures(world, settings):
    from plein.registration import services as registration

    settings.PLEIN_RETENTION_DAYS = 30
    now = timezone.now()
    old = now - datetime.timedelta(days=31)
    recent = now - datetime.timedelta(days=29)

    world.location.has_ido = True
    world.location.save()
    registration.visit_register(
        acting_user=world.users["desk_worker"], day=old.date(), **visit_data(world.location)
    )  # an IDO visit a month ago, with its rollups
    world.library.name = "Bibliotheek Oud"
    world.library.save()  # an audit log entry
    LogEntry.objects.update(timestamp=old)
    world.library.name = "Bibliotheek Nieuw"
    world.library.save()
    recent_entry = LogEntry.objects.latest("pk")
    for when in (old, recent):  # attempt_time is set on create
        failure = AccessFailureLog.objects.create(username="x@example.nl", ip_address="192.0.2.1")
        AccessFailureLog.objects.filter(pk=failure.pk).update(attempt_time=when)
    _task(old)
    running = _task(old, status="RUNNING")
    _task(recent)
    figures_before = list(DailyCount.objects.values_list("metric", "value").order_by("metric", "category_id"))
    assert LogEntry.objects.count() >= 2

    out = StringIO()
    call_command("apply_retention", stdout=out)
    text = out.getvalue()

    assert "history older than 30 days removed" in text
    kept = LogEntry.objects.exclude(pk=recent_entry.pk)
    assert recent_entry in LogEntry.objects.all()
    # Only who added an organisation stays (see the next test).
    assert {(e.content_type.model, e.action) for e in kept} <= {("organisation", LogEntry.Action.CREATE)}
    assert AccessFailureLog.objects.get().attempt_time == recent
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"RUNNING", "SUCCESSFUL"}
    assert DBTaskResult.objects.filter(pk=running.pk).exists()
    assert Visit.objects.count() == 1  # the anonymous registrations stay
    assert list(DailyCount.objects.values_list("metric", "value").order_by("metric", "category_id")) == figures_before
    assert "       1 failed logins" in text and "       1 finished background tasks" in text

    again = StringIO()
    call_command("apply_retention", stdout=again)
    assert again.getvalue() == "Another run has today already: nothing removed.\n"
    assert ScheduledRun.objects.filter(job="apply_retention").count() == 1


def test_retention_keeps_what_is_still_used(world, settings):
    """Failed before: the audit entry 'a facilitator's support organisation added this library'
    went with the rest of the history (and with it the facilitator's right to manage that
    library), and a short retention removed this week's claims of scheduled runs (so the
    weekly digest could run twice in one week)."""
    from plein.access.selectors import organisations_managed_by
    from plein.common.scheduling import claim, week_period
    from plein.organisations import services as organisation_services

    settings.PLEIN_RETENTION_DAYS = 1
    facilitator = world.users["facilitator"]
    added = organisation_services.organisation_create(
        acting_user=facilitator, name="Bibliotheek Lang Geleden", type="bibliotheek"
    )
    added.name = "Bibliotheek Lang Geleden (hernoemd)"
    added.save()
    LogEntry.objects.update(timestamp=timezone.now() - datetime.timedelta(days=800))
    assert organisations_managed_by(facilitator).filter(pk=added.pk).exists()

    digest = claim("send_case_digest", week_period())
    ScheduledRun.objects.filter(pk=digest.pk).update(started_at=timezone.now() - datetime.timedelta(days=3))

    call_command("apply_retention", stdout=StringIO())

    assert organisations_managed_by(facilitator).filter(pk=added.pk).exists()
    assert LogEntry.objects.filter(object_pk=str(added.pk), action=LogEntry.Action.UPDATE).count() == 0
    assert ScheduledRun.objects.filter(pk=digest.pk).exists()
    assert claim("send_case_digest", week_period()) is None  # still once this week


def test_retention_refuses_a_period_under_one_day():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="1 day or more"):
        call_command("apply_retention", days=0, stdout=StringIO())
    assert not LogEntry.objects.filter(action=LogEntry.Action.DELETE).exists()
