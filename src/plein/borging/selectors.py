"""Reads for borging, filtered through `plein.access` (404 for what a user may not see), with a
fixed number of queries per page.

Public API (the borging report reads these too):
- `profile_locations(locations)`: IDO branches with their profile, hours and exceptions;
- `scan_view(library=, year=)`: the scan of a library for a year as grouped rows (recorded
  status, Plein's proposal for derived criteria, evidence, linked actions);
- `proposals_from_profiles(locations, year)`: the statuses Plein proposes from the profiles
  (trained staff, promotion, G!DS), without a query.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from plein.access import selectors as access
from plein.access.purposes import Purpose
from plein.organisations.models import Location

from . import criteria
from .choices import CriterionStatus
from .models import Assessment, AssessmentAction, HoursException, OpeningHours, Scan


@dataclass(frozen=True)
class Proposal:
    """A status Plein works out (from the profiles here, or from live data in `borging.derived`),
    with a Dutch sentence and its figures. Same shape as `borging.derived.Derived`."""

    status: str
    summary: str
    figures: dict = field(default_factory=dict)


# --- profiles -------------------------------------------------------------------------------


def profile_locations(locations: QuerySet) -> QuerySet[Location]:
    """IDO branches with their profile, weekly hours and exceptions: three queries in all."""
    return (
        locations.filter(has_ido=True)
        .select_related("organisation", "municipality", "ido_profile")
        .prefetch_related(
            Prefetch("ido_profile__hours", queryset=OpeningHours.objects.order_by("weekday", "opens")),
            Prefetch("ido_profile__exceptions", queryset=HoursException.objects.order_by("starts_on")),
        )
        .order_by("organisation__name", "name")
    )


def profile(location):
    """The location's profile, or None (no query after `profile_locations`)."""
    try:
        return location.ido_profile
    except Location.ido_profile.RelatedObjectDoesNotExist:
        return None


def profile_locations_visible_to(user) -> QuerySet[Location]:
    """The IDO branches whose profile this user may read (everyone who sees their figures)."""
    return profile_locations(access.locations_visible_to(user, Purpose.FIGURES))


def profile_location_get(*, user, uuid) -> Location:
    try:
        location = profile_locations_visible_to(user).get(uuid=uuid)
    except (Location.DoesNotExist, ValueError) as exc:
        raise Http404 from exc
    return access.remember(location, user, "location", Purpose.FIGURES)


def proposals_from_profiles(locations, year) -> dict[str, Proposal]:
    """The statuses Plein proposes for "trained staff", "promotion" and "G!DS" from the profiles
    of these IDO branches (read through `profile_locations`; no query here). The rules are in
    `criteria.py`. No IDO branch: no proposal."""
    locations = [loc for loc in locations if loc.has_ido]
    if not locations:
        return {}
    total = len(locations)
    profiles = [profile(loc) for loc in locations]
    filled = [p for p in profiles if p is not None]

    trained = sum(1 for p in filled if p.is_trained)
    any_training = any(p.elearning_count or p.conversation_count or p.privacy_count for p in filled)
    staff = sum(p.staff_total for p in filled)
    trained_status = (
        CriterionStatus.DONE
        if trained == total
        else CriterionStatus.PARTLY
        if trained or any_training
        else CriterionStatus.NOT_YET
    )
    trained_summary = ngettext(
        "%(trained)s of %(total)s IDO branch has fully trained staff.",
        "%(trained)s of %(total)s IDO branches have fully trained staff.",
        total,
    ) % {"trained": trained, "total": total}

    signage = sum(1 for p in filled if p.house_style_signage)
    promoted = sum(1 for p in filled if p.last_promotion_on and p.last_promotion_on.year == year)
    promotion_status = (
        CriterionStatus.DONE
        if signage == total and promoted
        else CriterionStatus.PARTLY
        if signage or promoted
        else CriterionStatus.NOT_YET
    )
    promotion_summary = ngettext(
        "%(signage)s of %(total)s IDO branch has signage in the house style; "
        "%(promoted)s had a promotion activity in %(year)s.",
        "%(signage)s of %(total)s IDO branches have signage in the house style; "
        "%(promoted)s had a promotion activity in %(year)s.",
        total,
    ) % {"signage": signage, "total": total, "promoted": promoted, "year": year}

    checked = sum(1 for p in filled if p.gids_checked_on and p.gids_checked_on.year == year)
    gids_status = (
        CriterionStatus.DONE if checked == total else CriterionStatus.PARTLY if checked else CriterionStatus.NOT_YET
    )
    gids_summary = ngettext(
        "The G!DS entry of %(checked)s of %(total)s IDO branch was checked in %(year)s.",
        "The G!DS entry of %(checked)s of %(total)s IDO branches was checked in %(year)s.",
        total,
    ) % {
        "checked": checked,
        "total": total,
        "year": year,
    }
    return {
        "trained_staff": Proposal(
            trained_status, trained_summary, {"branches": total, "trained": trained, "staff": staff}
        ),
        "promotion": Proposal(
            promotion_status, promotion_summary, {"branches": total, "signage": signage, "promoted": promoted}
        ),
        "gids": Proposal(gids_status, gids_summary, {"branches": total, "checked": checked}),
    }


