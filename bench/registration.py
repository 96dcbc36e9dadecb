"""IDO registration at national scale: prints the figures issue 6 asks for.

    make bench-registration          SQLite  (var/bench-registration.sqlite3)
    make bench-registration-pg       PostgreSQL (a throwaway cluster, bin/with-postgres.sh)

Options: --questions N (default 2,000,000), --seconds S (load per run, default 30),
--reuse (keep the data set of the previous run: skips seeding), --rounds R (dashboard rounds,
default 30), --compare-sync.

What it does, in order:
1. a fresh database, migrated, filled by `manage.py seed_scale` (timed: the seeding time);
2. Plein served by the README's production command (gunicorn with src/gunicorn.conf.py) on
   loopback; 20 desks registering visits on it through /registreren/ for S seconds with Locust
   (its own virtualenv, made by make); registration latency p50/p95 from Locust's statistics;
3. the dashboards of bench/dashboards.py on the same server: the median and the largest
   library, the largest province and the country, one and five years, as p50/p95 and as a
   ratio to the health view in the same run;
   with --compare-sync, 2 and 3 again on gunicorn with three sync workers (the README's
   command before), to compare;
4. the same national five-year figures computed directly on the raw question table, as a
   ratio to the rollup path (in this process, median of repeated runs);
5. peak memory (max RSS) of a process that streams the full national CSV export to /dev/null.
Targets (2-core machine, 2,000,000 questions) are printed next to each figure.
"""

import argparse
import datetime
import http.client
import json
import os
import secrets
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src"
VAR = ROOT / "var"
sys.path.insert(0, str(SRC))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "plein.conf.ci")
SQLITE_FILE = VAR / "bench-registration.sqlite3"
os.environ.setdefault("DATABASE_URL", f"sqlite:///{SQLITE_FILE}")
VAR.mkdir(exist_ok=True)
LOCUST = Path(os.environ.get("PLEIN_LOCUST", ROOT / ".venv-load" / "bin" / "locust"))

TARGETS = {
    "seeding_s": ("<", 300),
    "register_p95_ms": ("<", 50),
    "raw_vs_rollup_ratio": (">=", 10),
    "export_peak_mb": ("<", 250),
}


def log(message):
    print(message, flush=True)


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def fresh_database(vendor):
    """Migrate an empty database (the SQLite file is removed first; the PostgreSQL cluster of
    bin/with-postgres.sh is new)."""
    if vendor == "sqlite":
        for suffix in ("", "-wal", "-shm"):
            Path(f"{SQLITE_FILE}{suffix}").unlink(missing_ok=True)
    manage("migrate", "--noinput", "-v", "0")


def national_data(vendor, *, questions, reuse=False):
    """The national data set for a benchmark: a fresh database (or, with `reuse`, the one that is
    there, migrated), filled by `seed_scale` with `questions` questions when it has none."""
    from plein.registration.models import Question

    if reuse:
        manage("migrate", "--noinput", "-v", "0")
    else:
        fresh_database(vendor)
    if not Question.objects.exists():
        started = time.perf_counter()
        manage("seed_scale", "--questions", str(questions), "--yes", capture=True)
        log(f"seeded {questions:,} questions in {time.perf_counter() - started:.0f} s")


def manage(*args, capture=False):
    command = [sys.executable, "manage.py", *args]
    if capture:
        return subprocess.run(command, cwd=SRC, check=True, capture_output=True, text=True).stdout
    subprocess.run(command, cwd=SRC, check=True)
    return ""


