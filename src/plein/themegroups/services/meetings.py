"""Writes for meetings: scheduling with an agenda, attendance beforehand and afterwards,
and the minutes with decisions and action items (which land in the libraries' action plans)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from plein.audit.services import acting_as

from ..models import AgendaItem, Decision, Meeting, MeetingActionItem, MeetingActionLink
from .reminders import schedule_reminder

MEETING_FIELDS = ("title", "kind", "starts_at", "ends_at", "meeting_url", "address", "host_library", "description")


@transaction.atomic
def meeting_save(*, acting_user, group=None, meeting=None, agenda=(), **fields) -> Meeting:
    """Schedule or change a meeting with its agenda (a list of dicts: title, topic, presenter,
    duration_minutes). A changed time re-arms the reminder."""
    with acting_as(acting_user):
        if meeting is None:
            meeting = Meeting(group=group)
        old_start = meeting.starts_at
        for name in MEETING_FIELDS:
            if name in fields:
                setattr(meeting, name, fields[name])
        if meeting.pk:
            meeting.sequence += 1
        if old_start and old_start != meeting.starts_at:
            meeting.reminder_sent_at = None
        meeting.full_clean()
        meeting.save()
        meeting.agenda_items.all().delete()
        for position, item in enumerate(agenda):
            agenda_item = AgendaItem(meeting=meeting, position=position, **item)
            agenda_item.full_clean()
            agenda_item.save()
    transaction.on_commit(lambda: schedule_reminder(meeting))
    return meeting


@transaction.atomic
def meeting_delete(*, meeting, acting_user):
    with acting_as(acting_user):
        meeting.delete()


@transaction.atomic
def attendance_register(*, meeting, library, acting_user, registered=True, people=1):
    """A library says beforehand that it will come (or not)."""
    from ..models import Attendance

    if meeting.is_past:
        raise ValidationError(_("This meeting is over; the facilitator confirms who was there."))
    with acting_as(acting_user):
        attendance, _created = Attendance.objects.get_or_create(meeting=meeting, library=library)
        attendance.registered = registered
        attendance.people = people
        attendance.full_clean()
        # Only the reply: whether the library was there is the facilitator's separate record.
        attendance.save(update_fields=["registered", "people"])
    return attendance


@transaction.atomic
def attendance_confirm(*, meeting, acting_user, attended_library_ids):
    """Afterwards, the facilitator ticks which member libraries were there. This records presence
    only: a library's reply beforehand (or that it never replied) stays as it was."""
    from ..models import Attendance

    _check_started(meeting, _("Who was there can be confirmed once the meeting has started."))
    with acting_as(acting_user):
        for membership in meeting.group.memberships.filter(left_at__isnull=True):
            attendance, _created = Attendance.objects.get_or_create(meeting=meeting, library_id=membership.library_id)
            attendance.attended = membership.library_id in attended_library_ids
            attendance.save(update_fields=["attended"])


def _check_started(meeting, message):
    if not meeting.has_started:
        raise ValidationError(
            f"{message} "
            + _("This meeting starts on %(date)s.")
            % {"date": timezone.localtime(meeting.starts_at).strftime("%d-%m-%Y %H:%M")}
        )


@transaction.atomic
def minutes_save(*, meeting, acting_user, minutes, decisions=(), action_items=()):
    """Minutes with decisions and action items. Each action item lands in the action plans of
    the libraries it is for (once: saving again does not duplicate). An item may name who
    takes the lead: `owner_library` and/or `owner` (a person of a member library); that
    library gets the action too, and the person owns it in their own library's plan."""
    from plein.actions.choices import ActionOrigin, ActionStatus
    from plein.actions.services import action_create

    _check_started(meeting, _("Minutes can be written once the meeting has started."))
    member_ids = set(meeting.group.memberships.filter(left_at__isnull=True).values_list("library_id", flat=True))
    with acting_as(acting_user):
        meeting.minutes = minutes
        meeting.full_clean()
        meeting.save(update_fields=["minutes"])
        meeting.decisions.all().delete()
        for text in decisions:
            if text.strip():
                Decision.objects.create(meeting=meeting, text=text.strip())
        created = []
        for item in action_items:
            owner = item.get("owner")
            owner_library = item.get("owner_library") or (owner.organisation if owner else None)
            if owner is not None and owner.organisation_id != getattr(owner_library, "pk", None):
                raise ValidationError(_("The lead person must work for the lead library."))
            if owner_library is not None and owner_library.pk not in member_ids:
                raise ValidationError(_("The lead library must take part in the group."))
            libraries = [lib for lib in item.get("libraries", []) if lib.pk in member_ids]
            if owner_library is not None and owner_library not in libraries:
                libraries.append(owner_library)
            if not item["title"].strip() or not libraries:
                continue
            # Saving the same minutes twice (a double click) must not double the actions.
            action_item = MeetingActionItem.objects.filter(meeting=meeting, title__iexact=item["title"].strip()).first()
            if action_item is None:
                action_item = MeetingActionItem(
                    meeting=meeting,
                    title=item["title"].strip(),
                    description=item.get("description", ""),
                    due_date=item.get("due_date"),
                    owner_library=owner_library,
                    owner=owner,
                )
                action_item.full_clean()
                action_item.save()
            action_item.libraries.add(*libraries)
            linked = set(action_item.action_links.values_list("library_id", flat=True))
            for library in libraries:
                if library.pk in linked:
                    continue
                action = action_create(
                    library=library,
                    acting_user=acting_user,
                    title=action_item.title,
                    description=action_item.description,
                    owner=action_item.owner if action_item.owner_library_id == library.pk else None,
                    due_date=action_item.due_date,
                    status=ActionStatus.PLANNED,
                    origin=ActionOrigin.MEETING,
                )
                link = MeetingActionLink(item=action_item, action=action, library=library)
                link.full_clean()
                link.save()
                created.append(action)
    return created


@transaction.atomic
def agenda_item_add(
    *, meeting, acting_user, title, topic="", presenter="", duration_minutes=None, link=""
) -> AgendaItem:
    """Put one subject at the end of a meeting's agenda (e.g. a borging criterion from the scan
    overview), without touching the items already there."""
    from ..choices import Topic

    with acting_as(acting_user):
        last = meeting.agenda_items.order_by("-position").values_list("position", flat=True).first()
        item = AgendaItem(
            meeting=meeting,
            position=0 if last is None else last + 1,
            title=title.strip()[:200],
            topic=topic or Topic.OTHER,
            presenter=presenter,
            duration_minutes=duration_minutes,
            link=link,
        )
        item.full_clean()
        item.save()
    return item
