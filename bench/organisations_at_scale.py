"""Organisation pages at national scale: ~700 IDO locations means some 150 library
organisations with ~1,300 branches and ~3,000 users. Prints time and query counts per page.

    make bench            (SQLite in var/bench.sqlite3)
    bash bin/with-postgres.sh make bench    (PostgreSQL)
"""

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "plein.conf.ci")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench.sqlite3'}")
(ROOT / "var").mkdir(exist_ok=True)

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from plein.accounts.models import User  # noqa: E402
from plein.organisations.models import Location, Municipality, Organisation  # noqa: E402

LIBRARIES, BRANCHES_PER_LIBRARY, USERS_PER_LIBRARY = 150, 9, 20


def build():
    call_command("flush", "--noinput", verbosity=0)
    municipalities = Municipality.objects.bulk_create(
        [Municipality(name=f"Benchgemeente {i}", province="ZH") for i in range(340)]
    )
    orgs = Organisation.objects.bulk_create(
        [Organisation(name=f"Benchbibliotheek {i}", type="bibliotheek", province="ZH") for i in range(LIBRARIES)]
    )
    Location.objects.bulk_create(
        [
            Location(
                organisation=org,
                name=f"Vestiging {j}",
                municipality=municipalities[(i * BRANCHES_PER_LIBRARY + j) % len(municipalities)],
                has_ido=j % 2 == 0,
            )
            for i, org in enumerate(orgs)
            for j in range(BRANCHES_PER_LIBRARY)
        ]
    )
    User.objects.bulk_create(
        [
            User(email=f"u{i}.{j}@bench.example", name=f"Gebruiker {i}.{j}", role="baliemedewerker", organisation=org)
            for i, org in enumerate(orgs)
            for j in range(USERS_PER_LIBRARY)
        ]
    )
    poi = Organisation.objects.create(name="Bench-POI", type="poi", province="ZH")
    return User.objects.create_user(
        "facilitator@bench.example", name="Facilitator", role="facilitator", organisation=poi
    )


def measure(client, url, runs=20):
    client.get(url)  # warm up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    with CaptureQueriesContext(connection) as ctx:
        client.get(url)
    return statistics.median(times), max(times), len(ctx.captured_queries)


def main():
    call_command("migrate", verbosity=0)
    facilitator = build()
    client = Client()
    client.force_login(facilitator)
    big = Organisation.objects.filter(type="bibliotheek").first()
    pages = {
        "organisation list (page 1 of 4)": "/organisaties/",
        "organisation list, filtered": "/organisaties/?search=Benchbibliotheek+1",
        "one library (9 branches, 20 people)": f"/organisaties/{big.uuid}/",
        "municipalities (340)": "/organisaties/gemeenten/",
        "users (page 1 of 61)": "/gebruikers/",
    }
    print(
        f"database: {connection.vendor}; {Organisation.objects.count()} organisations, "
        f"{Location.objects.count()} branches, {User.objects.count()} users"
    )
    print(f"{'page':40} {'median ms':>10} {'max ms':>8} {'queries':>8}")
    for label, url in pages.items():
        median, worst, queries = measure(client, url)
        print(f"{label:40} {median:10.1f} {worst:8.1f} {queries:8d}")
    reset_queries()


if __name__ == "__main__":
    main()
