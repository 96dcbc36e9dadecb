"""The rate limit is exact under parallel requests: on PostgreSQL (as in production) many
threads, each with a connection of its own, send at the same moment, and exactly the limit gets
through (before: a read-then-write count let 1,145–1,300 requests through a 600/min limit)."""

import threading
from concurrent.futures import ThreadPoolExecutor
from types import SimpleNamespace

import pytest
from django.db import connection, connections
from django.test import Client

from plein.api import endpoints
from plein.api.models import RateCount

from .factories import bearer, make_token

LIMIT = 25
THREADS = 8
REQUESTS = 80


@pytest.mark.django_db(transaction=True)
def test_exactly_the_limit_passes_when_requests_come_in_parallel(world, settings, monkeypatch):
    if connection.vendor != "postgresql":
        pytest.skip("parallel connections need PostgreSQL (bin/with-postgres.sh); SQLite writes one at a time")
    settings.PLEIN_API_RATE = f"{LIMIT}/h"
    monkeypatch.setattr(endpoints, "time", SimpleNamespace(time=lambda: 3600 * 500_000 + 5))  # one window
    token, secret = make_token(world.library, world.users["coordinator"])
    start = threading.Barrier(THREADS)

    def send(count):
        client = Client()
        start.wait()  # every thread starts at the same moment
        try:
            return [client.get("/api/v1/categories", **bearer(secret)).status_code for _ in range(count)]
        finally:
            connections.close_all()

    with ThreadPoolExecutor(THREADS) as pool:
        results = [status for statuses in pool.map(send, [REQUESTS // THREADS] * THREADS) for status in statuses]
    assert len(results) == REQUESTS
    assert results.count(200) == LIMIT
    assert results.count(429) == REQUESTS - LIMIT
    assert RateCount.objects.get(token=token).requests == REQUESTS
