"""Issue 14: every reminder e-mail goes out exactly once per person, whichever worker is killed
and however many run it (the operations drill lost 2 of 1,320 when a worker was killed while
the batch went out: the meeting was marked reminded first, and nothing sent the rest again)."""

import datetime
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from io import StringIO

import pytest
from django.core import mail
from django.core.mail.backends import locmem
from django.core.management import call_command
from django.db import connection, connections
from django.utils import timezone

from plein.accounts.tests.factories import UserFactory
from plein.themegroups import services
from plein.themegroups.models import Meeting, ReminderDelivery

from .factories import MeetingFactory


class Killed(BaseException):
    """Stands for SIGKILL: nothing in Plein catches it, the transaction in flight is lost."""


def _soon_meeting(world, extra_people=5):
    for n in range(extra_people):
        UserFactory(desk_worker=True, organisation=world.library, email=f"balie{n}@test.plein.example")
    soon = timezone.now() + datetime.timedelta(days=2)
    meeting = MeetingFactory(group=world.group, starts_at=soon, ends_at=soon + datetime.timedelta(hours=2))
    return meeting, services.meeting_recipients(meeting)


def _fail_at(monkeypatch, k, error):
    """The mail server takes k - 1 messages, then the k-th send raises (once)."""
    original = locmem.EmailBackend.send_messages
    calls = {"n": 0}

    def send_messages(self, messages):
        sent = 0
        for message in messages:
            calls["n"] += 1
            if calls["n"] == k:
                raise error
            sent += original(self, [message])
        return sent

    monkeypatch.setattr(locmem.EmailBackend, "send_messages", send_messages)


def _addresses():
    """Reminders in the outbox per address."""
    return Counter(m.to[0].lower() for m in mail.outbox if "Herinnering" in m.subject or "Reminder" in m.subject)


@pytest.mark.django_db
@pytest.mark.parametrize("error", [Killed(), ConnectionRefusedError("mail server down")], ids=["killed", "smtp"])
@pytest.mark.parametrize("k", [1, 4, 8])
def test_a_run_interrupted_after_k_of_n_is_finished_by_the_next_run(
    world, monkeypatch, django_capture_on_commit_callbacks, k, error
):
    """Failed before: the meeting was marked reminded before the e-mails went out, so the next
    run sent nothing and n - k + 1 people never had their reminder."""
    meeting, recipients = _soon_meeting(world)
    n = len(recipients)
    assert n == 8
    _fail_at(monkeypatch, k, error)
    with pytest.raises(type(error)), django_capture_on_commit_callbacks(execute=True):
        services.send_due_reminders()
    assert len(mail.outbox) == k - 1
    first = _addresses()
    mail.outbox.clear()
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_reminders", stdout=out)  # the hourly run (the failed run gave its hour back)
    assert out.getvalue() == f"{n - k + 1} reminder e-mails sent.\n"
    assert sorted(first + _addresses()) == sorted(r.lower() for r in recipients)
    assert max((first + _addresses()).values()) == 1
    meeting.refresh_from_db()
    assert meeting.reminder_sent_at is not None
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_due_reminders() == 0
    assert mail.outbox == []


@pytest.mark.django_db
def test_a_retried_task_sends_only_what_the_killed_one_did_not(world, monkeypatch):
    from plein.themegroups.tasks import send_meeting_reminder

    meeting, recipients = _soon_meeting(world)
    _fail_at(monkeypatch, 3, Killed())
    with pytest.raises(Killed):
        send_meeting_reminder.call(meeting.pk, meeting.starts_at.isoformat())
    assert send_meeting_reminder.call(meeting.pk, meeting.starts_at.isoformat()) == len(recipients) - 2
    assert sorted(_addresses()) == sorted(r.lower() for r in recipients)
    assert set(_addresses().values()) == {1}


@pytest.mark.django_db
def test_a_meeting_marked_reminded_with_e_mails_missing_is_not_skipped(world):
    """Failed before: `send_due_reminders` only looked at meetings without reminder_sent_at."""
    meeting, recipients = _soon_meeting(world, extra_people=0)
    for address in recipients:
        ReminderDelivery.objects.create(
            meeting=meeting,
            starts_at=meeting.starts_at,
            email=address,
            sent_at=None if address == recipients[0] else timezone.now(),
        )
    Meeting.objects.filter(pk=meeting.pk).update(reminder_sent_at=timezone.now())
    assert services.send_due_reminders() == 1
    assert [m.to for m in mail.outbox] == [[recipients[0]]]
    assert "<reminder-" in mail.outbox[0].extra_headers["Message-ID"]


@pytest.mark.django_db
def test_a_moved_meeting_reminds_everyone_again(world, django_capture_on_commit_callbacks):
    meeting, recipients = _soon_meeting(world, extra_people=0)
    assert services.send_reminder(meeting) == len(recipients)
    later = meeting.starts_at + datetime.timedelta(hours=3)
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_save(
            acting_user=world.users["facilitator"],
            group=world.group,
            meeting=meeting,
            title=meeting.title,
            kind=meeting.kind,
            starts_at=later,
            ends_at=later + datetime.timedelta(hours=1),
            meeting_url=meeting.meeting_url or "https://meet.example.nl/x",
        )
    services.send_due_reminders()  # unless the task queued by meeting_save sent them already
    assert sorted(_addresses()) == sorted(r.lower() for r in recipients)
    assert set(_addresses().values()) == {2}


@pytest.mark.django_db(transaction=True)
def test_two_workers_at_the_same_moment_send_each_reminder_once(world, monkeypatch):
    """Two tasks (or a task and the hourly command) send one meeting's reminder at the same time
    on two connections (PostgreSQL: bin/with-postgres.sh): each person gets it once."""
    if connection.vendor != "postgresql":
        pytest.skip("parallel connections need PostgreSQL")
    meeting, recipients = _soon_meeting(world, extra_people=17)
    original = locmem.EmailBackend.send_messages

    def slow(self, messages):
        time.sleep(0.02)  # an SMTP relay: the two runs overlap
        return original(self, messages)

    monkeypatch.setattr(locmem.EmailBackend, "send_messages", slow)
    start = threading.Barrier(2)

    def worker(_i):
        start.wait()
        try:
            return services.send_reminder(meeting)
        finally:
            connections.close_all()

    with ThreadPoolExecutor(2) as pool:
        counts = list(pool.map(worker, range(2)))
    assert sum(counts) == len(recipients) == 20
    assert sorted(_addresses()) == sorted(r.lower() for r in recipients)
    assert set(_addresses().values()) == {1}
    assert ReminderDelivery.objects.filter(sent_at__isnull=True).count() == 0
    assert Meeting.objects.get(pk=meeting.pk).reminder_sent_at is not None
