"""Reads for practice cases. A case is visible to whoever may see its theme group
(`plein.access.groups_visible_to`); anything else is 404. Every selector does a fixed
number of queries, whatever the number of cases or replies."""

import datetime

from django.contrib.auth import get_user_model
from django.db.models import Count, Max, Prefetch, Q, QuerySet
from django.http import Http404

from plein.access import selectors as access
from plein.accounts.choices import Role
from plein.themegroups.models import ThemeGroup

from .models import CaseReply, PracticeCase

User = get_user_model()


def cases_visible_to(user) -> QuerySet[PracticeCase]:
    return PracticeCase.objects.filter(group__in=access.groups_visible_to(user))


def case_list(*, group) -> QuerySet[PracticeCase]:
    """The cases of a group the caller has already fetched through `group_get` (so: may see)."""
    return (
        group.practice_cases.select_related("library", "author", "meeting")
        .annotate(reply_count=Count("replies"), last_reply_at=Max("replies__created_at"))
        .order_by("-created_at", "-pk")
    )


def case_get(*, user, uuid) -> PracticeCase:
    """The case with its group, library, meeting and replies, if this user may see it; else 404."""
    try:
        case = (
            cases_visible_to(user)
            .select_related("group__programme_year__poi", "library", "author__organisation", "meeting")
            .prefetch_related(
                Prefetch(
                    "replies",
                    queryset=CaseReply.objects.select_related("author__organisation").order_by("created_at", "pk"),
                )
            )
            .get(uuid=uuid)
        )
    except (PracticeCase.DoesNotExist, ValueError) as exc:
        raise Http404 from exc
    access.remember_group(case.group, user)
    return case


def member_libraries(*, group):
    from plein.organisations.models import Organisation

    return Organisation.objects.filter(pk__in=access.group_member_library_ids([group.pk])).order_by("name")


def group_members(*, group) -> QuerySet:
    """The people of a group: active staff of its member libraries and its facilitators."""
    return (
        User.objects.filter(is_active=True)
        .filter(
            Q(
                role__in=[Role.COORDINATOR, Role.DESK_WORKER],
                organisation_id__in=access.group_member_library_ids([group.pk]),
            )
            | Q(facilitated_groups=group)
        )
        .distinct()
        .order_by("email")
    )


def groups_of_member(*, user) -> QuerySet[ThemeGroup]:
    """The groups whose news this person gets: through their library, or as a facilitator."""
    library_groups = Q(pk__in=[])
    if user.role in (Role.COORDINATOR, Role.DESK_WORKER) and user.organisation_id:
        library_groups = Q(pk__in=access.group_ids_of_library(user.organisation_id))
    return ThemeGroup.objects.filter(library_groups | Q(facilitators=user)).distinct()


def digest_for(*, user, since: datetime.datetime, until: datetime.datetime) -> list[dict]:
    """What is new for this person in their groups between `since` and `until`, their own
    writing left out: per group the new cases and the cases with new replies."""
    group_ids = list(groups_of_member(user=user).values_list("pk", flat=True))
    if not group_ids:
        return []
    new_cases = list(
        PracticeCase.objects.filter(group_id__in=group_ids, created_at__gte=since, created_at__lt=until)
        .exclude(author=user)
        .select_related("group__programme_year", "library")
        .order_by("group__name", "created_at")
    )
    new_replies = Q(replies__created_at__gte=since, replies__created_at__lt=until) & ~Q(replies__author=user)
    replied = list(
        PracticeCase.objects.filter(group_id__in=group_ids)
        .exclude(pk__in=[case.pk for case in new_cases])
        .annotate(new_reply_count=Count("replies", filter=new_replies))
        .filter(new_reply_count__gt=0)
        .select_related("group__programme_year", "library")
        .order_by("group__name", "title")
    )
    groups: dict[int, dict] = {}
    for case in new_cases:
        groups.setdefault(case.group_id, {"group": case.group, "new_cases": [], "replied_cases": []})
        groups[case.group_id]["new_cases"].append(case)
    for case in replied:
        groups.setdefault(case.group_id, {"group": case.group, "new_cases": [], "replied_cases": []})
        groups[case.group_id]["replied_cases"].append(case)
    return sorted(groups.values(), key=lambda g: g["group"].name)
