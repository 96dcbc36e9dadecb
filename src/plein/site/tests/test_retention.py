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
    assert LogEntry.objects.get() == recent_entry
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
