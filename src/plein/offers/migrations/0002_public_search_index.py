"""PostgreSQL only: a GIN index on the Dutch text-search vector of `search_text`, the very
expression `selectors.search` filters on, so a search does not read every offer. SQLite has
no such index (its fallback is a plain match)."""

from django.db import migrations

INDEX = "offer_search_text_dutch"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON offers_offer "
        "USING gin (to_tsvector('dutch'::regconfig, search_text))"
    )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("offers", "0001_initial")]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