# --- derived from live data (borging.derived, built alongside) ------------------------------


def derived_for(*, library, year) -> dict:
    """`borging.derived.derived_criteria`: {criterion key of `criteria.py`: Derived}."""
    from .derived import derived_criteria

    return derived_criteria(library=library, year=year)


def derived_for_many(*, libraries, year) -> dict:
    """{library id: {criterion key: Derived}} for many libraries in a fixed number of queries."""
    from .derived import derived_criteria_for

    return derived_criteria_for(libraries=libraries, year=year)


# --- the scan -------------------------------------------------------------------------------


@dataclass
class Row:
    criterion: criteria.Criterion
    assessment: Assessment | None = None
    proposal: object = None  # a Proposal or borging.derived.Derived, for derived criteria

    @property
    def recorded(self) -> str:
        return self.assessment.status if self.assessment else ""

    @property
    def status(self) -> str:
        """The recorded status; without one, Plein's proposal; "" when neither."""
        if self.recorded:
            return self.recorded
        return getattr(self.proposal, "status", "") or ""

    @property
    def is_proposed(self) -> bool:
        return not self.recorded and bool(self.status)

    @property
    def status_label(self) -> str:
        return CriterionStatus(self.status).label if self.status else _("not assessed")

    @property
    def proposal_label(self) -> str:
        status = getattr(self.proposal, "status", "")
        return CriterionStatus(status).label if status else ""

    @property
    def actions(self) -> list:
        return [link.action for link in self.assessment.action_links.all()] if self.assessment else []


@dataclass
class ScanView:
    library: object
    year: int
    scan: Scan | None
    groups: list  # [(Group, [Row])]
    locations: list

    @property
    def rows(self) -> list[Row]:
        return [row for _group, rows in self.groups for row in rows]

    def counts(self) -> dict:
        counter = Counter(row.status or "none" for row in self.rows)
        return {status: counter.get(status, 0) for status in [*CriterionStatus.values, "none"]}


def _assessments() -> Prefetch:
    return Prefetch(
        "assessments",
        queryset=Assessment.objects.prefetch_related(
            Prefetch("action_links", queryset=AssessmentAction.objects.select_related("action").order_by("pk"))
        ),
    )


def scan_view(*, library, year, with_derived=True) -> ScanView:
    """The scan of a library for a year (also when nothing is recorded yet). No access check:
    call it with a library the caller may see (`scan_library_get`)."""
    scan = Scan.objects.filter(library=library, year=year).prefetch_related(_assessments()).first()
    by_key = {a.criterion: a for a in scan.assessments.all()} if scan else {}
    locations = list(profile_locations(Location.objects.filter(organisation=library)))
    proposals = dict(proposals_from_profiles(locations, year))
    if with_derived:
        proposals.update(derived_for(library=library, year=year))
    groups = [
        (group, [Row(c, by_key.get(c.key), proposals.get(c.key)) for c in items]) for group, items in criteria.grouped()
    ]
    return ScanView(library, year, scan, groups, locations)


