from django.db import migrations


def seed(apps, schema_editor):
    from plein.registration.seed import seed_categories

    seed_categories(apps.get_model("registration", "Category"))


class Migration(migrations.Migration):
    dependencies = [("registration", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
