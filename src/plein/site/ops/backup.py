"""Backup and restore of a whole installation: the database and the uploaded files (media).

`manage.py backup <dir>` writes into an empty or new folder:

    database.sqlite3   SQLite: a copy made with SQLite's backup API (one consistent state)
    database.dump      PostgreSQL with pg_dump: custom format, taken in the snapshot of the
                       transaction that also counted the tables (pg_dump --snapshot)
    database.json      PostgreSQL without pg_dump: Django's dumpdata inside one REPEATABLE READ
                       transaction (the same state the counts come from)
    media/...          every file of the default storage
    manifest.json      rows per table, the IDO rollup totals and whether they equal a recount,
                       and the SHA-256 of every file

`manage.py restore <dir>` puts it into an EMPTY installation (no accounts, organisations or
registrations, no files; it refuses otherwise) and then checks itself: rows per table equal
the manifest, the rollups equal a recount of the registrations, every file's checksum equals
the manifest. It prints OK or exactly what differs, and exits non-zero when anything does.
"""

import datetime
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.core.files.base import File
from django.core.files.storage import storages
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections, transaction

MANIFEST = "manifest.json"
SKIP_MEDIA = ("readyz/",)  # the readiness probe's short-lived files
# Rows that make an installation not empty (a migrated database without these is empty).
CONTENT_TABLES = ("accounts_user", "organisations_organisation", "registration_visit")


class RestoreRefused(Exception):
    pass


# --- counting ------------------------------------------------------------------------------


def table_counts(connection) -> dict[str, int]:
    """{table: rows} for every table of an installed model that exists."""
    counts = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.django_table_names(only_existing=True, include_views=False)):
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608
            counts[table] = cursor.fetchone()[0]
    return counts


