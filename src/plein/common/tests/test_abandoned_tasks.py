"""Issue 14: a task whose worker was killed (SIGKILL) stays RUNNING in django-tasks-db for ever;
`fail_abandoned_tasks` marks it FAILED with the reason, so monitoring sees it."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone


@pytest.mark.django_db
def test_a_task_left_running_by_a_killed_worker_is_marked_failed(settings):
    from django_tasks_db.models import DBTaskResult

    from plein.themegroups.tasks import send_meeting_reminder

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    killed, running, waiting = (send_meeting_reminder.enqueue(n, "x") for n in (1, 2, 3))
    DBTaskResult.objects.filter(pk=killed.id).update(
        status="RUNNING", started_at=timezone.now() - datetime.timedelta(hours=2), worker_ids=["w1"]
    )
    DBTaskResult.objects.filter(pk=running.id).update(
        status="RUNNING", started_at=timezone.now() - datetime.timedelta(minutes=5), worker_ids=["w2"]
    )
    out = StringIO()
    call_command("fail_abandoned_tasks", stdout=out)
    assert out.getvalue() == "1 abandoned tasks marked as failed.\n"
    statuses = {str(pk): status for pk, status in DBTaskResult.objects.values_list("pk", "status")}
    assert statuses == {killed.id: "FAILED", running.id: "RUNNING", waiting.id: "READY"}
    failed = DBTaskResult.objects.get(pk=killed.id)
    assert "w1" in failed.traceback and failed.finished_at is not None
