"""Probes for load balancers and Kubernetes: `/livez` and `/readyz` (next to `/gezondheid/`).

- `/livez`: the process is up and answers. Touches nothing else, not even the database, so a
  database outage never makes the platform restart healthy web containers.
- `/readyz`: this instance can serve: the database answers, every migration is applied, and
  the file storage (media) takes a write. 503 with a JSON body that names the check that failed,
  so the load balancer sends no traffic here until it passes again.

Cheap enough to be asked every few seconds: the migration graph is read until it is found
complete once (then remembered for the life of the process; migrations only ever get applied,
a running instance does not see them undone), and a successful storage write is remembered for
STORAGE_CHECK_SECONDS. Both are answered by `HealthProbeMiddleware` before anything else runs:
a probe comes from the platform with the pod's address as Host and over plain HTTP, so the host
check and the HTTPS redirect must not stand in its way.
"""

import time
import uuid

from django.core.files.base import ContentFile
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections
from django.http import JsonResponse
from django.utils.cache import add_never_cache_headers

LIVEZ_PATH = "/livez"
READYZ_PATH = "/readyz"
STORAGE_CHECK_SECONDS = 60

_state = {"migrations_applied": False, "storage_ok_until": 0.0}


def reset() -> None:
    """Forget what was remembered (tests)."""
    _state.update(migrations_applied=False, storage_ok_until=0.0)


def check_database(alias: str = DEFAULT_DB_ALIAS) -> str | None:
    """None when the database answers, else what went wrong (one line)."""
    try:
        with connections[alias].cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        return f"unreachable: {error.__class__.__name__}"
    return None


def unapplied_migrations(alias: str = DEFAULT_DB_ALIAS) -> list[str]:
    """The migrations not applied yet, as "app.name" (empty: all applied)."""
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connections[alias])
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return [f"{migration.app_label}.{migration.name}" for migration, _backwards in plan]


def check_migrations(alias: str = DEFAULT_DB_ALIAS) -> str | None:
    if _state["migrations_applied"]:
        return None
    try:
        pending = unapplied_migrations(alias)
    except DatabaseError as error:
        return f"unknown: {error.__class__.__name__}"
    if pending:
        shown = ", ".join(pending[:5]) + (" …" if len(pending) > 5 else "")
        return f"{len(pending)} not applied: {shown}"
    _state["migrations_applied"] = True
    return None


def check_storage() -> str | None:
    """Write a small file to the default storage and remove it again."""
    from django.core.files.storage import default_storage

    if time.monotonic() < _state["storage_ok_until"]:
        return None
    try:
        name = default_storage.save(f"readyz/{uuid.uuid4().hex}.txt", ContentFile(b"ok"))
        default_storage.delete(name)
    except Exception as error:  # any storage, any failure: not ready
        return f"not writable: {error.__class__.__name__}"
    _state["storage_ok_until"] = time.monotonic() + STORAGE_CHECK_SECONDS
    return None


def _answer(body: dict, status: int) -> JsonResponse:
    response = JsonResponse(body, status=status)
    add_never_cache_headers(response)
    return response


def livez(request=None) -> JsonResponse:
    return _answer({"status": "ok"}, 200)


def readyz(request=None) -> JsonResponse:
    checks: dict[str, str] = {}
    database = check_database()
    checks["database"] = database or "ok"
    if database is None:
        checks["migrations"] = check_migrations() or "ok"
    else:
        checks["migrations"] = "not checked: no database"
    checks["storage"] = check_storage() or "ok"
    failed = [name for name, result in checks.items() if result != "ok"]
    if failed:
        return _answer({"status": "error", "failed": failed, "checks": checks}, 503)
    return _answer({"status": "ok", "checks": checks}, 200)


class HealthProbeMiddleware:
    """First in MIDDLEWARE: answers GET/HEAD /livez and /readyz (with or without a trailing
    slash) before the host check, the HTTPS redirect, sessions or anything else."""

    PROBES = {LIVEZ_PATH: livez, READYZ_PATH: readyz}

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        probe = self.PROBES.get(request.path_info.rstrip("/"))
        if probe is not None and request.method in ("GET", "HEAD"):
            return probe(request)
        return self.get_response(request)
