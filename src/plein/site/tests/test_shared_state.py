"""Issue 14: nothing tied to one process. The cache, sessions and files are shared by every web
instance; the API rate limit is counted in the database (plein.api, proven with parallel
connections in api/tests/test_rate_limit.py on PostgreSQL)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.cache.backends.db import DatabaseCache
from django.core.management import call_command

SRC = Path(__file__).resolve().parents[3]

SHOW = """
import django, json
django.setup()
from django.conf import settings
from django.core.files.storage import storages
default_storage = storages["default"]
print(json.dumps({
    "cache": settings.CACHES["default"]["BACKEND"],
    "cache_table": settings.CACHES["default"].get("LOCATION"),
    "sessions": settings.SESSION_ENGINE,
    "storage": type(default_storage).__module__ + "." + type(default_storage).__name__,
    "bucket": getattr(default_storage, "bucket_name", None),
    "endpoint": getattr(default_storage, "endpoint_url", None),
    "location": getattr(default_storage, "location", None),
}))
"""


def _settings(**env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("PLEIN_", "CACHE_URL"))}
    result = subprocess.run(
        [sys.executable, "-c", SHOW],
        cwd=SRC,
        env={**clean, "DJANGO_SETTINGS_MODULE": "plein.conf.dev", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_cache_sessions_and_files_are_shared_by_every_instance():
    """Failed before: the cache was per process (LocMemCache), media only on the local disk."""
    shown = _settings()
    assert shown["cache"] == "django.core.cache.backends.db.DatabaseCache"
    assert shown["cache_table"] == "plein_cache"
    assert shown["sessions"] == "django.contrib.sessions.backends.db"
    assert shown["storage"] == "django.core.files.storage.filesystem.FileSystemStorage"

    s3 = _settings(
        PLEIN_S3_BUCKET="plein-media",
        PLEIN_S3_ENDPOINT_URL="https://objects.example.nl",
        PLEIN_S3_ACCESS_KEY_ID="key",
        PLEIN_S3_SECRET_ACCESS_KEY="secret",
    )
    assert s3["storage"] == "storages.backends.s3.S3Storage"
    assert (s3["bucket"], s3["endpoint"], s3["location"]) == ("plein-media", "https://objects.example.nl", "media")


@pytest.mark.django_db
def test_two_instances_see_one_database_cache():
    """Two cache objects, as two web instances have: what one stores the other reads."""
    params = {}
    call_command("createcachetable", "plein_shared_test", verbosity=0)
    first = DatabaseCache("plein_shared_test", params)
    second = DatabaseCache("plein_shared_test", params)
    first.set("allauth-rate:login:10.0.0.1", 3, 60)
    assert second.get("allauth-rate:login:10.0.0.1") == 3
    second.incr("allauth-rate:login:10.0.0.1")
    assert first.get("allauth-rate:login:10.0.0.1") == 4
