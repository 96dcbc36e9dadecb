from django.core.management.base import BaseCommand, CommandError

from plein.site.ops.backup import RestoreRefused, backup


class Command(BaseCommand):
    help = (
        "Write a consistent backup of the database and the uploaded files into a new folder, with a manifest "
        "(rows per table, IDO totals, file checksums). SQLite: backup API; PostgreSQL: pg_dump, or dumpdata "
        "in one REPEATABLE READ transaction without pg_dump."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", help="A new or empty folder.")
        parser.add_argument("--no-pg-dump", action="store_true", help="PostgreSQL: use dumpdata, not pg_dump.")

    def handle(self, *args, directory, no_pg_dump, **options):
        try:
            backup(directory, use_pg_dump=not no_pg_dump, write=self.stdout.write)
        except RestoreRefused as error:
            raise CommandError(str(error)) from error
