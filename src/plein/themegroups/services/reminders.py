"""Meeting reminders (e-mail a few days before) and the private calendar links."""

import datetime
import logging

from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from plein.accounts.choices import Role
from plein.audit.services import acting_as
from plein.common.mail import send_mail_on_commit
from plein.common.utils import absolute_url

from ..models import AgendaItem, CalendarToken, Meeting

User = get_user_model()
logger = logging.getLogger(__name__)


REMINDER_DAYS = 3


def meeting_recipients(meeting) -> list[str]:
    return sorted(
        set(
            User.objects.filter(
                is_active=True,
                organisation__group_memberships__group=meeting.group,
                organisation__group_memberships__left_at__isnull=True,
                role__in=[Role.COORDINATOR, Role.DESK_WORKER],
            ).values_list("email", flat=True)
        )
        | set(meeting.group.facilitators.filter(is_active=True).values_list("email", flat=True))
    )


def schedule_reminder(meeting):
    from ..tasks import send_meeting_reminder

    run_after = meeting.starts_at - datetime.timedelta(days=REMINDER_DAYS)
    try:
        send_meeting_reminder.using(run_after=max(run_after, timezone.now())).enqueue(
            meeting.pk, meeting.starts_at.isoformat()
        )
    except Exception:  # a backend without run_after support: `send_reminders` catches up
        logger.warning("Could not queue the reminder for meeting %s", meeting.pk, exc_info=True)


def send_due_reminders(now=None) -> int:
    """Send every reminder that is due (meetings within REMINDER_DAYS that have not had one).
    Safe to run often: `manage.py send_reminders`, or the task queued per meeting."""
    now = now or timezone.now()
    due = Meeting.objects.filter(
        reminder_sent_at__isnull=True, starts_at__gt=now, starts_at__lte=now + datetime.timedelta(days=REMINDER_DAYS)
    ).select_related("group", "host_library")
    sent = 0
    for meeting in due:
        sent += send_reminder(meeting)
    return sent


@transaction.atomic
def send_reminder(meeting) -> int:
    meeting = Meeting.objects.select_for_update(of=("self",)).select_related("group", "host_library").get(pk=meeting.pk)
    if meeting.reminder_sent_at is not None:
        return 0
    recipients = meeting_recipients(meeting)
    if recipients:
        context = {
            "meeting": meeting,
            "url": absolute_url(reverse("themegroups:meeting_detail", args=[meeting.uuid])),
            "ics_url": absolute_url(reverse("themegroups:meeting_ics", args=[meeting.uuid])),
        }
        when = timezone.localtime(meeting.starts_at).strftime("%d-%m-%Y")
        # One message per person, each in the language they chose.
        send_mail_on_commit(
            to=recipients,
            subject=lambda: _("[Plein] Reminder: %(title)s on %(date)s") % {"title": meeting.title, "date": when},
            template="themegroups/email/meeting_reminder.txt",
            context=context,
        )
    meeting.reminder_sent_at = timezone.now()
    meeting.save(update_fields=["reminder_sent_at"])
    return len(recipients)


def calendar_token_for(user) -> CalendarToken:
    token, _created = CalendarToken.objects.get_or_create(user=user)
    return token


@transaction.atomic
def calendar_token_renew(*, user) -> CalendarToken:
    import secrets

    with acting_as(user):
        token = calendar_token_for(user)
        token.token = secrets.token_urlsafe()
        token.save()
    return token


def meetings_for_user(user):
    from django.db.models import Prefetch

    from ..selectors import groups_visible_to

    return (
        Meeting.objects.filter(group__in=groups_visible_to(user))
        .select_related("group", "host_library")
        .prefetch_related(Prefetch("agenda_items", queryset=AgendaItem.objects.order_by("position", "pk")))
    )