def sqlite_file_counts(path: Path, tables) -> dict[str, int]:
    source = sqlite3.connect(path)
    try:
        existing = {row[0] for row in source.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        return {t: source.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in sorted(tables) if t in existing}  # noqa: S608
    finally:
        source.close()


def sqlite_file_rollup_totals(path: Path) -> dict[str, int]:
    """rollup_totals() of a SQLite backup file: the totals of the copy itself, not of the live
    database, which desks may have written to since the copy was made."""
    from plein.registration.models import DailyCount, Metric, Question, Visit

    daily = DailyCount._meta
    metric = daily.get_field("metric").column
    category = daily.get_field("category").column
    value = daily.get_field("value").column
    source = sqlite3.connect(path)
    try:

        def rolled(which):
            row = source.execute(
                f'SELECT SUM("{value}") FROM "{daily.db_table}" WHERE "{metric}" = ? AND "{category}" IS NULL',  # noqa: S608
                [str(which)],
            ).fetchone()
            return row[0] or 0

        def rows(model):
            return source.execute(f'SELECT COUNT(*) FROM "{model._meta.db_table}"').fetchone()[0]  # noqa: S608

        return {
            "visits_in_rollups": rolled(Metric.VISITS),
            "questions_in_rollups": rolled(Metric.QUESTIONS),
            "visits": rows(Visit),
            "questions": rows(Question),
        }
    finally:
        source.close()


def rollup_totals() -> dict[str, int]:
    """The IDO totals as the rollups say them and as the registrations count them."""
    from django.db.models import Sum

    from plein.registration.models import DailyCount, Metric, Question, Visit

    def rolled(metric):
        return DailyCount.objects.filter(metric=metric, category__isnull=True).aggregate(n=Sum("value"))["n"] or 0

    return {
        "visits_in_rollups": rolled(Metric.VISITS),
        "questions_in_rollups": rolled(Metric.QUESTIONS),
        "visits": Visit.objects.count(),
        "questions": Question.objects.count(),
    }


def rollups_equal_recount() -> bool:
    """Every rollup row equals a recount of the registrations. Recounts inside a transaction
    that is rolled back, so nothing changes (rows that count 0 are not made by a recount)."""
    from plein.registration.models import AreaCount, DailyCount
    from plein.registration.rollups import rebuild_rollups

    def snapshot():
        daily = set(
            DailyCount.objects.exclude(value=0).values_list("day", "location_id", "metric", "category_id", "value")
        )
        area = set(
            AreaCount.objects.exclude(value=0).values_list("area", "span", "start", "metric", "category_id", "value")
        )
        return daily, area

    with transaction.atomic():
        before = snapshot()
        rebuild_rollups()
        after = snapshot()
        transaction.set_rollback(True)
    return before == after


# --- media ---------------------------------------------------------------------------------


def storage_files(storage, folder: str = "") -> list[str]:
    names = []
    try:
        directories, files = storage.listdir(folder)
    except FileNotFoundError:
        return names
    for name in files:
        path = f"{folder}{name}"
        if not path.startswith(SKIP_MEDIA):
            names.append(path)
    for directory in directories:
        names += storage_files(storage, f"{folder}{directory}/")
    return sorted(names)


def sha256_of(handle) -> str:
    digest = hashlib.sha256()
    for chunk in iter(lambda: handle.read(1024 * 1024), b""):
        digest.update(chunk)
    return digest.hexdigest()


def storage_checksums(storage) -> dict[str, str]:
    sums = {}
    for name in storage_files(storage):
        with storage.open(name, "rb") as handle:
            sums[name] = sha256_of(handle)
    return sums


# --- backup --------------------------------------------------------------------------------


def _pg_env(settings_dict) -> dict:
    env = {**os.environ}
    for key, var in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER"), ("PASSWORD", "PGPASSWORD")):
        if settings_dict.get(key):
            env[var] = str(settings_dict[key])
    return env


def backup(target: Path, *, alias: str = DEFAULT_DB_ALIAS, use_pg_dump: bool = True, write=print) -> dict:
    target = Path(target)
    if target.exists() and any(target.iterdir()):
        raise RestoreRefused(f"{target} is not empty: choose a new folder for the backup.")
    target.mkdir(parents=True, exist_ok=True)
    connection = connections[alias]
    manifest = {
        "created_at": datetime.datetime.now(tz=datetime.UTC).isoformat(timespec="seconds"),
        "vendor": connection.vendor,
    }
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        destination = sqlite3.connect(target / "database.sqlite3")
        try:
            connection.connection.backup(destination)  # one step: one consistent state
        finally:
            destination.close()
        manifest["database"] = "database.sqlite3"
        tables = connection.introspection.django_table_names(only_existing=True, include_views=False)
        manifest["tables"] = sqlite_file_counts(target / "database.sqlite3", tables)
        manifest["rollups"] = sqlite_file_rollup_totals(target / "database.sqlite3")
        manifest["rollups_equal_recount"] = rollups_equal_recount()
    elif connection.vendor == "postgresql":
        pg_dump = shutil.which("pg_dump") if use_pg_dump else None
        with transaction.atomic(using=alias):
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                cursor.execute("SELECT pg_export_snapshot()")
                snapshot = cursor.fetchone()[0]
            manifest["tables"] = table_counts(connection)
            manifest["rollups"] = rollup_totals()
            if pg_dump:
                settings_dict = connection.settings_dict
                subprocess.run(  # noqa: S603
                    [
                        pg_dump,
                        "--format=custom",
                        f"--snapshot={snapshot}",
                        "--no-owner",
                        "--no-privileges",
                        f"--file={target / 'database.dump'}",
                        settings_dict["NAME"],
                    ],
                    env=_pg_env(settings_dict),
                    check=True,
                )
                manifest["database"] = "database.dump"
            else:
                with open(target / "database.json", "w", encoding="utf-8") as out:
                    call_command("dumpdata", database=alias, stdout=out, indent=None, verbosity=0)
                manifest["database"] = "database.json"
        manifest["rollups_equal_recount"] = rollups_equal_recount()
    else:
        raise RestoreRefused(f"Backups of a {connection.vendor} database are not supported.")

    storage = storages["default"]
    media = {}
    for name in storage_files(storage):
        path = target / "media" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        with storage.open(name, "rb") as source, open(path, "wb") as out:
            shutil.copyfileobj(source, out)
        with open(path, "rb") as copied:
            media[name] = sha256_of(copied)
    manifest["media"] = media
    (target / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True), encoding="utf-8")
    write(
        f"Backup in {target}: {manifest['database']}, {len(manifest['tables'])} tables, "
        f"{sum(manifest['tables'].values()):,} rows, {len(media)} files."
    )
    return manifest


