"""Recount every rollup row of the IDO figures from the registrations themselves.

Not needed in daily use (every registration keeps the rollups in step); for after a bulk load
straight into the database, or a repair. Runs in one transaction: the figures are never half."""

import time

from django.core.management.base import BaseCommand

from plein.registration.rollups import rebuild_rollups


class Command(BaseCommand):
    help = "Recount the rollup tables of the IDO figures from the registrations."

    def handle(self, *args, **options):
        started = time.perf_counter()
        rows = rebuild_rollups()
        self.stdout.write(f"rebuild_rollups: {rows:,} day rows in {time.perf_counter() - started:.1f} s")
