"""Borging at national scale: the report's figures and the derived criteria of the scan.

    make bench-borging ARGS=--reuse      SQLite, the data set of the last bench/registration.py run
    make bench-borging-pg                PostgreSQL (a throwaway cluster; seeds first)

With `seed_scale`'s national data (2,000,000 questions; seeded here when the database is empty,
by bench/registration.py's helpers):
1. `reports.figures.report_figures` for the largest municipality (most questions; the library
   with most questions in it), over the last full year and over the running year: p50/p95 of
   --rounds runs after three to warm up, and the number of queries;
2. `borging.derived.derived_criteria_for` for --libraries libraries at once (the facilitator's
   scan overview), and `derived_criteria` for each of them one by one: p50/p95 and queries.
   Before that, the libraries get an EMB portfolio with the IDO and connections, a guide route
   with some steps done and partners (once; a bench marker says it was done), so every query
   finds rows.
These are function timings inside one process, without HTTP; the coordinator adds the pages.
Figures go to var/bench-borging-<database>.json.
"""

import argparse
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import registration as bench  # noqa: E402  (bench/registration.py: settings, database, seeding)

TARGETS_MS = {"report_figures": 300, "derived_overview": 200}  # the HTTP targets of issue 12, as a ceiling
BENCH_ROUTE = "Bench-route"


def reference():
    """A fixed piece of work (one trivial query and some pure Python), timed in the same rounds:
    the machine is shared, so each figure is also given as a multiple of this."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return sum(i * i for i in range(100_000))


def timed(function, *, rounds, warm_up=3):
    """p50/p95 (ms) of `function()` over `rounds` runs, the number of queries of one run, and
    its p50 as a multiple of the reference's p50 in the same rounds."""
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    for _ in range(warm_up):
        function()
    with CaptureQueriesContext(connection) as ctx:
        function()
    queries = len(ctx.captured_queries)
    reset_queries()
    times, base = [], []
    for _ in range(rounds):
        started = time.perf_counter()
        reference()
        base.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        function()
        times.append((time.perf_counter() - started) * 1000)
    p50 = statistics.median(times)
    return {
        "p50_ms": p50,
        "p95_ms": bench.percentile(times, 95),
        "queries": queries,
        "reference_p50_ms": statistics.median(base),
        "ratio": p50 / statistics.median(base),
    }


def largest_municipality():
    """(library, municipality, questions): the municipality with most questions (all years, from
    the branches' month rollups) and the library with most questions in it."""
    from collections import Counter

    from django.db.models import Sum

    from plein.organisations.models import Location, Municipality, Organisation
    from plein.registration.choices import LOCATION_AREA_PREFIX, Metric, Span
    from plein.registration.models import AreaCount

    per_branch = (
        AreaCount.objects.filter(span=Span.MONTH, metric=Metric.QUESTIONS, area__startswith=LOCATION_AREA_PREFIX)
        .values("area")
        .annotate(n=Sum("value"))
        .order_by()
    )
    places = {
        pk: (mun, org) for pk, mun, org in Location.objects.values_list("pk", "municipality_id", "organisation_id")
    }
    per_municipality, per_pair = Counter(), Counter()
    for row in per_branch:
        municipality, library = places[int(row["area"][len(LOCATION_AREA_PREFIX) :])]
        per_municipality[municipality] += row["n"]
        per_pair[(library, municipality)] += row["n"]
    municipality_pk, _n = per_municipality.most_common(1)[0]
    (library_pk, _m), questions = max(
        ((pair, n) for pair, n in per_pair.items() if pair[1] == municipality_pk), key=lambda item: item[1]
    )
    return Organisation.objects.get(pk=library_pk), Municipality.objects.get(pk=municipality_pk), questions


