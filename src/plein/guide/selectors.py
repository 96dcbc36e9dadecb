"""Reads for the Ontwikkelplein guide. Visibility is the action plan's,
`plein.access.libraries_visible_to(user, Purpose.PLAN)`: the coordinator sees their own library,
facilitators the libraries in the groups their support organisation runs, administrators
everything (404 for anything else). Each page does a fixed number of queries."""

from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet
from django.http import Http404
from django.utils import timezone

from plein.access import selectors as access
from plein.access.purposes import Purpose

from .choices import ASPECTS, ItemKind, VersionStatus
from .models import Answer, GuideActionLink, GuideVersion, Partner, Phase, Step, StepItem, StepState, Tick, Trajectory


def libraries_visible_to(user):
    return access.libraries_visible_to(user, Purpose.PLAN)


def library_get(*, user, uuid):
    return access.library_get(user=user, uuid=uuid, purpose=Purpose.PLAN)


def published_version() -> GuideVersion | None:
    return GuideVersion.objects.filter(status=VersionStatus.PUBLISHED).first()


def draft_version() -> GuideVersion | None:
    return GuideVersion.objects.filter(status=VersionStatus.DRAFT).first()


def versions() -> QuerySet[GuideVersion]:
    return GuideVersion.objects.order_by("-number")


def version_get(*, uuid) -> GuideVersion:
    try:
        return GuideVersion.objects.get(uuid=uuid)
    except (GuideVersion.DoesNotExist, ValueError) as exc:
        raise Http404 from exc


def structure(version) -> list[Phase]:
    """The phases of a version with their steps, questions, checklist items and resources."""
    if version is None:
        return []
    items = StepItem.objects.order_by("order", "pk")
    steps = Step.objects.order_by("order", "pk").prefetch_related(Prefetch("items", queryset=items), "resources")
    return list(version.phases.order_by("order", "pk").prefetch_related(Prefetch("steps", queryset=steps)))


def step_get(*, version, key) -> Step:
    try:
        return (
            Step.objects.select_related("phase", "version")
            .prefetch_related(Prefetch("items", queryset=StepItem.objects.order_by("order", "pk")), "resources")
            .get(version=version, key=key)
        )
    except Step.DoesNotExist as exc:
        raise Http404 from exc


def trajectories_for(*, library) -> QuerySet[Trajectory]:
    return library.guide_trajectories.select_related("location").order_by("name", "pk")


def trajectory_get(*, user, uuid) -> Trajectory:
    try:
        trajectory = (
            Trajectory.objects.filter(library__in=libraries_visible_to(user))
            .select_related("library", "location")
            .get(uuid=uuid)
        )
    except (Trajectory.DoesNotExist, ValueError) as exc:
        raise Http404 from exc
    access.remember_library(trajectory.library, user, Purpose.PLAN)
    return trajectory


def partner_get(*, user, uuid) -> Partner:
    try:
        partner = (
            Partner.objects.filter(trajectory__library__in=libraries_visible_to(user))
            .select_related("trajectory__library", "organisation")
            .get(uuid=uuid)
        )
    except (Partner.DoesNotExist, ValueError) as exc:
        raise Http404 from exc
    access.remember_library(partner.trajectory.library, user, Purpose.PLAN)
    return partner


def partners_for(*, trajectory) -> QuerySet[Partner]:
    return trajectory.partners.select_related("organisation").order_by("name", "pk")


def guide_actions_for(*, trajectory) -> QuerySet[GuideActionLink]:
    return (
        GuideActionLink.objects.filter(trajectory=trajectory)
        .select_related("action__owner")
        .order_by("action__due_date", "action__created_at", "pk")
    )


# --- progress -----------------------------------------------------------------------------


@dataclass
class Progress:
    label: str
    done: int = 0
    total: int = 0
    key: str = ""

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0


def progress(phases, done_keys) -> tuple[list[Progress], list[Progress]]:
    """Steps done per phase and per aspect, for a set of done step keys."""
    per_phase, per_aspect = [], {a.value: Progress(a.label, key=a.value) for a in ASPECTS}
    for phase in phases:
        row = Progress(phase.title, key=phase.key)
        for step in phase.steps.all():
            done = step.key in done_keys
            row.total += 1
            row.done += done
            for aspect in step.aspects:
                if aspect in per_aspect:
                    per_aspect[aspect].total += 1
                    per_aspect[aspect].done += done
        per_phase.append(row)
    return per_phase, [p for p in per_aspect.values() if p.total]


