"""IDO registration, anonymous by design.

A visit and its questions hold categories, a date, a branch and the staff member who
registered it — and nothing about the visitor. There is deliberately no field for a name,
BSN, birth date, address, phone number, e-mail address or free-text notes: data that is never
stored cannot leak. A test guards this list of fields.
"""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from plein.organisations.models import Location

from .choices import CategoryKind, ImportPhase, ImportStatus, Metric, Span, VisitOrigin

# A desk worker may undo their own registration this long after making it.
UNDO_MINUTES = 15


class Category(models.Model):
    """One answer option of the registration form, e.g. topic "DigiD". Retiring keeps history."""

    kind = models.CharField(_("question"), max_length=20, choices=CategoryKind.choices)
    code = models.SlugField(_("code"), max_length=50, help_text=_("Stable code, used in exports and the API."))
    label = models.CharField(_("label"), max_length=100)
    position = models.PositiveSmallIntegerField(_("order"), default=0, help_text=_("Common choices first."))
    national_code = models.CharField(
        _("code in the national registration"),
        max_length=50,
        blank=True,
        help_text=_("The column value in the export for accountability."),
    )
    retired_at = models.DateTimeField(
        _("retired at"), null=True, blank=True, help_text=_("Retired options are no longer offered; history stays.")
    )
    programme = models.ForeignKey(
        "emb.Programme",
        verbose_name=_("EMB programme"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="referral_categories",
        limit_choices_to={"library__isnull": True},
        help_text=_(
            "Only for a referral option: the national EMB programme it refers to. The figures count "
            "referrals into EMB programmes by this link."
        ),
    )

    class Meta:
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        ordering = ["kind", "position", "label"]
        constraints = [
            models.UniqueConstraint("kind", "code", name="category_code_unique_per_kind"),
        ]

    def __str__(self):
        return self.label

    @property
    def is_active(self) -> bool:
        return self.retired_at is None

    def clean(self):
        if self.programme_id and self.kind != CategoryKind.REFERRAL:
            raise ValidationError({"programme": gettext("Only a referral option can name an EMB programme.")})


class Visit(models.Model):
    uuid = models.UUIDField(_("public id"), default=uuid.uuid4, unique=True, editable=False)
    location = models.ForeignKey(
        Location, verbose_name=_("IDO location"), on_delete=models.PROTECT, related_name="visits"
    )
    day = models.DateField(_("date"), default=timezone.localdate, db_index=True)
    channel = models.ForeignKey(
        Category,
        verbose_name=_("channel"),
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"kind": CategoryKind.CHANNEL},
    )
    duration = models.ForeignKey(
        Category,
        verbose_name=_("duration"),
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"kind": CategoryKind.DURATION},
    )
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registered by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("registered at"), default=timezone.now)
    origin = models.CharField(_("origin"), max_length=10, choices=VisitOrigin.choices, default=VisitOrigin.DESK)
    idempotency_key = models.CharField(
        _("idempotency key"),
        max_length=64,
        help_text=_("Chosen by the browser or API client, so a retried entry is stored once."),
    )
    # An imported visit names its import. While that import runs, the visit is `pending`: it
    # counts nowhere (no rollup, no export, no list) until the import adds it to the figures.
    import_job = models.ForeignKey(
        "ImportJob", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", editable=False
    )
    pending = models.BooleanField(default=False, editable=False)

    class Meta:
        verbose_name = _("visit")
        verbose_name_plural = _("visits")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["location", "day"])]
        constraints = [
            # Keys are unique per origin: desk (and API) keys and import keys never meet.
            models.UniqueConstraint(fields=["origin", "idempotency_key"], name="visit_key_unique_per_origin"),
        ]

    def __str__(self):
        return f"{self.location} {self.day}"

    def may_be_undone_by(self, user, now=None) -> bool:
        """Only by the person who registered it, shortly after (`UNDO_MINUTES`)."""
        from datetime import timedelta

        now = now or timezone.now()
        return self.registered_by_id == user.pk and self.created_at >= now - timedelta(minutes=UNDO_MINUTES)

    def get_additional_data(self):
        return {"organisation_id": self.location.organisation_id}


