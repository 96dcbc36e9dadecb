"""Meeting reminders (e-mail a few days before) and the private calendar links."""

import datetime
import logging
from urllib.parse import urlsplit

from django.contrib.auth import get_user_model
from django.core.mail import get_connection
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from plein.accounts.choices import Role
from plein.audit.services import acting_as
from plein.common.mail import personal_messages
from plein.common.utils import absolute_url

from ..models import AgendaItem, CalendarToken, Meeting, ReminderDelivery

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
    """Send every reminder that is due: meetings within REMINDER_DAYS that have not had one, or
    whose reminder is not out to everyone yet (a worker killed in the middle of it). Safe to
    run often and on several instances at once: `manage.py send_reminders`, or the task queued
    per meeting. A meeting whose mail fails is left for the next run; the others still go out,
    then the first error is raised (the hourly run is given back, see plein.common.scheduling)."""
    now = now or timezone.now()
    unsent = ReminderDelivery.objects.filter(
        meeting=OuterRef("pk"), starts_at=OuterRef("starts_at"), sent_at__isnull=True
    )
    due = Meeting.objects.filter(
        Q(reminder_sent_at__isnull=True) | Exists(unsent),
        starts_at__gt=now,
        starts_at__lte=now + datetime.timedelta(days=REMINDER_DAYS),
    ).select_related("group", "host_library")
    sent, errors = 0, []
    for meeting in due:
        try:
            sent += send_reminder(meeting)
        except Exception as error:
            logger.exception("Reminder for meeting %s not sent to everyone; the next run sends the rest", meeting.pk)
            errors.append(error)
    if errors:
        raise errors[0]
    return sent


def send_reminder(meeting) -> int:
    """Send the meeting's reminder to everyone who has not had it yet; the number sent now.

    Exactly once per person, however many workers run this at the same moment and whichever is
    killed: each (meeting, start time, address) is a ReminderDelivery row. A run locks one unsent
    row at a time (others skip it), marks it sent, sends that one e-mail and commits at once. A
    worker killed or a mail server failing before the commit leaves the row unsent (the
    transaction rolls back), so the next run (`send_reminders`, hourly) sends it. This is
    at-least-once: a worker killed in the instant after the mail server took the message and
    before the commit reached the database sends that one e-mail again on the next run (the
    same Message-ID, so most mail programs show it once). Never lost, at most one twice."""
    with transaction.atomic():
        meeting = (
            Meeting.objects.select_for_update(of=("self",)).select_related("group", "host_library").get(pk=meeting.pk)
        )
        if meeting.reminder_sent_at is None:
            ReminderDelivery.objects.bulk_create(
                [
                    ReminderDelivery(meeting=meeting, starts_at=meeting.starts_at, email=address.strip().lower())
                    for address in meeting_recipients(meeting)
                    if address and address.strip()
                ],
                ignore_conflicts=True,
            )
    unsent = ReminderDelivery.objects.filter(meeting=meeting, starts_at=meeting.starts_at, sent_at__isnull=True)
    context = {
        "meeting": meeting,
        "url": absolute_url(reverse("themegroups:meeting_detail", args=[meeting.uuid])),
        "ics_url": absolute_url(reverse("themegroups:meeting_ics", args=[meeting.uuid])),
    }
    when = timezone.localtime(meeting.starts_at).strftime("%d-%m-%Y")
    domain = urlsplit(absolute_url("/")).hostname or "plein"
    sent = 0
    with get_connection() as connection:
        while True:
            with transaction.atomic():
                delivery = unsent.select_for_update(skip_locked=True).order_by("pk").first()
                if delivery is None:
                    break
                delivery.sent_at = timezone.now()
                delivery.save(update_fields=["sent_at"])
                # One message per person, each in the language they chose.
                [message] = personal_messages(
                    to=[delivery.email],
                    subject=lambda: (
                        _("[Plein] Reminder: %(title)s on %(date)s") % {"title": meeting.title, "date": when}
                    ),
                    template="themegroups/email/meeting_reminder.txt",
                    context=context,
                )
                message.extra_headers["Message-ID"] = f"<reminder-{delivery.pk}.{meeting.uuid}@{domain}>"
                connection.send_messages([message])
            sent += 1
    with transaction.atomic():
        if not unsent.exists():  # everyone has it (rows another run is sending still count as unsent)
            Meeting.objects.filter(pk=meeting.pk, starts_at=meeting.starts_at, reminder_sent_at__isnull=True).update(
                reminder_sent_at=timezone.now()
            )
    return sent


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
