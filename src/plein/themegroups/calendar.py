"""iCalendar (RFC 5545) for meetings: one .ics per meeting and feeds per group and per person.
Times are written in Europe/Amsterdam with its VTIMEZONE, so calendars get daylight saving right."""

import datetime
import zoneinfo

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, Timezone, TimezoneStandard

from .choices import MeetingKind, Topic

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")


def _location(meeting) -> str:
    if meeting.kind == MeetingKind.ONLINE:
        return meeting.meeting_url or "Online"
    parts = [meeting.host_library.name if meeting.host_library_id else "", meeting.address]
    return ", ".join(p for p in parts if p)


def _vtimezone(first: datetime.datetime, last: datetime.datetime) -> Timezone:
    """Europe/Amsterdam for whole calendar years around the meetings. RFC 5545 requires at least
    one STANDARD or DAYLIGHT part; a range without a DST change (a single meeting in May) gave
    none, and strict readers (vobject, ics-py) rejected the file. Whole years always hold both
    changes; should a year ever have none, one STANDARD part with the fixed offset is written."""
    first_local, last_local = first.astimezone(AMSTERDAM), last.astimezone(AMSTERDAM)
    vtimezone = Timezone.from_tzid(
        "Europe/Amsterdam",
        first_date=datetime.date(first_local.year, 1, 1),
        last_date=datetime.date(last_local.year, 12, 31),
    )
    if not vtimezone.subcomponents:
        offset = first_local.utcoffset()
        standard = TimezoneStandard()
        standard.add("dtstart", datetime.datetime(first_local.year, 1, 1))
        standard.add("tzoffsetfrom", offset)
        standard.add("tzoffsetto", offset)
        standard.add("tzname", first_local.tzname())
        vtimezone.add_component(standard)
    return vtimezone


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
        cal.add_component(_vtimezone(first, last))
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
