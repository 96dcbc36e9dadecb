import datetime

import pytest

from plein.access import selectors as access
from plein.access.purposes import Purpose
from plein.offers import selectors
from plein.offers.choices import OfferStatus
from plein.offers.schedule import AMSTERDAM, next_occurrence, occurrences

from .factories import OfferClosureFactory, OfferFactory, OfferHoursFactory, SessionFactory

pytestmark = pytest.mark.django_db


def _load(offer):
    return selectors.with_schedule(type(offer).objects.filter(pk=offer.pk)).get()


def test_weekly_hours_skip_a_closed_period():
    offer = OfferFactory()
    OfferHoursFactory(offer=offer, weekday=1)  # Tuesdays 10-12
    OfferClosureFactory(offer=offer, starts_on=datetime.date(2026, 12, 21), ends_on=datetime.date(2027, 1, 3))
    days = [
        o.starts_at.date() for o in occurrences(_load(offer), datetime.date(2026, 12, 14), datetime.date(2027, 1, 10))
    ]
    assert days == [datetime.date(2026, 12, 15), datetime.date(2027, 1, 5)]


def test_sessions_leave_out_the_cancelled_and_the_next_is_the_first_not_ended():
    first = SessionFactory(starts_at=datetime.datetime(2026, 12, 8, 14, tzinfo=AMSTERDAM))
    offer = first.offer
    SessionFactory(offer=offer, starts_at=datetime.datetime(2026, 12, 15, 14, tzinfo=AMSTERDAM), cancelled=True)
    third = SessionFactory(offer=offer, starts_at=datetime.datetime(2026, 12, 22, 14, tzinfo=AMSTERDAM))
    loaded = _load(offer)
    after_first = datetime.datetime(2026, 12, 8, 16, 30, tzinfo=AMSTERDAM)
    assert next_occurrence(loaded, after_first).session == third
    assert [o.session for o in occurrences(loaded, datetime.date(2026, 12, 1), datetime.date(2026, 12, 31))] == [
        first,
        third,
    ]


def test_published_scope_in_access_follows_published_offers(django_user_model):
    published = OfferFactory()
    draft = OfferFactory(status=OfferStatus.DRAFT)
    from django.contrib.auth.models import AnonymousUser

    anonymous = AnonymousUser()
    assert list(access.libraries_visible_to(anonymous, Purpose.PUBLISHED)) == [published.library]
    assert list(access.locations_visible_to(anonymous, Purpose.PUBLISHED)) == [published.location]
    assert list(access.municipalities_visible_to(anonymous, Purpose.PUBLISHED)) == [published.location.municipality]
    assert draft.library not in access.libraries_visible_to(anonymous, Purpose.PUBLISHED)


def test_find_offers_filters_and_search_see_only_published():
    from plein.offers.choices import Access, Theme
    from plein.offers.selectors import OfferFilters, find_offers

    from .factories import OfferThemeFactory

    digid = OfferFactory(title="DigiD aanvragen", search_text="digid aanvragen hulp bij formulieren")
    OfferThemeFactory(offer=digid, theme=Theme.GOVERNMENT)
    OfferHoursFactory(offer=digid, weekday=1)
    course = SessionFactory(offer__title="Klik & Tik", offer__search_text="klik & tik computercursus").offer
    OfferFactory(title="Concept", search_text="digid concept", status=OfferStatus.DRAFT)
    assert list(find_offers(OfferFilters(q="DigiD"))) == [digid]
    assert list(find_offers(OfferFilters(q="klik & tik"))) == [course]
    assert list(find_offers(OfferFilters(themes=("overheidszaken",)))) == [digid]
    assert list(find_offers(OfferFilters(weekday=1))) == [digid, course]  # both on a Tuesday
    assert list(find_offers(OfferFilters(weekday=2))) == []
    assert list(find_offers(OfferFilters(walk_in=True))) == [digid, course]
    assert Access.WALK_IN == digid.access
