from django.core.management.base import BaseCommand

from plein.practicecases.services import send_case_digests_once


class Command(BaseCommand):
    help = (
        "Send the weekly e-mail about new practice cases and replies to everyone who chose it "
        "(run once a week; running it again, or on several instances at once, sends nothing twice)."
    )

    def handle(self, *args, **options):
        sent = send_case_digests_once()
        if sent is None:
            self.stdout.write("Another run has this week already: nothing sent.")
            return
        self.stdout.write(f"{sent} digest e-mails sent.")
