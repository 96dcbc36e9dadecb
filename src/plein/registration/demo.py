"""A year of made-up registrations at the demo libraries' IDO branches, so the figures are
alive on first start. Bulk-inserted, then the rollups are rebuilt from them (the same code
that repairs rollups), which takes seconds instead of minutes."""

import datetime
import random
import uuid

from django.utils import timezone

from plein.offers.selectors import published_offers
from plein.organisations.models import Location

from .models import Category, Question, Visit
from .services import rebuild_rollups

# Relative weights: the common questions first (DigiD, then devices, then municipal matters).
TOPICS = {
    "digid": 30,
    "apparaat": 18,
    "gemeente": 10,
    "toeslagen": 9,
    "belastingen": 8,
    "mijnoverheid": 6,
    "zorg": 5,
    "werk": 4,
    "aow": 3,
    "studiefinanciering": 2,
    "boetes": 2,
    "rijbewijs": 2,
    "inburgering": 2,
    "overig": 3,
}
ORGANISATION_FOR_TOPIC = {
    "toeslagen": "toeslagen",
    "belastingen": "belastingdienst",
    "zorg": "cak",
    "werk": "uwv",
    "aow": "svb",
    "studiefinanciering": "duo",
    "boetes": "cjib",
    "rijbewijs": "rdw",
    "gemeente": "gemeente",
}
CHANNELS = {"inloop": 6, "afspraak": 3, "telefoon": 1}
DURATIONS = {"tot-10": 3, "10-30": 5, "30-60": 2, "langer-60": 1}
HELP = {"informatie": 4, "praktische-hulp": 5, "doorverwijzing": 2}
REFERRALS = {
    "digisterker": 3,
    "klik-en-tik": 3,
    "taalhuis": 1,
    "digitaal-spreekuur": 2,
    "sociaal-raadslieden": 2,
    "uitvoeringsorganisatie": 2,
    "gemeente": 1,
    "welzijn": 1,
}
# A referral of these kinds goes, about half the time, to the library's own offer of that name
# (offers.demo, loaded before this): the figures per offer and the offer's count are not empty.
REFERRAL_OFFERS = {
    "digisterker": "digisterker",
    "klik-en-tik": "klik-en-tik",
    "taalhuis": "taalhuis-spreekuur",
    "digitaal-spreekuur": "ido-inloopspreekuur",
    "sociaal-raadslieden": "spreekuur-geldzaken",
}
DIGID_FOLLOW_UPS = {"aangevraagd": 2, "geactiveerd": 3, "app": 3, "machtiging": 1}
WEEKDAY = [1.0, 1.3, 0.8, 1.2, 0.9, 0.4, 0.0]  # Monday … Sunday
MONTH = [1.1, 1.0, 1.2, 1.3, 1.1, 0.9, 0.5, 0.6, 1.0, 1.1, 1.1, 0.8]  # tax season in spring, holidays in summer


def _pick(rng, weights: dict):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def load_registration_demo(*, days=365, seed=2026) -> int:
    locations = list(Location.objects.filter(has_ido=True, organisation__is_demo=True).order_by("pk"))
    if not locations or Visit.objects.filter(location__in=locations).exists():
        return 0
    rng = random.Random(seed)
    offer_rng = random.Random(seed + 1)  # its own: the other numbers of the demo stay the same
    offers = {
        (library_id, slug): pk
        for pk, library_id, slug in published_offers()
        .filter(library__in={location.organisation_id for location in locations})
        .values_list("pk", "library_id", "slug")
    }
    c = {(cat.kind, cat.code): cat for cat in Category.objects.all()}
    today = timezone.localdate()
    visits, questions = [], []
    for location in locations:
        base = rng.uniform(1.5, 4.0)  # visits per opening day at this branch
        for offset in range(days, 0, -1):
            day = today - datetime.timedelta(days=offset)
            expected = base * WEEKDAY[day.weekday()] * MONTH[day.month - 1]
            for _ in range(int(expected) + (rng.random() < expected % 1)):
                visit = Visit(
                    location=location,
                    day=day,
                    channel=c[("kanaal", _pick(rng, CHANNELS))],
                    duration=c[("duur", _pick(rng, DURATIONS))],
                    idempotency_key=uuid.UUID(int=rng.getrandbits(128)).hex,
                )
                visits.append(visit)
                for _q in range(1 if rng.random() < 0.75 else 2):
                    topic = _pick(rng, TOPICS)
                    help_code = _pick(rng, HELP)
                    referral = offer_id = None
                    if help_code == "doorverwijzing":
                        referral_code = _pick(rng, REFERRALS)
                        referral = c[("doorverwijzing", referral_code)]
                        offer_key = (location.organisation_id, REFERRAL_OFFERS.get(referral_code))
                        if offer_key in offers and offer_rng.random() < 0.5:
                            offer_id = offers[offer_key]
                    organisation = ORGANISATION_FOR_TOPIC.get(topic)
                    questions.append(
                        (
                            visit,
                            Question(
                                domain=c[
                                    (
                                        "domein",
                                        "digitale-overheid"
                                        if topic not in {"apparaat", "overig"}
                                        else "bibliotheek"
                                        if topic == "apparaat"
                                        else "overig",
                                    )
                                ],
                                topic=c[("onderwerp", topic)],
                                organisation=c[("organisatie", organisation)] if organisation else None,
                                help=c[("hulp", help_code)],
                                digid_follow_up=c[("digid", _pick(rng, DIGID_FOLLOW_UPS))]
                                if topic == "digid"
                                else None,
                                referral=referral,
                                offer_id=offer_id,
                            ),
                        )
                    )
    Visit.objects.bulk_create(visits, batch_size=2000)
    for visit, question in questions:
        question.visit = visit
    Question.objects.bulk_create([q for _v, q in questions], batch_size=2000)
    rebuild_rollups()
    return len(visits)
