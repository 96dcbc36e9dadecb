"""Reads for theme groups. A user only gets the groups they may see,
`plein.access.groups_visible_to(user)` (facilitators: the groups of their own support
organisation; library staff: the groups their library takes part in; administrators: all)."""

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.http import Http404

from plein.access import selectors as access

from .choices import EnrollmentStatus
from .models import GroupMembership, ThemeGroup


def groups_visible_to(user) -> QuerySet[ThemeGroup]:
    return access.groups_visible_to(user)


def group_get(*, user, uuid) -> ThemeGroup:
    try:
        group = groups_visible_to(user).select_related("programme_year__poi").get(uuid=uuid)
    except (ThemeGroup.DoesNotExist, ValueError) as exc:
        raise Http404 from exc
    return access.remember_group(group, user)


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


def programme_years_for(*, user):
    """The programme years this user may add groups to (their own POI's; administrators all)."""
    return access.programme_years_managed_by(user)


def programme_year_get(*, user, uuid):
    try:
        return programme_years_for(user=user).get(uuid=uuid)
    except Exception as exc:  # DoesNotExist or a malformed id
        raise Http404 from exc


def open_programme_years(today=None):
    from django.utils import timezone

    from .models import ProgrammeYear

    today = today or timezone.localdate()
    return (
        ProgrammeYear.objects.filter(signup_closes__gte=today)
        .select_related("poi")
        .prefetch_related("groups")
        .order_by("year", "poi__name")
    )


# --- places: one definition for the page, the placement rule and the e-mails ---------------


@dataclass(frozen=True)
class Places:
    """How full a group is. A place is taken by a library that is a member now (placed and not
    left) of *this* group; sign-ups that wait for review or on the waiting list take none."""

    taken: int
    capacity: int

    @property
    def free(self) -> int:
        return max(self.capacity - self.taken, 0)

    @property
    def is_full(self) -> bool:
        return self.taken >= self.capacity


def taken_places():
    """The same count as an annotation, so a list of groups reads it in its one query."""
    return Count("memberships", filter=Q(memberships__left_at__isnull=True), distinct=True)


def group_places(group) -> Places:
    """The places of a group: from the `places_taken` annotation when the group has it, else
    counted now (the services count on a freshly locked group)."""
    taken = getattr(group, "places_taken", None)
    if taken is None:
        taken = group.memberships.filter(left_at__isnull=True).count()
    return Places(taken=taken, capacity=group.capacity)


def signups_open_now(today=None):
    """Programme years whose public sign-up is open today (not just announced)."""
    from django.utils import timezone

    from .models import ProgrammeYear

    today = today or timezone.localdate()
    return (
        ProgrammeYear.objects.filter(signup_opens__lte=today, signup_closes__gte=today)
        .select_related("poi")
        .order_by("signup_closes", "poi__name")
    )


def signup_groups(*, programme_year):
    groups = programme_year.groups.annotate(
        places_taken=taken_places(),
        waiting=Count("enrollments", filter=Q(enrollments__status=EnrollmentStatus.WAITLISTED), distinct=True),
    ).order_by("name")
    for group in groups:
        group.places = group_places(group)
    return groups


def group_meetings(*, group):
    from django.db.models import Prefetch

    from .models import AgendaItem

    return group.meetings.select_related("host_library").prefetch_related(
        Prefetch("agenda_items", queryset=AgendaItem.objects.order_by("position", "pk"))
    )


def enrollment_counts(*, group) -> dict:
    rows = group.enrollments.values("status").annotate(n=Count("pk"))
    counts = {row["status"]: row["n"] for row in rows}
    return {status: counts.get(status, 0) for status in EnrollmentStatus.values}


def group_enrollments(*, group):
    return group.enrollments.select_related("library", "decided_by").order_by("status", "submitted_at", "pk")


def year_enrollments(*, programme_year):
    from .models import Enrollment

    return (
        Enrollment.objects.filter(group__programme_year=programme_year)
        .select_related("group", "library")
        .order_by("group__name", "submitted_at")
    )


def meeting_get(*, user, uuid):
    from django.db.models import Prefetch

    from .models import AgendaItem, Meeting, MeetingActionItem

    try:
        meeting = (
            Meeting.objects.filter(group__in=groups_visible_to(user))
            .select_related("group__programme_year__poi", "host_library")
            .prefetch_related(
                Prefetch("agenda_items", queryset=AgendaItem.objects.order_by("position", "pk")),
                "decisions",
                Prefetch(
                    "action_items",
                    queryset=MeetingActionItem.objects.select_related("owner", "owner_library").prefetch_related(
                        "libraries"
                    ),
                ),
            )
            .get(uuid=uuid)
        )
    except (Meeting.DoesNotExist, ValueError) as exc:
        raise Http404 from exc
    access.remember_group(meeting.group, user)
    return meeting


def attendance_overview(*, meeting) -> list[dict]:
    """Every member library with whether it registered and whether it was there."""
    attendances = {a.library_id: a for a in meeting.attendances.all()}
    rows = []
    for membership in active_memberships(group=meeting.group):
        a = attendances.get(membership.library_id)
        rows.append(
            {
                "library": membership.library,
                "registered": a.registered if a else None,
                "people": a.people if a else None,
                "attended": a.attended if a else None,
            }
        )
    return rows


def group_links(*, group) -> dict:
    """Links to what other apps keep per group, when those apps are installed."""
    from django.urls import NoReverseMatch, reverse

    links = {}
    try:
        links["cases"] = reverse("practicecases:case_list", kwargs={"group_uuid": group.uuid})
    except NoReverseMatch:
        pass
    try:
        links["resources"] = reverse("resources:list") + f"?groep={group.uuid}"
    except NoReverseMatch:
        pass
    return links


