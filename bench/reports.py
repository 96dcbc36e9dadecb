"""The borging report of the largest municipality at national scale, over HTTP.

    make bench-reports                        SQLite (var/bench-registration.sqlite3; seeds first)
    make bench-reports ARGS=--reuse           the data set of the last bench run

With `seed_scale`'s national data (2,000,000 questions), the report of the library with the
most questions in the largest municipality (most questions) for last year is published once
(timed), then asked in rounds on the README's production server (gunicorn, src/gunicorn.conf.py):
- the published version as HTML (what the municipality opens; read from its snapshot),
- the live preview as HTML (the coordinator; today's figures, the province and the country),
- the published version as PDF,
each as p50/p95 in ms, next to the health view. Targets: p95 < 300 ms (HTML), < 3 s (PDF).
The sessions and the server come from bench/registration.py.
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

import registration as bench  # noqa: E402  (bench/registration.py: settings, server, sessions)

TARGETS_P95_MS = {"html": 300, "preview": 300, "pdf": 3000}


def largest_municipality():
    """(municipality, library) with the most questions, from the rollups."""
    from django.db.models import Sum

    from plein.organisations.models import Location
    from plein.registration.choices import LOCATION_AREA_PREFIX, Metric, Span
    from plein.registration.models import AreaCount

    per_location = (
        AreaCount.objects.filter(span=Span.MONTH, metric=Metric.QUESTIONS, area__startswith=LOCATION_AREA_PREFIX)
        .values("area")
        .annotate(n=Sum("value"))
        .order_by()
    )
    locations = {loc.pk: loc for loc in Location.objects.select_related("municipality", "organisation")}
    by_municipality, by_pair = {}, {}
    for row in per_location:
        location = locations[int(row["area"][len(LOCATION_AREA_PREFIX) :])]
        if location.municipality_id is None:
            continue
        by_municipality[location.municipality_id] = by_municipality.get(location.municipality_id, 0) + row["n"]
        pair = (location.municipality_id, location.organisation_id)
        by_pair[pair] = by_pair.get(pair, 0) + row["n"]
    municipality_id = max(by_municipality, key=lambda k: (by_municipality[k], -k))
    library_id = max((p for p in by_pair if p[0] == municipality_id), key=lambda p: (by_pair[p], -p[1]))[1]
    location = next(
        loc
        for loc in locations.values()
        if loc.municipality_id == municipality_id and loc.organisation_id == library_id
    )
    return location.municipality, location.organisation, by_municipality[municipality_id]


def prepare(year):
    """Publish the report (timed) and make the sessions: its coordinator, a municipality user."""
    from plein.accounts.choices import Role
    from plein.accounts.models import User
    from plein.organisations.choices import OrganisationType
    from plein.organisations.models import Organisation
    from plein.reports import services
    from plein.reports.models import Report

    people = bench.prepare_people(desks=0)  # removes the bench users of a run before
    municipality, library, questions = largest_municipality()
    Report.objects.filter(library=library, municipality=municipality, year=year).delete()
    coordinator = User.objects.create(
        email="report-coordinator@bench.plein.example", name="Bench", role=Role.COORDINATOR, organisation=library
    )
    organisation, _ = Organisation.objects.get_or_create(
        name=f"Bench gemeente {municipality.name}", type=OrganisationType.MUNICIPALITY
    )
    organisation.municipalities.add(municipality)
    official = User.objects.create(
        email="report-municipality@bench.plein.example", name="Bench", role=Role.MUNICIPALITY, organisation=organisation
    )
    report = services.report_create(acting_user=coordinator, library=library, municipality=municipality, year=year)
    started = time.perf_counter()
    version = services.report_publish(acting_user=coordinator, report=report)
    publish_ms = (time.perf_counter() - started) * 1000
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    def session(user):
        store = SessionStore()
        store[SESSION_KEY], store[BACKEND_SESSION_KEY] = str(user.pk), "django.contrib.auth.backends.ModelBackend"
        store[HASH_SESSION_KEY] = user.get_session_auth_hash()
        store.create()
        return store.session_key

    figures = {f["key"]: f["value"] for f in version.snapshot["figures"]["summary"]}
    return {
        "municipality": municipality.name,
        "library": library.name,
        "questions_all_years": questions,
        "year": year,
        "visits_in_report": figures["visits"],
        "questions_in_report": figures["questions"],
        "publish_ms": publish_ms,
        "pages": {
            "html": (f"/rapportages/{report.uuid}/versie/{version.number}/", session(official)),
            "preview": (f"/rapportages/{report.uuid}/voorbeeld/", session(coordinator)),
            "pdf": (f"/rapportages/{report.uuid}/versie/{version.number}/pdf/", session(official)),
        },
        "_people": people,
    }


def measure(port, setup, *, rounds=30, pdf_rounds=10, seed=1):
    pages = setup["pages"]
    times = {name: [] for name in pages}
    for path, session in pages.values():  # warm up
        for _ in range(2):
            status, _elapsed, body = bench.get(port, path, session)
            assert status == 200, (status, path, body[:300])
    health = []
    shuffle = random.Random(seed)
    for n in range(rounds):
        health.append(bench.get(port, "/gezondheid/")[1])
        order = [name for name in pages if name != "pdf" or n < pdf_rounds]
        shuffle.shuffle(order)
        for name in order:
            path, session = pages[name]
            times[name].append(bench.get(port, path, session)[1])
    result = {"health_p50_ms": statistics.median(health), "pages": {}}
    for name, values in times.items():
        result["pages"][name] = {
            "p50_ms": statistics.median(values),
            "p95_ms": bench.percentile(values, 95),
            "n": len(values),
            "target_p95_ms": TARGETS_P95_MS[name],
            "met": bench.percentile(values, 95) < TARGETS_P95_MS[name],
        }
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=2_000_000, help="seed this many when the database is empty")
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--pdf-rounds", type=int, default=10)
    parser.add_argument("--reuse", action="store_true", help="keep the data set that is there (skip seeding)")
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection
    from django.utils import timezone

    from plein.registration.models import Question

    vendor = connection.vendor
    bench.national_data(vendor, questions=args.questions, reuse=args.reuse)
    bench.log(f"== borging report on {vendor}, {Question.objects.count():,} questions ({os.cpu_count()} cores) ==")
    setup = prepare(timezone.localdate().year - 1)
    bench.log(
        f"largest municipality: {setup['municipality']} ({setup['questions_all_years']:,} questions in all years); "
        f"report of {setup['library']} for {setup['year']}: {setup['visits_in_report']:,} visits, "
        f"{setup['questions_in_report']:,} questions; publishing took {setup['publish_ms']:.0f} ms"
    )
    connection.close()
    port = bench.free_port()
    server = bench.start_server(port)
    try:
        result = measure(port, setup, rounds=args.rounds, pdf_rounds=args.pdf_rounds)
    finally:
        server.terminate()
        server.wait(timeout=30)
    bench.log(f"health view p50 {result['health_p50_ms']:.1f} ms")
    for name, page in result["pages"].items():
        bench.log(
            f"  {name:8} p50 {page['p50_ms']:6.0f} ms  p95 {page['p95_ms']:6.0f} ms  ({page['n']} requests; "
            f"p95 < {page['target_p95_ms']} ms: {'met' if page['met'] else 'NOT MET'})"
        )
    out = bench.VAR / f"bench-reports-{vendor}.json"
    setup.pop("_people")
    setup["pages"] = {k: v[0] for k, v in setup["pages"].items()}
    out.write_text(json.dumps({"setup": setup, **result}, indent=2, default=str))
    bench.log(f"figures written to {out.relative_to(bench.ROOT)}")


if __name__ == "__main__":
    main()
