"""The IDO service profile of a branch (with its weekly hours and exceptions) and the borging
scan of a library per year (an assessment per criterion, and the actions made from them)."""

import uuid

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, URLValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from plein.organisations.models import Location, Organisation

from . import criteria
from .choices import CriterionStatus, HoursKind, Scenario, Weekday

TRAININGS = (
    ("elearning", _("IDO e-learning")),
    ("conversation", _("conversation skills")),
    ("privacy", _("privacy in het IDO")),
)


class LocationProfile(models.Model):
    """How the IDO at one branch is run: scenario, place, people, training, promotion, G!DS.
    No names: only counts and dates."""

    location = models.OneToOneField(
        Location, verbose_name=_("branch"), on_delete=models.CASCADE, related_name="ido_profile"
    )
    scenario = models.CharField(_("scenario"), max_length=30, choices=Scenario.choices, default=Scenario.BASIS)
    in_library_building = models.BooleanField(
        _("in a library building"),
        default=True,
        help_text=_("Untick when the IDO is somewhere else, for example in a community centre or town hall."),
    )
    paid_staff = models.PositiveSmallIntegerField(
        _("paid staff"), default=0, help_text=_("How many paid staff work at the IDO.")
    )
    volunteers = models.PositiveSmallIntegerField(
        _("volunteers"), default=0, help_text=_("How many volunteers work at the IDO.")
    )
    elearning_count = models.PositiveSmallIntegerField(_("completed the IDO e-learning"), default=0)
    elearning_last = models.DateField(_("last completed (IDO e-learning)"), null=True, blank=True)
    conversation_count = models.PositiveSmallIntegerField(_("completed conversation skills"), default=0)
    conversation_last = models.DateField(_("last completed (conversation skills)"), null=True, blank=True)
    privacy_count = models.PositiveSmallIntegerField(_("completed privacy in het IDO"), default=0)
    privacy_last = models.DateField(_("last completed (privacy in het IDO)"), null=True, blank=True)
    house_style_signage = models.BooleanField(
        _("signage in the IDO house style"),
        default=False,
        help_text=_("A recognisable place with signs and material in the IDO house style."),
    )
    last_promotion_on = models.DateField(_("last promotion activity"), null=True, blank=True)
    last_promotion_note = models.CharField(
        _("what was done"), max_length=300, blank=True, help_text=_("For example: flyer in the local paper.")
    )
    gids_checked_on = models.DateField(
        _("G!DS entry last checked"),
        null=True,
        blank=True,
        help_text=_("When someone last checked that this branch's IDO offer in G!DS is correct."),
    )
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)

    class Meta:
        verbose_name = _("IDO service profile")
        verbose_name_plural = _("IDO service profiles")

    def __str__(self):
        return str(self.location)

    @property
    def staff_total(self) -> int:
        return (self.paid_staff or 0) + (self.volunteers or 0)

    def training_count(self, key) -> int:
        return getattr(self, f"{key}_count") or 0

    @property
    def is_trained(self) -> bool:
        """The rule of `criteria.py`: each of the three trainings done by at least one person,
        and the e-learning by everyone who works at the IDO."""
        if self.staff_total == 0:
            return False
        counts = [self.training_count(key) for key, _label in TRAININGS]
        return all(count >= 1 for count in counts) and self.elearning_count >= self.staff_total

    def clean(self):
        errors = {}
        for key, _label in TRAININGS:
            count = getattr(self, f"{key}_count")
            if count is not None and count > self.staff_total:
                errors[f"{key}_count"] = _("At most %(total)s: the number of paid staff and volunteers together.") % {
                    "total": self.staff_total
                }
            last = getattr(self, f"{key}_last")
            if last is not None and last > timezone.localdate():
                errors[f"{key}_last"] = _("This date lies in the future. Give the date it was completed.")
            if last is not None and not count:
                errors.setdefault(f"{key}_count", _("Give how many people completed it, or leave the date empty."))
        if errors:
            raise ValidationError(errors)

    def get_additional_data(self):
        return {"organisation_id": self.location.organisation_id, "location_id": self.location_id}


class OpeningHours(models.Model):
    """One block of IDO hours in the week: on a weekday, from opens to closes."""

    profile = models.ForeignKey(
        LocationProfile, verbose_name=_("profile"), on_delete=models.CASCADE, related_name="hours"
    )
    weekday = models.PositiveSmallIntegerField(_("day"), choices=Weekday.choices)
    opens = models.TimeField(_("opens at"))
    closes = models.TimeField(_("closes at"))
    kind = models.CharField(_("kind"), max_length=10, choices=HoursKind.choices, default=HoursKind.OPEN)

    class Meta:
        verbose_name = _("IDO hours")
        verbose_name_plural = _("IDO hours")
        ordering = ["weekday", "opens"]

    def __str__(self):
        return f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"

    @property
    def minutes(self) -> int:
        return (self.closes.hour * 60 + self.closes.minute) - (self.opens.hour * 60 + self.opens.minute)

    def clean(self):
        if self.opens is not None and self.closes is not None and self.closes <= self.opens:
            raise ValidationError({"closes": _("The end time must be later than the start time.")})

    def get_additional_data(self):
        return {"profile_id": self.profile_id}


