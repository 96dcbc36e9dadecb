"""iCalendar (RFC 5545) for meetings: one .ics per meeting and feeds per group and per person.
Times are written in Europe/Amsterdam with its VTIMEZONE, so calendars get daylight saving right."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Event

from plein.common.ical import AMSTERDAM, new_calendar

from .choices import MeetingKind, Topic


def _location(meeting) -> str:
    if meeting.kind == MeetingKind.ONLINE:
        return meeting.meeting_url or "Online"
    parts = [meeting.host_library.name if meeting.host_library_id else "", meeting.address]
    return ", ".join(p for p in parts if p)


def _agenda(meeting) -> str:
    """The agenda as plain lines for the event's description (calendars show no HTML)."""
    lines = []
    for number, item in enumerate(meeting.agenda_items.all(), start=1):
        details = []
        if item.topic and item.topic != Topic.OTHER:
            details.append(str(Topic(item.topic).label))
        if item.presenter:
            details.append(item.presenter)
        if item.duration_minutes:
            details.append(_("%(minutes)s min.") % {"minutes": item.duration_minutes})
        lines.append(f"{number}. {item.title}" + (f" ({', '.join(details)})" if details else ""))
    if not lines:
        return ""
    return _("Agenda:") + "\n" + "\n".join(lines)


def build_calendar(meetings, *, name: str, site_url: str) -> bytes:
    meetings = list(meetings)
    times = [m.starts_at for m in meetings] + [m.ends_at for m in meetings]
    cal = new_calendar(name=name, prodid="-//Plein//Themagroepen//NL", starts=times)
    for meeting in meetings:
        event = Event()
        event.add("uid", f"{meeting.uuid}@plein")
        event.add("sequence", meeting.sequence)
        event.add("dtstamp", timezone.now())
        event.add("dtstart", meeting.starts_at.astimezone(AMSTERDAM))
        event.add("dtend", meeting.ends_at.astimezone(AMSTERDAM))
        event.add("summary", f"{meeting.title} – {meeting.group.name}")
        url = site_url.rstrip("/") + reverse("themegroups:meeting_detail", args=[meeting.uuid])
        parts = [meeting.description or "", _agenda(meeting), meeting.meeting_url or "", url]
        event.add("description", "\n\n".join(part.strip() for part in parts if part.strip()))
        event.add("url", url)
        location = _location(meeting)
        if location:
            event.add("location", location)
        cal.add_component(event)
    return cal.to_ical()
