"""Reads of the offer. Outside the library only published offers exist: every public page, the
open data, the feeds and the desk's referral list start from `published_offers()`."""

from django.db.models import QuerySet

from plein.organisations.models import Location, Municipality, Organisation

from .choices import OfferStatus
from .models import Offer


def published_offers() -> QuerySet[Offer]:
    """Every published offer, whoever asks (the Purpose.PUBLISHED of plein.access)."""
    return Offer.objects.filter(status=OfferStatus.PUBLISHED)


def with_schedule(qs: QuerySet[Offer]) -> QuerySet[Offer]:
    """What a list of offers shows (library, branch and its municipality, themes, hours, closed
    periods and sessions) in a fixed number of queries, whatever the number of offers."""
    return qs.select_related("library", "location", "location__municipality").prefetch_related(
        "themes", "hours", "closures", "sessions"
    )


def published_ids(kind: str) -> QuerySet:
    """For plein.access: the libraries, branches or municipalities with a published offer, as a
    one-column subquery."""
    published = published_offers()
    if kind == "library":
        return Organisation.objects.filter(pk__in=published.values("library_id")).values("pk")
    if kind == "location":
        return Location.objects.filter(pk__in=published.values("location_id")).values("pk")
    if kind == "municipality":
        return Municipality.objects.filter(pk__in=published.values("location__municipality_id")).values("pk")
    raise ValueError(kind)
