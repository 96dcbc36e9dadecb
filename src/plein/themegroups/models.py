import secrets
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from plein.organisations.models import Organisation

from .choices import EnrollmentStatus, MeetingKind, RetrospectiveStatus, Topic


class ProgrammeYear(models.Model):
    """A year of theme groups run by a support organisation (POI), e.g. 2022."""

    uuid = models.UUIDField(_("public id"), default=uuid.uuid4, unique=True, editable=False)
    poi = models.ForeignKey(
        Organisation, verbose_name=_("support organisation"), on_delete=models.PROTECT, related_name="programme_years"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    intro = models.TextField(_("introduction"), blank=True, help_text=_("Shown on the public sign-up page."))
    signup_opens = models.DateField(_("sign-up opens"))
    signup_closes = models.DateField(_("sign-up closes"))
    contact_email = models.EmailField(_("contact e-mail"), blank=True)

    class Meta:
        verbose_name = _("programme year")
        verbose_name_plural = _("programme years")
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(
                "poi", "year", name="programme_year_unique", violation_error_message=_("This year already exists.")
            ),
            models.CheckConstraint(
                condition=Q(signup_closes__gte=models.F("signup_opens")),
                name="programme_year_signup_period_valid",
                violation_error_message=_("Sign-up cannot close before it opens."),
            ),
        ]

    def __str__(self):
        return f"{self.poi} {self.year}"

    def has_started(self, today=None) -> bool:
        """The programme runs in its calendar year; before 1 January there is nothing to show."""
        today = today or timezone.localdate()
        return today.year >= self.year

    def signup_is_open(self, today=None) -> bool:
        today = today or timezone.localdate()
        return self.signup_opens <= today <= self.signup_closes


class ThemeGroup(models.Model):
    uuid = models.UUIDField(_("public id"), default=uuid.uuid4, unique=True, editable=False)
    programme_year = models.ForeignKey(
        ProgrammeYear, verbose_name=_("programme year"), on_delete=models.CASCADE, related_name="groups"
    )
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    facilitators = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("facilitators"), blank=True, related_name="facilitated_groups"
    )
    capacity = models.PositiveSmallIntegerField(_("number of places"), default=8)
    expected_meetings = models.PositiveSmallIntegerField(_("expected number of meetings"), default=4)

    class Meta:
        verbose_name = _("theme group")
        verbose_name_plural = _("theme groups")
        ordering = ["programme_year", "name"]
        constraints = [
            models.UniqueConstraint(
                "programme_year",
                Lower("name"),
                name="theme_group_name_unique_per_year",
                violation_error_message=_("This year already has a theme group with this name."),
            ),
            models.CheckConstraint(
                condition=Q(capacity__gte=1),
                name="theme_group_capacity_positive",
                violation_error_message=_("A group needs at least one place."),
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.programme_year.year})"


class GroupMembership(models.Model):
    """A library taking part in a theme group. Libraries are members, their staff inherit it."""

    group = models.ForeignKey(
        ThemeGroup, verbose_name=_("theme group"), on_delete=models.CASCADE, related_name="memberships"
    )
    library = models.ForeignKey(
        Organisation, verbose_name=_("library"), on_delete=models.CASCADE, related_name="group_memberships"
    )
    joined_at = models.DateTimeField(_("joined at"), default=timezone.now)
    left_at = models.DateTimeField(_("left at"), null=True, blank=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(
                "group", "library", condition=Q(left_at__isnull=True), name="one_active_membership_per_library"
            ),
        ]

    def __str__(self):
        return f"{self.library} – {self.group}"

    def get_additional_data(self):
        return {"organisation_id": self.library_id, "group_id": self.group_id}


