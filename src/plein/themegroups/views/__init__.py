"""Pages of theme groups, one module per sub-domain; `urls.py` uses `views.X` from here."""

from .calendar import CalendarLinksView, calendar_feed, group_feed
from .enrolments import (
    EnrollmentActionView,
    EnrollmentExportView,
    EnrollmentListView,
    SignupView,
    signup_done,
    signup_index,
)
from .groups import (
    GroupCreateView,
    GroupDetailView,
    GroupHistoryView,
    GroupListView,
    GroupUpdateView,
    ProgrammeYearCreateView,
)
from .meetings import (
    AttendanceConfirmView,
    AttendanceView,
    MeetingCreateView,
    MeetingDeleteView,
    MeetingDetailView,
    MeetingIcsView,
    MeetingUpdateView,
    MinutesView,
)
from .retrospective import RetrospectiveEditView, RetrospectivePdfView, retrospective_public

__all__ = [
    "GroupListView",
    "ProgrammeYearCreateView",
    "GroupCreateView",
    "GroupDetailView",
    "GroupUpdateView",
    "GroupHistoryView",
    "signup_index",
    "SignupView",
    "signup_done",
    "EnrollmentListView",
    "EnrollmentActionView",
    "EnrollmentExportView",
    "MeetingCreateView",
    "MeetingDetailView",
    "MeetingUpdateView",
    "MeetingDeleteView",
    "MeetingIcsView",
    "AttendanceView",
    "AttendanceConfirmView",
    "MinutesView",
    "CalendarLinksView",
    "calendar_feed",
    "group_feed",
    "RetrospectiveEditView",
    "RetrospectivePdfView",
    "retrospective_public",
]
