from django.core.management.base import BaseCommand, CommandError

from plein.registration.scale import DEFAULT_SEED, ScaleRefused, seed_scale


class Command(BaseCommand):
    help = (
        "Fill an EMPTY database with a made-up national data set for load tests and benchmarks: "
        "library organisations ('Schaalbibliotheek 001'), municipalities ('Schaalgemeente 001'), "
        "branches ('Vestiging 001-01'), and anonymous IDO visits and questions over the last years "
        "(up to today) with seasonal and weekday patterns, and public offers ('Klik & Tik (schaal)'); then it "
        "rebuilds the rollups. "
        "Safety: it refuses a database where seed_scale ran before, and a database that already "
        "holds organisations, municipalities or users unless you pass --yes; even with --yes it "
        "refuses when there are user accounts and DEBUG is off (it may be a real database). "
        "The registrations bypass the services and the audit log (raw SQL: COPY on PostgreSQL)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--questions", type=int, default=2_000_000, help="Questions in all (default 2,000,000).")
        parser.add_argument("--years", type=int, default=5, help="Years of history up to today (default 5).")
        parser.add_argument("--organisations", type=int, default=150, help="Library organisations (default 150).")
        parser.add_argument("--locations", type=int, default=800, help="Branches in all (default 800).")
        parser.add_argument("--ido-locations", type=int, default=700, help="Branches with an IDO (default 700).")
        parser.add_argument(
            "--municipalities", type=int, default=None, help="Municipalities (default 340 for 150 organisations)."
        )
        parser.add_argument(
            "--offers",
            type=int,
            default=None,
            help="Public offers over the branches (default 20,000 for 150 organisations).",
        )
        parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="Random seed; the same seed, the same data.")
        parser.add_argument(
            "--yes",
            action="store_true",
            help="Also seed into a development database that already has data (only with DEBUG on, or no users).",
        )

    def handle(self, *args, **options):
        verbosity = options["verbosity"]

        def progress(message):
            if verbosity >= 1:
                self.stdout.write(message)
                self.stdout.flush()

        try:
            result = seed_scale(
                questions=options["questions"],
                years=options["years"],
                organisations=options["organisations"],
                locations=options["locations"],
                ido_locations=options["ido_locations"],
                municipalities=options["municipalities"],
                offers=options["offers"],
                seed=options["seed"],
                allow_existing_data=options["yes"],
                progress=progress,
            )
        except (ScaleRefused, ValueError) as exc:
            raise CommandError(str(exc)) from exc
        if verbosity >= 1:
            self.stdout.write(self.style.SUCCESS(result.summary()))