class Enrollment(models.Model):
    """A sign-up ("aanmelding") of a library for one theme group; needs no account."""

    uuid = models.UUIDField(_("public id"), default=uuid.uuid4, unique=True, editable=False)
    group = models.ForeignKey(
        ThemeGroup, verbose_name=_("theme group"), on_delete=models.CASCADE, related_name="enrollments"
    )
    library = models.ForeignKey(
        Organisation,
        verbose_name=_("library"),
        on_delete=models.CASCADE,
        related_name="enrollments",
        null=True,
        blank=True,
        help_text=_("Empty when the library is not in Plein yet; then the name below is reviewed."),
    )
    new_library_name = models.CharField(_("name of the new library"), max_length=200, blank=True)
    new_library_municipality = models.CharField(_("municipality of the new library"), max_length=100, blank=True)
    new_library_province = models.CharField(_("province of the new library"), max_length=2, blank=True)
    contact_name = models.CharField(_("contact person"), max_length=200)
    contact_email = models.EmailField(_("e-mail of the contact person"))
    contact_role = models.CharField(_("role of the contact person"), max_length=200)
    motivation = models.TextField(_("motivation"))
    status = models.CharField(
        _("status"), max_length=20, choices=EnrollmentStatus.choices, default=EnrollmentStatus.SUBMITTED
    )
    decline_reason = models.TextField(_("reason for declining"), blank=True)
    submitted_at = models.DateTimeField(_("signed up at"), default=timezone.now)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    membership = models.OneToOneField(
        GroupMembership,
        verbose_name=_("membership"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="enrollment",
    )

    class Meta:
        verbose_name = _("sign-up")
        verbose_name_plural = _("sign-ups")
        ordering = ["submitted_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(library__isnull=False) | ~Q(new_library_name=""),
                name="enrollment_names_a_library",
                violation_error_message=_("Choose your library, or give the name of a new one."),
            ),
        ]

    def __str__(self):
        return f"{self.library_name} → {self.group}"

    @property
    def library_name(self) -> str:
        return self.library.name if self.library_id else self.new_library_name

    def get_additional_data(self):
        return {"group_id": self.group_id}


