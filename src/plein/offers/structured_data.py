"""schema.org JSON-LD for an offer's public page, so search engines and other sites can read
what, where and when: a Course (digital skills, courses) with its course instances, an Event
(an information meeting or other offer with dated sessions) with the sessions as subEvent, or
a Service (help with forms, advice, walk-in hours) with its hours as OpeningHoursSpecification.
Each with the branch as Place with a PostalAddress, the provider, and whether it is free.
Reads only what `selectors.with_schedule` prefetched. `json_ld_script` makes the
`<script type="application/ld+json">` (data, not run: the CSP's script-src does not apply)."""

import datetime
import json

from django.utils.html import mark_safe

from .choices import OfferKind, Schedule, Theme
from .ical import offer_url
from .schedule import AMSTERDAM, occurrences

SCHEMA_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
COURSE_KINDS = {OfferKind.DIGITAL_SKILLS, OfferKind.COURSE}
AHEAD = datetime.timedelta(days=366)


def _day(weekday: int) -> str:
    return f"https://schema.org/{SCHEMA_DAYS[weekday]}"


def _iso(moment: datetime.datetime) -> str:
    return moment.astimezone(AMSTERDAM).isoformat()


def _place(offer) -> dict:
    location = offer.location
    place = {
        "@type": "Place",
        "name": f"{offer.library.name} {location.name}",
        "address": {
            "@type": "PostalAddress",
            "streetAddress": location.street,
            "postalCode": location.postcode,
            "addressLocality": location.city,
            "addressCountry": "NL",
        },
    }
    if location.accessibility:
        place["amenityFeature"] = {
            "@type": "LocationFeatureSpecification",
            "name": "Toegankelijkheid",
            "value": location.accessibility,
        }
    return place


def _provider(offer) -> dict:
    library = offer.library
    if offer.provider_name:
        return {"@type": "Organization", "name": offer.provider_name}
    provider = {"@type": "Library", "name": library.name}
    if library.website:
        provider["url"] = library.website
    return provider


def _price(offer, url: str) -> dict:
    if offer.free:
        return {"@type": "Offer", "price": "0", "priceCurrency": "EUR", "url": url, "category": "Free"}
    return {"@type": "Offer", "description": offer.cost, "url": url}


def _weekly_schedule(offer) -> list[dict]:
    return [
        {
            "@type": "Schedule",
            "repeatFrequency": "P1W",
            "byDay": _day(block.weekday),
            "startTime": f"{block.opens:%H:%M}",
            "endTime": f"{block.closes:%H:%M}",
            "scheduleTimezone": "Europe/Amsterdam",
            "exceptDate": [],
        }
        for block in offer.hours.all()
    ]


def _closed_dates(offer, today) -> list[str]:
    """The coming closed days (to a year ahead) as dates, for Schedule.exceptDate."""
    days = []
    for closure in offer.closures.all():
        day = max(closure.starts_on, today)
        while day <= closure.ends_on and day <= today + AHEAD:
            days.append(day.isoformat())
            day += datetime.timedelta(days=1)
    return days


def _sessions(offer, now) -> list:
    """Coming sessions, cancelled ones too (they say so)."""
    return [s for s in offer.sessions.all() if s.ends_at > now]


def _common(offer, url: str) -> dict:
    data = {
        "@context": "https://schema.org",
        "@id": url + "#aanbod",
        "name": offer.title,
        "description": offer.summary,
        "url": url,
        "inLanguage": "nl",
        "provider": _provider(offer),
        "isAccessibleForFree": offer.free,
        "offers": _price(offer, url),
    }
    themes = [str(Theme(t.theme).label) for t in offer.themes.all() if t.theme in Theme.values]
    if themes:
        data["keywords"] = ", ".join(themes)
    if offer.target_group:
        data["audience"] = {"@type": "Audience", "audienceType": offer.target_group}
    return data


def _course(offer, url, now, today) -> dict:
    data = {"@type": "Course", **_common(offer, url)}
    instance = {"@type": "CourseInstance", "courseMode": "onsite", "location": _place(offer)}
    if offer.schedule == Schedule.SESSIONS:
        data["hasCourseInstance"] = [
            {
                **instance,
                "startDate": _iso(s.starts_at),
                "endDate": _iso(s.ends_at),
                **({"name": s.note} if s.note else {}),
                **({"eventStatus": "https://schema.org/EventCancelled"} if s.cancelled else {}),
            }
            for s in _sessions(offer, now)
        ]
    else:
        schedules = _weekly_schedule(offer)
        closed = _closed_dates(offer, today)
        for schedule in schedules:
            schedule["exceptDate"] = closed
        data["hasCourseInstance"] = [{**instance, "courseSchedule": schedule} for schedule in schedules]
    return data


