"""Writes for theme groups: programme years, groups, sign-ups with a waiting list, meetings,
minutes, calendar links and the year's retrospective. Every write is atomic, validated and
recorded under the acting person; e-mail goes out on commit."""

import datetime
import logging

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from plein.accounts.choices import Role
from plein.audit.services import acting_as
from plein.core.utils import absolute_url
from plein.organisations.choices import OrganisationType

from ..choices import ENROLLMENT_TRANSITIONS, OPEN_ENROLLMENT_STATUSES, EnrollmentStatus
from ..models import (
    AgendaItem,
    CalendarToken,
    Decision,
    Enrollment,
    GroupMembership,
    Meeting,
    MeetingActionItem,
    ProgrammeYear,
    ThemeGroup,
)
from ..selectors import group_places

User = get_user_model()
logger = logging.getLogger(__name__)


def _mail_on_commit(*, to, subject, template, context):
    language = translation.get_language()

    def send():
        with translation.override(language):
            send_mail(
                subject=str(subject) if not callable(subject) else subject(),
                message=render_to_string(template, context),
                from_email=None,
                recipient_list=to if isinstance(to, list) else [to],
            )

    transaction.on_commit(send)


# --- programme years and groups -----------------------------------------------------------


@transaction.atomic
def programme_year_create(*, acting_user, poi, year, signup_opens, signup_closes, intro="", contact_email=""):
    with acting_as(acting_user):
        programme_year = ProgrammeYear(
            poi=poi,
            year=year,
            signup_opens=signup_opens,
            signup_closes=signup_closes,
            intro=intro,
            contact_email=contact_email,
        )
        programme_year.full_clean()
        programme_year.save()
    return programme_year


@transaction.atomic
def group_save(*, acting_user, group=None, programme_year=None, facilitators=(), **fields) -> ThemeGroup:
    with acting_as(acting_user):
        if group is None:
            group = ThemeGroup(programme_year=programme_year)
        for name in ("name", "description", "capacity", "expected_meetings"):
            if name in fields:
                setattr(group, name, fields[name])
        grew = group.pk is not None and "capacity" in fields and group.capacity > _saved_capacity(group)
        group.full_clean()
        group.save()
        group.facilitators.set(facilitators)
    if grew:
        # New places go to the waiting list first, as a freed place does.
        place_from_waitlist(group=group, acting_user=acting_user)
    return group


def _saved_capacity(group) -> int:
    return ThemeGroup.objects.filter(pk=group.pk).values_list("capacity", flat=True).first() or 0


# --- sign-up ("aanmelden") ----------------------------------------------------------------


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
    _mail_on_commit(
        to=enrollments[0].contact_email,
        subject=_("[Plein] We have received your sign-up"),
        template="themegroups/email/enrollment_received.txt",
        context={"enrollments": enrollments, "programme_year": programme_year, "name": enrollments[0].contact_name},
    )
    if library is not None:
        _tell_coordinators_of_signup(library=library, enrollments=enrollments, programme_year=programme_year)
    return enrollments


def library_coordinators(library):
    """The active coordinators of a library: they decide who of their library gets access."""
    return User.objects.filter(organisation=library, role=Role.COORDINATOR, is_active=True).order_by("name")


