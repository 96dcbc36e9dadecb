"""Issue 14: scheduled work (reminders, the weekly digest, retention) runs exactly once,
however many instances start it at the same moment."""

import datetime
import threading
from concurrent.futures import ThreadPoolExecutor
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection, connections
from django.utils import timezone

from plein.accounts.choices import NotificationFrequency
from plein.common.models import ScheduledRun
from plein.common.scheduling import run_once, week_period
from plein.practicecases import services as case_services
from plein.practicecases.tests.factories import PracticeCaseFactory
from plein.themegroups.tests.factories import MeetingFactory


def _weekly_news(world):
    world.users["desk_worker"].notification_frequency = NotificationFrequency.WEEKLY
    world.users["desk_worker"].save()
    PracticeCaseFactory(group=world.group, library=world.library, title="Nieuwe casus")
    mail.outbox.clear()


def _run(command) -> str:
    out = StringIO()
    call_command(command, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_a_second_instance_starting_the_digest_while_the_first_runs_sends_nothing(world, monkeypatch):
    """Failed before: the second instance read the same DigestLog and sent every digest again."""
    _weekly_news(world)
    original = case_services.send_case_digests
    second = []

    def first_instance(**kwargs):
        second.append(_run("send_case_digest"))  # another instance starts now
        return original(**kwargs)

    monkeypatch.setattr(case_services, "send_case_digests", first_instance)
    assert _run("send_case_digest") == "1 digest e-mails sent.\n"
    assert second == ["Another run has this week already: nothing sent.\n"]
    assert [m.to for m in mail.outbox] == [[world.users["desk_worker"].email]]
    run = ScheduledRun.objects.get()
    assert (run.job, run.period, run.result) == ("send_case_digest", week_period(), "1 sent")
    assert run.finished_at is not None


@pytest.mark.django_db
def test_a_second_instance_starting_the_reminders_in_the_same_hour_sends_nothing(
    world, monkeypatch, django_capture_on_commit_callbacks
):
    soon = timezone.now() + datetime.timedelta(days=2)
    MeetingFactory(group=world.group, starts_at=soon, ends_at=soon + datetime.timedelta(hours=2))
    from plein.themegroups.management.commands import send_reminders

    original = send_reminders.send_due_reminders
    second = []

    def first_instance():
        second.append(_run("send_reminders"))
        return original()

    monkeypatch.setattr(send_reminders, "send_due_reminders", first_instance)
    with django_capture_on_commit_callbacks(execute=True):
        assert _run("send_reminders") == "3 reminder e-mails sent.\n"
    assert second == ["Another run has this hour already: nothing sent.\n"]
    assert len(mail.outbox) == 3


@pytest.mark.django_db
def test_a_failed_run_gives_its_period_back():
    with pytest.raises(RuntimeError), run_once("job", "2026-W49") as run:
        assert run.claimed
        raise RuntimeError("mail server down")
    assert not ScheduledRun.objects.exists()
    with run_once("job", "2026-W49") as run:
        assert run.claimed
        run.result = "done"
    with run_once("job", "2026-W49") as again:
        assert not again.claimed


@pytest.mark.django_db(transaction=True)
def test_two_instances_at_the_same_moment_send_the_digest_once(world):
    """Two connections start the digest at one moment (PostgreSQL: bin/with-postgres.sh)."""
    if connection.vendor != "postgresql":
        pytest.skip("parallel connections need PostgreSQL; SQLite is covered by the tests above")
    _weekly_news(world)
    start = threading.Barrier(4)

    def instance():
        start.wait()
        try:
            return _run("send_case_digest")
        finally:
            connections.close_all()

    with ThreadPoolExecutor(4) as pool:
        outputs = sorted(pool.map(lambda _i: instance(), range(4)))
    assert outputs.count("1 digest e-mails sent.\n") == 1
    assert outputs.count("Another run has this week already: nothing sent.\n") == 3
    assert [m.to for m in mail.outbox] == [[world.users["desk_worker"].email]]
