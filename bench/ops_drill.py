"""The operations drill (issue 14): Plein as it runs in production, on this machine, while
instances come and go. `make drill` (bin/ops-drill.sh: HAProxy from Debian, a throwaway
PostgreSQL from bin/with-postgres.sh, then this script). Not part of make test.

What it starts: two web instances (bin/docker-start.sh, the container's start command: wait for
the database, migrate_once, gunicorn with src/gunicorn.conf.py) with the production settings,
HAProxy in front of them with health checks on /readyz, and a task worker (db_worker). Then, while
20 Locust desks register visits through HAProxy for --seconds (default 60):

  baseline         nothing happens (the reference figures);
  rolling restart  each web instance in turn: drained in HAProxy (as Kubernetes takes a pod out of
                   the Service before its preStop), SIGTERM (gunicorn finishes what it has in
                   hand), started again, /readyz 200, back in HAProxy;
  worker killed    a reminder run for --meetings meetings is queued; once mail is going out the
                   worker gets SIGKILL, and is started again;
  database outage  PostgreSQL stopped for 10 s and started again: /readyz must answer 503 meanwhile
                   and 200 again within 5 s after PostgreSQL is back, without restarting anything;
  after            the rest of the run.

A desk that gets no acknowledgement keeps the visit and sends it again with the same
idempotency key, as the desk page does (bench/locust_ops_drill.py). Then the scheduled
`send_reminders` runs (the CronJob), and it prints: requests sent and failed (with the reasons),
p50/p95 per phase, visits acknowledged versus stored, visits stored twice, rollups versus raw
counts, reminders sent exactly once, readyz during the outage and the time to recover, the API
rate limit counted by both instances together, and a backup-restore round trip. Exit status 1
when a target is not met. Figures also in var/drill/ops-drill-<time>.json.
"""

import argparse
import collections
import datetime
import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src"
BENCH = ROOT / "bench"
VAR = ROOT / "var"
DRILL = VAR / "drill"
LOCUST = Path(os.environ.get("PLEIN_LOCUST", ROOT / ".venv-load" / "bin" / "locust"))
START_SCRIPT = ROOT / "bin" / "docker-start.sh"
API_RATE = 40  # requests per key per hour for the drill's API key (PLEIN_API_RATE)
OUTAGE_S = 10
RECOVERY_TARGET_S = 5


def log(message=""):
    print(message, flush=True)


def percentile(values, p):
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# --- the environment: production settings, as in the ConfigMap and Secret ---------------------


def production_environment(balancer_port):
    """What deploy/kubernetes/configmap.yaml and secret.yaml give a pod, for loopback: the
    production settings with every required value set (the database is the one of
    bin/with-postgres.sh), plain HTTP behind one proxy, mail to the drill's mailbox."""
    DRILL.mkdir(parents=True, exist_ok=True)
    (DRILL / "media").mkdir(exist_ok=True)
    return {
        "DJANGO_SETTINGS_MODULE": "plein.conf.production",
        "SECRET_KEY": "drill-only-not-secret-" + "x" * 40,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "PLEIN_SITE_URL": f"http://127.0.0.1:{balancer_port}",
        "CSRF_TRUSTED_ORIGINS": f"http://127.0.0.1:{balancer_port}",
        "PLEIN_PROXY_COUNT": "1",
        "SECURE_SSL_REDIRECT": "false",  # HAProxy here speaks plain HTTP on loopback
        "EMAIL_HOST": "127.0.0.1",
        "DEFAULT_FROM_EMAIL": "Plein <noreply@plein.example>",
        "EMAIL_BACKEND": "ops_drill_mail.DrillMailBackend",
        "PLEIN_DRILL_MAIL": str(DRILL / "mailbox.jsonl"),
        "PYTHONPATH": os.pathsep.join(filter(None, [str(BENCH), os.environ.get("PYTHONPATH", "")])),
        "VAR_DIR": str(DRILL),
        "MEDIA_ROOT": str(DRILL / "media"),
        "STATIC_ROOT": str(DRILL / "static"),
        "PLEIN_API_RATE": f"{API_RATE}/h",
        # bin/docker-start.sh and src/gunicorn.conf.py, as in the ConfigMap.
        "PYTHON": sys.executable,
        "WEB_CONCURRENCY": "2",
        "PLEIN_THREADS": "4",
        "PLEIN_GRACEFUL_TIMEOUT": "25",
        "PLEIN_ACCESS_LOG": "/dev/null",
        "LOG_LEVEL": "WARNING",
    }


# --- processes ----------------------------------------------------------------------------------


def http_get(port, path, headers=None, timeout=5):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path, headers={"Host": "127.0.0.1", **(headers or {})})
        response = connection.getresponse()
        return response.status, response.headers, response.read()  # headers: any case (HAProxy sends lower)
    finally:
        connection.close()


