"""The demo offer of every demo library ("Demobibliotheek …"), so the public pages, the open data
and the desk's referral list are alive on first start. Everything is made up: the libraries are
demo libraries, a partner that is not one of the guide's demo partners says "(demo)" in its
name, addresses are example addresses. Dates are relative to the day the demo is loaded: the
courses start in the coming weeks, the walk-in hours close for the next Christmas holiday.

Per library: IDO walk-in hours, Digisterker and Klik & Tik courses with dated sessions, a Taalhuis
spreekuur, a geldzaken spreekuur with a partner, and a draft (a tabletcafé still being planned).
One offer of the first library is past its review date, so the coordinator's flag shows.
Bibliotheek AanZet is a real library: it gets no made-up public offer.

Runs once per library (a library with an offer is left alone). Plain model writes, with
`selectors.search_text_for` keeping the search text right."""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from plein.accounts.choices import Role
from plein.emb.models import Programme
from plein.guide.choices import PartnerTheme
from plein.guide.models import Partner
from plein.organisations.models import Organisation

from .choices import Access, Bring, Facility, Helper, Need, OfferKind, OfferStatus, Schedule, Theme
from .models import Offer, OfferClosure, OfferHours, OfferTheme, Session
from .schedule import AMSTERDAM
from .selectors import search_text_for

User = get_user_model()

DEMO_PREFIX = "Demobibliotheek "
ACCESSIBILITY = "Ingang zonder drempel, lift naar alle verdiepingen, toegankelijk toilet (demo)."
MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY = range(5)


def demo_libraries():
    """The made-up libraries of the demo (not the real library the article names)."""
    return Organisation.objects.filter(is_demo=True, name__startswith=DEMO_PREFIX).order_by("name", "pk")


def _next_weekday(day: datetime.date, weekday: int, at_least: int) -> datetime.date:
    """The first `weekday` at least `at_least` days after `day`."""
    day += datetime.timedelta(days=at_least)
    return day + datetime.timedelta(days=(weekday - day.weekday()) % 7)


