"""`manage.py migrate_once`: wait for the database, then migrate, safely when several
instances start at the same moment.

On PostgreSQL the migration runs under an advisory lock (pg_advisory_lock): the first instance
takes it and migrates, the others wait for the lock and then find nothing left to do. On SQLite
(one machine) it is a plain `migrate`. Afterwards the cache table is made if the cache lives in
the database (`createcachetable` skips a table that exists).
"""

import time

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, OperationalError, connections

# Any fixed 64-bit number, the same in every instance: "plein" in ASCII.
MIGRATE_LOCK_KEY = 0x706C65696E


def wait_for_database(alias: str, timeout: float, write=None) -> None:
    """Try to connect every second until `timeout` seconds have passed."""
    deadline = time.monotonic() + timeout
    connection = connections[alias]
    while True:
        try:
            connection.ensure_connection()
            return
        except OperationalError as error:
            connection.close()
            if time.monotonic() >= deadline:
                raise CommandError(f"The database did not answer within {timeout:.0f} s: {error}") from error
            if write:
                write(f"Waiting for the database: {str(error).strip().splitlines()[0] if str(error) else error}")
            time.sleep(1)


class Command(BaseCommand):
    help = (
        "Wait for the database, then apply migrations once even when several instances start together "
        "(PostgreSQL advisory lock), and make the cache table."
    )

    def add_arguments(self, parser):
        parser.add_argument("--wait", type=float, default=60, help="Seconds to wait for the database (default 60).")
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)
        parser.add_argument("--wait-only", action="store_true", help="Only wait for the database; do not migrate.")

    def handle(self, *args, wait, database, wait_only, verbosity, **options):
        wait_for_database(database, wait, write=self.stderr.write if verbosity else None)
        if wait_only:
            return
        connection = connections[database]
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                started = time.monotonic()
                cursor.execute("SELECT pg_advisory_lock(%s)", [MIGRATE_LOCK_KEY])
                waited = time.monotonic() - started
                if verbosity and waited > 1:
                    self.stdout.write(f"Waited {waited:.1f} s for another instance to finish migrating.")
                try:
                    call_command("migrate", database=database, interactive=False, verbosity=verbosity)
                    call_command("createcachetable", database=database, verbosity=verbosity)
                finally:
                    cursor.execute("SELECT pg_advisory_unlock(%s)", [MIGRATE_LOCK_KEY])
        else:
            call_command("migrate", database=database, interactive=False, verbosity=verbosity)
            call_command("createcachetable", database=database, verbosity=verbosity)
