"""A small public offer for the tests of the public pages: a library with DigiD help (weekly,
walk-in, with a Christmas closure), a Klik & Tik course (dated sessions, sign up), a taalhuis
spreekuur, a draft, and another library's offer."""

import datetime
from dataclasses import dataclass

from plein.organisations.tests.factories import LocationFactory

from ..choices import Access, Bring, Facility, Need, OfferKind, OfferStatus, Schedule, Theme
from ..schedule import AMSTERDAM
from .factories import OfferClosureFactory, OfferFactory, OfferHoursFactory, OfferThemeFactory, SessionFactory

# A Wednesday morning; the DigiD hour is on Tuesdays, the course on Mondays in December.
NOW = datetime.datetime(2026, 12, 2, 9, 0, tzinfo=AMSTERDAM)


@dataclass
class PublicOffer:
    library: object
    location: object
    digid: object
    course: object
    language: object
    draft: object
    other: object


def public_offer(library=None, location=None, other_location=None) -> PublicOffer:
    location = location or LocationFactory(name="Centrum", street="Markt 1", postcode="1234 AB", city="Eigenstad")
    library = library or location.organisation
    location.accessibility = "Ingang zonder drempel, lift naar de eerste verdieping."
    location.save()
    digid = OfferFactory(
        library=library,
        location=location,
        title="Hulp bij DigiD",
        slug="hulp-bij-digid",
        summary="Wij helpen u met DigiD aanvragen en gebruiken.",
        covered="DigiD aanvragen, de DigiD-app instellen.",
        not_covered="Wij vullen uw belastingaangifte niet voor u in.",
        kind=OfferKind.FORMS_HELP,
        need=Need.PRACTICAL,
        access=Access.WALK_IN,
        bring=[Bring.DIGID, Bring.IDENTITY],
        facilities=[Facility.COMPUTERS, Facility.PRINTER],
        search_text="hulp bij digid wij helpen u met digid aanvragen en gebruiken overheidszaken",
    )
    OfferThemeFactory(offer=digid, theme=Theme.GOVERNMENT)
    OfferHoursFactory(offer=digid, weekday=1, opens=datetime.time(10), closes=datetime.time(12))
    OfferClosureFactory(offer=digid, starts_on=datetime.date(2026, 12, 21), ends_on=datetime.date(2027, 1, 3))
    course = OfferFactory(
        library=library,
        location=location,
        title="Klik & Tik",
        slug="klik-en-tik",
        summary="Leer in vier lessen werken met de computer.",
        kind=OfferKind.DIGITAL_SKILLS,
        need=Need.LEARNING,
        schedule=Schedule.SESSIONS,
        access=Access.SIGN_UP,
        signup_phone="010 123 45 67",
        signup_email="aanmelden@bieb.example",
        search_text="klik & tik leer in vier lessen werken met de computer digitaal",
    )
    OfferThemeFactory(offer=course, theme=Theme.DIGITAL)
    for week in range(4):
        start = datetime.datetime(2026, 12, 7, 14, tzinfo=AMSTERDAM) + datetime.timedelta(weeks=week)
        SessionFactory(offer=course, starts_at=start, note=f"Les {week + 1}")
    language = OfferFactory(
        library=library,
        location=location,
        title="Taalhuis spreekuur",
        slug="taalhuis-spreekuur",
        summary="Beter leren lezen, schrijven en spreken.",
        kind=OfferKind.ADVICE,
        need=Need.INFORMATION,
        search_text="taalhuis spreekuur beter leren lezen schrijven spreken taal",
    )
    OfferThemeFactory(offer=language, theme=Theme.LANGUAGE)
    OfferHoursFactory(offer=language, weekday=3, opens=datetime.time(14), closes=datetime.time(16))
    draft = OfferFactory(
        library=library,
        location=location,
        title="Geheim concept DigiD",
        slug="geheim-concept",
        status=OfferStatus.DRAFT,
        search_text="geheim concept digid",
    )
    OfferThemeFactory(offer=draft, theme=Theme.GOVERNMENT)
    OfferHoursFactory(offer=draft, weekday=2)
    other_location = other_location or LocationFactory(name="Elders", city="Anderstad")
    other = OfferFactory(
        library=other_location.organisation,
        location=other_location,
        title="DigiD bij de buren",
        slug="digid-buren",
        search_text="digid bij de buren",
    )
    OfferHoursFactory(offer=other, weekday=1)
    return PublicOffer(library, location, digid, course, language, draft, other)
