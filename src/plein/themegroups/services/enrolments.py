"""Writes for sign-ups ("aanmelden"): the public form, placing, the waiting list,
declining and withdrawing. A sign-up for a full group waits on the list in order of arrival."""

import logging

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from plein.audit.services import acting_as
from plein.common.mail import send_mail_on_commit
from plein.common.utils import absolute_url
from plein.organisations.choices import OrganisationType

from ..choices import ENROLLMENT_TRANSITIONS, OPEN_ENROLLMENT_STATUSES, EnrollmentStatus
from ..models import Enrollment, GroupMembership, ThemeGroup
from ..selectors import group_places
from .invitations import invite_contact_if_needed, library_coordinators

User = get_user_model()
logger = logging.getLogger(__name__)


def group_is_full(group) -> bool:
    return group_places(group).is_full


@transaction.atomic
def enrollment_submit(
    *,
    programme_year,
    groups,
    contact_name,
    contact_email,
    contact_role,
    motivation,
    library=None,
    new_library_name="",
    new_library_municipality="",
    new_library_province="",
    today=None,
) -> list[Enrollment]:
    """A library signs up for one or more groups of a programme year; no account needed.

    A sign-up for a full group goes straight onto the waiting list, in order of arrival."""
    today = today or timezone.localdate()
    errors = {}
    if not programme_year.signup_is_open(today):
        errors["groups"] = _("Signing up for %(year)s is possible from %(opens)s to %(closes)s.") % {
            "year": programme_year.year,
            "opens": programme_year.signup_opens.strftime("%d-%m-%Y"),
            "closes": programme_year.signup_closes.strftime("%d-%m-%Y"),
        }
    if not groups:
        errors["groups"] = _("Choose at least one theme group.")
    if library is None and not new_library_name.strip():
        errors["library"] = _("Choose your library, or give the name of a new one.")
    if errors:
        raise ValidationError(errors)
    if library is None:
        from plein.organisations.models import Organisation

        # A typed name of a library that is in Plein already is that library.
        library = Organisation.objects.filter(
            name__iexact=new_library_name.strip(), type=OrganisationType.LIBRARY
        ).first()
    # Lock the groups first, so two identical sign-ups at the same moment cannot both pass.
    list(ThemeGroup.objects.select_for_update().filter(pk__in=[g.pk for g in groups]))
    duplicates = []
    for group in groups:
        if group.programme_year_id != programme_year.pk:
            raise ValidationError({"groups": _("This theme group does not belong to this year.")})
        same = Enrollment.objects.filter(group=group, status__in=OPEN_ENROLLMENT_STATUSES)
        same = (
            same.filter(library=library) if library else same.filter(new_library_name__iexact=new_library_name.strip())
        )
        if same.exists() or (library and group.memberships.filter(library=library, left_at__isnull=True).exists()):
            duplicates.append(group.name)
    if duplicates:
        raise ValidationError(
            {"groups": _("Your library has already signed up for: %(groups)s.") % {"groups": ", ".join(duplicates)}}
        )
    enrollments = []
    for group in ThemeGroup.objects.select_for_update().filter(pk__in=[g.pk for g in groups]).order_by("pk"):
        enrollment = Enrollment(
            group=group,
            library=library,
            new_library_name="" if library else new_library_name.strip(),
            new_library_municipality="" if library else new_library_municipality.strip(),
            new_library_province="" if library else new_library_province,
            contact_name=contact_name.strip(),
            contact_email=contact_email.strip().lower(),
            contact_role=contact_role.strip(),
            motivation=motivation.strip(),
            status=EnrollmentStatus.WAITLISTED if group_is_full(group) else EnrollmentStatus.SUBMITTED,
        )
        enrollment.full_clean()
        enrollment.save()
        enrollments.append(enrollment)
    send_mail_on_commit(
        to=enrollments[0].contact_email,
        subject=lambda: _("[Plein] We have received your sign-up"),
        template="themegroups/email/enrollment_received.txt",
        context={"enrollments": enrollments, "programme_year": programme_year, "name": enrollments[0].contact_name},
    )
    if library is not None:
        _tell_coordinators_of_signup(library=library, enrollments=enrollments, programme_year=programme_year)
    return enrollments