def coordinators_by_library(*, group) -> dict:
    """library id -> names of its active coordinators, for every library that signed up for the
    group, in one query: the facilitator sees who decides about access for that library."""
    from django.contrib.auth import get_user_model

    from plein.accounts.choices import Role

    library_ids = group.enrollments.filter(library__isnull=False).values("library_id")
    names = {}
    for library_id, name in (
        get_user_model()
        .objects.filter(organisation_id__in=library_ids, role=Role.COORDINATOR, is_active=True)
        .order_by("name")
        .values_list("organisation_id", "name")
    ):
        names.setdefault(library_id, []).append(name)
    return names


def enrollments_needing_invitation(*, group, coordinators=None) -> set:
    """Placed sign-ups of a library without a coordinator whose contact person has no account
    and no open invitation yet: the facilitator may invite them, after a warned confirmation
    (a library with a coordinator decides itself). Three queries, given `coordinators`."""
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from plein.accounts.models import Invitation

    if coordinators is None:
        coordinators = coordinators_by_library(group=group)
    placed = [
        (uuid, email)
        for uuid, email, library_id in group.enrollments.filter(status=EnrollmentStatus.PLACED).values_list(
            "uuid", "contact_email", "library_id"
        )
        if library_id not in coordinators
    ]
    emails = {email.lower() for _uuid, email in placed}
    with_account = {
        e.lower() for e in get_user_model().objects.filter(email__in=emails).values_list("email", flat=True)
    }
    invited = {
        e.lower()
        for e in Invitation.objects.filter(
            email__in=emails, accepted_at__isnull=True, expires_at__gt=timezone.now()
        ).values_list("email", flat=True)
    }
    return {uuid for uuid, email in placed if email.lower() not in with_account | invited}


# --- what the pages read (views hold no queries of their own) ----------------------------


def group_retrospective(*, group):
    """The saved retrospective of a group, or None while there is only the draft from the data."""
    from .models import Retrospective

    return Retrospective.objects.filter(group=group).first()


def published_retrospective_get(*, uuid):
    from .choices import RetrospectiveStatus
    from .models import Retrospective

    try:
        return Retrospective.objects.select_related("group__programme_year__poi").get(
            uuid=uuid, status=RetrospectiveStatus.PUBLISHED
        )
    except (Retrospective.DoesNotExist, ValueError) as exc:
        raise Http404 from exc


def facilitator_ids(*, group) -> list[int]:
    return list(group.facilitators.values_list("pk", flat=True))


def group_history(*, group):
    """The history of a group: the group itself and its sign-ups, members and meetings."""
    from plein.audit.selectors import history_for

    from .models import Enrollment, Meeting

    return history_for(
        (ThemeGroup, {"object_pk": str(group.pk)}),
        (Enrollment, {"additional_data__group_id": group.pk}),
        (GroupMembership, {"additional_data__group_id": group.pk}),
        (Meeting, {"additional_data__group_id": group.pk}),
    )


def signup_programme_year_get(*, uuid):
    """A programme year for the public sign-up pages (no account needed)."""
    from .models import ProgrammeYear

    try:
        return ProgrammeYear.objects.select_related("poi").get(uuid=uuid)
    except (ProgrammeYear.DoesNotExist, ValueError) as exc:
        raise Http404 from exc


def signup_group_ids(*, programme_year, group_uuids) -> list[int]:
    """The ids of the groups of this year with these public ids (a link may preselect one)."""
    return list(programme_year.groups.filter(uuid__in=group_uuids).values_list("pk", flat=True))


def signup_enrollments(*, programme_year, uuids):
    """The sign-ups just sent in (their ids are kept in the session of whoever sent them)."""
    from .models import Enrollment

    return Enrollment.objects.filter(uuid__in=uuids, group__programme_year=programme_year).select_related("group")


def enrollment_get(*, user, uuid):
    """A sign-up of a group this user may see; otherwise 404."""
    from .models import Enrollment

    try:
        return (
            Enrollment.objects.select_related("group__programme_year", "library")
            .filter(group__in=groups_visible_to(user))
            .get(uuid=uuid)
        )
    except (Enrollment.DoesNotExist, ValueError) as exc:
        raise Http404 from exc


def member_libraries(*, group):
    """The libraries that take part in the group now, by name."""
    from plein.organisations.models import Organisation

    return Organisation.objects.filter(
        group_memberships__group=group, group_memberships__left_at__isnull=True
    ).order_by("name")


def minutes_choices(*, group) -> dict:
    """What an action item in the minutes can name: member libraries and their active people."""
    from django.contrib.auth import get_user_model

    libraries = member_libraries(group=group)
    people = (
        get_user_model()
        .objects.filter(organisation__in=libraries, is_active=True)
        .select_related("organisation")
        .order_by("organisation__name", "name", "email")
    )
    return {"libraries": libraries, "people": list(people)}


def attendance_by_library(*, meeting) -> dict:
    """library id -> that library's attendance record for the meeting."""
    return {a.library_id: a for a in meeting.attendances.all()}


def calendar_token_user(*, token):
    """The active person whose private calendar link this is; otherwise 404."""
    from .models import CalendarToken

    found = CalendarToken.objects.select_related("user").filter(token=token, user__is_active=True).first()
    if found is None:
        raise Http404
    return found.user


def group_feed_meetings(*, group):
    return group_meetings(group=group).select_related("group")
