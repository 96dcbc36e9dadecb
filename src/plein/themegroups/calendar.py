"""iCalendar (RFC 5545) for meetings: one .ics per meeting and feeds per group and per person.
Times are written in Europe/Amsterdam with its VTIMEZONE, so calendars get daylight saving right."""

import zoneinfo

from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar, Event, Timezone

from .choices import MeetingKind

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")


def _location(meeting) -> str:
    if meeting.kind == MeetingKind.ONLINE:
        return meeting.meeting_url or "Online"
    parts = [meeting.host_library.name if meeting.host_library_id else "", meeting.address]
    return ", ".join(p for p in parts if p)


def build_calendar(meetings, *, name: str, site_url: str) -> bytes:
    cal = Calendar()
    cal.add("prodid", "-//Plein//Themagroepen//NL")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Europe/Amsterdam")
    meetings = list(meetings)
    if meetings:
        first = min(m.starts_at for m in meetings)
        last = max(m.ends_at for m in meetings)
        cal.add_component(Timezone.from_tzid("Europe/Amsterdam", first_date=first.date(), last_date=last.date()))
    for meeting in meetings:
        event = Event()
        event.add("uid", f"{meeting.uuid}@plein")
        event.add("sequence", meeting.sequence)
        event.add("dtstamp", timezone.now())
        event.add("dtstart", meeting.starts_at.astimezone(AMSTERDAM))
        event.add("dtend", meeting.ends_at.astimezone(AMSTERDAM))
        event.add("summary", f"{meeting.title} – {meeting.group.name}")
        url = site_url.rstrip("/") + reverse("themegroups:meeting_detail", args=[meeting.uuid])
        description = meeting.description or ""
        if meeting.meeting_url:
            description = f"{description}\n\n{meeting.meeting_url}".strip()
        event.add("description", f"{description}\n\n{url}".strip())
        event.add("url", url)
        location = _location(meeting)
        if location:
            event.add("location", location)
        cal.add_component(event)
    return cal.to_ical()
