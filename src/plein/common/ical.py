"""iCalendar (RFC 5545) building blocks shared by every .ics Plein makes (theme-group meetings,
the public offer): a calendar in Europe/Amsterdam with a VTIMEZONE that strict readers accept."""

import datetime
import zoneinfo

from icalendar import Calendar, Timezone, TimezoneStandard

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")


def vtimezone(first: datetime.datetime, last: datetime.datetime) -> Timezone:
    """Europe/Amsterdam for whole calendar years around the events. RFC 5545 requires at least
    one STANDARD or DAYLIGHT part; a range without a DST change (a single meeting in May) gave
    none, and strict readers (vobject, ics-py) rejected the file. Whole years always hold both
    changes; should a year ever have none, one STANDARD part with the fixed offset is written."""
    first_local, last_local = first.astimezone(AMSTERDAM), last.astimezone(AMSTERDAM)
    timezone_part = Timezone.from_tzid(
        "Europe/Amsterdam",
        first_date=datetime.date(first_local.year, 1, 1),
        last_date=datetime.date(last_local.year, 12, 31),
    )
    if not timezone_part.subcomponents:
        offset = first_local.utcoffset()
        standard = TimezoneStandard()
        standard.add("dtstart", datetime.datetime(first_local.year, 1, 1))
        standard.add("tzoffsetfrom", offset)
        standard.add("tzoffsetto", offset)
        standard.add("tzname", first_local.tzname())
        timezone_part.add_component(standard)
    return timezone_part


def new_calendar(*, name: str, prodid: str, starts=()) -> Calendar:
    """An empty VCALENDAR named `name`, with the VTIMEZONE for the given start/end times."""
    cal = Calendar()
    cal.add("prodid", prodid)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Europe/Amsterdam")
    starts = list(starts)
    if starts:
        cal.add_component(vtimezone(min(starts), max(starts)))
    return cal
