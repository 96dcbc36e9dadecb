# Runs our own commands (manage.py, gunicorn, lighthouse) and fetches our own loopback server.
# ruff: noqa: S603, S310
"""Lighthouse on Plein's key pages under production settings: `make lighthouse`.

What it does:
1. a throwaway folder with a SQLite database, migrated and filled with the demo
   (`load_demo`), static files collected as in production (WhiteNoise, compressed and hashed);
2. Plein under `plein.conf.production` (DEBUG off) with the README's command (gunicorn with
   src/gunicorn.conf.py) on loopback, plain HTTP (`SECURE_SSL_REDIRECT=false`; Chromium keeps
   the secure cookies of localhost);
3. Lighthouse (npm `lighthouse`, pinned in tools/lighthouse/package.json and installed there by
   make) in Debian's Chromium, mobile, on each key page; logged-in pages get the session cookie
   of a demo account made in the session store (no login round trips);
4. prints the scores per page and category, and writes the reports (JSON) to var/lighthouse/.

Options: --pages start,login,... (default all), --keep (leave the folder and reports), --port.
Exit status 1 when a score is below its aim (accessibility and best practices 100,
performance 90), with --strict; otherwise 0.
"""

import argparse
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src"
LIGHTHOUSE = ROOT / "tools" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking "
    "--disable-default-apps --disable-extensions --disable-sync --no-first-run --mute-audio"
)
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
AIMS = {"performance": 90, "accessibility": 100, "best-practices": 100}
DEMO_PASSWORD_USERS = {
    "coordinator": "coordinator.kennemerduin@demo.plein.example",
    "desk": "balie.kennemerduin@demo.plein.example",
}


def log(message):
    print(message, flush=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def environment(folder: Path) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "plein.conf.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "localhost,127.0.0.1",
        "DATABASE_URL": f"sqlite:///{folder / 'plein.sqlite3'}",
        "STATIC_ROOT": str(folder / "static"),
        "MEDIA_ROOT": str(folder / "media"),
        "VAR_DIR": str(folder),
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_HSTS_SECONDS": "0",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "EMAIL_HOST": "localhost",  # required by plein.conf.production; the locmem backend sends nothing
        "DEFAULT_FROM_EMAIL": "Plein <noreply@plein.invalid>",
        "PLEIN_SITE_URL": "http://127.0.0.1",
        "LOG_LEVEL": "WARNING",
    }


def manage(env, *args):
    subprocess.run([sys.executable, "manage.py", *args], cwd=SRC, env=env, check=True)


SETUP = """
import json, sys
import django
django.setup()
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.urls import reverse
from plein.accounts.models import User
from plein.registration.views import SESSION_BRANCH
from plein.registration.selectors import desk_locations
from plein.themegroups import selectors as groups

def session(email, **extra):
    user = User.objects.get(email=email)
    store = SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.update(extra)
    store.create()
    return store.session_key, user

users = json.loads(sys.argv[1])
coordinator, user = session(users["coordinator"])
desk_user = User.objects.get(email=users["desk"])
branch = desk_locations(desk_user).first()
desk, _ = session(users["desk"], **{SESSION_BRANCH: str(branch.uuid)})
years = list(groups.open_programme_years())
library = user.organisation
pages = [
    {"name": "start", "path": "/", "session": None},
    {"name": "sign-up", "path": reverse("themegroups:signup", args=[years[0].uuid]) if years
        else reverse("themegroups:signup_index"), "session": None},
    {"name": "login", "path": reverse("account_login"), "session": None},
    {"name": "desk", "path": reverse("registration:desk"), "session": desk},
    {"name": "figures", "path": reverse("registration:figures"), "session": coordinator},
    {"name": "emb-map", "path": reverse("emb:map", args=[library.uuid]), "session": coordinator},
]
print(json.dumps(pages))
"""


