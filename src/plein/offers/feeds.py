"""The offer's calendar feeds (iCalendar): per library, per branch and per theme of a library,
the occurrences of the published offers in the coming weeks. A calendar app subscribes to the
address and refreshes it itself. Reads only published offers (`selectors.published_offers`)
and libraries and branches that have one (`plein.access`, Purpose.PUBLISHED), in a fixed number
of queries whatever the number of offers."""

import datetime

from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from plein.access.purposes import Purpose
from plein.access.selectors import libraries_visible_to, locations_visible_to

from . import selectors
from .choices import Theme
from .schedule import AMSTERDAM, occurrences

WEEKS = 8


def published_library(slug: str):
    """The library with this slug, if it published an offer; otherwise 404."""
    library = libraries_visible_to(AnonymousUser(), Purpose.PUBLISHED).filter(slug=slug).first()
    if library is None:
        raise Http404
    return library


def published_location(library, location_uuid):
    """A branch of `library` with a published offer; otherwise 404."""
    location = (
        locations_visible_to(AnonymousUser(), Purpose.PUBLISHED)
        .filter(organisation=library, uuid=location_uuid)
        .first()
    )
    if location is None:
        raise Http404
    return location


def theme_of(code: str) -> Theme:
    if code not in Theme.values:
        raise Http404
    return Theme(code)


def coming_occurrences(offers, now: datetime.datetime, weeks: int = WEEKS) -> list:
    """The occurrences of `offers` from today up to `weeks` weeks ahead, in time order; what
    has ended already today is left out."""
    today = now.astimezone(AMSTERDAM).date()
    end = today + datetime.timedelta(weeks=weeks)
    found = [o for offer in offers for o in occurrences(offer, today, end) if o.ends_at > now]
    return sorted(found, key=lambda o: (o.starts_at, o.offer.title, o.uid))


def library_offers(library):
    return selectors.with_schedule(selectors.published_offers().filter(library=library)).order_by("title", "pk")


def location_offers(location):
    return selectors.with_schedule(selectors.published_offers().filter(location=location)).order_by("title", "pk")


def theme_offers(library, theme: Theme):
    offers = selectors.find_offers(selectors.OfferFilters(themes=(theme.value,), library_id=library.pk))
    return selectors.with_schedule(offers)


def embed_offers(library, *, theme: Theme | None = None, location=None):
    filters = selectors.OfferFilters(
        themes=(theme.value,) if theme else (),
        library_id=library.pk,
        location_id=location.pk if location is not None else None,
    )
    return selectors.with_schedule(selectors.find_offers(filters))