def scan_library_get(*, user, uuid):
    """The library whose scan this user may read (Purpose.PLAN), or 404."""
    return access.library_get(user=user, uuid=uuid, purpose=Purpose.PLAN)


def assessment_file_get(*, user, library_uuid, year, criterion) -> Assessment:
    library = scan_library_get(user=user, uuid=library_uuid)
    assessment = (
        Assessment.objects.filter(scan__library=library, scan__year=year, criterion=criterion)
        .exclude(file="")
        .select_related("scan__library")
        .first()
    )
    if assessment is None:
        raise Http404
    return assessment


def scan_libraries_visible_to(user) -> QuerySet:
    return access.libraries_visible_to(user, Purpose.PLAN).order_by("name")


# --- the facilitator's overview -------------------------------------------------------------


@dataclass
class Overview:
    year: int
    libraries: list
    groups: list  # [(Group, [OverviewRow])]
    stuck: list  # OverviewRow, most stuck first (only criteria where someone is stuck)


@dataclass
class OverviewRow:
    criterion: criteria.Criterion
    cells: list  # Row per library, in the order of `libraries`
    not_yet: int = 0
    partly: int = 0

    @property
    def stuck(self) -> int:
        return self.not_yet + self.partly


def overview(*, user, year) -> Overview:
    """The scans of every library the user coaches (a facilitator; an administrator: all), side
    by side: the recorded status, else Plein's proposal (from the profiles, or from live data
    through `borging.derived.derived_criteria_for`, for all libraries at once). A fixed number of
    queries whatever the number of libraries."""
    libraries = list(scan_libraries_visible_to(user))
    scans = {
        scan.library_id: scan
        for scan in Scan.objects.filter(library__in=[lib.pk for lib in libraries], year=year).prefetch_related(
            Prefetch("assessments", queryset=Assessment.objects.all())
        )
    }
    by_library = defaultdict(list)
    for location in profile_locations(Location.objects.filter(organisation__in=[lib.pk for lib in libraries])):
        by_library[location.organisation_id].append(location)
    proposals = {lib.pk: proposals_from_profiles(by_library[lib.pk], year) for lib in libraries}
    if libraries:
        for pk, derived in derived_for_many(libraries=libraries, year=year).items():
            proposals[pk].update(derived)
    assessments = {
        lib.pk: ({a.criterion: a for a in scans[lib.pk].assessments.all()} if lib.pk in scans else {})
        for lib in libraries
    }
    groups, all_rows = [], []
    for group, items in criteria.grouped():
        rows = []
        for criterion in items:
            cells = [
                Row(criterion, assessments[lib.pk].get(criterion.key), proposals[lib.pk].get(criterion.key))
                for lib in libraries
            ]
            row = OverviewRow(
                criterion,
                cells,
                not_yet=sum(1 for c in cells if c.status == CriterionStatus.NOT_YET),
                partly=sum(1 for c in cells if c.status == CriterionStatus.PARTLY),
            )
            rows.append(row)
        groups.append((group, rows))
        all_rows.extend(rows)
    stuck = sorted((r for r in all_rows if r.stuck), key=lambda r: (-r.not_yet - r.partly, -r.not_yet))[:3]
    return Overview(year, libraries, groups, stuck)


def upcoming_meetings_for(user) -> QuerySet:
    """The coming meetings of the theme groups this user runs (for "put on the agenda")."""
    from plein.themegroups.models import Meeting

    return (
        Meeting.objects.filter(group__in=access.groups_managed_by(user), starts_at__gte=timezone.now())
        .select_related("group")
        .order_by("starts_at")
    )


def meeting_for_agenda_get(*, user, uuid):
    try:
        return upcoming_meetings_for(user).get(uuid=uuid)
    except Exception as exc:  # DoesNotExist or a malformed id
        raise Http404 from exc


def current_year() -> int:
    return timezone.localdate().year
