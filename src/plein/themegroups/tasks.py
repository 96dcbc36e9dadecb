from django_tasks import task


@task()
def send_meeting_reminder(meeting_id: int, starts_at_iso: str) -> int:
    """Queued per meeting to run a few days before it. A meeting that moved has a newer task;
    this one then does nothing."""
    import datetime

    from django.utils import timezone

    from .models import Meeting
    from .services import REMINDER_DAYS, send_reminder

    meeting = Meeting.objects.filter(pk=meeting_id).first()
    if meeting is None or meeting.starts_at.isoformat() != starts_at_iso:
        return 0
    now = timezone.now()
    if not now < meeting.starts_at <= now + datetime.timedelta(days=REMINDER_DAYS):
        return 0  # run too early (a backend without delays) or too late: `send_reminders` covers it
    return send_reminder(meeting)