class HoursException(models.Model):
    """A period with other hours: closed (a holiday) or open at other times, with a note."""

    profile = models.ForeignKey(
        LocationProfile, verbose_name=_("profile"), on_delete=models.CASCADE, related_name="exceptions"
    )
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until and including"))
    closed = models.BooleanField(_("closed"), default=True)
    opens = models.TimeField(_("open from"), null=True, blank=True)
    closes = models.TimeField(_("open until"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=200, blank=True, help_text=_("For example: Christmas holiday."))

    class Meta:
        verbose_name = _("exception to the hours")
        verbose_name_plural = _("exceptions to the hours")
        ordering = ["starts_on", "pk"]

    def __str__(self):
        return f"{self.starts_on}–{self.ends_on}"

    def clean(self):
        errors = {}
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = _("The last day cannot be before the first day.")
        if not self.closed:
            if self.opens is None:
                errors["opens"] = _("Give the other start time, or tick closed.")
            if self.closes is None:
                errors["closes"] = _("Give the other end time, or tick closed.")
            if self.opens and self.closes and self.closes <= self.opens:
                errors["closes"] = _("The end time must be later than the start time.")
        if errors:
            raise ValidationError(errors)

    def get_additional_data(self):
        return {"profile_id": self.profile_id}


class Scan(models.Model):
    """The borging scan of a library for one year: the library's own work (Purpose.PLAN)."""

    uuid = models.UUIDField(_("public id"), default=uuid.uuid4, unique=True, editable=False)
    library = models.ForeignKey(
        Organisation, verbose_name=_("library"), on_delete=models.CASCADE, related_name="borging_scans"
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=[MinValueValidator(2019), MaxValueValidator(2100)])
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)

    class Meta:
        verbose_name = _("borging scan")
        verbose_name_plural = _("borging scans")
        ordering = ["-year", "library__name"]
        constraints = [
            models.UniqueConstraint(
                "library",
                "year",
                name="borging_scan_unique_per_library_year",
                violation_error_message=_("This library already has a borging scan for this year."),
            ),
        ]

    def __str__(self):
        return f"{self.library} {self.year}"

    def get_additional_data(self):
        return {"organisation_id": self.library_id}


def evidence_upload_to(instance, filename):
    # Never the person's own file name on disk (see resources.models.resource_upload_to).
    extension = filename.rsplit(".", 1)[-1].lower()
    return f"borging/{timezone.now():%Y}/{uuid.uuid4().hex}.{extension}"


class Assessment(models.Model):
    """The state of one criterion in a scan: a status (empty: not assessed yet; for a derived
    criterion: Plein's proposal stands), evidence and, for some criteria, a value."""

    uuid = models.UUIDField(_("public id"), default=uuid.uuid4, unique=True, editable=False)
    scan = models.ForeignKey(Scan, verbose_name=_("scan"), on_delete=models.CASCADE, related_name="assessments")
    # A key of `criteria.CRITERIA` (content, not choices: a new criterion needs no migration).
    criterion = models.CharField(_("criterion"), max_length=40)
    status = models.CharField(_("status"), max_length=10, choices=CriterionStatus.choices, blank=True)
    confirmed_derived = models.BooleanField(
        _("Plein's proposal confirmed"),
        default=False,
        help_text=_("For a criterion Plein works out itself: the coordinator agrees with the proposal."),
    )
    note = models.TextField(_("note"), blank=True)
    link = models.URLField(_("link"), max_length=500, blank=True, validators=[URLValidator(schemes=["http", "https"])])
    file = models.FileField(_("file"), upload_to=evidence_upload_to, max_length=255, blank=True)
    original_filename = models.CharField(_("file name"), max_length=255, blank=True)
    content_type = models.CharField(_("type of file"), max_length=100, blank=True)
    amount = models.DecimalField(
        _("amount in euros"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    until = models.DateField(_("until"), null=True, blank=True)
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)

    class Meta:
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        ordering = ["scan", "pk"]
        constraints = [
            models.UniqueConstraint(
                "scan",
                "criterion",
                name="borging_assessment_unique_per_scan",
                violation_error_message=_("This criterion is already in the scan."),
            ),
        ]

    def __str__(self):
        return str(self.definition.title)

    @property
    def definition(self) -> criteria.Criterion:
        return criteria.BY_KEY[self.criterion]

    def clean(self):
        if self.criterion not in criteria.BY_KEY:
            raise ValidationError({"criterion": _("This criterion does not exist.")})

    def get_additional_data(self):
        return {"organisation_id": self.scan.library_id, "scan_id": self.scan_id}


class AssessmentAction(models.Model):
    """An action in the library's action plan made from a criterion of the scan."""

    assessment = models.ForeignKey(
        Assessment, verbose_name=_("criterion"), on_delete=models.CASCADE, related_name="action_links"
    )
    action = models.OneToOneField(
        "actions.Action", verbose_name=_("action"), on_delete=models.CASCADE, related_name="borging_link"
    )

    class Meta:
        verbose_name = _("action from the borging scan")
        verbose_name_plural = _("actions from the borging scan")

    def __str__(self):
        return str(self.action)

    def get_additional_data(self):
        return {"organisation_id": self.action.library_id}