class Meeting(models.Model):
    uuid = models.UUIDField(_("public id"), default=uuid.uuid4, unique=True, editable=False)
    group = models.ForeignKey(
        ThemeGroup, verbose_name=_("theme group"), on_delete=models.CASCADE, related_name="meetings"
    )
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(
        _("kind of meeting"), max_length=20, choices=MeetingKind.choices, default=MeetingKind.ONLINE
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    meeting_url = models.URLField(
        _("meeting link"), blank=True, help_text=_("For an online meeting, e.g. a Teams link.")
    )
    address = models.CharField(_("address"), max_length=300, blank=True)
    host_library = models.ForeignKey(
        Organisation,
        verbose_name=_("host library"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="hosted_meetings",
        help_text=_("For an inspiration visit: the library you visit."),
    )
    description = models.TextField(_("description"), blank=True)
    minutes = models.TextField(_("minutes"), blank=True)
    reminder_sent_at = models.DateTimeField(_("reminder sent at"), null=True, blank=True, editable=False)
    sequence = models.PositiveIntegerField(
        default=0, editable=False, help_text="iCalendar SEQUENCE: raised on every change"
    )

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")),
                name="meeting_ends_after_start",
                violation_error_message=_("The meeting must end after it starts."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_additional_data(self):
        return {"group_id": self.group_id}

    @property
    def is_past(self) -> bool:
        return self.ends_at < timezone.now()

    @property
    def has_started(self) -> bool:
        """Who was there and the minutes only exist once the meeting has begun."""
        return self.starts_at <= timezone.now()


class ReminderDelivery(models.Model):
    """One reminder e-mail: to one address, for one meeting at one start time. The unique row is
    what makes the reminder go out exactly once per person however many workers run it: a run
    sends only rows without `sent_at`, locking each row while it sends (see
    services/reminders.py). A meeting that moves gets new rows (a new start time)."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="reminder_deliveries"
    )
    starts_at = models.DateTimeField(_("starts at"))
    email = models.EmailField(_("e-mail address"))
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("reminder e-mail")
        verbose_name_plural = _("reminder e-mails")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "starts_at", "email"], name="reminder_delivery_once"),
        ]

    def __str__(self):
        return f"{self.meeting_id} {self.starts_at:%Y-%m-%d %H:%M} {self.email}"


class AgendaItem(models.Model):
    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="agenda_items"
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("subject"), max_length=200)
    topic = models.CharField(_("topic"), max_length=20, choices=Topic.choices, default=Topic.OTHER)
    presenter = models.CharField(_("presenter"), max_length=200, blank=True)
    duration_minutes = models.PositiveSmallIntegerField(_("duration in minutes"), null=True, blank=True)
    # A page in Plein the item is about (e.g. the borging overview of a criterion); a path, not shown as a field.
    link = models.CharField(_("link"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["position", "pk"]

    def __str__(self):
        return self.title

    def get_additional_data(self):
        return {"meeting_id": self.meeting_id}


class Attendance(models.Model):
    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="attendances"
    )
    library = models.ForeignKey(
        Organisation, verbose_name=_("library"), on_delete=models.CASCADE, related_name="attendances"
    )
    # Two separate facts: the library's own reply beforehand (None: it never answered) and the
    # facilitator's check afterwards (None: not checked yet). Neither write touches the other.
    registered = models.BooleanField(
        _("reply beforehand"), null=True, blank=True, help_text=_("Empty: the library has not answered.")
    )
    attended = models.BooleanField(_("was there"), null=True, blank=True)
    people = models.PositiveSmallIntegerField(_("number of people"), default=1)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendances")
        constraints = [models.UniqueConstraint("meeting", "library", name="one_attendance_per_library_per_meeting")]

    def __str__(self):
        return f"{self.library} @ {self.meeting}"

    def get_additional_data(self):
        return {"meeting_id": self.meeting_id}


class Decision(models.Model):
    meeting = models.ForeignKey(Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="decisions")
    text = models.TextField(_("decision"))

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["pk"]

    def __str__(self):
        return self.text[:60]

    def get_additional_data(self):
        return {"meeting_id": self.meeting_id}


class MeetingActionItem(models.Model):
    """An action agreed in a meeting; it lands in the action plans of the libraries it is for."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="action_items"
    )
    title = models.CharField(_("action"), max_length=200)
    description = models.TextField(_("explanation"), blank=True)
    due_date = models.DateField(_("ready by"), null=True, blank=True)
    libraries = models.ManyToManyField(
        Organisation, verbose_name=_("for libraries"), related_name="meeting_action_items"
    )
    # Who makes sure it happens: a library of the group, and (optionally) a person there. The
    # person also becomes the owner of the action in their own library's plan.
    owner_library = models.ForeignKey(
        Organisation,
        verbose_name=_("lead library"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="led_meeting_action_items",
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("lead person"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="led_meeting_action_items",
    )

    class Meta:
        verbose_name = _("action item")
        verbose_name_plural = _("action items")
        ordering = ["pk"]

    def __str__(self):
        return self.title

    def get_additional_data(self):
        return {"meeting_id": self.meeting_id}


class MeetingActionLink(models.Model):
    """An action in a library's action plan that was agreed in a meeting: one per library per
    action item. The link lives here, so the action plans know nothing of theme groups."""

    item = models.ForeignKey(
        MeetingActionItem, verbose_name=_("action item"), on_delete=models.CASCADE, related_name="action_links"
    )
    action = models.OneToOneField(
        "actions.Action", verbose_name=_("action"), on_delete=models.CASCADE, related_name="meeting_link"
    )
    # The action's library, kept here so the database refuses a second action for the same
    # library and item (saving the same minutes twice).
    library = models.ForeignKey(
        Organisation, verbose_name=_("library"), on_delete=models.CASCADE, related_name="meeting_action_links"
    )

    class Meta:
        verbose_name = _("action from a meeting")
        verbose_name_plural = _("actions from meetings")
        constraints = [
            models.UniqueConstraint("item", "library", name="one_meeting_action_per_library_per_item"),
        ]

    def __str__(self):
        return str(self.item)

    def get_additional_data(self):
        return {"organisation_id": self.library_id, "meeting_id": self.item.meeting_id}


class CalendarToken(models.Model):
    """The secret in a person's private calendar link. Renewing it makes old links stop working."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_token")
    token = models.CharField(max_length=64, unique=True, default=secrets.token_urlsafe)
    created_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("calendar link")
        verbose_name_plural = _("calendar links")

    def __str__(self):
        return str(self.user)


class Retrospective(models.Model):
    """The year's retrospective ("terugblik") of one group: drafted from data, edited, published."""

    uuid = models.UUIDField(_("public id"), default=uuid.uuid4, unique=True, editable=False)
    group = models.OneToOneField(
        ThemeGroup, verbose_name=_("theme group"), on_delete=models.CASCADE, related_name="retrospective"
    )
    title = models.CharField(_("title"), max_length=200)
    introduction = models.TextField(_("introduction"), blank=True)
    body = models.TextField(_("text"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=RetrospectiveStatus.choices, default=RetrospectiveStatus.DRAFT
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)

    class Meta:
        verbose_name = _("retrospective")
        verbose_name_plural = _("retrospectives")

    def __str__(self):
        return self.title