def prepare(env) -> list:
    manage(env, "compilemessages", "--ignore=.venv", "-v", "0")
    manage(env, "migrate", "--noinput", "-v", "0")
    manage(env, "collectstatic", "--noinput", "-v", "0")
    manage(env, "load_demo", "--if-empty")
    out = subprocess.run(
        [sys.executable, "-c", SETUP, json.dumps(DEMO_PASSWORD_USERS)],
        cwd=SRC,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def start_server(env, port):
    gunicorn = Path(sys.executable).with_name("gunicorn")
    server = subprocess.Popen(
        [str(gunicorn), "plein.wsgi", "--config", "gunicorn.conf.py", "--bind", f"127.0.0.1:{port}"],
        cwd=SRC,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(150):
        try:
            with urllib.request.urlopen(f"http://localhost:{port}/gezondheid/", timeout=5) as response:  # noqa: S310
                if response.status == 200:
                    return server
        except OSError:
            pass
        time.sleep(0.2)
    server.kill()
    raise SystemExit("gunicorn did not start")


def warm_up(url, session, times=12):
    request = urllib.request.Request(url, headers={"Cookie": f"sessionid={session}"} if session else {})
    for _ in range(times):
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310 - our own loopback server
            response.read()


def run_lighthouse(url, session, report: Path) -> dict:
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={report}",
        f"--only-categories={','.join(CATEGORIES)}",
        "--form-factor=mobile",
        f"--chrome-flags={CHROME_FLAGS}",
        "--max-wait-for-load=60000",
    ]
    if session:
        command.append(f"--extra-headers={json.dumps({'Cookie': f'sessionid={session}'})}")
    subprocess.run(command, check=True, env={**os.environ, "CHROME_PATH": CHROMIUM}, timeout=300)
    result = json.loads(report.read_text())
    scores = {c: round(100 * (result["categories"][c]["score"] or 0)) for c in CATEGORIES}
    failed = [
        f"{audit['id']} ({audit['score']})"
        for audit in result["audits"].values()
        if audit.get("score") is not None
        and audit["score"] < 1
        and audit.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings")
    ]
    final = result.get("finalDisplayedUrl") or result.get("finalUrl")
    return {"scores": scores, "final_url": final, "below_one": failed}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", default="", help="comma-separated page names (default: all)")
    parser.add_argument("--port", type=int, default=int(os.environ.get("PLEIN_LIGHTHOUSE_PORT", 0)) or None)
    parser.add_argument("--keep", action="store_true", help="keep the throwaway folder")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a score is below its aim")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        raise SystemExit(f"Lighthouse not found at {LIGHTHOUSE}: run 'make lighthouse' (it installs it).")
    folder = Path(tempfile.mkdtemp(prefix="plein-lighthouse-"))
    reports = ROOT / "var" / "lighthouse"
    reports.mkdir(parents=True, exist_ok=True)
    env = environment(folder)
    server = None
    try:
        pages = prepare(env)
        if args.pages:
            wanted = args.pages.split(",")
            pages = [p for p in pages if p["name"] in wanted]
        port = args.port or free_port()
        server = start_server(env, port)
        for page in pages:  # every worker thread warm (imports, templates, connection), as on a live server
            warm_up(f"http://localhost:{port}{page['path']}", page["session"])
        results = {}
        for page in pages:
            url = f"http://localhost:{port}{page['path']}"
            log(f"lighthouse: {page['name']} {page['path']}")
            results[page["name"]] = run_lighthouse(url, page["session"], reports / f"{page['name']}.json")
            results[page["name"]]["path"] = page["path"]
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
    log("")
    log(f"{'page':10} " + " ".join(f"{c:>15}" for c in CATEGORIES))
    below = []
    for name, result in results.items():
        log(f"{name:10} " + " ".join(f"{result['scores'][c]:>15}" for c in CATEGORIES))
        for category, aim in AIMS.items():
            if result["scores"][category] < aim:
                below.append(f"{name} {category} {result['scores'][category]} < {aim}")
        if not result["final_url"].endswith(result["path"]):
            below.append(f"{name}: ended at {result['final_url']} (a redirect: not logged in?)")
    (reports / "scores.json").write_text(json.dumps(results, indent=2))
    log(f"\nreports in {reports.relative_to(ROOT)}/")
    for line in below:
        log(f"below the aim: {line}")
    for name, result in results.items():
        if result["below_one"]:
            log(f"{name}: audits below 1: {', '.join(result['below_one'][:12])}")
    if args.strict and below:
        sys.exit(1)


if __name__ == "__main__":
    main()
