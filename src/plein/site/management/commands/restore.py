from django.core.management.base import BaseCommand, CommandError

from plein.site.ops.backup import RestoreRefused, restore


class Command(BaseCommand):
    help = (
        "Restore a backup (manage.py backup) into an EMPTY installation, then check it: rows per table, IDO "
        "rollups against a recount, file checksums. Prints OK or what differs (and exits with 1)."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", help="The folder made by manage.py backup.")

    def handle(self, *args, directory, **options):
        try:
            differences = restore(directory, write=self.stdout.write)
        except RestoreRefused as error:
            raise CommandError(str(error)) from error
        if differences:
            for line in differences:
                self.stdout.write(f"DIFFERS: {line}")
            raise CommandError(f"The restore is not identical to the backup: {len(differences)} differences.")
        self.stdout.write("OK: every table, IDO figure and file is identical to the backup.")
