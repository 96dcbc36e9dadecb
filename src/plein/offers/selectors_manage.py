"""Reads for managing the offer (/ons-aanbod/): the offers of a library, drafts included, as far
as `plein.access` lets the user see that library's own work (`Purpose.PLAN`: administrators,
the facilitators who coach it, its coordinator). Anything else is 404. The public pages read
`selectors.published_offers()` instead."""

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from plein.access import selectors as access
from plein.access.purposes import Purpose
from plein.organisations.models import Location, Organisation

from .choices import OfferStatus
from .models import Offer, Session


def libraries_kept_by(user) -> QuerySet[Organisation]:
    return access.libraries_visible_to(user, Purpose.PLAN)


def library_get(*, user, uuid) -> Organisation:
    return access.library_get(user=user, uuid=uuid, purpose=Purpose.PLAN)


def own_library(user) -> Organisation | None:
    """The user's own library when they keep its offer (a coordinator), else None."""
    if user.organisation_id is None:
        return None
    library = libraries_kept_by(user).filter(pk=user.organisation_id).first()
    return access.remember_library(library, user, Purpose.PLAN) if library else None


def libraries_overview(user) -> QuerySet[Organisation]:
    """The libraries this user may look at, with how many offers, published ones and ones to check."""
    today = timezone.localdate()
    published = Q(offers__status=OfferStatus.PUBLISHED)
    return (
        libraries_kept_by(user)
        .annotate(
            offer_count=Count("offers", distinct=True),
            published_count=Count("offers", filter=published, distinct=True),
            due_count=Count("offers", filter=published & Q(offers__review_on__lt=today), distinct=True),
        )
        .order_by("name", "pk")
    )


def offers_of(library) -> QuerySet[Offer]:
    return (
        Offer.objects.filter(library=library)
        .select_related("location")
        .prefetch_related("themes", "hours", Prefetch("sessions", queryset=Session.objects.order_by("starts_at")))
        .order_by("status", "title", "pk")
    )


def offer_get(*, user, uuid) -> Offer:
    try:
        offer = (
            Offer.objects.filter(library__in=libraries_kept_by(user))
            .select_related("library", "location", "location__municipality", "partner", "programme", "created_by")
            .prefetch_related("themes", "hours", "closures", "sessions")
            .get(uuid=uuid)
        )
    except (Offer.DoesNotExist, ValueError) as exc:
        raise Http404 from exc
    access.remember_library(offer.library, user, Purpose.PLAN)
    return offer


def session_get(*, user, uuid) -> Session:
    try:
        session = Session.objects.select_related("offer", "offer__library").get(
            uuid=uuid, offer__library__in=libraries_kept_by(user)
        )
    except (Session.DoesNotExist, ValueError) as exc:
        raise Http404 from exc
    access.remember_library(session.offer.library, user, Purpose.PLAN)
    return session


def review_due_count(user) -> int:
    """How many published offers of the libraries this user keeps have passed their review date."""
    return Offer.objects.filter(
        library__in=libraries_kept_by(user),
        status=OfferStatus.PUBLISHED,
        review_on__lt=timezone.localdate(),
    ).count()


def own_review_due_count(user) -> int:
    """For the start page: the offers of the user's own library to check (one query)."""
    if user.organisation_id is None:
        return 0
    return Offer.objects.filter(
        library_id=user.organisation_id,
        library__in=libraries_kept_by(user),
        status=OfferStatus.PUBLISHED,
        review_on__lt=timezone.localdate(),
    ).count()


# --- choices on the forms -----------------------------------------------------------------


def branch_choices(library) -> QuerySet[Location]:
    return Location.objects.filter(organisation=library).order_by("name", "pk")


def partner_choices(library) -> QuerySet:
    """The partners of the library's Ontwikkelplein routes (the guide)."""
    from plein.guide.models import Partner

    return Partner.objects.filter(trajectory__library=library).order_by("name", "pk")


def programme_choices(library) -> QuerySet:
    """The programmes in the library's EMB portfolio."""
    from plein.emb.models import Programme

    return Programme.objects.filter(portfolio_entries__library=library).order_by("name", "pk").distinct()


# --- in one step ----------------------------------------------------------------------------


def portfolio_entry_get(*, user, uuid):
    """A programme in the portfolio of a library whose offer this user may look at."""
    from plein.emb.models import PortfolioEntry

    try:
        entry = (
            PortfolioEntry.objects.filter(library__in=libraries_kept_by(user))
            .select_related("library", "programme")
            .prefetch_related("locations")
            .get(uuid=uuid)
        )
    except (PortfolioEntry.DoesNotExist, ValueError) as exc:
        raise Http404 from exc
    access.remember_library(entry.library, user, Purpose.PLAN)
    return entry


def offers_from_programme(entry) -> QuerySet[Offer]:
    return Offer.objects.filter(library_id=entry.library_id, programme_id=entry.programme_id).select_related("location")


def ido_location_get(*, user, uuid) -> Location:
    """An IDO branch of a library whose offer this user may look at (with its profile)."""
    try:
        location = (
            Location.objects.filter(organisation__in=libraries_kept_by(user), has_ido=True)
            .select_related("organisation")
            .get(uuid=uuid)
        )
    except (Location.DoesNotExist, ValueError) as exc:
        raise Http404 from exc
    access.remember_library(location.organisation, user, Purpose.PLAN)
    return location


def ido_offer_of(location) -> Offer | None:
    from .choices import OfferSource

    return Offer.objects.filter(location=location, source=OfferSource.IDO_PROFILE).first()