def prepare_borging_data(libraries, seed=12):
    """An EMB portfolio with the IDO and two other programmes, connections both ways with an
    action (one in two done), a guide route with some steps done and a few partners, for each
    library that has no bench route yet."""
    from django.utils import timezone

    from plein.actions.choices import ActionStatus
    from plein.actions.models import Action
    from plein.emb.choices import ConnectionKind
    from plein.emb.models import Connection, ConnectionAction, PortfolioEntry, Programme
    from plein.emb.seed import IDO
    from plein.guide.choices import AgreementStatus
    from plein.guide.models import Partner, Step, StepState, Trajectory
    from plein.guide.services import guide_seed_first_version

    version = guide_seed_first_version()
    steps = list(Step.objects.filter(version=version).order_by("phase__order", "order"))
    national = list(Programme.objects.filter(library__isnull=True).exclude(key=IDO).order_by("pk"))
    ido = Programme.objects.get(key=IDO, library__isnull=True)
    done_already = set(Trajectory.objects.filter(name=BENCH_ROUTE).values_list("library_id", flat=True))
    rng = random.Random(seed)
    now = timezone.now()
    for library in libraries:
        if library.pk in done_already:
            continue
        entries = {}
        for programme in [ido, *rng.sample(national, 2)]:
            entries[programme.pk], _created = PortfolioEntry.objects.get_or_create(library=library, programme=programme)
        ido_entry, *others = entries.values()
        for n, other in enumerate(others):
            for source, target in ((ido_entry, other), (other, ido_entry)):
                connection, _created = Connection.objects.get_or_create(
                    library=library, source=source, target=target, kind=ConnectionKind.REFERRAL
                )
                done = rng.random() < 0.5
                action = Action.objects.create(
                    library=library,
                    title=f"Bench-actie {n}",
                    status=ActionStatus.DONE if done else ActionStatus.PLANNED,
                    completed_at=now if done else None,
                )
                ConnectionAction.objects.create(connection=connection, action=action)
        route = Trajectory.objects.create(library=library, name=BENCH_ROUTE)
        StepState.objects.bulk_create(
            StepState(trajectory=route, step=step, step_key=step.key, done_at=now)
            for step in steps[: rng.randint(0, len(steps))]
        )
        agreements = list(AgreementStatus.values)
        Partner.objects.bulk_create(
            Partner(trajectory=route, name=f"Bench-partner {n}", agreement=rng.choice(agreements)) for n in range(5)
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=2_000_000, help="seed this many when the database is empty")
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--libraries", type=int, default=50)
    parser.add_argument("--reuse", action="store_true", help="keep the data set that is there (SQLite: skip seeding)")
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.utils import timezone

    from plein.borging.derived import derived_criteria, derived_criteria_for
    from plein.organisations.models import Organisation
    from plein.registration.models import Question
    from plein.reports.figures import report_figures

    vendor = connection.vendor
    bench.national_data(vendor, questions=args.questions, reuse=args.reuse)
    settings.DEBUG = False
    questions = Question.objects.count()
    bench.log(f"== borging on {vendor}, {questions:,} questions ({os.cpu_count()} cores) ==")
    today = timezone.localdate()
    result = {"database": vendor, "questions": questions, "rounds": args.rounds, "today": today.isoformat()}

    library, municipality, in_municipality = largest_municipality()
    bench.log(f"largest municipality: {municipality.name} ({in_municipality:,} questions of {library.name}, all years)")
    for label, year in (("last full year", today.year - 1), ("running year", today.year)):
        data = report_figures(library=library, municipality=municipality, year=year)
        figures = timed(
            lambda year=year: report_figures(library=library, municipality=municipality, year=year),
            rounds=args.rounds,
        )
        figures.update(year=year, questions_in_report=data["questions"]["count"], branches=len(data["branches"]))
        result[f"report_figures_{year}"] = figures
        verdict = "under" if figures["p95_ms"] < TARGETS_MS["report_figures"] else "OVER"
        bench.log(
            f"report_figures, {label} {year} ({figures['questions_in_report']:,} questions, "
            f"{figures['branches']} branches): p50 {figures['p50_ms']:.0f} ms, p95 {figures['p95_ms']:.0f} ms, "
            f"{figures['queries']} queries, {figures['ratio']:.1f}× reference  "
            f"({verdict} the page's {TARGETS_MS['report_figures']} ms)"
        )

    libraries = list(Organisation.objects.filter(locations__has_ido=True).distinct().order_by("pk")[: args.libraries])
    started = time.perf_counter()
    prepare_borging_data(libraries)
    bench.log(f"borging data for {len(libraries)} libraries ready in {time.perf_counter() - started:.1f} s")
    year = today.year
    overview = timed(lambda: derived_criteria_for(libraries=libraries, year=year), rounds=args.rounds)
    one_by_one = timed(
        lambda: [derived_criteria(library=lib, year=year) for lib in libraries], rounds=max(3, args.rounds // 6)
    )
    statuses = {}
    for criteria in derived_criteria_for(libraries=libraries, year=year).values():
        for key, derived in criteria.items():
            statuses.setdefault(key, {}).setdefault(derived.status, 0)
            statuses[key][derived.status] += 1
    result.update(derived_overview=overview, derived_one_by_one=one_by_one, derived_statuses=statuses)
    verdict = "under" if overview["p95_ms"] < TARGETS_MS["derived_overview"] else "OVER"
    bench.log(
        f"derived_criteria_for {len(libraries)} libraries at once: p50 {overview['p50_ms']:.0f} ms, "
        f"p95 {overview['p95_ms']:.0f} ms, {overview['queries']} queries, {overview['ratio']:.1f}× reference  "
        f"({verdict} the overview's {TARGETS_MS['derived_overview']} ms)"
    )
    bench.log(
        f"derived_criteria for {len(libraries)} libraries one by one: p50 {one_by_one['p50_ms']:.0f} ms, "
        f"p95 {one_by_one['p95_ms']:.0f} ms, {one_by_one['queries']} queries"
    )
    bench.log(f"statuses ({year}): {statuses}")
    bench.log(f"reference (SELECT 1 + a fixed Python loop) p50: {overview['reference_p50_ms']:.1f} ms")
    out = bench.VAR / f"bench-borging-{vendor}.json"
    out.write_text(json.dumps(result, indent=2, default=str))
    bench.log(f"figures written to {out.relative_to(bench.ROOT)}")


if __name__ == "__main__":
    main()