def _christmas(today: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The next (or current) Christmas closure: 24 December up to and including 1 January."""
    year = today.year - 1 if today <= datetime.date(today.year, 1, 1) else today.year
    return datetime.date(year, 12, 24), datetime.date(year + 1, 1, 1)


def _at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=AMSTERDAM)


def _offers(library, branches, partner, today):
    """What each demo library offers: (fields, themes, weekly hours, sessions, closures)."""
    main, other = branches[0], branches[-1]
    place = library.name.removeprefix(DEMO_PREFIX)
    mail = f"aanmelden.{library.slug or library.pk}@demo.plein.example"
    phone = "0800-0000000"  # not a real number: a demo
    christmas = [(*_christmas(today), "Kerstvakantie")]
    digisterker_start = _next_weekday(today, TUESDAY, 5)
    kliktik_start = _next_weekday(today, THURSDAY, 2)
    money_partner = (
        {"partner": partner, "provider_name": partner.name}
        if partner is not None
        else {"provider_name": f"Geldwijzer {place} (demo)"}
    )
    return [
        (
            {
                "slug": "ido-inloopspreekuur",
                "title": "Hulp bij de digitale overheid",
                "summary": "Vragen over DigiD, toeslagen, belastingen of een brief van de overheid? Loop binnen, "
                "wij helpen u verder.",
                "covered": "DigiD aanvragen en activeren, inloggen bij MijnOverheid, een toeslag aanvragen of "
                "wijzigen, een formulier van de gemeente invullen, uitleg bij een brief.",
                "not_covered": "Wij doen uw belastingaangifte niet voor u en bewaren geen gegevens van u.",
                "kind": OfferKind.FORMS_HELP,
                "need": Need.PRACTICAL,
                "helper": Helper.BOTH,
                "target_group": "Iedereen die hulp nodig heeft met de digitale overheid.",
                "access": Access.WALK_IN,
                "bring": [Bring.DIGID, Bring.AUTHORISATION_CODE, Bring.IDENTITY, Bring.LETTER],
                "facilities": [Facility.COMPUTERS, Facility.PRINTER, Facility.WIFI, Facility.QUIET_ROOM],
                "provider_name": "",
                "programme_key": "ido",
                "location": main,
            },
            [Theme.GOVERNMENT, Theme.DIGITAL, Theme.MONEY],
            [(MONDAY, 10, 12), (WEDNESDAY, 14, 16), (FRIDAY, 10, 12)],
            [],
            christmas,
        ),
        (
            {
                "slug": "digisterker",
                "title": "Digisterker: werken met de digitale overheid",
                "summary": "In vier lessen leert u inloggen met DigiD en zaken regelen met de overheid op internet.",
                "covered": "Werken met DigiD, websites van de overheid, MijnOverheid, een afspraak maken bij de "
                "gemeente.",
                "not_covered": "Het is geen les in werken met een computer: u kunt al een beetje met een computer "
                "of tablet werken.",
                "kind": OfferKind.DIGITAL_SKILLS,
                "need": Need.LEARNING,
                "helper": Helper.PROFESSIONAL,
                "target_group": "Volwassenen die zelf hun zaken met de overheid op internet willen regelen.",
                "access": Access.SIGN_UP,
                "signup_phone": phone,
                "signup_email": mail,
                "bring": [Bring.DIGID, Bring.OWN_DEVICE],
                "facilities": [Facility.COMPUTERS, Facility.WIFI],
                "provider_name": "",
                "programme_key": "digisterker",
                "location": main,
            },
            [Theme.DIGITAL, Theme.GOVERNMENT],
            [],
            [(_at(digisterker_start + datetime.timedelta(weeks=n), 14), f"Les {n + 1} van 4") for n in range(4)],
            [],
        ),
        (
            {
                "slug": "klik-en-tik",
                "title": "Klik & Tik: de basis",
                "summary": "Leer in uw eigen tempo werken met de computer: muis, toetsenbord, internet en e-mail.",
                "covered": "Oefenen met de lessen van Klik & Tik, met een vrijwilliger naast u.",
                "kind": OfferKind.DIGITAL_SKILLS,
                "need": Need.LEARNING,
                "helper": Helper.VOLUNTEER,
                "target_group": "Volwassenen die (bijna) nooit met een computer werken.",
                "access": Access.SIGN_UP,
                "signup_phone": phone,
                "bring": [],
                "facilities": [Facility.COMPUTERS],
                "provider_name": "",
                "programme_key": "klik-en-tik",
                "location": other,
            },
            [Theme.DIGITAL],
            [],
            [(_at(kliktik_start + datetime.timedelta(weeks=n), 10), f"Les {n + 1} van 6") for n in range(6)],
            [],
        ),
        (
            {
                "slug": "taalhuis-spreekuur",
                "title": "Taalhuis: spreekuur",
                "summary": "Wilt u beter Nederlands lezen, schrijven of spreken? Kom langs, wij zoeken samen wat "
                "bij u past.",
                "covered": "Een gesprek over wat u wilt leren, een taalcursus of taalmaatje zoeken, oefenen op "
                "de computer.",
                "kind": OfferKind.ADVICE,
                "need": Need.INFORMATION,
                "helper": Helper.VOLUNTEER,
                "target_group": "Volwassenen die moeite hebben met lezen, schrijven of Nederlands spreken.",
                "access": Access.WALK_IN,
                "bring": [],
                "facilities": [Facility.QUIET_ROOM],
                "languages": "Nederlands, Engels, Arabisch",
                "provider_name": "",
                "programme_key": "taalhuis",
                "location": main,
            },
            [Theme.LANGUAGE, Theme.PERSONAL],
            [(THURSDAY, 13, 15)],
            [],
            christmas,
        ),
        (
            {
                "slug": "spreekuur-geldzaken",
                "title": "Spreekuur geldzaken",
                "summary": "Zorgen over geld, rekeningen of schulden? Praat er op tijd over, vertrouwelijk en gratis.",
                "covered": "Uitleg bij rekeningen en brieven, overzicht van uw inkomsten en uitgaven, de weg naar "
                "schuldhulp van de gemeente.",
                "not_covered": "Wij lossen geen schulden af en geven geen leningen.",
                "kind": OfferKind.ADVICE,
                "need": Need.INFORMATION,
                "helper": Helper.PROFESSIONAL,
                "target_group": "Iedereen die vragen heeft over geld.",
                "access": Access.WALK_IN,
                "bring": [Bring.LETTER, Bring.IDENTITY],
                "facilities": [Facility.QUIET_ROOM],
                "programme_key": "geldzaken",
                "location": main,
                **money_partner,
            },
            [Theme.MONEY],
            [(TUESDAY, 9, 11)],
            [],
            christmas,
        ),
        (
            {
                "slug": "tabletcafe",
                "title": "Tabletcafé",
                "summary": "Samen ontdekken wat u met uw tablet kunt (wordt nog gepland).",
                "kind": OfferKind.DIGITAL_SKILLS,
                "need": Need.LEARNING,
                "helper": Helper.VOLUNTEER,
                "access": Access.WALK_IN,
                "bring": [Bring.OWN_DEVICE],
                "facilities": [Facility.WIFI],
                "provider_name": "",
                "programme_key": "",
                "location": other,
                "status": OfferStatus.DRAFT,
            },
            [Theme.DIGITAL],
            [(FRIDAY, 14, 16)],
            [],
            [],
        ),
    ]


def _money_partner(library):
    """A partner of the library's route in the guide that helps with money matters, if any."""
    for partner in Partner.objects.filter(trajectory__library=library).order_by("name", "pk"):
        if PartnerTheme.MONEY in partner.themes:
            return partner
    return None


@transaction.atomic
def load_offers_demo(*, now=None) -> int:
    """The demo offers of every demo library that has none yet. Returns the number made."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    programmes = dict(Programme.objects.filter(library__isnull=True).exclude(key="").values_list("key", "pk"))
    made = 0
    for index, library in enumerate(demo_libraries()):
        if Offer.objects.filter(library=library).exists():
            continue
        branches = list(library.locations.order_by("-has_ido", "name", "pk"))
        if not branches:
            continue
        for branch in branches:
            if not branch.accessibility:
                branch.accessibility = ACCESSIBILITY
                branch.save(update_fields=["accessibility"])
        coordinator = User.objects.filter(organisation=library, role=Role.COORDINATOR).order_by("pk").first()
        for position, (fields, themes, hours, sessions, closures) in enumerate(
            _offers(library, branches, _money_partner(library), today)
        ):
            fields = dict(fields)
            programme_key = fields.pop("programme_key")
            status = fields.pop("status", OfferStatus.PUBLISHED)
            published = status == OfferStatus.PUBLISHED
            # the first library's Taalhuis has not been checked for too long: the flag shows
            overdue = index == 0 and fields["slug"] == "taalhuis-spreekuur"
            offer = Offer(
                library=library,
                status=status,
                schedule=Schedule.SESSIONS if sessions else Schedule.WEEKLY,
                programme_id=programmes.get(programme_key),
                published_at=now - datetime.timedelta(days=300) if published else None,
                review_on=today - datetime.timedelta(days=14)
                if overdue
                else today + datetime.timedelta(days=120 + 30 * position),
                created_by=coordinator,
                created_at=now - datetime.timedelta(days=310),
                **fields,
            )
            offer.search_text = search_text_for(offer, themes)
            offer.full_clean()
            offer.save()
            OfferTheme.objects.bulk_create([OfferTheme(offer=offer, theme=theme) for theme in themes])
            OfferHours.objects.bulk_create(
                [
                    OfferHours(offer=offer, weekday=day, opens=datetime.time(start), closes=datetime.time(end))
                    for day, start, end in hours
                ]
            )
            OfferClosure.objects.bulk_create(
                [OfferClosure(offer=offer, starts_on=start, ends_on=end, note=note) for start, end, note in closures]
            )
            Session.objects.bulk_create(
                [
                    Session(offer=offer, starts_at=starts, ends_at=starts + datetime.timedelta(hours=2), note=note)
                    for starts, note in sessions
                ]
            )
            made += 1
    return made