def _tell_coordinators_of_signup(*, library, enrollments, programme_year):
    """Anyone can fill in the public form for an existing library, so its coordinators hear of
    every sign-up: who signed up, for what, and that this gives that person no access."""
    contact = enrollments[0].contact_email
    recipients = [u.email for u in library_coordinators(library) if u.email.lower() != contact]
    if not recipients:
        return
    send_mail_on_commit(
        to=recipients,
        subject=lambda: _("[Plein] Your library has been signed up for a theme group"),
        template="themegroups/email/enrollment_coordinator_notice.txt",
        context={
            "enrollments": enrollments,
            "library": library,
            "programme_year": programme_year,
            "facilitator_email": programme_year.contact_email
            or ", ".join(
                sorted(
                    User.objects.filter(facilitated_groups__in=[e.group_id for e in enrollments], is_active=True)
                    .values_list("email", flat=True)
                    .distinct()
                )
            ),
        },
    )


def _check_transition(enrollment, new_status):
    if EnrollmentStatus(new_status) not in ENROLLMENT_TRANSITIONS[EnrollmentStatus(enrollment.status)]:
        raise ValidationError(
            _("A sign-up that is “%(current)s” cannot become “%(new)s”.")
            % {"current": EnrollmentStatus(enrollment.status).label, "new": EnrollmentStatus(new_status).label}
        )


def _library_for(enrollment, acting_user):
    """The library of a sign-up and whether it was created just now: a new library is created
    on placement."""
    if enrollment.library_id:
        return enrollment.library, False
    from plein.organisations.services import library_get_or_create

    library, created = library_get_or_create(
        acting_user=acting_user,
        name=enrollment.new_library_name,
        province=enrollment.new_library_province or enrollment.group.programme_year.poi.province,
        municipality_name=enrollment.new_library_municipality,
    )
    enrollment.library = library
    return library, created


@transaction.atomic
def enrollment_place(*, enrollment, acting_user, automatic=False) -> Enrollment:
    """Place a library in the group: it becomes a member and its coordinators see the group.

    Only a library created by this placement gets its contact person invited as coordinator:
    the sign-up form is public, so for a library that was in Plein already a sign-up never
    gives access by itself (its coordinators decide; without one, the facilitator does, see
    `enrollment_invite_contact`)."""
    enrollment = (
        Enrollment.objects.select_for_update(of=("self",))
        .select_related("group__programme_year__poi")
        .get(pk=enrollment.pk)
    )
    group = ThemeGroup.objects.select_for_update().get(pk=enrollment.group_id)
    _check_transition(enrollment, EnrollmentStatus.PLACED)
    if group_is_full(group):
        raise ValidationError(
            ngettext(
                "The group is full (%(capacity)s place). "
                "Put the library on the waiting list, or make the group bigger.",
                "The group is full (%(capacity)s places). "
                "Put the library on the waiting list, or make the group bigger.",
                group.capacity,
            )
            % {"capacity": group.capacity}
        )
    with acting_as(acting_user):
        library, created = _library_for(enrollment, acting_user)
        membership = GroupMembership(group=group, library=library)
        membership.full_clean()
        membership.save()
        enrollment.status = EnrollmentStatus.PLACED
        enrollment.membership = membership
        enrollment.decided_at = timezone.now()
        enrollment.decided_by = acting_user if getattr(acting_user, "is_authenticated", False) else None
        enrollment.save()
    # An account is only offered when a facilitator placed a new library by hand: they have
    # read who signed up. A place filled automatically from the waiting list waits for them.
    invited = created and not automatic and invite_contact_if_needed(enrollment=enrollment, acting_user=acting_user)
    send_mail_on_commit(
        to=enrollment.contact_email,
        subject=lambda: _("[Plein] Your library has a place in “%(group)s”") % {"group": group.name},
        template="themegroups/email/enrollment_placed.txt",
        context={
            "enrollment": enrollment,
            "group": group,
            "automatic": automatic,
            "invited": invited,
            "has_account": User.objects.filter(email__iexact=enrollment.contact_email).exists(),
            "has_coordinator": library_coordinators(library).exists(),
            "url": absolute_url(reverse("themegroups:group_detail", args=[group.uuid])),
        },
    )
    return enrollment


