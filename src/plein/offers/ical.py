"""iCalendar for the public offer: "zet in mijn agenda" for one occurrence, and feeds per
library, branch and theme (the occurrences of the coming weeks)."""

import datetime

from django.urls import reverse
from icalendar import Event

from plein.common.ical import AMSTERDAM, new_calendar


def offer_url(offer, site_url: str) -> str:
    return site_url.rstrip("/") + reverse("offers:offer", args=[offer.library.slug, offer.slug])


def build_calendar(occurrences, *, name: str, site_url: str) -> bytes:
    occurrences = list(occurrences)
    times = [o.starts_at for o in occurrences] + [o.ends_at for o in occurrences]
    cal = new_calendar(name=name, prodid="-//Plein//Aanbod//NL", starts=times)
    for occurrence in occurrences:
        offer = occurrence.offer
        event = Event()
        event.add("uid", occurrence.uid)
        # Without METHOD, DTSTAMP is when the information was last revised (RFC 5545 3.8.7.2),
        # not the moment of the request: the same feed stays the same bytes (ETag, 304).
        event.add("dtstamp", offer.updated_at.astimezone(datetime.UTC))
        event.add("dtstart", occurrence.starts_at.astimezone(AMSTERDAM))
        event.add("dtend", occurrence.ends_at.astimezone(AMSTERDAM))
        event.add("summary", offer.title)
        url = offer_url(offer, site_url)
        note = occurrence.session.note if occurrence.session is not None else ""
        parts = [offer.summary, note, url]
        event.add("description", "\n\n".join(p.strip() for p in parts if p and p.strip()))
        event.add("url", url)
        location = offer.location
        event.add("location", ", ".join(p for p in [f"{offer.library.name} {location.name}", location.address] if p))
        cal.add_component(event)
    return cal.to_ical()
