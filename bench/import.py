"""Import of historic registrations: prints the figures issue 10 asks for.

    make bench-import          SQLite  (var/bench-import.sqlite3)
    make bench-import-pg       PostgreSQL (a throwaway cluster, bin/with-postgres.sh)

Options: --rows N (default 200,000), --desks D (default 8), --reuse (the database of the
previous run, without seeding again), --xlsx (also time the same rows as an Excel file).

What it does, in order:
1. a fresh database, migrated, with a small national data set from `manage.py seed_scale`
   (40 libraries, 180 IDO branches, 100,000 questions: rollups that are not empty);
2. a CSV file of N rows (one question a row, one to three questions a visit) for the IDO
   branches of one library, over two years, in the export's columns;
3. Plein served by gunicorn (2 workers × 4 threads) on loopback; D desks of other libraries
   post visits to /registreren/ from threads (each a pause of 0.25-0.75 s between visits,
   many times a real desk's pace) before, during and after the import;
4. the import itself, as the background worker runs it (`imports.start_import`; the bench
   runs with the immediate task backend, so this process is the worker): total time and
   rows/s, with the time of each phase (checking, writing, completing);
5. the desks' latency during the import (p50, p95, max) and the number of errors;
6. a check that the rollups equal a recount from the registrations after it all.
Targets: the import under 60 s; desks during the import p95 < 200 ms with 0 errors.
"""

import argparse
import datetime
import http.client
import os
import random
import secrets
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src"
VAR = ROOT / "var"
sys.path.insert(0, str(SRC))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "plein.conf.ci")  # tasks run immediately
SQLITE_FILE = VAR / "bench-import.sqlite3"
os.environ.setdefault("DATABASE_URL", f"sqlite:///{SQLITE_FILE}")
VAR.mkdir(exist_ok=True)

TARGETS = {"import_s": 60, "desk_p95_ms": 200, "desk_errors": 1}


def log(message):
    print(message, flush=True)


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))] if ordered else 0.0


def manage(*args):
    subprocess.run([sys.executable, "manage.py", *args], cwd=SRC, check=True, stdout=subprocess.DEVNULL)


def fresh_database(vendor):
    if vendor == "sqlite":
        for suffix in ("", "-wal", "-shm"):
            Path(f"{SQLITE_FILE}{suffix}").unlink(missing_ok=True)
    manage("migrate", "--noinput", "-v", "0")
    manage(
        "seed_scale",
        "--questions=100000",
        "--years=2",
        "--organisations=40",
        "--locations=200",
        "--ido-locations=180",
        "--yes",
    )