@transaction.atomic
def enrollment_waitlist(*, enrollment, acting_user) -> Enrollment:
    enrollment = Enrollment.objects.select_for_update().get(pk=enrollment.pk)
    _check_transition(enrollment, EnrollmentStatus.WAITLISTED)
    group = ThemeGroup.objects.select_for_update().get(pk=enrollment.group_id)
    places = group_places(group)
    # The waiting list is for a full group only: with a free place nobody would ever move up
    # (places are handed out when one frees up), and the e-mail tells the library it is full.
    if not places.is_full:
        raise ValidationError(
            ngettext(
                "“%(group)s” still has %(free)s free place (%(taken)s of %(capacity)s taken). "
                "Place the library, or decline the sign-up.",
                "“%(group)s” still has %(free)s free places (%(taken)s of %(capacity)s taken). "
                "Place the library, or decline the sign-up.",
                places.free,
            )
            % {"group": group.name, "free": places.free, "taken": places.taken, "capacity": places.capacity}
        )
    with acting_as(acting_user):
        enrollment.status = EnrollmentStatus.WAITLISTED
        enrollment.decided_at = timezone.now()
        enrollment.decided_by = acting_user
        enrollment.save()
    position = waitlist(enrollment.group).filter(submitted_at__lte=enrollment.submitted_at).count()
    send_mail_on_commit(
        to=enrollment.contact_email,
        subject=lambda: _("[Plein] You are on the waiting list for “%(group)s”") % {"group": enrollment.group.name},
        template="themegroups/email/enrollment_waitlisted.txt",
        context={"enrollment": enrollment, "position": position, "places": places},
    )
    return enrollment


@transaction.atomic
def enrollment_decline(*, enrollment, acting_user, reason) -> Enrollment:
    if not reason.strip():
        raise ValidationError({"reason": _("Tell the library why, so they understand the decision.")})
    enrollment = Enrollment.objects.select_for_update().get(pk=enrollment.pk)
    _check_transition(enrollment, EnrollmentStatus.DECLINED)
    with acting_as(acting_user):
        enrollment.status = EnrollmentStatus.DECLINED
        enrollment.decline_reason = reason.strip()
        enrollment.decided_at = timezone.now()
        enrollment.decided_by = acting_user
        enrollment.save()
    send_mail_on_commit(
        to=enrollment.contact_email,
        subject=lambda: _("[Plein] About your sign-up for “%(group)s”") % {"group": enrollment.group.name},
        template="themegroups/email/enrollment_declined.txt",
        context={"enrollment": enrollment},
    )
    return enrollment


def waitlist(group):
    return Enrollment.objects.filter(group=group, status=EnrollmentStatus.WAITLISTED).order_by("submitted_at", "pk")


@transaction.atomic
def enrollment_withdraw(*, enrollment, acting_user) -> Enrollment:
    """A library leaves the group (or its waiting list). A freed place goes to the first
    library on the waiting list, automatically, and they are told by e-mail."""
    enrollment = Enrollment.objects.select_for_update().get(pk=enrollment.pk)
    _check_transition(enrollment, EnrollmentStatus.WITHDRAWN)
    was_placed = enrollment.status == EnrollmentStatus.PLACED
    with acting_as(acting_user):
        if was_placed and enrollment.membership_id:
            membership = enrollment.membership
            membership.left_at = timezone.now()
            membership.save()
        enrollment.status = EnrollmentStatus.WITHDRAWN
        enrollment.decided_at = timezone.now()
        enrollment.decided_by = acting_user
        enrollment.save()
    if was_placed:
        place_from_waitlist(group=enrollment.group, acting_user=acting_user)
    return enrollment


def place_from_waitlist(*, group, acting_user):
    """Fill free places from the waiting list, in order. An entry that cannot be placed (its
    library is already a member, say) stays on the list for the facilitator and is skipped,
    so one bad entry never blocks a withdrawal."""
    placed, skipped = [], set()
    while not group_is_full(group):
        first = waitlist(group).exclude(pk__in=skipped).first()
        if first is None:
            break
        try:
            with transaction.atomic():
                placed.append(enrollment_place(enrollment=first, acting_user=acting_user, automatic=True))
        except (ValidationError, IntegrityError):
            logger.warning("Waiting-list entry %s could not be placed automatically", first.pk, exc_info=True)
            skipped.add(first.pk)
    return placed
