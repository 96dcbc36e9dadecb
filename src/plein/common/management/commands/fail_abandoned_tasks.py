import datetime

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone


class AbandonedTask(Exception):
    """Recorded as the reason on a task whose worker stopped (SIGKILL, node lost) while it ran."""


class Command(BaseCommand):
    help = (
        "Mark tasks that have been RUNNING for longer than --minutes (default 60) as FAILED: their worker was "
        "killed while it ran them, and a killed worker never says so itself. Nothing is run again; reminders are "
        "finished by send_reminders."
    )

    def add_arguments(self, parser):
        parser.add_argument("--minutes", type=int, default=60)

    def handle(self, *args, minutes, **options):
        from django_tasks_db.models import DBTaskResult

        before = timezone.now() - datetime.timedelta(minutes=minutes)
        count = 0
        for pk in DBTaskResult.objects.filter(status="RUNNING", started_at__lt=before).values_list("pk", flat=True):
            with transaction.atomic():
                # Locked and read again: a worker may just have finished it.
                result = DBTaskResult.objects.select_for_update().filter(pk=pk, status="RUNNING").first()
                if result is None:
                    continue
                result.set_failed(
                    AbandonedTask(
                        f"still running after {minutes} minutes: the worker ({', '.join(result.worker_ids) or '?'}) "
                        "was stopped while it ran this task"
                    )
                )
                count += 1
        self.stdout.write(f"{count} abandoned tasks marked as failed.")