def status_of(port, path):
    try:
        return http_get(port, path, timeout=3)[0]
    except OSError:
        return 0


class Web:
    """One web instance: bin/docker-start.sh when it is there (the container's command), else
    the same gunicorn command it ends with."""

    def __init__(self, name, port, env, logfile):
        self.name, self.port, self.env, self.logfile = name, port, env, logfile
        self.process = None

    def start(self):
        env = {**self.env, "PORT": str(self.port)}
        if START_SCRIPT.exists():
            command, cwd = ["bash", str(START_SCRIPT)], ROOT
        else:
            gunicorn = Path(sys.executable).with_name("gunicorn")
            command, cwd = [str(gunicorn), "plein.wsgi", "--config", "gunicorn.conf.py"], SRC
        out = open(self.logfile, "a")  # noqa: SIM115
        self.process = subprocess.Popen(command, cwd=cwd, env=env, stdout=out, stderr=out, start_new_session=True)

    def stop(self, timeout=60):
        """SIGTERM and wait: gunicorn stops accepting, finishes the requests in hand, exits."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()

    def wait_ready(self, path, timeout=90):
        started = time.monotonic()
        while time.monotonic() - started < timeout:
            if self.process.poll() is not None:
                code = self.process.returncode
                raise SystemExit(f"{self.name} stopped while starting (exit {code}): see {self.logfile}")
            if status_of(self.port, path) == 200:
                return time.monotonic() - started
            time.sleep(0.2)
        raise SystemExit(f"{self.name} not ready after {timeout} s: see {self.logfile}")


class Worker:
    """The task worker, kept running the way Kubernetes keeps a Deployment's container running:
    whenever it exits (killed, or stopped by itself when it lost the database) it is started
    again after a second. Every exit is counted with its status."""

    def __init__(self, env, logfile):
        self.env, self.logfile, self.process = env, logfile, None
        self.exits, self.stopping = [], False
        self.lock = threading.Lock()
        self.supervisor = threading.Thread(target=self._supervise, daemon=True)

    def start(self):
        out = open(self.logfile, "a")  # noqa: SIM115
        command = [sys.executable, "manage.py", "db_worker", "--no-reload", "--interval", "0.5", "-v", "0"]
        with self.lock:
            self.process = subprocess.Popen(
                command, cwd=SRC, env=self.env, stdout=out, stderr=out, start_new_session=True
            )
        if not self.supervisor.is_alive():
            self.supervisor.start()

    def _supervise(self):
        while not self.stopping:
            code = self.process.wait()
            if self.stopping:
                return
            self.exits.append(code)
            time.sleep(1)
            if not self.stopping:
                self.start()

    def kill(self):
        self.process.send_signal(signal.SIGKILL)

    def stop(self):
        self.stopping = True
        with self.lock:
            process = self.process
        if process and process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


class Balancer:
    """HAProxy: round robin over the two instances, health checks on /readyz every second,
    l7 retries of a request that found no server (safe: the request never reached Plein; a
    retried registration keeps its idempotency key anyway)."""

    def __init__(self, port, webs, ready_path, workdir):
        self.port, self.webs, self.workdir = port, webs, workdir
        self.socket_path = str(workdir / "haproxy.sock")
        self.config = workdir / "haproxy.cfg"
        servers = "\n".join(f"    server {w.name} 127.0.0.1:{w.port} check" for w in webs)
        self.config.write_text(
            f"""global
    maxconn 2000
    stats socket {self.socket_path} mode 600 level admin

defaults
    mode http
    timeout connect 2s
    timeout client 60s
    timeout server 60s
    timeout http-request 10s
    option forwardfor
    retries 3
    option redispatch 1
    retry-on conn-failure empty-response junk-response

frontend plein
    bind 127.0.0.1:{port}
    default_backend plein_web

