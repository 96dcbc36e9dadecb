"""`manage.py apply_retention`: remove history older than PLEIN_RETENTION_DAYS.

What goes: the change history (django-auditlog's entries), login attempts and failures
(django-axes), finished background tasks, the record of scheduled runs, sessions that have
expired, and counters of API rate-limit windows that are over. What never goes: the IDO
registrations and their rollups (anonymous figures), and anything current.

Two kinds of history are still in use, so they stay:
- the audit entry saying who added an organisation: a facilitator manages the organisations
  someone of their support organisation added (access.selectors.organisations_managed_by);
- the claims of scheduled runs of the last KEEP_SCHEDULED_RUNS_DAYS days, whatever the
  retention: a claim removed while its period (hour, day, week) lasts would let the job run
  again in it.
"""

import datetime
import time

from django.conf import settings
from django.db import transaction
from django.utils import timezone

KEEP_SCHEDULED_RUNS_DAYS = 8  # longer than the longest period (a week)


def _deletions(cutoff: datetime.datetime, now: datetime.datetime):
    """(label, queryset) pairs of what is past the retention period."""
    from auditlog.models import LogEntry
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog
    from django.contrib.contenttypes.models import ContentType
    from django.contrib.sessions.models import Session
    from django_tasks_db.models import DBTaskResult

    from plein.common.models import ScheduledRun
    from plein.organisations.models import Organisation

    still_used = LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Organisation), action=LogEntry.Action.CREATE
    )
    yield "audit log entries", LogEntry.objects.filter(timestamp__lt=cutoff).exclude(pk__in=still_used.values("pk"))
    yield "login attempts", AccessAttempt.objects.filter(attempt_time__lt=cutoff)
    yield "failed logins", AccessFailureLog.objects.filter(attempt_time__lt=cutoff)
    yield "logins", AccessLog.objects.filter(attempt_time__lt=cutoff)
    yield (
        "finished background tasks",
        DBTaskResult.objects.filter(status__in=["SUCCESSFUL", "FAILED"], finished_at__lt=cutoff),
    )
    runs_cutoff = min(cutoff, now - datetime.timedelta(days=KEEP_SCHEDULED_RUNS_DAYS))
    yield "scheduled runs", ScheduledRun.objects.filter(started_at__lt=runs_cutoff)
    yield "expired sessions", Session.objects.filter(expire_date__lt=now)


def _rate_windows_over(now: datetime.datetime) -> int:
    from plein.api.models import RateCount

    removed = 0
    stamp = now.timestamp()
    for length in RateCount.objects.values_list("length", flat=True).distinct():
        removed += RateCount.objects.filter(length=length, slot__lt=int(stamp // length)).delete()[0]
    return removed


def apply_retention(*, days: int | None = None, now: datetime.datetime | None = None) -> list[tuple[str, int]]:
    """Delete what is older than `days` (default PLEIN_RETENTION_DAYS); returns (what, how many)."""
    days = settings.PLEIN_RETENTION_DAYS if days is None else days
    if days < 1:
        raise ValueError(f"A retention period of {days} days would remove today's history: choose 1 or more.")
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=days)
    removed = []
    with transaction.atomic():
        for label, queryset in _deletions(cutoff, now):
            count, _per_model = queryset.delete()
            removed.append((label, count))
        removed.append(("API rate-limit windows that are over", _rate_windows_over(now)))
    return removed


def describe(removed, days: int, seconds: float) -> str:
    lines = [f"apply_retention: history older than {days} days removed ({seconds:.1f} s):"]
    lines += [f"  {count:>8,} {label}" for label, count in removed]
    lines.append("  IDO registrations and figures are kept (anonymous, never removed by retention).")
    return "\n".join(lines)


def timed(fn, *args, **kwargs):
    started = time.perf_counter()
    return fn(*args, **kwargs), time.perf_counter() - started
