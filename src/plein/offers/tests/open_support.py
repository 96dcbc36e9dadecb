"""Helpers for the open data tests (API, feeds, JSON-LD, embeddable listing)."""

import datetime

from ..choices import Access, OfferKind, OfferStatus, Schedule, Theme
from ..schedule import AMSTERDAM
from .factories import OfferClosureFactory, OfferFactory, OfferHoursFactory, OfferThemeFactory, SessionFactory

# A Thursday: the coming weeks hold Tuesdays (weekly hours), sessions and the Christmas closure.
NOW = datetime.datetime(2026, 12, 3, 9, 0, tzinfo=AMSTERDAM)


def published_world(world):
    """At world.library: a weekly walk-in offer (Tuesday 10-12, closed over Christmas, themes
    digital and government), a course with two sessions (one cancelled) and a draft; at the
    other library one weekly offer. Returns a dict of them."""
    location = world.location
    weekly = OfferFactory(
        location=location,
        title="Hulp bij DigiD",
        slug="hulp-bij-digid",
        summary="Wij helpen u met DigiD aanvragen en gebruiken.",
        search_text="hulp bij digid wij helpen u met digid aanvragen en gebruiken",
        bring=["digid", "identiteitsbewijs"],
        facilities=["computers"],
    )
    OfferHoursFactory(offer=weekly, weekday=1, opens=datetime.time(10), closes=datetime.time(12))
    OfferClosureFactory(offer=weekly)
    OfferThemeFactory(offer=weekly, theme=Theme.DIGITAL)
    OfferThemeFactory(offer=weekly, theme=Theme.GOVERNMENT)
    course = OfferFactory(
        location=location,
        title="Klik & Tik",
        slug="klik-en-tik",
        summary="Leer de basis van de computer.",
        search_text="klik & tik leer de basis van de computer",
        kind=OfferKind.DIGITAL_SKILLS,
        schedule=Schedule.SESSIONS,
        access=Access.SIGN_UP,
        signup_phone="0123456789",
    )
    OfferThemeFactory(offer=course, theme=Theme.DIGITAL)
    first = SessionFactory(offer=course, starts_at=datetime.datetime(2026, 12, 8, 14, tzinfo=AMSTERDAM), note="Les 1")
    SessionFactory(offer=course, starts_at=datetime.datetime(2026, 12, 15, 14, tzinfo=AMSTERDAM), cancelled=True)
    SessionFactory(offer=course, starts_at=datetime.datetime(2026, 11, 24, 14, tzinfo=AMSTERDAM))  # past
    draft = OfferFactory(
        location=location,
        title="Geheim concept",
        slug="geheim-concept",
        status=OfferStatus.DRAFT,
        published_at=None,
        search_text="geheim concept digid",
    )
    OfferHoursFactory(offer=draft, weekday=1)
    OfferThemeFactory(offer=draft, theme=Theme.DIGITAL)
    other = OfferFactory(
        location=world.other_location,
        title="Taalhuis spreekuur",
        slug="taalhuis",
        summary="Beter leren lezen en schrijven.",
        search_text="taalhuis spreekuur beter leren lezen en schrijven",
    )
    OfferHoursFactory(offer=other, weekday=2)
    OfferThemeFactory(offer=other, theme=Theme.LANGUAGE)
    return {"weekly": weekly, "course": course, "first_session": first, "draft": draft, "other": other}