# --- restore -------------------------------------------------------------------------------


def installation_content(connection) -> dict[str, int]:
    existing = set(connection.introspection.table_names())
    counts = {}
    with connection.cursor() as cursor:
        for table in CONTENT_TABLES:
            if table in existing:
                cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608
                if n := cursor.fetchone()[0]:
                    counts[table] = n
    return counts


def restore(source: Path, *, alias: str = DEFAULT_DB_ALIAS, write=print) -> list[str]:
    """Restore, then verify; returns the differences (empty: identical)."""
    source = Path(source)
    manifest = json.loads((source / MANIFEST).read_text(encoding="utf-8"))
    connection = connections[alias]
    storage = storages["default"]
    content = installation_content(connection)
    files = storage_files(storage)
    if content or files:
        found = [f"{n} rows in {t}" for t, n in content.items()] + ([f"{len(files)} files"] if files else [])
        raise RestoreRefused(
            "This installation is not empty (" + ", ".join(found) + "): restore only into an empty one."
        )
    if manifest["vendor"] != connection.vendor:
        raise RestoreRefused(f"The backup is of {manifest['vendor']}, this installation uses {connection.vendor}.")

    database = source / manifest["database"]
    if database.suffix == ".sqlite3":
        connection.ensure_connection()
        backup_file = sqlite3.connect(database)
        try:
            backup_file.backup(connection.connection)
        finally:
            backup_file.close()
    elif database.suffix == ".dump":
        pg_restore = shutil.which("pg_restore")
        if not pg_restore:
            raise RestoreRefused("pg_restore is not installed here; it is needed for database.dump.")
        settings_dict = connection.settings_dict
        connection.close()
        subprocess.run(  # noqa: S603
            [
                pg_restore,
                "--clean",
                "--if-exists",
                "--no-owner",
                "--no-privileges",
                "--single-transaction",
                "--exit-on-error",
                f"--dbname={settings_dict['NAME']}",
                str(database),
            ],
            env=_pg_env(settings_dict),
            check=True,
        )
    else:  # database.json
        call_command("migrate", database=alias, interactive=False, verbosity=0)
        call_command("flush", database=alias, interactive=False, inhibit_post_migrate=True, verbosity=0)
        from auditlog.context import disable_auditlog

        with disable_auditlog():  # the backup has the history already; loading adds none
            call_command("loaddata", str(database), database=alias, verbosity=0)

    for name in manifest["media"]:
        with open(source / "media" / name, "rb") as handle:
            saved = storage.save(name, File(handle, name=name))
        if saved != name:
            write(f"File {name} was stored as {saved}.")
    return verify(manifest, alias=alias)


def verify(manifest: dict, *, alias: str = DEFAULT_DB_ALIAS) -> list[str]:
    connection = connections[alias]
    differences = []
    counts = table_counts(connection)
    for table, expected in sorted(manifest["tables"].items()):
        found = counts.get(table)
        if found != expected:
            differences.append(f"table {table}: {found} rows, the backup has {expected}")
    totals = rollup_totals()
    if totals != manifest["rollups"]:
        differences.append(f"IDO totals {totals}, the backup has {manifest['rollups']}")
    if not rollups_equal_recount():
        differences.append("the IDO rollups differ from a recount of the registrations")
    sums = storage_checksums(storages["default"])
    for name, expected in sorted(manifest["media"].items()):
        if sums.get(name) != expected:
            differences.append(f"file {name}: {'missing' if name not in sums else 'checksum differs'}")
    for name in sorted(set(sums) - set(manifest["media"])):
        differences.append(f"file {name}: not in the backup")
    return differences
