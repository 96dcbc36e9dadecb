"""`manage.py apply_retention`: remove history older than PLEIN_RETENTION_DAYS.

What goes: the change history (django-auditlog's entries), login attempts and failures
(django-axes), finished background tasks, the record of scheduled runs, sessions that have
expired, and counters of API rate-limit windows that are over. What never goes: the IDO
registrations and their rollups (anonymous figures), and anything current.
"""

import datetime
import time

from django.conf import settings
from django.db import transaction
from django.utils import timezone


def _deletions(cutoff: datetime.datetime, now: datetime.datetime):
    """(label, queryset) pairs of what is past the retention period."""
    from auditlog.models import LogEntry
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog
    from django.contrib.sessions.models import Session
    from django_tasks_db.models import DBTaskResult

    from plein.common.models import ScheduledRun

    yield "audit log entries", LogEntry.objects.filter(timestamp__lt=cutoff)
    yield "login attempts", AccessAttempt.objects.filter(attempt_time__lt=cutoff)
    yield "failed logins", AccessFailureLog.objects.filter(attempt_time__lt=cutoff)
    yield "logins", AccessLog.objects.filter(attempt_time__lt=cutoff)
    yield (
        "finished background tasks",
        DBTaskResult.objects.filter(status__in=["SUCCESSFUL", "FAILED"], finished_at__lt=cutoff),
    )
    yield "scheduled runs", ScheduledRun.objects.filter(started_at__lt=cutoff)
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
