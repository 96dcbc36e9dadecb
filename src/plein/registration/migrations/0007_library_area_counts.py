"""Fill the new per-library rollups (AreaCount area "B-<organisation id>", per day and per month)
from the day × branch rows, so an existing database shows a library's figures at once. The same
statements as rebuild_rollups, written out here so the migration does not change with the code."""

from django.db import migrations


def fill(apps, schema_editor):
    connection = schema_editor.connection
    quote = connection.ops.quote_name
    daily = quote(apps.get_model("registration", "DailyCount")._meta.db_table)
    area = quote(apps.get_model("registration", "AreaCount")._meta.db_table)
    location = quote(apps.get_model("organisations", "Location")._meta.db_table)
    if connection.vendor == "postgresql":
        month = "CAST(date_trunc('month', a.start) AS date)"
    else:
        month = "date(a.start, 'start of month')"
    insert = f"INSERT INTO {area} (area, span, start, metric, category_id, value) "
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {area} WHERE area LIKE 'B-%'")
        cursor.execute(
            insert + "SELECT 'B-' || l.organisation_id, 'dag', d.day, d.metric, COALESCE(d.category_id, 0), "
            f"SUM(d.value) FROM {daily} d JOIN {location} l ON l.id = d.location_id "
            "GROUP BY l.organisation_id, d.day, d.metric, COALESCE(d.category_id, 0)"
        )
        cursor.execute(
            insert + f"SELECT a.area, 'maand', {month}, a.metric, a.category_id, SUM(a.value) FROM {area} a "
            f"WHERE a.span = 'dag' AND a.area LIKE 'B-%' GROUP BY a.area, {month}, a.metric, a.category_id"
        )


def empty(apps, schema_editor):
    schema_editor.connection.cursor().execute(
        "DELETE FROM {} WHERE area LIKE 'B-%'".format(
            schema_editor.connection.ops.quote_name(apps.get_model("registration", "AreaCount")._meta.db_table)
        )
    )


class Migration(migrations.Migration):
    dependencies = [
        ("organisations", "0001_initial"),
        ("registration", "0006_daily_count_total_by_metric"),
    ]

    operations = [migrations.RunPython(fill, empty)]
