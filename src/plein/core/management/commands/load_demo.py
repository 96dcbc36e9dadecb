from django.core.management.base import BaseCommand

from plein.core.demo import DEMO_PASSWORD, demo_is_needed, load_demo


class Command(BaseCommand):
    help = "Load the clearly labelled demo data and print the demo logins."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty", action="store_true", help="Only load when there are no organisations and no users yet."
        )

    def handle(self, *args, if_empty=False, **options):
        if if_empty and not demo_is_needed():
            self.stdout.write("Database is not empty: demo not loaded.")
            return
        logins = load_demo()
        self.stdout.write(self.style.SUCCESS("Demo loaded. Log in at http://127.0.0.1:8000/account/login/ with:"))
        width = max(len(login.email) for login in logins)
        for login in logins:
            self.stdout.write(f"  {login.email:<{width}}  {DEMO_PASSWORD}  {login.role} – {login.organisation}")