def prepare_people(desks=20):
    """Bench users with sessions made directly in the session store (no login round trips):
    20 desk workers at IDO branches of different libraries, the coordinator of the median
    library (by questions) and an administrator."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.db.models import Sum

    from plein.accounts.choices import Role
    from plein.accounts.models import User
    from plein.organisations.models import Location, Organisation
    from plein.registration.choices import LOCATION_AREA_PREFIX, PROVINCE_AREA_PREFIX, Metric, Span
    from plein.registration.models import AreaCount, Category
    from plein.registration.views import SESSION_BRANCH

    User.objects.filter(email__endswith="@bench.plein.example").delete()
    backend = "django.contrib.auth.backends.ModelBackend"
    assert backend in settings.AUTHENTICATION_BACKENDS

    def session(user, **extra):
        store = SessionStore()
        store[SESSION_KEY], store[BACKEND_SESSION_KEY] = str(user.pk), backend
        store[HASH_SESSION_KEY] = user.get_session_auth_hash()
        store.update(extra)
        store.create()
        return store.session_key

    def person(email, role, organisation=None):
        return User.objects.create(email=email, name="Bench", role=role, organisation=organisation)

    branches = []
    seen = set()
    for location in Location.objects.filter(has_ido=True).select_related("organisation").order_by("pk"):
        if len(branches) == desks:
            break
        if location.organisation_id not in seen:
            seen.add(location.organisation_id)
            branches.append(location)
    desk_sessions = []
    for n, location in enumerate(branches):
        user = person(f"desk-{n}@bench.plein.example", Role.DESK_WORKER, location.organisation)
        desk_sessions.append(
            {"session": session(user, **{SESSION_BRANCH: str(location.uuid)}), "csrf": secrets.token_hex(16)}
        )
    options = {}
    for category in Category.objects.filter(retired_at__isnull=True):
        options.setdefault(category.kind, []).append(str(category.pk))

    # Questions per library from the rollups (the same numbers as the question table, which
    # the benchmark checks): the median library and the largest one.
    per_location = (
        AreaCount.objects.filter(span=Span.MONTH, metric=Metric.QUESTIONS, area__startswith=LOCATION_AREA_PREFIX)
        .values("area")
        .annotate(n=Sum("value"))
        .order_by()
    )
    location_library = dict(Location.objects.values_list("pk", "organisation_id"))
    questions = dict.fromkeys(Organisation.objects.filter(locations__has_ido=True).values_list("pk", flat=True), 0)
    for row in per_location:
        questions[location_library[int(row["area"][len(LOCATION_AREA_PREFIX) :])]] += row["n"]
    counts = sorted(questions.items(), key=lambda item: (item[1], item[0]))
    (median_pk, median_n), (largest_pk, largest_n) = counts[len(counts) // 2], counts[-1]
    library, largest = Organisation.objects.get(pk=median_pk), Organisation.objects.get(pk=largest_pk)
    per_province = (
        AreaCount.objects.filter(span=Span.MONTH, metric=Metric.QUESTIONS, area__startswith=PROVINCE_AREA_PREFIX)
        .values("area")
        .annotate(n=Sum("value"))
        .order_by("-n", "area")
    )
    province = per_province[0]["area"][len(PROVINCE_AREA_PREFIX) :] if per_province else "ZH"
    coordinator = person("coordinator@bench.plein.example", Role.COORDINATOR, library)
    largest_coordinator = person("coordinator-largest@bench.plein.example", Role.COORDINATOR, largest)
    administrator = person("admin@bench.plein.example", Role.ADMINISTRATOR)
    return {
        "desks": desk_sessions,
        "options": options,
        "library": {"uuid": str(library.uuid), "name": library.name, "questions": median_n},
        "largest": {"uuid": str(largest.uuid), "name": largest.name, "questions": largest_n},
        "province": province,
        "coordinator": session(coordinator),
        "largest_coordinator": session(largest_coordinator),
        "administrator": session(administrator),
    }


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# The README's production command (run in src/), on loopback; SYNC is the command the README
# gave before (three single-threaded workers), kept to compare with --compare-sync.
SERVER = ["plein.wsgi", "--config", "gunicorn.conf.py"]
SYNC = ["plein.wsgi", "--workers", "3"]


def start_server(port, command=SERVER):
    gunicorn = Path(sys.executable).with_name("gunicorn")
    server = subprocess.Popen(
        [str(gunicorn), *command, "--bind", f"127.0.0.1:{port}"],
        cwd=SRC,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(100):
        try:
            if get(port, "/gezondheid/")[0] == 200:
                warm_up(port)
                return server
        except OSError:
            pass
        time.sleep(0.2)
    server.kill()
    raise SystemExit("gunicorn did not start")


def warm_up(port):
    """Many requests at once, so every worker thread has opened its database connection (kept
    open between requests, as on a server that has been running): the figures below are the
    steady state, not the first request of each thread."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=16) as pool:
        list(pool.map(lambda _: get(port, "/gezondheid/"), range(64)))