def _latest_by_key(rows, attr="item_key"):
    """Rows of several versions: the newest per key wins (rows come oldest first)."""
    return {getattr(row, attr): row for row in rows}


@dataclass
class Route:
    trajectory: Trajectory
    version: GuideVersion | None
    phases: list
    answers: dict  # item key -> text
    ticked: set  # checklist item keys
    states: dict  # step key -> StepState
    per_phase: list = field(default_factory=list)
    per_aspect: list = field(default_factory=list)

    @property
    def done_keys(self):
        return {key for key, state in self.states.items() if state.done_at}


def route(*, trajectory, version=None) -> Route:
    """A route through the published version: answers, ticks and states by stable key, so what
    was filled in under an older version shows in the new one."""
    version = version or published_version()
    phases = structure(version)
    answers = _latest_by_key(Answer.objects.filter(trajectory=trajectory).order_by("updated_at", "pk"))
    # Ticks and states are kept by stable key (services.step_save), whatever version they came from.
    ticked = set(Tick.objects.filter(trajectory=trajectory).values_list("item_key", flat=True))
    states = _latest_by_key(
        StepState.objects.filter(trajectory=trajectory).order_by("started_at", "pk"), attr="step_key"
    )
    result = Route(
        trajectory,
        version,
        phases,
        {key: a.text for key, a in answers.items()},
        ticked,
        states,
    )
    result.per_phase, result.per_aspect = progress(phases, result.done_keys)
    for phase in phases:
        for step in phase.steps.all():
            state = states.get(step.key)
            step.state = state
            step.is_done = bool(state and state.done_at)
            step.is_started = state is not None
            step.questions = [i for i in step.items.all() if i.kind == ItemKind.QUESTION]
            step.checks = [i for i in step.items.all() if i.kind == ItemKind.CHECK]
            for item in step.items.all():
                item.answer = result.answers.get(item.key, "")
                item.ticked = item.key in ticked
    return result


# --- facilitator overview -----------------------------------------------------------------


@dataclass
class StuckStep:
    key: str
    title: str
    phase: str
    open_count: int
    oldest_days: int
    libraries: list


@dataclass
class GuideOverview:
    phases: list
    aspects: list
    rows: list  # trajectories with `per_phase`, `per_aspect`, `done`, `total`
    stuck: list  # StuckStep, open longest first
    libraries_without_route: list


def overview(*, user) -> GuideOverview:
    """Progress of every route of the libraries this user coaches, per phase and aspect, and the
    steps that are started but not done, the ones open longest first."""
    version = published_version()
    phases = structure(version)
    visible = libraries_visible_to(user)
    libraries = list(visible.order_by("name"))
    # Subqueries, not lists of ids: the number of queries stays the same with no route at all.
    routes = Trajectory.objects.filter(library__in=visible.values("pk"))
    trajectories = list(routes.select_related("library", "location").order_by("library__name", "name", "pk"))
    states = StepState.objects.filter(trajectory__in=routes.values("pk")).order_by("started_at", "pk")
    by_trajectory = {}
    for state in states:
        by_trajectory.setdefault(state.trajectory_id, {})[state.step_key] = state
    step_titles = {s.key: (s.title, p.title) for p in phases for s in p.steps.all()}
    now = timezone.now()
    stuck = {}
    for t in trajectories:
        t_states = by_trajectory.get(t.pk, {})
        t.per_phase, t.per_aspect = progress(phases, {k for k, s in t_states.items() if s.done_at})
        t.done = sum(p.done for p in t.per_phase)
        t.total = sum(p.total for p in t.per_phase)
        t.percent = round(100 * t.done / t.total) if t.total else 0
        for key, state in t_states.items():
            if state.done_at or key not in step_titles:
                continue
            days = (now - state.started_at).days
            entry = stuck.setdefault(key, StuckStep(key, *step_titles[key], 0, 0, []))
            entry.open_count += 1
            entry.oldest_days = max(entry.oldest_days, days)
            entry.libraries.append((t, days))
    with_route = {t.library_id for t in trajectories}
    aspects = trajectories[0].per_aspect if trajectories else progress(phases, set())[1]
    return GuideOverview(
        phases=phases,
        aspects=[a.label for a in aspects],
        rows=trajectories,
        stuck=sorted(stuck.values(), key=lambda s: (-s.oldest_days, -s.open_count, s.title)),
        libraries_without_route=[lib for lib in libraries if lib.pk not in with_route],
    )
