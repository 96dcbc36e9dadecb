"""Writes for theme groups, one module per sub-domain. Import from here:
`from plein.themegroups import services` or `from plein.themegroups.services import X`."""

from .enrolments import (
    enrollment_decline,
    enrollment_place,
    enrollment_submit,
    enrollment_waitlist,
    enrollment_withdraw,
    group_is_full,
    place_from_waitlist,
    waitlist,
)
from .invitations import (
    contact_needs_invitation,
    enrollment_invite_contact,
    invite_contact_if_needed,
    library_coordinators,
)
from .meetings import (
    MEETING_FIELDS,
    agenda_item_add,
    attendance_confirm,
    attendance_register,
    meeting_delete,
    meeting_save,
    minutes_save,
)
from .reminders import (
    REMINDER_DAYS,
    calendar_token_for,
    calendar_token_renew,
    meeting_recipients,
    meetings_for_user,
    schedule_reminder,
    send_due_reminders,
    send_reminder,
)
from .retrospective import (
    retrospective_create,
    retrospective_draft,
    retrospective_generate,
    retrospective_set_published,
    retrospective_unsaved_draft,
    retrospective_update,
)
from .years import group_save, programme_year_create

__all__ = [
    "programme_year_create",
    "group_save",
    "group_is_full",
    "enrollment_submit",
    "enrollment_place",
    "enrollment_waitlist",
    "enrollment_decline",
    "waitlist",
    "enrollment_withdraw",
    "place_from_waitlist",
    "library_coordinators",
    "contact_needs_invitation",
    "invite_contact_if_needed",
    "enrollment_invite_contact",
    "MEETING_FIELDS",
    "meeting_save",
    "agenda_item_add",
    "meeting_delete",
    "attendance_register",
    "attendance_confirm",
    "minutes_save",
    "REMINDER_DAYS",
    "meeting_recipients",
    "schedule_reminder",
    "send_due_reminders",
    "send_reminder",
    "calendar_token_for",
    "calendar_token_renew",
    "meetings_for_user",
    "retrospective_draft",
    "retrospective_unsaved_draft",
    "retrospective_create",
    "retrospective_generate",
    "retrospective_update",
    "retrospective_set_published",
]