def prepare(rows, desks):
    """The importing coordinator, the desks (sessions made in the session store) and the file."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.db.models import Count

    from plein.accounts.choices import Role
    from plein.accounts.models import User
    from plein.organisations.models import Location
    from plein.registration.models import Category
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

    branches = Location.objects.filter(has_ido=True).select_related("organisation").order_by("pk")
    # The importing library: the one with the most IDO branches.
    library_id = (
        branches.values("organisation").annotate(n=Count("pk")).order_by("-n", "organisation")[0]["organisation"]
    )
    coordinator = User.objects.create(
        email="import@bench.plein.example", name="Bench", role=Role.COORDINATOR, organisation_id=library_id
    )
    own = [b for b in branches if b.organisation_id == library_id]
    desk_sessions, seen = [], {library_id}
    for location in branches:
        if location.organisation_id in seen:
            continue
        seen.add(location.organisation_id)
        user = User.objects.create(
            email=f"desk-{len(desk_sessions)}@bench.plein.example",
            name="Bench",
            role=Role.DESK_WORKER,
            organisation=location.organisation,
        )
        desk_sessions.append({"session": session(user, **{SESSION_BRANCH: str(location.uuid)})})
        if len(desk_sessions) == desks:
            break
    active = Category.objects.filter(retired_at__isnull=True)
    options = {}
    for category in active:
        options.setdefault(category.kind, []).append(category)
    path = VAR / "bench-import.csv"
    write_file(path, rows, own, options)
    return coordinator, own[0].organisation.name, len(own), desk_sessions, options, path


def write_file(path, rows, branches, options):
    """N rows in the export's columns: visits of one to three questions over two years."""
    rng = random.Random(20261203)
    run = secrets.token_hex(3)  # visit keys of their own, so --reuse imports new visits
    code = {kind: [(c.national_code or c.code) for c in cats] for kind, cats in options.items()}
    today = datetime.date.today()
    first = today - datetime.timedelta(days=2 * 365)
    header = (
        "datum;bibliotheek;vestiging;bezoek;kanaal;duur;domein;onderwerp;organisatie;hulp;digid_vervolg;doorverwijzing"
    )
    lines, visit = [header], 0
    while len(lines) <= rows:
        visit += 1
        branch = rng.choice(branches)
        day = first + datetime.timedelta(days=rng.randrange(2 * 365))
        channel, duration = rng.choice(code["kanaal"]), rng.choice(code["duur"])
        for _ in range(min(rng.choice((1, 1, 1, 2, 2, 3)), rows + 1 - len(lines))):
            lines.append(
                ";".join(
                    [
                        day.isoformat(),
                        branch.organisation.name,
                        branch.name,
                        f"b{run}-{visit}",
                        channel,
                        duration,
                        rng.choice(code["domein"]),
                        rng.choice(code["onderwerp"]),
                        rng.choice(code["organisatie"]) if rng.random() < 0.4 else "",
                        rng.choice(code["hulp"]),
                        rng.choice(code["digid"]) if rng.random() < 0.2 else "",
                        rng.choice(code["doorverwijzing"]) if rng.random() < 0.15 else "",
                    ]
                )
            )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(port):
    gunicorn = Path(sys.executable).with_name("gunicorn")
    server = subprocess.Popen(
        [str(gunicorn), "plein.wsgi", "-b", f"127.0.0.1:{port}", "-w", "2", "--threads", "4", "-k", "gthread"],
        cwd=SRC,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(100):
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", "/gezondheid/")
            if connection.getresponse().status == 200:
                return server
        except OSError:
            pass
        time.sleep(0.2)
    server.kill()
    raise SystemExit("gunicorn did not start")


class Desks:
    """Desk threads posting visits as the desk page's script does; every result is kept with
    the moment it started."""

    def __init__(self, port, sessions, options):
        self.port, self.sessions, self.stop = port, sessions, threading.Event()
        self.options = {kind: [str(c.pk) for c in cats] for kind, cats in options.items()}
        self.results = []  # (started, ms, status)
        self.lock = threading.Lock()
        self.threads = [threading.Thread(target=self.desk, args=(s, n), daemon=True) for n, s in enumerate(sessions)]

    def start(self):
        for thread in self.threads:
            thread.start()

    def finish(self):
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=60)

    def desk(self, desk, n):
        rng = random.Random(n)
        csrf = secrets.token_hex(16)
        cookie = f"sessionid={desk['session']}; csrftoken={csrf}"
        pick = rng.choice
        time.sleep(rng.uniform(0, 0.5))
        while not self.stop.is_set():
            data = {
                "channel": pick(self.options["kanaal"]),
                "duration": pick(self.options["duur"]),
                "idempotency_key": uuid.uuid4().hex,
                "vraag-TOTAL_FORMS": "1",
                "vraag-INITIAL_FORMS": "0",
                "vraag-MIN_NUM_FORMS": "1",
                "vraag-MAX_NUM_FORMS": "20",
                "vraag-0-domain": pick(self.options["domein"]),
                "vraag-0-topic": pick(self.options["onderwerp"]),
                "vraag-0-help": pick(self.options["hulp"]),
            }
            body = urllib.parse.urlencode(data)
            headers = {
                "Cookie": cookie,
                "X-CSRFToken": csrf,
                "Accept": "application/json",
                "Content-Type": "application/x-www-form-urlencoded",
                "Referer": f"http://127.0.0.1:{self.port}/registreren/",
            }
            started = time.perf_counter()
            try:
                connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
                connection.request("POST", "/registreren/", body=body, headers=headers)
                response = connection.getresponse()
                response.read()
                status = response.status
                connection.close()
            except OSError:
                status = 0
            elapsed = (time.perf_counter() - started) * 1000
            with self.lock:
                self.results.append((started, elapsed, status))
            self.stop.wait(rng.uniform(0.25, 0.75))

    def between(self, start, end):
        with self.lock:
            return [(ms, status) for started, ms, status in self.results if start <= started <= end]


def summary(results):
    times = [ms for ms, _status in results]
    errors = sum(1 for _ms, status in results if status != 201)
    return {
        "requests": len(results),
        "errors": errors,
        "p50_ms": statistics.median(times) if times else 0.0,
        "p95_ms": percentile(times, 95),
        "max_ms": max(times) if times else 0.0,
    }


def timed_phases():
    """Wrap the import's phases to time them (the import itself is unchanged)."""
    from plein.registration import imports

    phases = {}

    def wrap(name):
        original = getattr(imports, name)

        def timed(*args, **kwargs):
            started = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                phases[name] = phases.get(name, 0) + time.perf_counter() - started

        setattr(imports, name, timed)

    for name in ("check", "write", "publish"):
        wrap(name)
    return phases


