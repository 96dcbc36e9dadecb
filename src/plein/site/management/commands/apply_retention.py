from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from plein.common.scheduling import day_period, run_once
from plein.site.ops.retention import apply_retention, describe, timed


class Command(BaseCommand):
    help = (
        "Remove history older than PLEIN_RETENTION_DAYS (audit log, login attempts, finished tasks, "
        "expired sessions); never the IDO figures. Runs once a day however many instances start it."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None, help="Instead of PLEIN_RETENTION_DAYS.")

    def handle(self, *args, days, **options):
        days = settings.PLEIN_RETENTION_DAYS if days is None else days
        if days < 1:
            raise CommandError(f"The retention period must be 1 day or more, not {days}.")
        with run_once("apply_retention", day_period()) as run:
            if not run.claimed:
                self.stdout.write("Another run has today already: nothing removed.")
                return
            removed, seconds = timed(apply_retention, days=days)
            run.result = ", ".join(f"{count} {label}" for label, count in removed)[:200]
        self.stdout.write(describe(removed, days, seconds))
