"""Reads for organisations. Visibility is `plein.access`'s (through `visibility`): a user only
ever gets the organisations they may see, so a view cannot forget the filter. Every selector does a fixed number of
queries, whatever the number of rows."""

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404

from . import visibility
from .models import Location, Municipality, Organisation


def organisations_managed_by(user) -> QuerySet[Organisation]:
    """The organisations whose details and people this user manages (`plein.access`)."""
    return visibility.organisations_managed_by(user)


def organisations_visible_to(user) -> QuerySet[Organisation]:
    """Managers: what they manage; anyone else: their own organisation (`plein.access`)."""
    return visibility.organisations_visible_to(user)


def organisation_list(*, user, search: str = "", type: str = "", province: str = "") -> QuerySet[Organisation]:
    qs = organisations_visible_to(user).annotate(
        location_count=Count("locations", distinct=True),
        ido_count=Count("locations", filter=Q(locations__has_ido=True), distinct=True),
        user_count=Count("users", distinct=True),
    )
    if search:
        qs = qs.filter(name__icontains=search.strip())
    if type:
        qs = qs.filter(type=type)
    if province:
        qs = qs.filter(province=province)
    return qs.order_by("name")


def organisation_get(*, user, uuid) -> Organisation:
    """The organisation, if this user may see it; otherwise 404 (we do not reveal it exists)."""
    try:
        return (
            organisations_visible_to(user)
            .prefetch_related(
                "municipalities",
                Prefetch("locations", queryset=Location.objects.select_related("municipality").order_by("name")),
            )
            .get(uuid=uuid)
        )
    except (Organisation.DoesNotExist, ValueError) as exc:
        raise Http404 from exc


def organisation_members(*, organisation):
    return organisation.users.filter(is_active=True).order_by("name")


def location_get(*, organisation, uuid) -> Location:
    try:
        return organisation.locations.select_related("municipality").get(uuid=uuid)
    except (Location.DoesNotExist, ValueError) as exc:
        raise Http404 from exc


def municipality_list() -> QuerySet[Municipality]:
    return Municipality.objects.annotate(
        organisation_count=Count("organisations", distinct=True),
        location_count=Count("locations", distinct=True),
    ).order_by("name")