def rollups_exact():
    """The rollups after it all equal a recount (rebuild) of the registrations."""
    from plein.registration.models import AreaCount, DailyCount
    from plein.registration.rollups import rebuild_rollups

    def snapshot():
        # Rows that count 0 (left by a withdrawn import or an undo) are not made by a rebuild.
        daily = set(
            DailyCount.objects.exclude(value=0).values_list("day", "location_id", "metric", "category_id", "value")
        )
        area = set(
            AreaCount.objects.exclude(value=0).values_list("area", "span", "start", "metric", "category_id", "value")
        )
        return daily, area

    before = snapshot()
    rebuild_rollups()
    return snapshot() == before


def run_import(path, coordinator, name):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from plein.registration import imports

    upload = SimpleUploadedFile(name, path.read_bytes())
    started, cpu = time.perf_counter(), time.thread_time()
    job = imports.start_import(uploaded=upload, acting_user=coordinator)
    job.cpu_seconds = time.thread_time() - cpu  # this thread only: the desks' threads not counted
    return job, time.perf_counter() - started


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--desks", type=int, default=8)
    parser.add_argument("--reuse", action="store_true", help="keep the database of the previous run (no seeding)")
    parser.add_argument("--xlsx", action="store_true", help="also time the same rows as an Excel file")
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.db import connection

    from plein.registration.models import Visit

    assert "Immediate" in settings.TASKS["default"]["BACKEND"]
    vendor = connection.vendor
    log(f"== Import benchmark on {vendor} ({os.cpu_count()} cores), {args.rows:,} rows, {args.desks} desks ==")
    if not args.reuse:
        fresh_database(vendor)
    coordinator, library, branches, desk_sessions, options, path = prepare(args.rows, args.desks)
    log(f"file: {path.stat().st_size / 1e6:.1f} MB, {args.rows:,} rows for {branches} IDO branches of {library}")
    connection.close()

    port = int(os.environ.get("PLEIN_BENCH_PORT") or free_port())
    server = start_server(port)
    desks = Desks(port, desk_sessions, options)
    phases = timed_phases()
    try:
        desks.start()
        time.sleep(5)  # desks alone, for comparison
        start = time.perf_counter()
        job, seconds = run_import(path, coordinator, "historie.csv")
        end = time.perf_counter()
        time.sleep(3)
    finally:
        desks.finish()
        server.terminate()
        server.wait(timeout=30)
    job_cpu = job.cpu_seconds
    job.refresh_from_db()
    assert job.status == "klaar", (job.status, job.problem, job.first_errors[:3])
    before = summary(desks.between(0, start))
    during = summary(desks.between(start, end))
    log(
        f"import: {job.visits:,} visits, {job.questions:,} questions in {seconds:.1f} s "
        f"= {args.rows / seconds:,.0f} rows/s (check {phases.get('check', 0):.1f} s, write "
        f"{phases.get('write', 0):.1f} s, publish {phases.get('publish', 0):.1f} s; "
        f"{job_cpu:.1f} s of CPU in this process, load average {os.getloadavg()[0]:.1f})  "
        f"target < {TARGETS['import_s']} s: "
        f"{'met' if seconds < TARGETS['import_s'] else 'NOT MET'}"
    )
    log(
        f"desks before the import: {before['requests']} visits, {before['errors']} errors, "
        f"p50 {before['p50_ms']:.0f} ms, p95 {before['p95_ms']:.0f} ms"
    )
    ok = during["p95_ms"] < TARGETS["desk_p95_ms"] and during["errors"] == 0
    log(
        f"desks during the import: {during['requests']} visits, {during['errors']} errors, "
        f"p50 {during['p50_ms']:.0f} ms, p95 {during['p95_ms']:.0f} ms, max {during['max_ms']:.0f} ms  "
        f"target p95 < {TARGETS['desk_p95_ms']} ms and 0 errors: {'met' if ok else 'NOT MET'}"
    )
    log(f"rollups equal a recount after it all: {rollups_exact()}; visits in the database: {Visit.objects.count():,}")
    if args.xlsx:
        from openpyxl import Workbook

        book = Workbook(write_only=True)
        sheet = book.create_sheet()
        for line in path.read_text(encoding="utf-8").splitlines():
            sheet.append(line.split(";"))
        xlsx = VAR / "bench-import.xlsx"
        book.save(xlsx)
        from plein.registration.models import ImportJob

        job, seconds = run_import(xlsx, coordinator, "historie.xlsx")
        job = ImportJob.objects.get(pk=job.pk)
        log(
            f"the same rows as .xlsx ({xlsx.stat().st_size / 1e6:.1f} MB; all imported before, so only checked): "
            f"{seconds:.1f} s = {args.rows / seconds:,.0f} rows/s, {job.visits_skipped:,} visits skipped"
        )


if __name__ == "__main__":
    main()
