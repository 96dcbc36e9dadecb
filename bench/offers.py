"""The public offer for residents at national scale: p50/p95 over HTTP and queries per page.

    .venv/bin/python bench/offers.py                     SQLite (a fresh var/bench-offers.sqlite3)
    .venv/bin/python bench/offers.py --reuse             the data set of the last run
    PLEIN_PG_PORT=55449 bash bin/with-postgres.sh .venv/bin/python bench/offers.py
                                                          PostgreSQL (a throwaway cluster)

`manage.py seed_scale` fills an empty database with the national set of 150 libraries and 800
branches and, at that scale, 20,000 public offers (`--offers`; the questions do not matter
here, so few are made). The server is the README's production command (gunicorn with
src/gunicorn.conf.py, bench/registration.py starts it). One anonymous client (no cookie, as a
resident) asks in rounds: /gezondheid/ (what the machine and the server cost), then every
public page once, in a shuffled order; p50 and p95 in milliseconds, and the p50 as a multiple
of the health view's. The pages are those of the library and the municipality with the most
published offers. Each page's number of database queries is counted in this process with
Django's test client. Target: p95 < 100 ms each.
"""

import argparse
import json
import os
import random
import statistics
import sys
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
SQLITE_FILE = ROOT / "var" / "bench-offers.sqlite3"
os.environ.setdefault("DATABASE_URL", f"sqlite:///{SQLITE_FILE}")
sys.path.insert(0, str(Path(__file__).resolve().parent))

import registration as bench  # noqa: E402  (bench/registration.py: settings, server, timing)

bench.SQLITE_FILE = SQLITE_FILE  # its fresh_database() starts this file anew, not the registration bench's

TARGET_P95_MS = 100
OFFERS = 20_000


def pages():
    """(name, path) of every public page measured."""
    from django.db.models import Count

    from plein.offers.selectors import published_offers
    from plein.organisations.models import Municipality, Organisation

    published = published_offers()
    library = Organisation.objects.filter(offers__in=published).annotate(n=Count("offers")).order_by("-n", "pk").first()
    municipality = (
        Municipality.objects.filter(locations__offers__in=published)
        .annotate(n=Count("locations__offers"))
        .order_by("-n", "pk")
        .first()
    )
    offer = published.filter(library=library).order_by("pk").first()
    lib = f"/aanbod/{library.slug}"
    gem = f"/aanbod/gemeente/{municipality.slug}/"
    return (
        [
            ("index (all libraries)", "/aanbod/"),
            ("library start", f"{lib}/"),
            ("need: practical help", f"{lib}/hulp/praktische_hulp/"),
            ("list, library", f"{lib}/overzicht/"),
            ("list, 3 filters", f"{lib}/overzicht/?thema=digitaal&dag=1&inloop=1"),
            ("list, page 3", f"{lib}/overzicht/?pagina=3"),
            ("search 'digid', library", f"{lib}/overzicht/?q=digid"),
            ("search 'klik & tik', library", f"{lib}/overzicht/?q={quote('klik & tik')}&dag=0"),
            ("municipality", gem),
            ("search 'toeslagen', municipality", f"{gem}?q=toeslagen"),
            ("today and this week", f"{lib}/deze-week/"),
            ("offer", f"{lib}/{offer.slug}/"),
        ],
        library,
        municipality,
    )


def count_queries(path) -> int:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    assert not response.cookies, path
    return len(ctx.captured_queries)


def revalidate(port, path, rounds):
    """A repeat request with the page's ETag: (statuses seen, p50 ms)."""
    import http.client
    import time

    def ask(headers):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        started = time.perf_counter()
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        response.read()
        elapsed = (time.perf_counter() - started) * 1000
        connection.close()
        return response.status, response.getheader("ETag"), elapsed

    _status, etag, _elapsed = ask({})
    answers = [ask({"If-None-Match": etag}) for _ in range(rounds)]
    return sorted({a[0] for a in answers}), statistics.median(a[2] for a in answers)


def measure(port, measured, *, rounds=30, seed=1):
    times = {name: [] for name, _ in measured}
    health, sizes = [], {}
    for name, path in measured:  # warm up: 3 each
        for _ in range(3):
            status, _elapsed, body = bench.get(port, path)
            assert status == 200, (status, path, body[:300])
            sizes[name] = len(body) / 1000
    shuffle = random.Random(seed)
    for _ in range(rounds):
        health.append(bench.get(port, "/gezondheid/")[1])
        order = list(measured)
        shuffle.shuffle(order)
        for name, path in order:
            times[name].append(bench.get(port, path)[1])
    base = statistics.median(health)
    result = {"health_p50_ms": base, "health_p95_ms": bench.percentile(health, 95), "rounds": rounds, "pages": {}}
    for name, _path in measured:
        p50, p95 = statistics.median(times[name]), bench.percentile(times[name], 95)
        result["pages"][name] = {"p50_ms": p50, "p95_ms": p95, "ratio": p50 / base, "kb": sizes[name]}
    return result


def report(result, vendor, offers, library, municipality):
    bench.log(
        f"public offer on {vendor}: {offers:,} offers; library {library.name} "
        f"({library.n} published), municipality {municipality.name} ({municipality.n}); "
        f"{result['rounds']} rounds, health view p50 {result['health_p50_ms']:.1f} ms, "
        f"p95 {result['health_p95_ms']:.1f} ms"
    )
    bench.log(f"  {'page':34} {'p50':>7} {'p95':>7} {'× health':>9} {'size':>7} {'queries':>8}")
    for name, page in result["pages"].items():
        verdict = "met" if page["p95_ms"] < TARGET_P95_MS else "NOT MET"
        bench.log(
            f"  {name:34} {page['p50_ms']:5.0f}ms {page['p95_ms']:5.0f}ms {page['ratio']:8.1f}× "
            f"{page['kb']:5.0f}kB {page['queries']:8d}  (p95 < {TARGET_P95_MS} ms: {verdict})"
        )
    bench.log(
        f"  repeat request of the library list with its ETag: {result['revalidate_statuses']}, "
        f"p50 {result['revalidate_p50_ms']:.1f} ms"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=20_000, help="questions seed_scale makes (few: not measured)")
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--reuse", action="store_true", help="keep the data set that is there (skip seeding)")
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection

    from plein.offers.models import Offer

    vendor = connection.vendor
    bench.national_data(vendor, questions=args.questions, reuse=args.reuse)
    if not Offer.objects.exists():  # a data set from before seed_scale made offers
        from plein.offers.scale import seed_offers

        seed_offers(OFFERS, random.Random(1))
    offers = Offer.objects.count()
    measured, library, municipality = pages()
    queries = {name: count_queries(path) for name, path in measured}
    connection.close()
    port = bench.free_port()
    server = bench.start_server(port)
    try:
        result = measure(port, measured, rounds=args.rounds)
        result["revalidate_statuses"], result["revalidate_p50_ms"] = revalidate(port, measured[3][1], args.rounds)
    finally:
        server.terminate()
        server.wait(timeout=30)
    for name in result["pages"]:
        result["pages"][name]["queries"] = queries[name]
    report(result, vendor, offers, library, municipality)
    out = bench.VAR / f"bench-offers-{vendor}.json"
    out.write_text(json.dumps(result, indent=2))
    bench.log(f"figures written to {out.relative_to(bench.ROOT)}")


if __name__ == "__main__":
    main()
