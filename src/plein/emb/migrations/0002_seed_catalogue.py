"""The national EMB programmes as data (see plein.emb.seed). Idempotent: existing keys stay."""

from django.db import migrations


def seed(apps, schema_editor):
    from plein.emb.seed import CATALOGUE

    Programme = apps.get_model("emb", "Programme")
    for key, name, description, tasks in CATALOGUE:
        Programme.objects.get_or_create(
            key=key, defaults={"name": name, "description": description, "tasks": [str(t) for t in tasks]}
        )


class Migration(migrations.Migration):
    dependencies = [("emb", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
