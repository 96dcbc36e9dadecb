"""The reply beforehand becomes nullable (None: the library never answered).

Before, confirming presence created the attendance row with ``registered=False``, so a library
that never answered read as "cannot come". Such rows are told apart by the history: a library
that replied did so itself (only its own staff may reply), so a row with ``registered=False``
that nobody of that library ever wrote is set back to "no answer". Without a history (the
audit app absent) a row with presence checked and ``registered=False`` is treated the same way.
"""

from django.db import migrations, models


def forget_replies_that_were_never_given(apps, schema_editor):
    Attendance = apps.get_model("themegroups", "Attendance")
    suspects = Attendance.objects.filter(registered=False, attended__isnull=False)
    if not suspects.exists():
        return
    try:
        LogEntry = apps.get_model("auditlog", "LogEntry")
        ContentType = apps.get_model("contenttypes", "ContentType")
    except LookupError:
        suspects.update(registered=None)
        return
    content_type = ContentType.objects.filter(app_label="themegroups", model="attendance").first()
    for attendance in suspects:
        replied = (
            content_type is not None
            and LogEntry.objects.filter(
                content_type=content_type,
                object_pk=str(attendance.pk),
                actor__organisation_id=attendance.library_id,
            ).exists()
        )
        if not replied:
            attendance.registered = None
            attendance.save(update_fields=["registered"])


class Migration(migrations.Migration):
    dependencies = [
        ("themegroups", "0002_agenda_duration_label"),
        ("auditlog", "0017_add_actor_email"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AlterField(
            model_name="attendance",
            name="registered",
            field=models.BooleanField(
                blank=True,
                help_text="Empty: the library has not answered.",
                null=True,
                verbose_name="reply beforehand",
            ),
        ),
        migrations.RunPython(forget_replies_that_were_never_given, migrations.RunPython.noop),
    ]
