"""Made-up public offer at national scale, for load tests and benchmarks: `seed_offers(count, rng)`
spreads `count` offers over the branches that exist (some 20,000 over 800 branches), with
themes, weekly hours or dated sessions, closed periods and the search text, in bulk (no
services, no audit log). `manage.py seed_scale` calls it after the organisations (--offers).
Everything it makes is clearly fake: its titles end in "(schaal)"."""

import datetime
import uuid
from collections.abc import Callable

from django.utils import timezone, translation

from plein.organisations.models import Location

from .choices import Access, Bring, Facility, Need, OfferKind, OfferStatus, Schedule, Theme
from .models import Offer, OfferClosure, OfferHours, OfferTheme, Session
from .schedule import AMSTERDAM
from .selectors import search_text_for

BATCH = 2000
DRAFT_SHARE = 0.1  # one in ten is a draft: never public, but in the tables the pages filter

# (title, summary, kind, need, schedule, access, themes, bring)
TEMPLATES = [
    ("Hulp bij DigiD", "Wij helpen u met DigiD aanvragen en gebruiken.", OfferKind.FORMS_HELP, Need.PRACTICAL,
     Schedule.WEEKLY, Access.WALK_IN, [Theme.GOVERNMENT, Theme.DIGITAL], [Bring.DIGID, Bring.IDENTITY]),
    ("Informatiepunt Digitale Overheid", "Vragen over de overheid, toeslagen en formulieren.", OfferKind.ADVICE,
     Need.INFORMATION, Schedule.WEEKLY, Access.WALK_IN, [Theme.GOVERNMENT], [Bring.LETTER]),
    ("Klik & Tik", "Leer in vier lessen werken met de computer.", OfferKind.DIGITAL_SKILLS, Need.LEARNING,
     Schedule.SESSIONS, Access.SIGN_UP, [Theme.DIGITAL], []),
    ("Digisterker", "Leer zaken met de overheid online regelen.", OfferKind.DIGITAL_SKILLS, Need.LEARNING,
     Schedule.SESSIONS, Access.SIGN_UP, [Theme.DIGITAL, Theme.GOVERNMENT], [Bring.DIGID]),
    ("Taalhuis spreekuur", "Beter leren lezen, schrijven en spreken.", OfferKind.ADVICE, Need.INFORMATION,
     Schedule.WEEKLY, Access.WALK_IN, [Theme.LANGUAGE], []),
    ("Geldzaken spreekuur", "Hulp bij uw geldzaken, rekeningen en schulden.", OfferKind.ADVICE, Need.PRACTICAL,
     Schedule.WEEKLY, Access.SIGN_UP, [Theme.MONEY], [Bring.LETTER, Bring.IDENTITY]),
    ("Hulp bij de belastingaangifte", "Vrijwilligers helpen u met uw aangifte.", OfferKind.FORMS_HELP, Need.PRACTICAL,
     Schedule.WEEKLY, Access.SIGN_UP, [Theme.MONEY, Theme.GOVERNMENT], [Bring.DIGID, Bring.AUTHORISATION_CODE]),
    ("Digicafé", "Stel uw vragen over uw telefoon, tablet of laptop.", OfferKind.DIGITAL_SKILLS, Need.PRACTICAL,
     Schedule.WEEKLY, Access.WALK_IN, [Theme.DIGITAL], [Bring.OWN_DEVICE]),
    ("Tabletcafé", "Samen leren werken met uw tablet.", OfferKind.DIGITAL_SKILLS, Need.LEARNING,
     Schedule.WEEKLY, Access.WALK_IN, [Theme.DIGITAL], [Bring.OWN_DEVICE]),
    ("Informatiebijeenkomst toeslagen", "Uitleg over huurtoeslag en zorgtoeslag.", OfferKind.INFO_MEETING,
     Need.INFORMATION, Schedule.SESSIONS, Access.SIGN_UP, [Theme.MONEY, Theme.GOVERNMENT], []),
    ("Solliciteren met de computer", "Maak uw cv en zoek werk online.", OfferKind.COURSE, Need.LEARNING,
     Schedule.SESSIONS, Access.SIGN_UP, [Theme.WORK, Theme.DIGITAL], []),
    ("Rekenen in het dagelijks leven", "Oefen met rekenen voor thuis en werk.", OfferKind.COURSE, Need.LEARNING,
     Schedule.SESSIONS, Access.SIGN_UP, [Theme.NUMERACY], []),
    ("Gezond online", "Uw gezondheid online regelen: huisarts-app en apotheek.", OfferKind.INFO_MEETING,
     Need.INFORMATION, Schedule.SESSIONS, Access.SIGN_UP, [Theme.HEALTH, Theme.DIGITAL], [Bring.OWN_DEVICE]),
    ("Nederlands oefenen", "Praat Nederlands met anderen in een kleine groep.", OfferKind.COURSE, Need.LEARNING,
     Schedule.WEEKLY, Access.WALK_IN, [Theme.LANGUAGE, Theme.PERSONAL], []),
]  # fmt: skip


