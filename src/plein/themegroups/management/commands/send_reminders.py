from django.core.management.base import BaseCommand

from plein.common.scheduling import hour_period, run_once
from plein.themegroups.services import send_due_reminders


class Command(BaseCommand):
    help = (
        "Send the reminder e-mail for meetings that start within three days (run every hour; however many "
        "instances start it in the same hour, one run sends)."
    )

    def handle(self, *args, **options):
        with run_once("send_reminders", hour_period()) as run:
            if not run.claimed:
                self.stdout.write("Another run has this hour already: nothing sent.")
                return
            sent = send_due_reminders()
            run.result = f"{sent} sent"
        self.stdout.write(f"{sent} reminder e-mails sent.")
