"""Scheduled work runs exactly once, however many instances start it.

A CronJob, a cron on two hosts, or an operator by hand may start `send_reminders`,
`send_case_digest` or `apply_retention` at the same moment. `run_once(job, period)` claims the
pair in the database (a unique row, inserted in its own transaction): the first claim wins and
runs, every other one returns at once without running. On failure the claim is removed again,
so a later run retries the period. Works the same on PostgreSQL and SQLite.
"""

import datetime
import logging
import socket
from contextlib import contextmanager

from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import ScheduledRun

logger = logging.getLogger("plein.ops")


def hour_period(now: datetime.datetime | None = None) -> str:
    now = timezone.localtime(now or timezone.now())
    return now.strftime("%Y-%m-%dT%H")


def day_period(now: datetime.datetime | None = None) -> str:
    return timezone.localtime(now or timezone.now()).date().isoformat()


def week_period(now: datetime.datetime | None = None) -> str:
    year, week, _weekday = timezone.localtime(now or timezone.now()).isocalendar()
    return f"{year}-W{week:02d}"


def claim(job: str, period: str) -> ScheduledRun | None:
    """The claim of (job, period), or None when another run has it already."""
    try:
        with transaction.atomic():
            return ScheduledRun.objects.create(job=job, period=period, host=socket.gethostname()[:100])
    except IntegrityError:
        return None


class Claimed:
    """What `run_once` yields: `claimed` says whether this run does the work; set `result`."""

    def __init__(self, run: ScheduledRun | None):
        self.run = run
        self.result = ""

    @property
    def claimed(self) -> bool:
        return self.run is not None


@contextmanager
def run_once(job: str, period: str):
    """with run_once("send_reminders", hour_period()) as run:
    if run.claimed: ... do the work, run.result = "12 sent" """
    run = Claimed(claim(job, period))
    if not run.claimed:
        logger.info("%s %s: already claimed by another run, nothing done", job, period)
        yield run
        return
    try:
        yield run
    except BaseException:
        ScheduledRun.objects.filter(pk=run.run.pk).delete()
        raise
    ScheduledRun.objects.filter(pk=run.run.pk).update(finished_at=timezone.now(), result=str(run.result)[:200])
    logger.info("%s %s: done, %s", job, period, run.result)