def seed_offers(count: int, rng, *, progress: Callable | None = None) -> int:
    """Create `count` offers over the existing branches; returns how many were made."""
    locations = list(Location.objects.select_related("organisation").order_by("pk"))
    if count <= 0 or not locations:
        return 0
    today = timezone.localdate()
    made = 0
    with translation.override("nl"):
        while made < count:
            size = min(BATCH, count - made)
            plans = [_plan(made + i, rng, locations) for i in range(size)]
            offers = Offer.objects.bulk_create([offer for offer, _ in plans])
            themes, hours, closures, sessions = [], [], [], []
            for offer, template in zip(offers, (t for _, t in plans), strict=True):
                themes += [OfferTheme(offer_id=offer.pk, theme=theme) for theme in template[6]]
                if offer.schedule == Schedule.WEEKLY:
                    for weekday in rng.sample(range(6), rng.choice((1, 1, 2))):
                        opens = rng.choice((9, 10, 13, 14, 18))
                        hours.append(
                            OfferHours(
                                offer_id=offer.pk,
                                weekday=weekday,
                                opens=datetime.time(opens),
                                closes=datetime.time(opens + 2),
                            )
                        )
                    if rng.random() < 0.3:
                        start = today + datetime.timedelta(days=rng.randrange(0, 90))
                        closures.append(
                            OfferClosure(
                                offer_id=offer.pk,
                                starts_on=start,
                                ends_on=start + datetime.timedelta(days=rng.randrange(0, 14)),
                                note="Vakantie",
                            )
                        )
                else:
                    first = today + datetime.timedelta(days=rng.randrange(-14, 60))
                    hour = rng.choice((10, 14, 19))
                    for lesson in range(4):
                        starts = datetime.datetime.combine(
                            first + datetime.timedelta(weeks=lesson), datetime.time(hour), tzinfo=AMSTERDAM
                        )
                        sessions.append(
                            Session(
                                uuid=uuid.UUID(int=rng.getrandbits(128), version=4),
                                offer_id=offer.pk,
                                starts_at=starts,
                                ends_at=starts + datetime.timedelta(hours=2),
                                note=f"Les {lesson + 1} van 4",
                            )
                        )
            OfferTheme.objects.bulk_create(themes, batch_size=BATCH)
            OfferHours.objects.bulk_create(hours, batch_size=BATCH)
            OfferClosure.objects.bulk_create(closures, batch_size=BATCH)
            Session.objects.bulk_create(sessions, batch_size=BATCH)
            made += size
            if progress:
                progress(f"{made:,} of {count:,} offers")
    return made


def _plan(n: int, rng, locations):
    template = TEMPLATES[rng.randrange(len(TEMPLATES))]
    title, summary, kind, need, schedule, access, themes, bring = template
    location = locations[rng.randrange(len(locations))]
    published = rng.random() >= DRAFT_SHARE
    offer = Offer(
        uuid=uuid.UUID(int=rng.getrandbits(128), version=4),
        library=location.organisation,
        location=location,
        slug=f"{_slug(title)}-{n + 1}",
        title=f"{title} (schaal)",
        summary=summary,
        covered=summary,
        kind=kind,
        need=need,
        access=access,
        signup_phone="0900 123 45 67" if access == Access.SIGN_UP else "",
        bring=[str(b) for b in bring],
        facilities=[str(Facility.COMPUTERS), str(Facility.WIFI)],
        schedule=schedule,
        status=OfferStatus.PUBLISHED if published else OfferStatus.DRAFT,
        published_at=timezone.now() if published else None,
        review_on=timezone.localdate() + datetime.timedelta(days=rng.randrange(30, 365)),
    )
    offer.search_text = search_text_for(offer, themes)
    return offer, template


def _slug(title: str) -> str:
    from django.utils.text import slugify

    return slugify(title.replace("&", "en"))
