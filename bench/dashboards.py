"""The figures dashboard at every scope, as a ratio to the health view in the same run.

    .venv/bin/python bench/dashboards.py --reuse            SQLite, the data set of the last
                                                             bench/registration.py run
    PLEIN_PG_PORT=55448 bash bin/with-postgres.sh .venv/bin/python bench/dashboards.py
                                                             PostgreSQL (seeds first)

bench/registration.py runs the same measurement after its desk load. The server is started
with the README's production command (gunicorn with src/gunicorn.conf.py). One client asks
in rounds: /gezondheid/ (a request that does nothing but one SELECT 1: what the machine and
the server cost), then every dashboard once, in a shuffled order. A dashboard's cost is then
its p50 and p95 in milliseconds and its p50 as a multiple of the health view's p50: the ratio
does not depend on how busy the shared machine happened to be.

The dashboards: the median library and the largest library (most questions) as their own
coordinator, the largest province and the Netherlands as an administrator (whose scope picker
is the largest), each over the last year and the last five years. Target: p95 < 150 ms each.
"""

import argparse
import datetime
import json
import os
import random
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import registration as bench  # noqa: E402  (bench/registration.py: settings, server, sessions)

TARGET_P95_MS = 150


def pages(people, today):
    """(name, path, session) of every dashboard measured."""
    one = today - datetime.timedelta(days=364)
    five = today.replace(year=today.year - 5) + datetime.timedelta(days=1)
    result = []
    for years, start in ((1, one), (5, five)):
        query = f"?periode=anders&van={start.isoformat()}&tot={today.isoformat()}"
        result += [
            (f"median library, {years} y", f"/cijfers/bibliotheek-{people['library']['uuid']}/{query}", "coordinator"),
            (f"largest library, {years} y", f"/cijfers/bibliotheek-{people['largest']['uuid']}/{query}", "largest"),
            (f"province {people['province']}, {years} y", f"/cijfers/provincie-{people['province']}/{query}", "admin"),
            (f"the Netherlands, {years} y", f"/cijfers/land/{query}", "admin"),
        ]
    return result


def measure(port, people, *, rounds=30, today=None, seed=1):
    """p50/p95 (ms), size (kB) and ratio to the health view of every dashboard."""
    from django.utils import timezone

    today = today or timezone.localdate()
    sessions = {
        "coordinator": people["coordinator"],
        "largest": people["largest_coordinator"],
        "admin": people["administrator"],
    }
    measured = pages(people, today)
    times = {name: [] for name, *_ in measured}
    health, sizes = [], {}
    for name, path, who in measured:  # warm up: 3 each
        for _ in range(3):
            status, _elapsed, body = bench.get(port, path, sessions[who])
            assert status == 200, (status, path, body[:300])
            sizes[name] = len(body) / 1000
    shuffle = random.Random(seed)
    for _ in range(rounds):
        health.append(bench.get(port, "/gezondheid/")[1])
        order = list(measured)
        shuffle.shuffle(order)
        for name, path, who in order:
            times[name].append(bench.get(port, path, sessions[who])[1])
    base = statistics.median(health)
    result = {"health_p50_ms": base, "health_p95_ms": bench.percentile(health, 95), "rounds": rounds, "pages": {}}
    for name, *_ in measured:
        p50, p95 = statistics.median(times[name]), bench.percentile(times[name], 95)
        result["pages"][name] = {"p50_ms": p50, "p95_ms": p95, "ratio": p50 / base, "kb": sizes[name]}
    return result


def report(result):
    bench.log(
        f"dashboards, {result['rounds']} rounds; health view p50 {result['health_p50_ms']:.1f} ms, "
        f"p95 {result['health_p95_ms']:.1f} ms"
    )
    bench.log(f"  {'dashboard':32} {'p50':>7} {'p95':>7} {'× health':>9} {'size':>8}")
    for name, page in result["pages"].items():
        verdict = "met" if page["p95_ms"] < TARGET_P95_MS else "NOT MET"
        bench.log(
            f"  {name:32} {page['p50_ms']:5.0f}ms {page['p95_ms']:5.0f}ms {page['ratio']:8.1f}× "
            f"{page['kb']:6.0f}kB  (p95 < {TARGET_P95_MS} ms: {verdict})"
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=2_000_000, help="seed this many when the database is empty")
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--reuse", action="store_true", help="keep the data set that is there (SQLite: skip seeding)")
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection

    from plein.registration.models import Question

    vendor = connection.vendor
    bench.national_data(vendor, questions=args.questions, reuse=args.reuse)
    bench.log(f"== dashboards on {vendor}, {Question.objects.count():,} questions ({os.cpu_count()} cores) ==")
    people = bench.prepare_people(desks=0)
    connection.close()
    port = bench.free_port()
    server = bench.start_server(port)
    try:
        result = measure(port, people, rounds=args.rounds)
    finally:
        server.terminate()
        server.wait(timeout=30)
    report(result)
    out = bench.VAR / f"bench-dashboards-{vendor}.json"
    out.write_text(json.dumps(result, indent=2))
    bench.log(f"figures written to {out.relative_to(bench.ROOT)}")


if __name__ == "__main__":
    main()
