from django.core.management.base import BaseCommand
from django.test.utils import override_settings
from django.utils import translation

from plein.site.demo import DEMO_PASSWORD, demo_is_needed, load_demo


class Command(BaseCommand):
    help = "Load the clearly labelled demo data and print the demo logins."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty", action="store_true", help="Only load when there are no organisations and no users yet."
        )

    def handle(self, *args, if_empty=False, **options):
        translation.activate("nl")
        if if_empty and not demo_is_needed():
            self.stdout.write("De database is niet leeg: de demo is niet geladen.")
            return
        # The demo goes through the real services, which send e-mail (sign-up confirmations,
        # placements). Nobody should receive those: keep them in memory.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
            logins = load_demo()
        self.stdout.write(self.style.SUCCESS("Demo geladen. Log in op http://127.0.0.1:8000/account/login/ met:"))
        width = max(len(login.email) for login in logins)
        for login in logins:
            self.stdout.write(f"  {login.email:<{width}}  {DEMO_PASSWORD}  {login.role} – {login.organisation}")
