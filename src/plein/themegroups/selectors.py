"""Reads for theme groups. Visibility lives here: a user only gets the groups they may see
(facilitators: the groups of their own support organisation; library staff: the groups their
library takes part in; administrators: all)."""

from django.db.models import Count, Q, QuerySet
from django.http import Http404

from plein.accounts.choices import Role

from .choices import EnrollmentStatus
from .models import GroupMembership, ThemeGroup


def groups_visible_to(user) -> QuerySet[ThemeGroup]:
    if not user.is_authenticated:
        return ThemeGroup.objects.none()
    if user.role == Role.ADMINISTRATOR:
        return ThemeGroup.objects.all()
    if user.role == Role.FACILITATOR:
        return ThemeGroup.objects.filter(programme_year__poi_id=user.organisation_id)
    return ThemeGroup.objects.filter(
        memberships__library_id=user.organisation_id, memberships__left_at__isnull=True
    ).distinct()


def group_get(*, user, uuid) -> ThemeGroup:
    try:
        return groups_visible_to(user).select_related("programme_year__poi").get(uuid=uuid)
    except (ThemeGroup.DoesNotExist, ValueError) as exc:
        raise Http404 from exc


def group_list(*, user) -> QuerySet[ThemeGroup]:
    return (
        groups_visible_to(user)
        .select_related("programme_year__poi")
        .annotate(
            member_count=Count("memberships", filter=Q(memberships__left_at__isnull=True), distinct=True),
            meeting_count=Count("meetings", distinct=True),
            open_signup_count=Count(
                "enrollments", filter=Q(enrollments__status=EnrollmentStatus.SUBMITTED), distinct=True
            ),
        )
        .order_by("-programme_year__year", "name")
    )


def active_memberships(*, group) -> QuerySet[GroupMembership]:
    return group.memberships.filter(left_at__isnull=True).select_related("library").order_by("library__name")


def member_library_ids(*, group) -> set[int]:
    return set(group.memberships.filter(left_at__isnull=True).values_list("library_id", flat=True))
