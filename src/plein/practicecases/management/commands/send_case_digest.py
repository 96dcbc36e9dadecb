from django.core.management.base import BaseCommand

from plein.practicecases.services import send_case_digests


class Command(BaseCommand):
    help = (
        "Send the weekly e-mail about new practice cases and replies to everyone who chose it "
        "(run once a week; running it again sends nothing twice)."
    )

    def handle(self, *args, **options):
        sent = send_case_digests()
        self.stdout.write(f"{sent} digest e-mails sent.")
