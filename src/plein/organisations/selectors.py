"""Reads for organisations. Visibility lives here: a user only ever gets the organisations
they may see, so a view cannot forget the filter. Every selector does a fixed number of
queries, whatever the number of rows."""

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404

from plein.accounts.choices import Role
from plein.core import rules as plein_rules

from .models import Location, Municipality, Organisation


def organisations_managed_by(user) -> QuerySet[Organisation]:
    """The organisations whose details and people this user manages.

    An administrator: every organisation. A facilitator: their own support organisation, the
    libraries it coaches (member of one of its theme groups now), the municipalities those
    libraries work for, and the organisations someone of their support organisation added
    (so a library they just added is theirs until it joins a group). Nobody else."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    if plein_rules.is_administrator(user):
        return Organisation.objects.all()
    if not plein_rules.is_facilitator(user) or user.organisation_id is None:
        return Organisation.objects.none()
    from auditlog.models import LogEntry
    from django.contrib.contenttypes.models import ContentType

    from plein.themegroups.models import GroupMembership

    from .choices import OrganisationType

    poi_id = user.organisation_id
    coached = GroupMembership.objects.filter(left_at__isnull=True, group__programme_year__poi_id=poi_id).values(
        "library_id"
    )
    towns = Organisation.municipalities.through.objects.filter(organisation_id__in=coached).values("municipality_id")
    municipalities = Organisation.objects.filter(type=OrganisationType.MUNICIPALITY, municipalities__in=towns)
    added = LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Organisation),
        action=LogEntry.Action.CREATE,
        actor__organisation_id=poi_id,
        actor__role=Role.FACILITATOR,
    ).values("object_id")
    return Organisation.objects.filter(
        Q(pk=poi_id) | Q(pk__in=coached) | Q(pk__in=municipalities.values("pk")) | Q(pk__in=added)
    )


def organisations_visible_to(user) -> QuerySet[Organisation]:
    if not user.is_authenticated:
        return Organisation.objects.none()
    if plein_rules.is_manager(user):
        return organisations_managed_by(user)
    return Organisation.objects.filter(pk=user.organisation_id)


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