def get(port, path, session=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    headers = {"Cookie": f"sessionid={session}"} if session else {}
    started = time.perf_counter()
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    body = response.read()
    elapsed = (time.perf_counter() - started) * 1000
    connection.close()
    return response.status, elapsed, body


def run_desks(port, people, seconds):
    if not LOCUST.exists():
        raise SystemExit(f"Locust not found at {LOCUST}: run 'make bench-registration' (it makes .venv-load).")
    desks_file = VAR / "bench-desks.json"
    desks_file.write_text(json.dumps(people))
    prefix = VAR / "bench-locust"
    subprocess.run(
        [
            str(LOCUST),
            "-f",
            str(ROOT / "bench" / "locust_desks.py"),
            "--headless",
            "--users",
            str(len(people["desks"])),
            "--spawn-rate",
            str(len(people["desks"])),
            "--run-time",
            f"{seconds}s",
            "--host",
            f"http://127.0.0.1:{port}",
            "--csv",
            str(prefix),
            "--only-summary",
            "--loglevel",
            "WARNING",
        ],
        check=False,  # Locust exits 1 when a request failed; the failures are read below
        env={**os.environ, "PLEIN_BENCH_DESKS": str(desks_file)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    import csv

    with open(f"{prefix}_stats.csv") as f:
        row = next(r for r in csv.DictReader(f) if r["Name"] == "register")
    return {
        "requests": int(row["Request Count"]),
        "failures": int(row["Failure Count"]),
        "per_second": float(row["Requests/s"]),
        "p50_ms": float(row["50%"]),
        "p95_ms": float(row["95%"]),
    }


def raw_national(period):
    """The national figures straight from the registrations: totals, every breakdown (current
    and previous period) and the monthly series, as the dashboard shows them."""
    from django.db.models import Count, Q
    from django.db.models.functions import TruncMonth

    from plein.registration.models import Question, Visit

    previous = period.previous
    now = Q(day__gte=period.start)
    visits = Visit.objects.filter(day__gte=previous.start, day__lte=period.end)
    questions = Question.objects.filter(visit__day__gte=previous.start, visit__day__lte=period.end)
    q_now = Q(visit__day__gte=period.start)
    result = {"visits": visits.aggregate(now=Count("pk", filter=now), before=Count("pk", filter=~now))}
    result["questions"] = questions.aggregate(now=Count("pk", filter=q_now), before=Count("pk", filter=~q_now))
    for field in ("channel", "duration"):
        result[field] = list(
            visits.values(field).annotate(now=Count("pk", filter=now), before=Count("pk", filter=~now))
        )
    for field in ("domain", "topic", "organisation", "help", "digid_follow_up", "referral"):
        result[field] = list(
            questions.exclude(**{f"{field}__isnull": True})
            .values(field)
            .annotate(now=Count("pk", filter=q_now), before=Count("pk", filter=~q_now))
            .order_by()
        )
    current = Visit.objects.filter(day__gte=period.start, day__lte=period.end)
    result["series"] = list(current.annotate(m=TruncMonth("day")).values("m").annotate(n=Count("pk")).order_by())
    return result


def rollup_vs_raw(period):
    from plein.registration import selectors
    from plein.registration.choices import NATIONAL_AREA

    scope = selectors.Scope("land", "Nederland", None, NATIONAL_AREA)
    figures = selectors.figures(scope=scope, period=period)
    raw = raw_national(period)
    assert figures.questions.count == raw["questions"]["now"], (figures.questions, raw["questions"])
    assert figures.visits.previous == raw["visits"]["before"], (figures.visits, raw["visits"])

    def timed(function, repeat):
        times = []
        for _ in range(repeat):
            started = time.perf_counter()
            function()
            times.append((time.perf_counter() - started) * 1000)
        return statistics.median(times)

    rollup_ms = timed(lambda: selectors.figures(scope=scope, period=period), 7)
    raw_ms = timed(lambda: raw_national(period), 3)
    return {"rollup_ms": rollup_ms, "raw_ms": raw_ms, "ratio": raw_ms / rollup_ms}


EXPORT_CHILD = """
import os, resource, sys, time
sys.path.insert(0, {src!r})
import django
django.setup()
import datetime
from plein.registration import exports, selectors
baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
period = selectors.Period(datetime.date.fromisoformat({start!r}), datetime.date.fromisoformat({end!r}))
response = exports.csv_response(exports.question_rows(scope=selectors.Scope("land", "NL", None), period=period), "x")
started, size, rows = time.perf_counter(), 0, -1
with open(os.devnull, "w") as sink:
    for chunk in response.streaming_content:
        text = chunk.decode() if isinstance(chunk, bytes) else chunk
        sink.write(text)
        size += len(text)
        rows += text.count("\\n")
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"{{rows}} {{size}} {{baseline:.1f}} {{peak:.1f}} {{time.perf_counter() - started:.1f}}")
"""


def export_memory(period):
    code = EXPORT_CHILD.format(src=str(SRC), start=period.start.isoformat(), end=period.end.isoformat())
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout.split()
    rows, size, baseline, peak, seconds = int(out[0]), int(out[1]), float(out[2]), float(out[3]), float(out[4])
    return {"rows": rows, "mb": size / 1e6, "baseline_mb": baseline, "peak_mb": peak, "seconds": seconds}


def verdict(key, value):
    op, target = TARGETS[key]
    ok = value < target if op == "<" else value >= target
    return f"target {op} {target}: {'met' if ok else 'NOT MET'}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=2_000_000)
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--reuse", action="store_true", help="keep the data set of the previous run")
    parser.add_argument("--rounds", type=int, default=30, help="dashboard rounds (bench/dashboards.py); 0: none")
    parser.add_argument(
        "--compare-sync", action="store_true", help="measure again with three sync workers (the README's old command)"
    )
    parser.add_argument("--only-server", action="store_true", help="stop after the server measurements")
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection
    from django.utils import timezone

    from plein.registration import selectors
    from plein.registration.models import AreaCount, Question, Visit

    vendor = connection.vendor
    log(f"== IDO registration benchmark on {vendor} ({os.cpu_count()} cores) ==")
    results = {"database": vendor, "questions_requested": args.questions}
    if not args.reuse:
        fresh_database(vendor)
        started = time.perf_counter()
        summary = manage("seed_scale", "--questions", str(args.questions), "--yes", capture=True)
        results["seeding_s"] = time.perf_counter() - started
        log(summary.strip().splitlines()[-1] if summary.strip() else "")
        log(f"seeding: {results['seeding_s']:.0f} s  ({verdict('seeding_s', results['seeding_s'])})")
    results["visits"], results["questions"] = Visit.objects.count(), Question.objects.count()
    log(f"data: {results['questions']:,} questions in {results['visits']:,} visits")

    people = prepare_people()
    connection.close()
    import dashboards

    today = timezone.localdate()
    start = today.replace(year=today.year - 5) + datetime.timedelta(days=1)
    servers = [("gunicorn.conf.py (gthread)", SERVER)]
    if args.compare_sync:
        servers.append(("3 sync workers (the README before)", SYNC))
    for label, command in servers:
        key = "" if command is SERVER else "sync_"
        port = free_port()
        server = start_server(port, command)
        try:
            log(f"-- server: gunicorn {' '.join(command)} ({label})")
            before = Visit.objects.count()
            load = run_desks(port, people, args.seconds)
            added = Visit.objects.count() - before
            national_visits = sum(
                AreaCount.objects.filter(area="NL", span="maand", metric="bezoeken").values_list("value", flat=True)
            )
            load["stored"] = added
            load["rollups_in_step"] = national_visits == Visit.objects.count()
            results[f"{key}register"] = load
            log(
                f"registration, 20 desks for {args.seconds} s: {load['requests']:,} visits "
                f"({load['per_second']:.1f}/s), {load['failures']} failed, {added:,} stored, rollups in step: "
                f"{load['rollups_in_step']}; p50 {load['p50_ms']:.0f} ms, p95 {load['p95_ms']:.0f} ms  "
                f"({verdict('register_p95_ms', load['p95_ms'])})"
            )
            log(
                f"median library: {people['library']['name']} ({people['library']['questions']:,} questions); "
                f"largest: {people['largest']['name']} ({people['largest']['questions']:,}); "
                f"province: {people['province']}"
            )
            if args.rounds:
                result = dashboards.measure(port, people, rounds=args.rounds, today=today)
                results[f"{key}dashboards"] = result
                dashboards.report(result)
        finally:
            server.terminate()
            server.wait(timeout=30)
        connection.close()

    if args.only_server:
        log(json.dumps({k: v for k, v in results.items() if "register" in k}, default=str))
        return
    period = selectors.Period(start, today)
    ratio = rollup_vs_raw(period)
    results["rollup_vs_raw"] = ratio
    log(
        f"national five-year figures in process: rollups {ratio['rollup_ms']:.0f} ms, raw question table "
        f"{ratio['raw_ms']:.0f} ms: {ratio['ratio']:.0f}x  ({verdict('raw_vs_rollup_ratio', ratio['ratio'])})"
    )
    export = export_memory(selectors.Period(today.replace(year=today.year - 6), today))
    results["export"] = export
    log(
        f"full national CSV export: {export['rows']:,} rows, {export['mb']:.0f} MB in {export['seconds']:.0f} s; "
        f"peak memory {export['peak_mb']:.0f} MB (process after start-up {export['baseline_mb']:.0f} MB)  "
        f"({verdict('export_peak_mb', export['peak_mb'])})"
    )
    out = VAR / f"bench-registration-{vendor}.json"
    out.write_text(json.dumps(results, indent=2, default=str))
    log(f"figures written to {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
