"""Reads for action plans. A user only gets the libraries whose plan they may see:
`plein.access.libraries_visible_to(user, Purpose.PLAN)` (the coordinator: their own library;
facilitators: the libraries they coach; administrators: every library). Every selector does a
fixed number of queries, whatever the number of actions or libraries."""

from dataclasses import dataclass

from django.db.models import BooleanField, Case, Count, F, Q, QuerySet, Value, When
from django.http import Http404
from django.utils import timezone

from plein.access import selectors as access
from plein.access.purposes import Purpose
from plein.organisations.models import Organisation

from . import origins
from .choices import ACTION_TRANSITIONS, OPEN_STATUSES, ActionStatus
from .models import Action


def library_get(*, user, uuid) -> Organisation:
    """The library, if this user may see its plan; otherwise 404 (we do not reveal it exists)."""
    return access.library_get(user=user, uuid=uuid, purpose=Purpose.PLAN)


def _with_overdue(qs: QuerySet[Action]) -> QuerySet[Action]:
    return qs.annotate(
        overdue=Case(
            When(status__in=OPEN_STATUSES, due_date__lt=timezone.localdate(), then=Value(True)),
            default=Value(False),
            output_field=BooleanField(),
        )
    )


def plan_for(*, library) -> QuerySet[Action]:
    """All actions of one library, with who owns them (where each comes from: `origins.attach`)."""
    return origins.with_origins(Action.objects.filter(library=library).select_related("owner")).order_by(
        F("due_date").asc(nulls_last=True), "created_at", "pk"
    )


@dataclass
class PlanSection:
    status: ActionStatus
    actions: list

    @property
    def label(self):
        return self.status.label


def plan_sections(actions) -> list[PlanSection]:
    """The actions of a plan grouped by status, in the order of the state machine."""
    by_status = {status: [] for status in ActionStatus}
    for action in actions:
        by_status[ActionStatus(action.status)].append(action)
    return [PlanSection(status, items) for status, items in by_status.items()]


# The step forward first, then back, then stopping.
_STEP_ORDER = [
    ActionStatus.DONE,
    ActionStatus.IN_PROGRESS,
    ActionStatus.PLANNED,
    ActionStatus.IDEA,
    ActionStatus.STOPPED,
]


def next_statuses(status) -> list[ActionStatus]:
    """The statuses an action in `status` may move to, in the order to offer them."""
    allowed = ACTION_TRANSITIONS[ActionStatus(status)]
    return [s for s in _STEP_ORDER if s in allowed]


def action_get(*, user, uuid) -> Action:
    """One action, if this user may see the plan it belongs to; otherwise 404."""
    try:
        action = (
            Action.objects.filter(library__in=access.libraries_visible_to(user, Purpose.PLAN))
            .select_related(
                "library",
                "owner",
            )
            .get(uuid=uuid)
        )
    except (Action.DoesNotExist, ValueError) as exc:
        raise Http404 from exc
    access.remember_library(action.library, user, Purpose.PLAN)
    return action


def owner_choices(*, library):
    """The people who can own an action: the library's active users."""
    return library.users.filter(is_active=True).order_by("name")


def overview_groups(*, user):
    """The theme groups a manager can filter the overview on (facilitators: their POI's)."""
    return access.groups_managed_by(user).select_related("programme_year").order_by("-programme_year__year", "name")


@dataclass
class Overview:
    libraries: list  # each with `status_counts` (in ActionStatus order), `overdue_count`, `total`
    totals: list  # per status, over the libraries shown
    actions: QuerySet  # annotated with `overdue`; overdue first, then by date


def action_overview(*, user, group=None, status: str = "", library=None) -> Overview:
    """Facilitator overview: the actions of every library the user coaches, with counts per
    status per library. Filter by theme group (its active member libraries), status, library."""
    libraries = access.libraries_visible_to(user, Purpose.PLAN)
    if group is not None:
        libraries = libraries.filter(pk__in=access.group_member_library_ids([group.pk]))
    if library is not None:
        libraries = libraries.filter(pk=library.pk)
    today = timezone.localdate()
    counts = {f"count_{s.value}": Count("actions", filter=Q(actions__status=s)) for s in ActionStatus}
    counts["overdue_count"] = Count("actions", filter=Q(actions__status__in=OPEN_STATUSES, actions__due_date__lt=today))
    actions = Action.objects.filter(library__in=libraries)
    if status:
        actions = actions.filter(status=status)
    actions = origins.with_origins(_with_overdue(actions).select_related("library", "owner")).order_by(
        "-overdue", F("due_date").asc(nulls_last=True), "library__name", "pk"
    )
    rows = list(libraries.annotate(**counts).order_by("name"))
    for row in rows:
        row.status_counts = [getattr(row, f"count_{s.value}") for s in ActionStatus]
        row.total = sum(row.status_counts)
    totals = [sum(row.status_counts[i] for row in rows) for i in range(len(ActionStatus))]
    return Overview(libraries=rows, totals=totals, actions=actions)
