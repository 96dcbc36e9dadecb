"""Issue 14: /livez and /readyz for the platform's probes, the start-up command `migrate_once`
and production settings that refuse to start without what they need."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import DatabaseError
from django.test.utils import CaptureQueriesContext

from plein.common import health

SRC = Path(__file__).resolve().parents[3]


@pytest.fixture(autouse=True)
def _fresh_probe_state():
    health.reset()
    yield
    health.reset()


def test_livez_answers_without_the_database(client):
    # No django_db mark: any query would raise. A probe has the pod's address as Host.
    response = client.get("/livez", HTTP_HOST="10.1.2.3")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


@pytest.mark.django_db
def test_probes_answer_a_platform_probe_that_production_would_refuse(client, settings):
    """The test settings allow every host; production allows only its own name and redirects
    plain HTTP. A kubelet asks with the pod's address, over HTTP: the probes must answer it."""
    settings.ALLOWED_HOSTS = ["plein.example.nl"]
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/gezondheid/", HTTP_HOST="10.1.2.3").status_code == 400  # the host check is on
    assert client.get("/livez", HTTP_HOST="10.1.2.3").status_code == 200
    assert client.get("/readyz", HTTP_HOST="10.1.2.3").status_code == 200
    assert client.head("/readyz/", HTTP_HOST="10.1.2.3:8000").status_code == 200


@pytest.mark.django_db
def test_readyz_checks_database_migrations_and_storage(client):
    response = client.get("/readyz", HTTP_HOST="10.1.2.3")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "migrations": "ok", "storage": "ok"}}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_readyz_is_cheap_after_the_first_success(client):
    from django.db import connection

    client.get("/readyz/")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/readyz/").status_code == 200
    assert len(queries) == 1  # SELECT 1: the migration graph and the storage write are remembered


@pytest.mark.django_db
def test_readyz_says_503_and_which_check_failed_without_the_database(client, monkeypatch):
    from django.db.backends.utils import CursorWrapper

    def broken(*args, **kwargs):
        raise DatabaseError("down")

    monkeypatch.setattr(CursorWrapper, "execute", broken)
    response = client.get("/readyz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "error" and body["failed"] == ["database", "migrations"]
    assert body["checks"]["database"].startswith("unreachable")
    assert body["checks"]["storage"] == "ok"


@pytest.mark.django_db
def test_readyz_503_for_unapplied_migrations_and_unwritable_storage(client, monkeypatch):
    monkeypatch.setattr(health, "unapplied_migrations", lambda alias="default": ["offers.0009_new"])

    def refuse(*args, **kwargs):
        raise PermissionError("read-only")

    monkeypatch.setattr("django.core.files.storage.default_storage.save", refuse)
    response = client.get("/readyz")
    assert response.status_code == 503
    body = response.json()
    assert body["failed"] == ["migrations", "storage"]
    assert body["checks"]["migrations"] == "1 not applied: offers.0009_new"
    assert body["checks"]["storage"] == "not writable: PermissionError"


@pytest.mark.django_db
def test_migrate_once_waits_migrates_and_makes_the_cache_table(settings):
    from django.db import connection

    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "t_cache"}}
    call_command("migrate_once", wait=1, verbosity=0)
    assert "t_cache" in connection.introspection.table_names()
    assert health.unapplied_migrations() == []


# --- production settings -------------------------------------------------------------------

FULL_ENV = {
    "DJANGO_SETTINGS_MODULE": "plein.conf.production",
    "SECRET_KEY": "pVx8q3-Tn0zR2bLw9Kc7_Hf5Jd1Ys6Gm4Ua0Qe8Xi2Oo7Nr3Lt5Sv9Wy1Zp6Ak4Bj",
    "ALLOWED_HOSTS": "plein.example.nl",
    "DATABASE_URL": "postgres://plein:geheim@db.example.nl:5432/plein",
    "PLEIN_SITE_URL": "https://plein.example.nl",
    "EMAIL_HOST": "smtp.example.nl",
    "DEFAULT_FROM_EMAIL": "Plein <noreply@example.nl>",
}


def _manage(*args, env):
    clean = {k: v for k, v in os.environ.items() if k not in FULL_ENV and not k.startswith(("PLEIN_", "EMAIL_"))}
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=SRC, env={**clean, **env}, capture_output=True, text=True, timeout=120
    )


def test_production_refuses_to_start_with_one_line_per_missing_setting():
    env = {k: v for k, v in FULL_ENV.items() if k not in ("DATABASE_URL", "EMAIL_HOST", "PLEIN_SITE_URL")}
    result = _manage("check", env=env)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr  # failed before: 30 lines of traceback around them
    assert "Plein cannot start in production: required settings are missing." in result.stderr
    for name in ("DATABASE_URL", "EMAIL_HOST", "PLEIN_SITE_URL"):
        assert f"  {name} is not set: " in result.stderr
    for name in ("SECRET_KEY", "ALLOWED_HOSTS", "DEFAULT_FROM_EMAIL"):
        assert f"  {name} is not set" not in result.stderr


def test_production_check_deploy_is_clean_with_everything_set():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=FULL_ENV)
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


@pytest.mark.django_db(transaction=True)
def test_migrate_once_waits_while_another_instance_migrates():
    """PostgreSQL: another instance holds the migration lock; this one waits, then finds
    nothing to do."""
    import threading
    import time

    import psycopg
    from django.db import connection, connections

    from plein.site.management.commands.migrate_once import MIGRATE_LOCK_KEY

    if connection.vendor != "postgresql":
        pytest.skip("the advisory lock is PostgreSQL's; SQLite migrates plainly")
    params = connection.get_connection_params()
    other = psycopg.connect(**{k: v for k, v in params.items() if k in ("dbname", "host", "port", "user", "password")})
    other.autocommit = True
    other.execute("SELECT pg_advisory_lock(%s)", [MIGRATE_LOCK_KEY])
    done = []

    def instance():
        try:
            call_command("migrate_once", wait=5, verbosity=0)
            done.append(time.monotonic())
        finally:
            connections.close_all()

    thread = threading.Thread(target=instance)
    thread.start()
    time.sleep(1.5)
    assert done == [], "migrated while the other instance held the lock"
    released = time.monotonic()
    other.execute("SELECT pg_advisory_unlock(%s)", [MIGRATE_LOCK_KEY])
    other.close()
    thread.join(30)
    assert done and done[0] >= released