class Question(models.Model):
    visit = models.ForeignKey(Visit, verbose_name=_("visit"), on_delete=models.CASCADE, related_name="questions")
    domain = models.ForeignKey(Category, verbose_name=_("domain"), on_delete=models.PROTECT, related_name="+")
    topic = models.ForeignKey(Category, verbose_name=_("topic"), on_delete=models.PROTECT, related_name="+")
    organisation = models.ForeignKey(
        Category, verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    help = models.ForeignKey(Category, verbose_name=_("help given"), on_delete=models.PROTECT, related_name="+")
    digid_follow_up = models.ForeignKey(
        Category, verbose_name=_("DigiD follow-up"), on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    referral = models.ForeignKey(
        Category, verbose_name=_("referred to"), on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    # Next to the kind of referral: the published offer of the library the resident was sent to
    # ("Digisterker, dinsdag in Centrum"). Counted per offer in the rollups (Metric.REFERRAL_OFFER).
    offer = models.ForeignKey(
        "offers.Offer",
        verbose_name=_("referred to offer"),
        on_delete=models.SET_NULL,
        related_name="referrals",
        null=True,
        blank=True,
    )

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["pk"]

    def __str__(self):
        return str(self.topic_id)

    def category_ids(self) -> list[int]:
        return [
            pk
            for pk in (
                self.domain_id,
                self.topic_id,
                self.organisation_id,
                self.help_id,
                self.digid_follow_up_id,
                self.referral_id,
            )
            if pk
        ]


class DailyCount(models.Model):
    """Rollup: per day, branch and metric (and category, for the breakdowns) a count, kept in
    step with every registration, change and undo by the services. Figures read only this."""

    day = models.DateField()
    # No index of its own: the (branch, day) index below serves it.
    location = models.ForeignKey(Location, on_delete=models.CASCADE, related_name="+", db_index=False)
    metric = models.CharField(max_length=20, choices=Metric.choices)
    category = models.ForeignKey(Category, on_delete=models.PROTECT, null=True, related_name="+")
    value = models.IntegerField(default=0)

    class Meta:
        verbose_name = _("daily count")
        verbose_name_plural = _("daily counts")
        # Every read of this table names its branches (the country and provinces read
        # AreaCount). The unique indexes are partial (NULL is the total), so a query can only
        # use them when it says which half it wants; reads use the plain (branch, day) index.
        constraints = [
            models.UniqueConstraint(
                "location",
                "day",
                "metric",
                "category",
                name="daily_count_unique",
                condition=Q(category__isnull=False),
            ),
            models.UniqueConstraint(
                "location", "day", "metric", name="daily_count_total_unique", condition=Q(category__isnull=True)
            ),
        ]
        indexes = [
            models.Index(fields=["location", "day"], name="daily_count_branch_day"),
            # The totals per day (the time series): with the metric before the day, a branch's
            # visits or questions of a year are one range of the index, not every category's
            # row of those days (SQLite does not choose the total's unique index for a range
            # of days: 0.7 s instead of 0.05 s for the largest library's year).
            models.Index(
                fields=["location", "metric", "day"],
                name="daily_count_total_by_metric",
                condition=Q(category__isnull=True),
            ),
        ]

    def __str__(self):
        return f"{self.day} {self.location_id} {self.metric} {self.category_id}: {self.value}"


class AreaCount(models.Model):
    """Coarser rollups, so that a big scope reads a few thousand rows instead of millions:
    per month for each branch (area "L-<id>"), and per day and per month for each library
    ("B-<organisation id>"), each province ("P-ZH") and the whole country ("NL"). Kept in step
    with DailyCount by the same services; `category_id` 0 is the total of a metric (a plain
    number, so one unique key fits all)."""

    span = models.CharField(max_length=5, choices=Span.choices)
    start = models.DateField(help_text="The day, or the first day of the month.")
    area = models.CharField(max_length=20)
    metric = models.CharField(max_length=20, choices=Metric.choices)
    category_id = models.IntegerField(default=0)
    value = models.IntegerField(default=0)

    class Meta:
        verbose_name = _("area count")
        verbose_name_plural = _("area counts")
        constraints = [
            models.UniqueConstraint("area", "span", "start", "metric", "category_id", name="area_count_unique"),
        ]

    def __str__(self):
        return f"{self.area} {self.span} {self.start} {self.metric} {self.category_id}: {self.value}"


class ImportJob(models.Model):
    """One import of historic registrations, run as a background task: its status and progress
    for the page, and what was wrong when nothing was imported."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("imported by"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("started at"), default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    file = models.FileField(upload_to="imports/", blank=True)
    filename = models.CharField(_("file"), max_length=255)
    status = models.CharField(_("status"), max_length=10, choices=ImportStatus.choices, default=ImportStatus.QUEUED)
    phase = models.CharField(max_length=10, choices=ImportPhase.choices, blank=True)
    rows_checked = models.PositiveIntegerField(default=0)
    rows_total = models.PositiveIntegerField(default=0)
    rows_written = models.PositiveIntegerField(default=0)
    rows_published = models.PositiveIntegerField(default=0)
    visits = models.PositiveIntegerField(default=0)
    questions = models.PositiveIntegerField(default=0)
    visits_skipped = models.PositiveIntegerField(default=0)
    error_count = models.PositiveIntegerField(default=0)
    first_errors = models.JSONField(default=list, blank=True)  # [[line, reason], ...]
    errors_file = models.FileField(upload_to="imports/", blank=True)
    problem = models.CharField(max_length=500, blank=True)

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.filename} ({self.get_status_display()})"

    @property
    def finished(self) -> bool:
        return self.status in (ImportStatus.DONE, ImportStatus.FAILED)
