"""Every .ics Plein makes is read by two independent parsers, `vobject` and `ics` (ics-py),
which are strict where `icalendar` (the library that writes the files) is lenient: a VTIMEZONE
without a STANDARD or DAYLIGHT part (RFC 5545 §3.6.5) is refused by both. Tests call
`parse_ics(content)` and assert on the events it returns; the two parsers must agree."""

import datetime
from dataclasses import dataclass

import ics
import vobject


@dataclass(frozen=True)
class IcsEvent:
    uid: str
    start: datetime.datetime  # aware, in the file's own time zone (as vobject reads it)
    end: datetime.datetime
    summary: str
    description: str
    location: str


def _text(content) -> str:
    return content.decode("utf-8") if isinstance(content, bytes) else content


def _with_vobject(text: str) -> list[IcsEvent]:
    (calendar,) = list(vobject.readComponents(text))  # one VCALENDAR, or the parse fails
    for vtimezone in calendar.contents.get("vtimezone", []):
        parts = {child.name for child in vtimezone.getChildren()}
        assert parts & {"STANDARD", "DAYLIGHT"}, "VTIMEZONE without STANDARD or DAYLIGHT (RFC 5545)"
    events = []
    for vevent in calendar.contents.get("vevent", []):
        start, end = vevent.dtstart.value, vevent.dtend.value
        assert start.tzinfo is not None and end.tzinfo is not None, "floating time in an event"
        events.append(
            IcsEvent(
                uid=vevent.uid.value,
                start=start,
                end=end,
                summary=vevent.summary.value,
                description=vevent.description.value if hasattr(vevent, "description") else "",
                location=vevent.location.value if hasattr(vevent, "location") else "",
            )
        )
    return sorted(events, key=lambda e: (e.start, e.uid))


def _with_ics_py(text: str) -> list[IcsEvent]:
    calendar = ics.Calendar(text)
    events = [
        IcsEvent(
            uid=event.uid,
            start=event.begin.datetime,
            end=event.end.datetime,
            summary=event.name or "",
            description=event.description or "",
            location=event.location or "",
        )
        for event in calendar.events
    ]
    return sorted(events, key=lambda e: (e.start, e.uid))


def parse_ics(content) -> list[IcsEvent]:
    """The events of an .ics file, sorted by start. Fails when either parser refuses the file
    or when they read different events, times or texts."""
    text = _text(content)
    assert text.startswith("BEGIN:VCALENDAR"), text[:80]
    by_vobject = _with_vobject(text)
    by_ics_py = _with_ics_py(text)
    assert len(by_vobject) == len(by_ics_py)
    for a, b in zip(by_vobject, by_ics_py, strict=True):
        assert a.uid == b.uid
        # The same instant, and the same wall-clock time (both honour the VTIMEZONE).
        assert a.start == b.start and a.end == b.end, (a, b)
        assert a.start.utcoffset() == b.start.utcoffset(), (a, b)
        assert (a.summary, a.description, a.location) == (b.summary, b.description, b.location)
    return by_vobject
