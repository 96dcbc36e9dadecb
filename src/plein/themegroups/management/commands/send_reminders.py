from django.core.management.base import BaseCommand

from plein.themegroups.services import send_due_reminders


class Command(BaseCommand):
    help = "Send the reminder e-mail for meetings that start within three days (safe to run every hour)."

    def handle(self, *args, **options):
        sent = send_due_reminders()
        self.stdout.write(f"{sent} reminder e-mails sent.")
