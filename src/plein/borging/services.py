"""Writes for borging: a branch's service profile with its hours (all or nothing), an assessment
of a criterion in the scan, an action in the plan from a criterion, and a criterion on the
agenda of a theme group's meeting."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from plein.actions.choices import ActionOrigin
from plein.actions.services import action_create
from plein.audit.services import acting_as
from plein.resources.files import inspect_upload, safe_filename

from . import criteria
from .choices import CriterionStatus, Weekday
from .models import Assessment, AssessmentAction, HoursException, LocationProfile, OpeningHours, Scan

PROFILE_FIELDS = (
    "scenario",
    "in_library_building",
    "paid_staff",
    "volunteers",
    "elearning_count",
    "elearning_last",
    "conversation_count",
    "conversation_last",
    "privacy_count",
    "privacy_last",
    "house_style_signage",
    "last_promotion_on",
    "last_promotion_note",
    "gids_checked_on",
)
HOURS_FIELDS = ("weekday", "opens", "closes", "kind")
EXCEPTION_FIELDS = ("starts_on", "ends_on", "closed", "opens", "closes", "note")


def hours_overlaps(hours) -> list[int]:
    """The positions (in `hours`, a list of dicts) of blocks that overlap an earlier block on the
    same day. Touching blocks (9:00–12:00 and 12:00–14:00) do not overlap."""
    clashes, seen = [], {}
    for index, block in enumerate(hours):
        opens, closes = block.get("opens"), block.get("closes")
        if opens is None or closes is None or block.get("weekday") is None:
            continue
        day = seen.setdefault(int(block["weekday"]), [])
        if any(opens < other_closes and other_opens < closes for other_opens, other_closes in day):
            clashes.append(index)
        day.append((opens, closes))
    return clashes


@transaction.atomic
def profile_save(*, location, acting_user, hours=(), exceptions=(), **fields) -> LocationProfile:
    """Create or change the IDO service profile of a branch with its weekly hours and exceptions
    (lists of dicts). Everything is checked before anything is written: on an error nothing is
    saved (the transaction rolls back)."""
    if not location.has_ido:
        raise ValidationError(_("This branch has no IDO, so it has no IDO service profile."))
    hours, exceptions = list(hours), list(exceptions)
    clashes = hours_overlaps(hours)
    if clashes:
        block = hours[clashes[0]]
        raise ValidationError(
            {
                "hours": _("On %(day)s two blocks of hours overlap. Change or remove one of them.")
                % {"day": Weekday(int(block["weekday"])).label.lower()}
            }
        )
    with acting_as(acting_user):
        profile = LocationProfile.objects.filter(location=location).first() or LocationProfile(location=location)
        for name in PROFILE_FIELDS:
            if name in fields:
                setattr(profile, name, fields[name])
        profile.full_clean()
        profile.save()
        # Replace the hours and exceptions: each new row is checked before it is saved, and an
        # error rolls back the whole save (the old hours come back).
        profile.hours.all().delete()
        for block in hours:
            row = OpeningHours(profile=profile, **{k: block[k] for k in HOURS_FIELDS if k in block})
            row.full_clean()
            row.save()
        profile.exceptions.all().delete()
        for exception in exceptions:
            row = HoursException(profile=profile, **{k: exception[k] for k in EXCEPTION_FIELDS if k in exception})
            if row.closed:
                row.opens = row.closes = None
            row.full_clean()
            row.save()
    return profile


def scan_for(*, library, year) -> Scan:
    """The library's scan for the year, made when it does not exist yet (call inside a write)."""
    scan, _created = Scan.objects.get_or_create(library=library, year=year)
    return scan


def _assessment_for(*, library, year, criterion) -> Assessment:
    if criterion not in criteria.BY_KEY:
        raise ValidationError(_("This criterion does not exist."))
    scan = scan_for(library=library, year=year)
    assessment, _created = Assessment.objects.get_or_create(scan=scan, criterion=criterion)
    return assessment


