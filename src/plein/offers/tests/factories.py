import datetime

import factory

from plein.organisations.tests.factories import LocationFactory

from ..choices import Need, OfferKind, OfferStatus, Schedule, Theme
from ..models import Offer, OfferClosure, OfferHours, OfferTheme, Session
from ..schedule import AMSTERDAM


class OfferFactory(factory.django.DjangoModelFactory):
    """A published weekly walk-in offer at a branch of its library (pass `status=` for a draft)."""

    class Meta:
        model = Offer

    location = factory.SubFactory(LocationFactory)
    library = factory.SelfAttribute("location.organisation")
    title = factory.Sequence(lambda n: f"Testaanbod {n}")
    slug = factory.Sequence(lambda n: f"testaanbod-{n}")
    summary = "Hulp bij DigiD en andere zaken met de overheid."
    kind = OfferKind.FORMS_HELP
    need = Need.PRACTICAL
    schedule = Schedule.WEEKLY
    status = OfferStatus.PUBLISHED
    published_at = factory.LazyFunction(lambda: datetime.datetime(2026, 1, 5, 9, tzinfo=AMSTERDAM))
    review_on = datetime.date(2027, 6, 1)
    search_text = factory.LazyAttribute(lambda o: f"{o.title} {o.summary}".lower())


class OfferThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OfferTheme

    offer = factory.SubFactory(OfferFactory)
    theme = Theme.DIGITAL


class OfferHoursFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OfferHours

    offer = factory.SubFactory(OfferFactory)
    weekday = 1  # Tuesday
    opens = datetime.time(10)
    closes = datetime.time(12)


class OfferClosureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OfferClosure

    offer = factory.SubFactory(OfferFactory)
    starts_on = datetime.date(2026, 12, 21)
    ends_on = datetime.date(2027, 1, 3)
    note = "Kerstvakantie"


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session

    offer = factory.SubFactory(OfferFactory, schedule=Schedule.SESSIONS, kind=OfferKind.DIGITAL_SKILLS)
    starts_at = datetime.datetime(2026, 12, 8, 14, tzinfo=AMSTERDAM)
    ends_at = factory.LazyAttribute(lambda s: s.starts_at + datetime.timedelta(hours=2))