def _tell_coordinators_of_signup(*, library, enrollments, programme_year):
    """Anyone can fill in the public form for an existing library, so its coordinators hear of
    every sign-up: who signed up, for what, and that this gives that person no access."""
    contact = enrollments[0].contact_email
    recipients = [u.email for u in library_coordinators(library) if u.email.lower() != contact]
    if not recipients:
        return
    _mail_on_commit(
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
    from plein.organisations.models import Municipality, Organisation

    library = Organisation.objects.filter(name__iexact=enrollment.new_library_name).first()
    created = library is None
    if created:
        library = Organisation(
            name=enrollment.new_library_name,
            type=OrganisationType.LIBRARY,
            province=enrollment.new_library_province or enrollment.group.programme_year.poi.province,
        )
        library.full_clean()
        library.save()
        if enrollment.new_library_municipality:
            municipality = Municipality.objects.filter(name__iexact=enrollment.new_library_municipality).first()
            if municipality:
                library.municipalities.add(municipality)
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
    _mail_on_commit(
        to=enrollment.contact_email,
        subject=_("[Plein] Your library has a place in “%(group)s”") % {"group": group.name},
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


def contact_needs_invitation(enrollment) -> bool:
    from plein.accounts.models import Invitation

    email = enrollment.contact_email
    if User.objects.filter(email__iexact=email).exists():
        return False
    return not any(inv.is_open for inv in Invitation.objects.filter(email__iexact=email, accepted_at__isnull=True))


def invite_contact_if_needed(*, enrollment, acting_user) -> bool:
    """Invite the contact person of a placed library as its coordinator, unless they have an
    account or an open invitation already (a second invitation would void the first link)."""
    if enrollment.status != EnrollmentStatus.PLACED or not contact_needs_invitation(enrollment):
        return False
    from plein.accounts.services import invitation_create

    invitation_create(
        acting_user=acting_user if getattr(acting_user, "is_authenticated", False) else None,
        email=enrollment.contact_email,
        name=enrollment.contact_name,
        role=Role.COORDINATOR,
        organisation=enrollment.library,
    )
    return True


@transaction.atomic
def enrollment_invite_contact(*, enrollment, acting_user, confirmed=False) -> bool:
    """The facilitator invites the contact person of a placed library as its coordinator.

    Only for a library without a coordinator (one that has one decides itself who gets access),
    and only after the facilitator confirmed they know this person works there: the sign-up
    form is public, and a coordinator sees and changes everything of their library."""
    enrollment = Enrollment.objects.select_related("library").get(pk=enrollment.pk)
    if enrollment.library_id and library_coordinators(enrollment.library).exists():
        raise ValidationError(
            _(
                "%(library)s already has a coordinator in Plein. The coordinator decides who of the library "
                "gets access; ask them."
            )
            % {"library": enrollment.library.name}
        )
    if not confirmed:
        raise ValidationError(
            _("Tick the box to confirm that you know %(name)s works at %(library)s.")
            % {"name": enrollment.contact_name, "library": enrollment.library_name}
        )
    if not invite_contact_if_needed(enrollment=enrollment, acting_user=acting_user):
        raise ValidationError(_("This person already has an account or an open invitation."))
    return True


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
    _mail_on_commit(
        to=enrollment.contact_email,
        subject=_("[Plein] You are on the waiting list for “%(group)s”") % {"group": enrollment.group.name},
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
    _mail_on_commit(
        to=enrollment.contact_email,
        subject=_("[Plein] About your sign-up for “%(group)s”") % {"group": enrollment.group.name},
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


# --- meetings ----------------------------------------------------------------------------

MEETING_FIELDS = ("title", "kind", "starts_at", "ends_at", "meeting_url", "address", "host_library", "description")


@transaction.atomic
def meeting_save(*, acting_user, group=None, meeting=None, agenda=(), **fields) -> Meeting:
    """Schedule or change a meeting with its agenda (a list of dicts: title, topic, presenter,
    duration_minutes). A changed time re-arms the reminder."""
    with acting_as(acting_user):
        if meeting is None:
            meeting = Meeting(group=group)
        old_start = meeting.starts_at
        for name in MEETING_FIELDS:
            if name in fields:
                setattr(meeting, name, fields[name])
        if meeting.pk:
            meeting.sequence += 1
        if old_start and old_start != meeting.starts_at:
            meeting.reminder_sent_at = None
        meeting.full_clean()
        meeting.save()
        meeting.agenda_items.all().delete()
        for position, item in enumerate(agenda):
            agenda_item = AgendaItem(meeting=meeting, position=position, **item)
            agenda_item.full_clean()
            agenda_item.save()
    transaction.on_commit(lambda: schedule_reminder(meeting))
    return meeting


@transaction.atomic
def meeting_delete(*, meeting, acting_user):
    with acting_as(acting_user):
        meeting.delete()


@transaction.atomic
def attendance_register(*, meeting, library, acting_user, registered=True, people=1):
    """A library says beforehand that it will come (or not)."""
    from ..models import Attendance

    if meeting.is_past:
        raise ValidationError(_("This meeting is over; the facilitator confirms who was there."))
    with acting_as(acting_user):
        attendance, _created = Attendance.objects.get_or_create(meeting=meeting, library=library)
        attendance.registered = registered
        attendance.people = people
        attendance.full_clean()
        # Only the reply: whether the library was there is the facilitator's separate record.
        attendance.save(update_fields=["registered", "people"])
    return attendance


@transaction.atomic
def attendance_confirm(*, meeting, acting_user, attended_library_ids):
    """Afterwards, the facilitator ticks which member libraries were there. This records presence
    only: a library's reply beforehand (or that it never replied) stays as it was."""
    from ..models import Attendance

    _check_started(meeting, _("Who was there can be confirmed once the meeting has started."))
    with acting_as(acting_user):
        for membership in meeting.group.memberships.filter(left_at__isnull=True):
            attendance, _created = Attendance.objects.get_or_create(meeting=meeting, library_id=membership.library_id)
            attendance.attended = membership.library_id in attended_library_ids
            attendance.save(update_fields=["attended"])


def _check_started(meeting, message):
    if not meeting.has_started:
        raise ValidationError(
            f"{message} "
            + _("This meeting starts on %(date)s.")
            % {"date": timezone.localtime(meeting.starts_at).strftime("%d-%m-%Y %H:%M")}
        )


@transaction.atomic
def minutes_save(*, meeting, acting_user, minutes, decisions=(), action_items=()):
    """Minutes with decisions and action items. Each action item lands in the action plans of
    the libraries it is for (once: saving again does not duplicate). An item may name who
    takes the lead: `owner_library` and/or `owner` (a person of a member library); that
    library gets the action too, and the person owns it in their own library's plan."""
    from plein.actions.choices import ActionOrigin, ActionStatus
    from plein.actions.models import Action
    from plein.actions.services import action_create

    _check_started(meeting, _("Minutes can be written once the meeting has started."))
    member_ids = set(meeting.group.memberships.filter(left_at__isnull=True).values_list("library_id", flat=True))
    with acting_as(acting_user):
        meeting.minutes = minutes
        meeting.full_clean()
        meeting.save(update_fields=["minutes"])
        meeting.decisions.all().delete()
        for text in decisions:
            if text.strip():
                Decision.objects.create(meeting=meeting, text=text.strip())
        created = []
        for item in action_items:
            owner = item.get("owner")
            owner_library = item.get("owner_library") or (owner.organisation if owner else None)
            if owner is not None and owner.organisation_id != getattr(owner_library, "pk", None):
                raise ValidationError(_("The lead person must work for the lead library."))
            if owner_library is not None and owner_library.pk not in member_ids:
                raise ValidationError(_("The lead library must take part in the group."))
            libraries = [lib for lib in item.get("libraries", []) if lib.pk in member_ids]
            if owner_library is not None and owner_library not in libraries:
                libraries.append(owner_library)
            if not item["title"].strip() or not libraries:
                continue
            # Saving the same minutes twice (a double click) must not double the actions.
            action_item = MeetingActionItem.objects.filter(meeting=meeting, title__iexact=item["title"].strip()).first()
            if action_item is None:
                action_item = MeetingActionItem(
                    meeting=meeting,
                    title=item["title"].strip(),
                    description=item.get("description", ""),
                    due_date=item.get("due_date"),
                    owner_library=owner_library,
                    owner=owner,
                )
                action_item.full_clean()
                action_item.save()
            action_item.libraries.add(*libraries)
            for library in libraries:
                if not Action.objects.filter(library=library, meeting_action_item=action_item).exists():
                    created.append(
                        action_create(
                            library=library,
                            acting_user=acting_user,
                            title=action_item.title,
                            description=action_item.description,
                            owner=action_item.owner if action_item.owner_library_id == library.pk else None,
                            due_date=action_item.due_date,
                            status=ActionStatus.PLANNED,
                            origin=ActionOrigin.MEETING,
                            meeting_action_item=action_item,
                        )
                    )
    return created


# --- reminders ---------------------------------------------------------------------------

REMINDER_DAYS = 3


def meeting_recipients(meeting) -> list[str]:
    return sorted(
        set(
            User.objects.filter(
                is_active=True,
                organisation__group_memberships__group=meeting.group,
                organisation__group_memberships__left_at__isnull=True,
                role__in=[Role.COORDINATOR, Role.DESK_WORKER],
            ).values_list("email", flat=True)
        )
        | set(meeting.group.facilitators.filter(is_active=True).values_list("email", flat=True))
    )


def schedule_reminder(meeting):
    from ..tasks import send_meeting_reminder

    run_after = meeting.starts_at - datetime.timedelta(days=REMINDER_DAYS)
    try:
        send_meeting_reminder.using(run_after=max(run_after, timezone.now())).enqueue(
            meeting.pk, meeting.starts_at.isoformat()
        )
    except Exception:  # a backend without run_after support: `send_reminders` catches up
        logger.warning("Could not queue the reminder for meeting %s", meeting.pk, exc_info=True)


def send_due_reminders(now=None) -> int:
    """Send every reminder that is due (meetings within REMINDER_DAYS that have not had one).
    Safe to run often: `manage.py send_reminders`, or the task queued per meeting."""
    now = now or timezone.now()
    due = Meeting.objects.filter(
        reminder_sent_at__isnull=True, starts_at__gt=now, starts_at__lte=now + datetime.timedelta(days=REMINDER_DAYS)
    ).select_related("group", "host_library")
    sent = 0
    for meeting in due:
        sent += send_reminder(meeting)
    return sent


@transaction.atomic
def send_reminder(meeting) -> int:
    meeting = Meeting.objects.select_for_update(of=("self",)).select_related("group", "host_library").get(pk=meeting.pk)
    if meeting.reminder_sent_at is not None:
        return 0
    recipients = meeting_recipients(meeting)
    if recipients:
        context = {
            "meeting": meeting,
            "url": absolute_url(reverse("themegroups:meeting_detail", args=[meeting.uuid])),
            "ics_url": absolute_url(reverse("themegroups:meeting_ics", args=[meeting.uuid])),
        }
        for email in recipients:
            _mail_on_commit(
                to=email,
                subject=_("[Plein] Reminder: %(title)s on %(date)s")
                % {"title": meeting.title, "date": timezone.localtime(meeting.starts_at).strftime("%d-%m-%Y")},
                template="themegroups/email/meeting_reminder.txt",
                context=context,
            )
    meeting.reminder_sent_at = timezone.now()
    meeting.save(update_fields=["reminder_sent_at"])
    return len(recipients)


# --- calendar links ----------------------------------------------------------------------


def calendar_token_for(user) -> CalendarToken:
    token, _created = CalendarToken.objects.get_or_create(user=user)
    return token


@transaction.atomic
def calendar_token_renew(*, user) -> CalendarToken:
    import secrets

    with acting_as(user):
        token = calendar_token_for(user)
        token.token = secrets.token_urlsafe()
        token.save()
    return token


def meetings_for_user(user):
    from django.db.models import Prefetch

    from ..selectors import groups_visible_to

    return (
        Meeting.objects.filter(group__in=groups_visible_to(user))
        .select_related("group", "host_library")
        .prefetch_related(Prefetch("agenda_items", queryset=AgendaItem.objects.order_by("position", "pk")))
    )


# --- retrospective ("terugblik") ---------------------------------------------------------


def retrospective_draft(group) -> dict:
    """The skeleton of the year's retrospective, written from the data: libraries and
    provinces, meetings and their topics, visits, practice cases and actions done."""
    from django.apps import apps

    from plein.actions.choices import ActionStatus
    from plein.actions.models import Action
    from plein.organisations.choices import Province

    from ..choices import MeetingKind, Topic

    year = group.programme_year.year
    started = group.programme_year.has_started(timezone.localdate())
    memberships = group.memberships.filter(left_at__isnull=True).select_related("library").order_by("library__name")
    libraries = list({m.library_id: m.library for m in memberships}.values())
    provinces = sorted({str(Province(lib.province).label) for lib in libraries if lib.province})
    meetings = list(
        group.meetings.filter(starts_at__lte=timezone.now())
        .select_related("host_library")
        .prefetch_related("agenda_items")
    )
    started = started or bool(meetings)
    if not started:
        # Nothing to look back on yet: say so, instead of "0 libraries worked together".
        introduction = _(
            "The theme group “%(group)s” starts in %(year)s. This retrospective is written once the year is under way."
        ) % {"year": year, "group": group.name}
    elif libraries:
        introduction = ngettext(
            "In %(year)s, %(count)s library worked in the theme group “%(group)s”. This is what we did and learned.",
            "In %(year)s, %(count)s libraries worked together in the theme group “%(group)s”. "
            "This is what we did and learned.",
            len(libraries),
        ) % {"year": year, "count": len(libraries), "group": group.name}
    else:
        introduction = _("No libraries take part in the theme group “%(group)s” in %(year)s yet.") % {
            "year": year,
            "group": group.name,
        }
    lines = []
    lines.append("## " + _("Participating libraries"))
    if libraries:
        lines.append(
            ngettext(
                "%(count)s library from %(provinces)s took part:",
                "%(count)s libraries from %(provinces)s took part:",
                len(libraries),
            )
            % {"count": len(libraries), "provinces": str(_(" and ")).join(provinces) or "–"}
        )
        lines += [f"- {lib.name}" for lib in libraries]
    else:
        lines.append(_("No libraries took part yet."))
    lines.append("")
    lines.append("## " + _("Meetings"))
    regular = [m for m in meetings if m.kind != MeetingKind.VISIT]
    if regular:
        lines.append(ngettext("We met once:", "We met %(count)s times:", len(regular)) % {"count": len(regular)})
        for meeting in regular:
            topics = sorted(
                {str(Topic(item.topic).label) for item in meeting.agenda_items.all() if item.topic != Topic.OTHER}
            )
            when = timezone.localtime(meeting.starts_at).strftime("%d-%m-%Y")
            about = (" – " + _("about %(topics)s") % {"topics": ", ".join(topics).lower()}) if topics else ""
            lines.append(f"- {when}: {meeting.title} ({str(meeting.get_kind_display()).lower()}){about}")
    else:
        lines.append(_("No meetings have been held yet."))
    visits = [m for m in meetings if m.kind == MeetingKind.VISIT]
    if visits:
        lines.append("")
        lines.append("## " + _("Inspiration visits"))
        for visit in visits:
            host = visit.host_library.name if visit.host_library_id else visit.address
            lines.append(
                "- "
                + _("%(date)s: visit to %(host)s")
                % {"date": timezone.localtime(visit.starts_at).strftime("%d-%m-%Y"), "host": host}
            )
    if apps.is_installed("plein.practicecases"):
        PracticeCase = apps.get_model("practicecases", "PracticeCase")
        cases = list(PracticeCase.objects.filter(group=group).select_related("library").order_by("created_at"))
        lines.append("")
        lines.append("## " + _("Practice cases"))
        if cases:
            lines.append(
                ngettext(
                    "Libraries brought in %(count)s local situation:",
                    "Libraries brought in %(count)s local situations:",
                    len(cases),
                )
                % {"count": len(cases)}
            )
            lines += [f"- {case.title} ({case.library.name})" for case in cases]
        else:
            lines.append(_("No practice cases were brought in."))
    done = list(
        Action.objects.filter(meeting_action_item__meeting__group=group, status=ActionStatus.DONE)
        .select_related("library")
        .order_by("completed_at")
    )
    open_count = (
        Action.objects.filter(meeting_action_item__meeting__group=group).exclude(status=ActionStatus.DONE).count()
    )
    lines.append("")
    lines.append("## " + _("Actions"))
    if done:
        lines.append(_("Libraries finished these actions that came out of the meetings:"))
        lines += [f"- {action.title} ({action.library.name})" for action in done]
    else:
        lines.append(_("No actions from the meetings have been finished yet."))
    if open_count:
        lines.append(
            ngettext("%(count)s action is still running.", "%(count)s actions are still running.", open_count)
            % {"count": open_count}
        )
    return {
        "title": _("Looking back at the theme group “%(group)s” in %(year)s") % {"group": group.name, "year": year},
        "introduction": introduction,
        "body": "\n".join(lines).strip(),
    }


@transaction.atomic
def retrospective_generate(*, group, acting_user):
    """Create the draft, or rewrite an unpublished draft from the current data."""
    from ..choices import RetrospectiveStatus
    from ..models import Retrospective

    draft = retrospective_draft(group)
    with acting_as(acting_user):
        retrospective, _created = Retrospective.objects.get_or_create(group=group, defaults=draft)
        if not _created:
            if retrospective.status == RetrospectiveStatus.PUBLISHED:
                raise ValidationError(_("A published retrospective is not rewritten. Unpublish it first."))
            for key, value in draft.items():
                setattr(retrospective, key, value)
            retrospective.save()
    return retrospective


@transaction.atomic
def retrospective_update(*, retrospective, acting_user, title, introduction, body):
    with acting_as(acting_user):
        retrospective.title = title.strip()
        retrospective.introduction = introduction
        retrospective.body = body
        retrospective.full_clean()
        retrospective.save()
    return retrospective


@transaction.atomic
def retrospective_set_published(*, retrospective, acting_user, published: bool):
    from ..choices import RetrospectiveStatus

    with acting_as(acting_user):
        retrospective.status = RetrospectiveStatus.PUBLISHED if published else RetrospectiveStatus.DRAFT
        retrospective.published_at = timezone.now() if published else None
        retrospective.save()
    return retrospective