backend plein_web
    balance roundrobin
    option httpchk
    http-check send meth GET uri {ready_path} ver HTTP/1.1 hdr Host 127.0.0.1
    http-check expect status 200
    timeout check 5s
    default-server inter 1s fastinter 250ms downinter 250ms fall 3 rise 1
    http-response set-header X-Plein-Server %s
{servers}
"""
        )
        self.process = None

    def start(self, logfile):
        out = open(logfile, "a")  # noqa: SIM115
        check = subprocess.run(["haproxy", "-c", "-q", "-f", str(self.config)], capture_output=True, text=True)
        if check.returncode:
            raise SystemExit(f"haproxy refused its configuration:\n{check.stderr}")
        self.process = subprocess.Popen(
            ["haproxy", "-db", "-f", str(self.config)], stdout=out, stderr=out, start_new_session=True
        )

    def command(self, line):
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
            s.connect(self.socket_path)
            s.sendall((line + "\n").encode())
            chunks = []
            while chunk := s.recv(65536):
                chunks.append(chunk)
        return b"".join(chunks).decode()

    def server_status(self):
        """{server name: status} as HAProxy sees it (UP, DOWN, DRAIN, MAINT, ...)."""
        lines = self.command("show stat").splitlines()
        header = lines[0].lstrip("# ").split(",")
        result = {}
        for line in lines[1:]:
            row = dict(zip(header, line.split(","), strict=False))
            if row.get("pxname") == "plein_web" and row.get("svname") not in ("FRONTEND", "BACKEND"):
                result[row["svname"]] = row["status"]
        return result

    def wait_up(self, names, timeout=30):
        started = time.monotonic()
        status = {}
        while time.monotonic() - started < timeout:
            if self.process.poll() is not None:
                raise SystemExit("HAProxy stopped: see its log in var/drill/logs/haproxy.log")
            try:
                status = self.server_status()
            except OSError:  # not listening on its socket yet
                time.sleep(0.1)
                continue
            if all(status.get(n, "").startswith("UP") for n in names):
                return
            time.sleep(0.1)
        raise SystemExit(f"HAProxy does not see {names} up: {status}")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)


class Postgres:
    """The cluster of bin/with-postgres.sh (PLEIN_PG_BIN, PLEIN_PG_DIR), stopped and started
    again with the options it was started with."""

    def __init__(self):
        self.bin, self.dir = os.environ.get("PLEIN_PG_BIN"), os.environ.get("PLEIN_PG_DIR")
        if not self.bin or not self.dir:
            raise SystemExit("Run through bin/ops-drill.sh (make drill): it needs bin/with-postgres.sh's cluster.")
        self.port = os.environ["PLEIN_PG_PORT_USED"]

    def _run(self, command):
        if os.getuid() == 0:
            subprocess.run(["su", "postgres", "-s", "/bin/sh", "-c", command], check=True, capture_output=True)
        else:
            subprocess.run(["sh", "-c", command], check=True, capture_output=True)

    def stop(self):
        self._run(f"{self.bin}/pg_ctl -D {self.dir}/data -m fast -w stop")

    def start(self):
        options = f"-F -p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1"
        self._run(f"{self.bin}/pg_ctl -D {self.dir}/data -l {self.dir}/log -w -o '{options}' start")


# --- data ------------------------------------------------------------------------------------


def manage(*args, env=None, check=True):
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=SRC, env=env or os.environ, capture_output=True, text=True
    )
    if check and result.returncode:
        raise SystemExit(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result


def has_command(name):
    return manage("help", name, check=False).returncode == 0


def prepare_meetings(count):
    """A theme group whose members are the desks' libraries, with `count` meetings the day after
    tomorrow: each has a reminder due now, to every desk worker and coordinator of those libraries."""
    from django.utils import timezone

    from plein.organisations.choices import OrganisationType
    from plein.organisations.models import Organisation
    from plein.themegroups.models import GroupMembership, Meeting, ProgrammeYear, ThemeGroup
    from plein.themegroups.services.reminders import meeting_recipients

    poi = Organisation.objects.filter(type=OrganisationType.POI).first() or Organisation.objects.create(
        name="Drill POI", type=OrganisationType.POI
    )
    today = timezone.localdate()
    year = ProgrammeYear.objects.create(
        poi=poi, year=today.year + 50, signup_opens=today, signup_closes=today + datetime.timedelta(days=30)
    )
    group = ThemeGroup.objects.create(programme_year=year, name="Drill group")
    libraries = Organisation.objects.filter(users__email__endswith="@bench.plein.example").distinct()
    for library in libraries:
        GroupMembership.objects.create(group=group, library=library)
    starts = timezone.now() + datetime.timedelta(days=2)
    meetings = [
        Meeting.objects.create(
            group=group, title=f"Drill meeting {n:03d}", starts_at=starts, ends_at=starts + datetime.timedelta(hours=1)
        )
        for n in range(count)
    ]
    return {m.pk: (m.title, meeting_recipients(m)) for m in meetings}


def api_key():
    from plein.accounts.models import User
    from plein.api import services

    coordinator = User.objects.get(email="coordinator@bench.plein.example")
    _token, secret = services.token_create(acting_user=coordinator, organisation=coordinator.organisation, name="drill")
    return secret


# --- the run ------------------------------------------------------------------------------------


class Timeline:
    def __init__(self):
        self.phases = []  # (name, start, end)
        self.notes = {}

    def begin(self, name):
        if self.phases and self.phases[-1][2] is None:
            self.phases[-1] = (*self.phases[-1][:2], time.time())
        self.phases.append((name, time.time(), None))
        log(f"   [{time.strftime('%H:%M:%S')}] {name}")

    def close(self, at):
        if self.phases and self.phases[-1][2] is None:
            self.phases[-1] = (*self.phases[-1][:2], at)

    def phase_of(self, t):
        for name, start, end in self.phases:
            if start <= t < (end or float("inf")):
                return name
        return "before" if self.phases and t < self.phases[0][1] else "after"


def rolling_restart(webs, balancer, ready_path, timeline):
    timeline.begin("rolling restart")
    for web in webs:
        # As Kubernetes does: out of the Service first (preStop sleep), then SIGTERM.
        balancer.command(f"set server plein_web/{web.name} state drain")
        time.sleep(2)
        stopped = time.monotonic()
        web.stop()
        down_s = time.monotonic() - stopped
        web.start()
        ready_s = web.wait_ready(ready_path)
        balancer.command(f"set server plein_web/{web.name} state ready")
        balancer.wait_up([web.name])
        log(f"      {web.name}: stopped gracefully in {down_s:.1f} s, ready again in {ready_s:.1f} s")
        timeline.notes.setdefault("restarts", []).append({"web": web.name, "stop_s": down_s, "ready_s": ready_s})


def worker_kill(worker, meetings, timeline, mailbox):
    from django.db import connection

    from plein.themegroups.models import Meeting
    from plein.themegroups.tasks import send_meeting_reminder

    timeline.begin("worker killed")
    for meeting in Meeting.objects.filter(pk__in=meetings):
        send_meeting_reminder.enqueue(meeting.pk, meeting.starts_at.isoformat())
    connection.close()  # before PostgreSQL is stopped below
    started = time.monotonic()
    while time.monotonic() - started < 30 and mail_count(mailbox) < 40:
        time.sleep(0.05)
    at_kill = mail_count(mailbox)
    worker.kill()  # started again a second later, as Kubernetes would
    log(f"      worker SIGKILL after {at_kill} reminder e-mails of the run")
    time.sleep(1.5)
    timeline.notes["worker"] = {"mails_at_kill": at_kill}


def database_outage(pg, webs, ready_path, timeline):
    timeline.begin("database outage")
    pg.stop()
    stopped = time.monotonic()
    seen = collections.Counter()
    while time.monotonic() - stopped < OUTAGE_S:
        for web in webs:
            seen[status_of(web.port, ready_path)] += 1
        time.sleep(0.25)
    pg.start()
    back = time.monotonic()
    recovered = {}
    while len(recovered) < len(webs) and time.monotonic() - back < 60:
        for web in webs:
            if web.name not in recovered and status_of(web.port, ready_path) == 200:
                recovered[web.name] = time.monotonic() - back
        time.sleep(0.1)
    timeline.notes["outage"] = {
        "readyz_during": {str(k): v for k, v in seen.items()},
        "recovered_s": recovered,
        "postgres_back_at": time.time() - (time.monotonic() - back),
    }
    log(f"      readyz while PostgreSQL was down: {dict(seen)}; answering again after: {recovered}")


def mail_count(mailbox):
    try:
        with open(mailbox) as f:
            return sum(1 for _ in f)
    except FileNotFoundError:
        return 0


def run_load(port, people, seconds, events, drill_log):
    desks_file = DRILL / "desks.json"
    desks_file.write_text(json.dumps(people))
    env = {**os.environ, "PLEIN_BENCH_DESKS": str(desks_file), "PLEIN_DRILL_LOG": str(drill_log)}
    locust = subprocess.Popen(
        [
            str(LOCUST),
            "-f",
            str(BENCH / "locust_ops_drill.py"),
            "--headless",
            "--users",
            str(len(people["desks"])),
            "--spawn-rate",
            str(len(people["desks"])),
            "--run-time",
            f"{seconds + 600}s",  # stopped below, when the events are over
            "--stop-timeout",
            "10",
            "--host",
            f"http://127.0.0.1:{port}",
            "--only-summary",
            "--loglevel",
            "WARNING",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=open(DRILL / "locust.log", "w"),  # noqa: SIM115
        start_new_session=True,
    )
    try:
        events()
    finally:
        # SIGTERM: Locust stops its desks (each writes the visits it still holds) and exits.
        if locust.poll() is None:
            locust.terminate()
            try:
                locust.wait(timeout=30)
            except subprocess.TimeoutExpired:
                locust.kill()
                locust.wait()


# --- figures ------------------------------------------------------------------------------------


def load_figures(drill_log, timeline):
    attempts, pending = [], []
    for line in drill_log.read_text().splitlines():
        record = json.loads(line)
        (pending if record.get("pending") else attempts).append(record)
    per_phase = collections.OrderedDict((name, []) for name, _s, _e in timeline.phases)
    for record in attempts:  # counted in the phase in which the answer came (or did not)
        per_phase.setdefault(timeline.phase_of(record["t"] + record["ms"] / 1000), []).append(record)
    phases = {}
    for name, records in per_phase.items():
        ok = [r["ms"] for r in records if "visit" in r]
        reasons = collections.Counter(r["failure"][:60] for r in records if "failure" in r)
        phases[name] = {
            "requests": len(records),
            "failed": sum(reasons.values()),
            "reasons": dict(reasons.most_common(5)),
            "p50_ms": percentile(ok, 50),
            "p95_ms": percentile(ok, 95),
            "servers": dict(collections.Counter(r.get("server", "") for r in records)),
        }
    acknowledged = {r["key"]: r["visit"] for r in attempts if "visit" in r}
    return attempts, pending, phases, acknowledged


def stored_figures(attempts, acknowledged):
    from django.db.models import Count, Sum

    from plein.registration.choices import NATIONAL_AREA, Metric, Span
    from plein.registration.models import AreaCount, Question, Visit

    keys = {r["key"] for r in attempts}
    stored = dict(Visit.objects.filter(idempotency_key__in=keys).values_list("idempotency_key", "uuid"))
    twice = (
        Visit.objects.filter(idempotency_key__in=keys)
        .values("idempotency_key")
        .annotate(n=Count("pk"))
        .filter(n__gt=1)
        .count()
    )
    lost = [k for k in acknowledged if k not in stored]
    wrong_id = [k for k, v in acknowledged.items() if k in stored and str(stored[k]) != v]
    unacknowledged_stored = [k for k in stored if k not in acknowledged]

    def rollup(metric):
        rows = AreaCount.objects.filter(area=NATIONAL_AREA, span=Span.MONTH, metric=metric)
        return rows.aggregate(n=Sum("value"))["n"] or 0

    raw_visits = Visit.objects.filter(pending=False).count()
    raw_questions = Question.objects.filter(visit__pending=False).count()
    return {
        "acknowledged": len(acknowledged),
        "stored": len(stored),
        "lost": len(lost),
        "stored_twice": twice,
        "acknowledged_with_other_id": len(wrong_id),
        "stored_not_acknowledged": len(unacknowledged_stored),
        "rollup_visits": rollup(Metric.VISITS),
        "raw_visits": raw_visits,
        "rollup_questions": rollup(Metric.QUESTIONS),
        "raw_questions": raw_questions,
    }


def reminder_figures(meetings, mailbox):
    """Each recipient of each meeting should have exactly one reminder in the mailbox."""
    import re

    from plein.themegroups.models import Meeting, ReminderDelivery

    delivered = collections.Counter()
    with open(mailbox) as f:
        for line in f:
            mail = json.loads(line)
            title = re.search(r"Drill meeting \d+", mail["subject"])
            delivered[(mail["to"].lower(), title.group(0) if title else mail["subject"])] += 1
    expected = {(address.lower(), title) for title, recipients in meetings.values() for address in recipients}
    return {
        "meetings": len(meetings),
        "expected": len(expected),
        "delivered": sum(delivered[key] for key in expected),
        "missing": sum(1 for key in expected if delivered[key] == 0),
        "twice": sum(1 for key in expected if delivered[key] > 1),
        "unexpected": sum(n for key, n in delivered.items() if key not in expected),
        "meetings_without_reminder": Meeting.objects.filter(pk__in=meetings, reminder_sent_at__isnull=True).count(),
        # The table that makes it exactly once (one row per meeting, start time and address).
        "rows_sent": ReminderDelivery.objects.filter(meeting__in=meetings, sent_at__isnull=False).count(),
        "rows_unsent": ReminderDelivery.objects.filter(meeting__in=meetings, sent_at__isnull=True).count(),
    }


def rate_limit_figures(port, secret):
    """More requests than the key may make, through HAProxy (round robin over both instances):
    exactly API_RATE answered, the rest 429, whichever instance answered."""
    answers = collections.Counter()
    for _ in range(API_RATE + 20):
        status, headers, _body = http_get(port, "/api/v1/categories", headers={"Authorization": f"Bearer {secret}"})
        answers[(status, headers.get("X-Plein-Server", "?"))] += 1
    ok = sum(n for (status, _s), n in answers.items() if status == 200)
    limited = sum(n for (status, _s), n in answers.items() if status == 429)
    per_server = collections.defaultdict(dict)
    for (status, server), n in answers.items():
        per_server[server][status] = n
    return {"sent": API_RATE + 20, "limit": API_RATE, "ok": ok, "limited": limited, "per_server": dict(per_server)}


def backup_restore_figures(env):
    """wt-ops' `backup` and `restore` commands: a backup of the drill's database and media,
    restored into a new empty database, checked by the restore itself."""
    if not (has_command("backup") and has_command("restore")):
        return {"missing": "manage.py backup / restore are not in this branch"}
    target = Path(tempfile.mkdtemp(prefix="plein-drill-backup-"))
    try:
        started = time.monotonic()
        backup = manage("backup", str(target / "backup"), env=env, check=False)
        backup_s = time.monotonic() - started
        if backup.returncode:
            return {"ok": False, "step": "backup", "output": (backup.stdout + backup.stderr)[-800:]}
        # An empty installation: a new database, migrated, and an empty media folder.
        database = os.environ["DATABASE_URL"].rsplit("/", 1)
        restore_db = "plein_restore"
        pg = Postgres()
        pg._run(f"{pg.bin}/createdb -h 127.0.0.1 -p {pg.port} -U postgres {restore_db}")
        restore_env = {**env, "DATABASE_URL": f"{database[0]}/{restore_db}", "MEDIA_ROOT": str(target / "media")}
        manage("migrate", "--noinput", "-v", "0", env=restore_env)
        manifest = json.loads((target / "backup" / "manifest.json").read_text())
        started = time.monotonic()
        restore = manage("restore", str(target / "backup"), env=restore_env, check=False)
        return {
            "ok": restore.returncode == 0 and "OK" in restore.stdout,
            "database_file": manifest.get("database"),
            "tables": len(manifest.get("tables", manifest.get("rows", {})) or {}),
            "files": len(manifest.get("media", {})),
            "backup_s": backup_s,
            "restore_s": time.monotonic() - started,
            "output": (restore.stdout + restore.stderr).strip().splitlines()[-6:],
        }
    finally:
        shutil.rmtree(target, ignore_errors=True)


# --- main ---------------------------------------------------------------------------------------


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=60, help="load duration (default 60)")
    parser.add_argument("--desks", type=int, default=20)
    parser.add_argument("--meetings", type=int, default=60, help="meetings in the reminder run (default 60)")
    parser.add_argument("--questions", type=int, default=20_000, help="questions seeded (default 20,000)")
    args = parser.parse_args()

    if not LOCUST.exists():
        raise SystemExit(f"Locust not found at {LOCUST}: run 'make drill' (it makes .venv-load).")
    if shutil.which("haproxy") is None:
        raise SystemExit("HAProxy not found: run 'make drill' (bin/ops-drill.sh installs it).")
    shutil.rmtree(DRILL, ignore_errors=True)
    DRILL.mkdir(parents=True)
    balancer_port, ports = free_port(), [free_port(), free_port()]
    env = {**os.environ, **production_environment(balancer_port)}
    os.environ.update(env)
    sys.path.insert(0, str(SRC))
    sys.path.insert(0, str(BENCH))
    import django

    django.setup()
    from django.db import connection

    started_all = time.monotonic()
    log(f"== Operations drill: {os.cpu_count()} cores, PostgreSQL at {os.environ['DATABASE_URL'].split('@')[-1]}")
    missing = []
    if has_command("migrate_once"):
        manage("migrate_once", "-v", "0")
    else:
        missing.append("manage.py migrate_once")
        manage("migrate", "--noinput", "-v", "0")
    if not START_SCRIPT.exists():
        missing.append("bin/docker-start.sh (started gunicorn directly)")
    manage(
        "seed_scale",
        *("--questions", str(args.questions), "--organisations", "25", "--locations", "40"),
        *("--ido-locations", "30", "--municipalities", "25", "--years", "1", "--yes"),
    )
    import registration as bench_registration

    people = bench_registration.prepare_people(desks=args.desks)
    meetings = prepare_meetings(args.meetings)
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    for n in range(3):  # uploaded files, for the backup's checksums
        default_storage.save(f"drill/upload-{n}.txt", ContentFile(f"drill upload {n}\n".encode() * (n + 1)))
    secret = api_key()
    connection.close()
    manage("collectstatic", "--noinput", "-v", "0")
    log(f"   data: seeded {args.questions:,} questions, {args.desks} desks, {len(meetings)} meetings due a reminder")

    logs = DRILL / "logs"
    logs.mkdir()
    webs = [Web(f"web{n + 1}", port, env, logs / f"web{n + 1}.log") for n, port in enumerate(ports)]
    for web in webs:
        web.start()
    ready_path = "/readyz"
    first = webs[0]
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if first.process.poll() is not None:
            raise SystemExit(f"web1 stopped: see {first.logfile}")
        status = status_of(first.port, ready_path)
        if status == 404:
            ready_path = "/gezondheid/"
            missing.append("/readyz (HAProxy checks /gezondheid/ instead)")
            break
        if status == 200:
            break
        time.sleep(0.2)
    for web in webs:
        web.wait_ready(ready_path)
    balancer = Balancer(balancer_port, webs, ready_path, Path(tempfile.mkdtemp(prefix="plein-drill-")))
    balancer.start(logs / "haproxy.log")
    worker = Worker(env, logs / "worker.log")
    worker.start()
    pg = Postgres()
    try:
        balancer.wait_up([w.name for w in webs])
        backends = ", ".join(f"{w.name} :{w.port}" for w in webs)
        log(f"   HAProxy on 127.0.0.1:{balancer_port} -> {backends}; health check {ready_path}")
        timeline = Timeline()
        drill_log = DRILL / "requests.jsonl"
        mailbox = Path(env["PLEIN_DRILL_MAIL"])
        load_started = time.time()

        def events():
            # Every desk's first visit opens the instances' database connections and loads the
            # registration code: not counted (a running production server is past that).
            timeline.begin("warm-up")
            time.sleep(8)
            timeline.begin("baseline")
            time.sleep(8)
            rolling_restart(webs, balancer, ready_path, timeline)
            worker_kill(worker, meetings, timeline, mailbox)
            time.sleep(2)
            database_outage(pg, webs, ready_path, timeline)
            timeline.begin("after")
            # The load runs --seconds at least, and 8 s past the last event.
            time.sleep(max(8, load_started + args.seconds - time.time()))
            timeline.notes["load_s"] = time.time() - load_started

        log(f"-- {args.desks} desks register visits through HAProxy (at least {args.seconds} s) while:")
        # The drill's own worker-side connections (enqueueing the reminders) died with PostgreSQL.
        connection.close()
        run_load(balancer_port, people, args.seconds, events, drill_log)
        timeline.close(time.time())
        connection.close()

        # The reminder run goes on (the worker was started again); then the CronJob's command.
        from django_tasks_db.models import DBTaskResult

        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and DBTaskResult.objects.filter(status="READY").exists():
            time.sleep(0.5)
        stuck = DBTaskResult.objects.filter(status="RUNNING").count()
        connection.close()
        catch_up = manage("send_reminders").stdout.strip()
        time.sleep(1)

        attempts, pending, phases, acknowledged = load_figures(drill_log, timeline)
        stored = stored_figures(attempts, acknowledged)
        reminders = reminder_figures(meetings, mailbox)
        reminders["tasks_left_running"] = stuck
        reminders["worker_exits"] = list(worker.exits)
        reminders["send_reminders"] = catch_up
        rate = rate_limit_figures(balancer_port, secret)
        connection.close()
        backup = backup_restore_figures(env)
        outage = timeline.notes.get("outage", {})
        back_at = outage.get("postgres_back_at")
        answered = [r["t"] + r["ms"] / 1000 for r in attempts if "visit" in r and back_at and r["t"] >= back_at]
        first_ok = min(answered, default=None)
        outage["first_registration_s"] = (first_ok - back_at) if first_ok and back_at else None
    finally:
        worker.stop()
        for web in webs:
            web.stop(timeout=30)
        balancer.stop()
        if pg_was_down(pg):
            pg.start()

    report(args, phases, attempts, pending, stored, reminders, rate, backup, timeline, missing, ready_path)
    results = {
        "phases": phases,
        "stored": stored,
        "reminders": reminders,
        "rate_limit": rate,
        "backup_restore": backup,
        "notes": timeline.notes,
        "missing": missing,
        "seconds_total": time.monotonic() - started_all,
    }
    out = DRILL / f"ops-drill-{time.strftime('%Y%m%dT%H%M%S')}.json"
    out.write_text(json.dumps(results, indent=2, default=str))
    keep = VAR / out.name
    shutil.copy(out, keep)
    log(f"figures written to {keep.relative_to(ROOT)}")
    return 0 if verdicts_met(results) else 1


def pg_was_down(pg):
    try:
        with socket.create_connection(("127.0.0.1", int(pg.port)), timeout=1):
            return False
    except OSError:
        return True


TARGET_LINES = []


def verdict(ok, text):
    TARGET_LINES.append(ok)
    return f"{text}  [{'met' if ok else 'NOT MET'}]"


def verdicts_met(_results):
    return all(TARGET_LINES)


def report(args, phases, attempts, pending, stored, reminders, rate, backup, timeline, missing, ready_path):
    log()
    log("== Figures")
    sent = len(attempts)
    failed = sum(p["failed"] for p in phases.values())
    load_s = timeline.notes.get("load_s", 0)
    log(f"load: {args.desks} desks for {load_s:.0f} s through HAProxy")
    log(f"requests sent: {sent:,}; failed: {failed} (a failed visit is kept by the desk and sent again, same key)")
    log(f"{'phase':<17} {'requests':>8} {'failed':>6} {'p50 ms':>7} {'p95 ms':>7}  reasons")
    for name, p in phases.items():
        reasons = "; ".join(f"{n}x {reason}" for reason, n in p["reasons"].items()) or "-"
        log(f"{name:<17} {p['requests']:>8} {p['failed']:>6} {p['p50_ms']:>7.0f} {p['p95_ms']:>7.0f}  {reasons}")
    rolling = phases.get("rolling restart", {"failed": -1})
    log(verdict(rolling["failed"] == 0, f"failed requests during the rolling restart: {rolling['failed']}"))
    for restart in timeline.notes.get("restarts", []):
        log(f"   {restart['web']}: graceful stop {restart['stop_s']:.1f} s, ready again {restart['ready_s']:.1f} s")
    log(
        f"visits acknowledged: {stored['acknowledged']:,}; stored: {stored['stored']:,} "
        f"(stored but the answer never reached the desk: {stored['stored_not_acknowledged']}; "
        f"still waiting at the desk when the load stopped: {len(pending)})"
    )
    log(verdict(stored["lost"] == 0, f"acknowledged visits lost: {stored['lost']}"))
    other_id = stored["acknowledged_with_other_id"]
    log(verdict(other_id == 0, f"acknowledged with another id than stored: {other_id}"))
    log(verdict(stored["stored_twice"] == 0, f"visits stored twice: {stored['stored_twice']}"))
    log(
        verdict(
            stored["rollup_visits"] == stored["raw_visits"] and stored["rollup_questions"] == stored["raw_questions"],
            f"rollups equal to raw counts: visits {stored['rollup_visits']:,} = {stored['raw_visits']:,}, "
            f"questions {stored['rollup_questions']:,} = {stored['raw_questions']:,}",
        )
    )
    worker = timeline.notes.get("worker", {})
    log(
        f"reminder run: {reminders['meetings']} meetings, {reminders['expected']} e-mails due; worker SIGKILL after "
        f"{worker.get('mails_at_kill', '?')}; tasks left 'running' by the killed worker: "
        f"{reminders['tasks_left_running']}; "
        f"then send_reminders (the CronJob): {reminders['send_reminders']!r}"
    )
    exits = reminders["worker_exits"]
    log(
        f"   the worker exited {len(exits)} times (statuses {exits}: -9 is the SIGKILL, 1 a lost database) and was "
        "started again each time a second later, as Kubernetes restarts a container"
    )
    log(
        verdict(
            reminders["missing"] == 0 and reminders["twice"] == 0 and reminders["meetings_without_reminder"] == 0,
            f"reminders exactly once: {reminders['delivered']} delivered of {reminders['expected']}; "
            f"missing {reminders['missing']}, twice {reminders['twice']}, "
            f"meetings without reminder {reminders['meetings_without_reminder']}; "
            f"ReminderDelivery rows sent {reminders['rows_sent']}, unsent {reminders['rows_unsent']}",
        )
    )
    if reminders["missing"]:
        log(
            "   (each e-mail is a ReminderDelivery row, marked sent in the transaction that sends it: an e-mail still "
            "missing means a row is unsent and send_reminders did not run after the kill, or the run failed)"
        )
    if reminders["twice"]:
        log(
            "   (at-least-once: the worker was killed in the instant between the mail server taking a message and "
            "the commit of its row, so the next run sent that one again, with the same Message-ID)"
        )
    outage = timeline.notes.get("outage", {})
    during = outage.get("readyz_during", {})
    only_503 = set(during) == {"503"}
    log(verdict(only_503, f"{ready_path} while PostgreSQL was down ({OUTAGE_S} s): {during}"))
    recovered = outage.get("recovered_s", {})
    worst = max(recovered.values()) if len(recovered) == 2 else float("inf")
    log(
        verdict(
            worst <= RECOVERY_TARGET_S,
            f"answering again after PostgreSQL returned: {', '.join(f'{k} {v:.1f} s' for k, v in recovered.items())} "
            f"(target <= {RECOVERY_TARGET_S} s, nothing restarted)",
        )
    )
    if outage.get("first_registration_s") is not None:
        log(f"   first visit registered {outage['first_registration_s']:.1f} s after PostgreSQL returned")
    servers = {s for s in rate["per_server"] if s != "?"}
    log(
        verdict(
            rate["ok"] == rate["limit"] and rate["limited"] == rate["sent"] - rate["limit"] and len(servers) == 2,
            f"API rate limit {rate['limit']}/h for one key, {rate['sent']} requests through HAProxy: "
            f"{rate['ok']} answered, "
            f"{rate['limited']} refused (429); per instance {rate['per_server']}",
        )
    )
    if "missing" in backup:
        log(f"backup-restore round trip: NOT RUN ({backup['missing']})")
        TARGET_LINES.append(False)
    else:
        detail = (
            f"{backup.get('database_file')}, {backup.get('tables')} tables, {backup.get('files')} files; "
            f"backup {backup.get('backup_s', 0):.1f} s, restore {backup.get('restore_s', 0):.1f} s"
        )
        log(verdict(backup["ok"], f"backup-restore round trip identical: {detail}"))
        for line in backup.get("output", []):
            log(f"   {line}")
    if missing:
        log(f"MISSING pieces (the drill ran without them): {'; '.join(missing)}")


if __name__ == "__main__":
    sys.exit(main())