def _event(offer, url, now, today) -> dict:
    data = {
        "@type": "Event",
        **_common(offer, url),
        "location": _place(offer),
        "organizer": _provider(offer),
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "eventStatus": "https://schema.org/EventScheduled",
    }
    if offer.schedule == Schedule.SESSIONS:
        sessions = _sessions(offer, now)
        if sessions:
            data["startDate"] = _iso(sessions[0].starts_at)
            data["endDate"] = _iso(sessions[-1].ends_at)
        data["subEvent"] = [
            {
                "@type": "Event",
                "name": f"{offer.title}: {s.note}" if s.note else offer.title,
                "startDate": _iso(s.starts_at),
                "endDate": _iso(s.ends_at),
                "location": _place(offer),
                "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
                "eventStatus": "https://schema.org/EventCancelled"
                if s.cancelled
                else "https://schema.org/EventScheduled",
            }
            for s in sessions
        ]
    else:
        schedules = _weekly_schedule(offer)
        closed = _closed_dates(offer, today)
        for schedule in schedules:
            schedule["exceptDate"] = closed
        data["eventSchedule"] = schedules
        upcoming = occurrences(offer, today, today + AHEAD)
        upcoming = [o for o in upcoming if o.ends_at > now]
        if upcoming:
            data["startDate"] = _iso(upcoming[0].starts_at)
    return data


def _service(offer, url, now, today) -> dict:
    data = {
        "@type": "Service",
        **_common(offer, url),
        "serviceType": str(OfferKind(offer.kind).label) if offer.kind in OfferKind.values else offer.kind,
        "availableChannel": {
            "@type": "ServiceChannel",
            "serviceLocation": _place(offer),
            "availableLanguage": [p.strip() for p in offer.languages.split(",") if p.strip()],
        },
    }
    if offer.signup_phone:
        data["availableChannel"]["servicePhone"] = {"@type": "ContactPoint", "telephone": offer.signup_phone}
    if offer.signup_url:
        data["availableChannel"]["serviceUrl"] = offer.signup_url
    if offer.schedule == Schedule.SESSIONS:
        hours = [
            {
                "@type": "OpeningHoursSpecification",
                "validFrom": s.starts_at.astimezone(AMSTERDAM).date().isoformat(),
                "validThrough": s.ends_at.astimezone(AMSTERDAM).date().isoformat(),
                "opens": f"{s.starts_at.astimezone(AMSTERDAM):%H:%M}",
                "closes": f"{s.ends_at.astimezone(AMSTERDAM):%H:%M}",
            }
            for s in _sessions(offer, now)
            if not s.cancelled
        ]
    else:
        hours = [
            {
                "@type": "OpeningHoursSpecification",
                "dayOfWeek": _day(block.weekday),
                "opens": f"{block.opens:%H:%M}",
                "closes": f"{block.closes:%H:%M}",
            }
            for block in offer.hours.all()
        ]
        # A closed period: opens and closes 00:00 from the first to the last day (schema.org's
        # way to say "closed on these days").
        hours += [
            {
                "@type": "OpeningHoursSpecification",
                "opens": "00:00",
                "closes": "00:00",
                "validFrom": c.starts_on.isoformat(),
                "validThrough": c.ends_on.isoformat(),
                **({"description": c.note} if c.note else {}),
            }
            for c in offer.closures.all()
            if c.ends_on >= today
        ]
    data["hoursAvailable"] = hours
    return data


def offer_json_ld(offer, site_url: str, now: datetime.datetime) -> dict:
    """The offer as schema.org data: Course, Event or Service (see the module's docstring)."""
    url = offer_url(offer, site_url)
    today = now.astimezone(AMSTERDAM).date()
    if offer.kind in COURSE_KINDS:
        return _course(offer, url, now, today)
    if offer.schedule == Schedule.SESSIONS or offer.kind == OfferKind.INFO_MEETING:
        return _event(offer, url, now, today)
    return _service(offer, url, now, today)


# What must not appear as is inside a <script> element: "</script>" or "<!--" in a text
# would end or change it. As \u escapes they are the same JSON.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def json_ld_script(data: dict) -> str:
    text = json.dumps(data, ensure_ascii=False, sort_keys=False).translate(_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308 - escaped above
