"""The table of the shared database cache (CACHES: dbcache://plein_cache by default), made here
so that `migrate` alone leaves a working installation. `createcachetable` skips a table that
exists and does nothing for a cache that is not in the database (the tests' in-memory one)."""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("common", "0001_scheduled_run")]

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop, elidable=True)]