@transaction.atomic
def assessment_save(
    *,
    library,
    year,
    criterion,
    acting_user,
    status="",
    note="",
    link="",
    upload=None,
    remove_file=False,
    amount=None,
    until=None,
    confirmed_derived=False,
) -> Assessment:
    """Record the status of a criterion with its evidence (a note, a link, a checked file) and,
    for criteria that hold one, its value (an amount or a date)."""
    definition = criteria.BY_KEY.get(criterion)
    if definition is None:
        raise ValidationError(_("This criterion does not exist."))
    if status and status not in CriterionStatus.values:
        raise ValidationError({"status": _("Choose one of the statuses.")})
    inspected = inspect_upload(upload) if upload else None  # a Dutch message on a wrong file
    with acting_as(acting_user):
        assessment = _assessment_for(library=library, year=year, criterion=criterion)
        assessment.status = status or ""
        assessment.confirmed_derived = bool(confirmed_derived) and definition.kind != criteria.ASSESSED
        assessment.note = note or ""
        assessment.link = link or ""
        assessment.amount = amount if definition.value == "amount" else None
        assessment.until = until if definition.value == "until" else None
        if remove_file or inspected:
            if assessment.file:
                assessment.file.delete(save=False)
            assessment.file = None
            assessment.original_filename = assessment.content_type = ""
        if inspected:
            upload.seek(0)
            assessment.file.save(f"evidence.{inspected.extension}", upload, save=False)
            assessment.original_filename = safe_filename(upload.name, inspected.extension)
            assessment.content_type = inspected.content_type
        assessment.full_clean()
        assessment.save()
        scan = assessment.scan
        scan.save(update_fields=["updated_at"])
    return assessment


@transaction.atomic
def proposal_confirm(*, library, year, criterion, acting_user, status) -> Assessment:
    """The coordinator agrees with the status Plein proposes for a derived criterion: the status
    is recorded (so the overview and the report show it), the evidence stays as it was."""
    definition = criteria.BY_KEY.get(criterion)
    if definition is None or definition.kind == criteria.ASSESSED:
        raise ValidationError(_("Plein makes no proposal for this criterion."))
    if status not in CriterionStatus.values:
        raise ValidationError(_("Plein has no proposal for this criterion yet."))
    with acting_as(acting_user):
        assessment = _assessment_for(library=library, year=year, criterion=criterion)
        assessment.status = status
        assessment.confirmed_derived = True
        assessment.full_clean()
        assessment.save()
    return assessment


@transaction.atomic
def assessment_action_create(*, library, year, criterion, acting_user, title="", description=""):
    """With one click: an action in the library's action plan for a criterion of the scan,
    linked to it (the plan shows "From the borging scan: <criterion>")."""
    definition = criteria.BY_KEY.get(criterion)
    if definition is None:
        raise ValidationError(_("This criterion does not exist."))
    assessment = _assessment_for(library=library, year=year, criterion=criterion)
    action = action_create(
        library=library,
        acting_user=acting_user,
        title=title or _("Borging: %(criterion)s") % {"criterion": definition.title},
        description=description or assessment.note,
        origin=ActionOrigin.BORGING,
    )
    with acting_as(acting_user):
        link = AssessmentAction(assessment=assessment, action=action)
        link.full_clean()
        link.save()
    return action


@transaction.atomic
def criterion_to_agenda(*, meeting, criterion, year, acting_user, stuck=None, total=None, link=""):
    """Put a criterion on the agenda of a theme group's meeting (through the theme groups'
    service), naming the criterion and, when known, how many libraries are stuck on it."""
    from plein.themegroups.choices import Topic
    from plein.themegroups.services import agenda_item_add

    definition = criteria.BY_KEY.get(criterion)
    if definition is None:
        raise ValidationError(_("This criterion does not exist."))
    title = _("Borging scan %(year)s: %(criterion)s") % {"year": year, "criterion": definition.title}
    if stuck is not None and total:
        title += " " + ngettext(
            "(%(stuck)s of %(total)s library not yet or partly)",
            "(%(stuck)s of %(total)s libraries not yet or partly)",
            total,
        ) % {"stuck": stuck, "total": total}
    topic = {"agreements": Topic.FINANCES, "partners": Topic.PARTNERS, "people": Topic.STAFF}.get(
        definition.group, Topic.OTHER
    )
    return agenda_item_add(meeting=meeting, acting_user=acting_user, title=title, topic=topic, link=link)
