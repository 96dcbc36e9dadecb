"""The borging report a library writes for one municipality and one year, the frozen versions
it published and the share links to them."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from plein.organisations.models import Municipality, Organisation

from .choices import ReportStatus
from .privacy import personal_data_in

TEXT_FIELDS = ("foreword", "story_1", "story_2", "story_3")
MONEY_FIELDS = ("spuk_received", "spent_ido", "spent_promotion", "spent_network", "cofinancing")
PERSONAL_DATA_HELP = _(
    "Write nothing that shows who someone is: no names, e-mail addresses, phone numbers, "
    "addresses or citizen service numbers (BSN). Tell what happened, not who it was."
)


def _money(label, help_text=""):
    return models.DecimalField(
        label,
        max_digits=11,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100_000_000)],
        help_text=help_text,
    )


class Report(models.Model):
    uuid = models.UUIDField(_("public id"), default=uuid.uuid4, unique=True, editable=False)
    library = models.ForeignKey(
        Organisation, verbose_name=_("library"), on_delete=models.CASCADE, related_name="borging_reports"
    )
    municipality = models.ForeignKey(
        Municipality, verbose_name=_("municipality"), on_delete=models.PROTECT, related_name="borging_reports"
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=[MinValueValidator(2019), MaxValueValidator(2100)])
    status = models.CharField(_("status"), max_length=12, choices=ReportStatus.choices, default=ReportStatus.DRAFT)
    foreword = models.TextField(_("foreword"), blank=True, help_text=PERSONAL_DATA_HELP)
    story_1 = models.TextField(_("story 1"), blank=True, help_text=PERSONAL_DATA_HELP)
    story_2 = models.TextField(_("story 2"), blank=True, help_text=PERSONAL_DATA_HELP)
    story_3 = models.TextField(_("story 3 (optional)"), blank=True, help_text=PERSONAL_DATA_HELP)
    spuk_received = _money(_("Spuk amount received (euro)"))
    spent_ido = _money(_("Spent on setting up and keeping the IDO (euro)"))
    spent_promotion = _money(_("Spent on promotion (euro)"))
    spent_network = _money(_("Spent on directing the local network (euro)"))
    cofinancing = _money(_("Co-financing by the library (euro)"), _("What the library paid on top of the Spuk."))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("made by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("made on"), default=timezone.now)
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)

    class Meta:
        verbose_name = _("borging report")
        verbose_name_plural = _("borging reports")
        ordering = ["-year", "municipality__name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["library", "municipality", "year"], name="reports_one_per_municipality_year"
            )
        ]

    def __str__(self):
        return title_for(self.municipality.name, self.year)

    @property
    def title(self) -> str:
        return str(self)

    @property
    def stories(self) -> list[str]:
        return [s for s in (self.story_1, self.story_2, self.story_3) if s.strip()]

    def clean(self):
        errors = {}
        for name in TEXT_FIELDS:
            found = personal_data_in(getattr(self, name) or "")
            if found:
                errors[name] = _(
                    "This text seems to hold personal data (%(what)s). Remove it: the report goes to the municipality."
                ) % {"what": ", ".join(found)}
        spent = [getattr(self, n) for n in ("spent_ido", "spent_promotion", "spent_network")]
        if self.spuk_received is not None and any(v is not None for v in spent):
            total = sum(v for v in spent if v is not None)
            if total > self.spuk_received + (self.cofinancing or 0):
                errors["spent_network"] = _(
                    "Together the three purposes cost more than the Spuk and the co-financing together."
                )
        if errors:
            raise ValidationError(errors)

    def get_additional_data(self):
        return {"organisation_id": self.library_id}


def title_for(municipality: str, year) -> str:
    # A fixed Dutch title: it is the name of the document the municipality files.
    return f"Borgingsrapport IDO — {municipality} — {year}"


class ReportVersion(models.Model):
    """What the municipality received: a snapshot of every figure and text at publishing.
    Pages, PDF and CSV of a version read only `snapshot`, never live data."""

    uuid = models.UUIDField(_("public id"), default=uuid.uuid4, unique=True, editable=False)
    report = models.ForeignKey(Report, verbose_name=_("report"), on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField(_("version"))
    snapshot = models.JSONField(_("snapshot"))
    changes = models.JSONField(_("changes since the version before"), default=list, blank=True)
    published_at = models.DateTimeField(_("published on"), default=timezone.now)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("published version")
        verbose_name_plural = _("published versions")
        ordering = ["report", "-number"]
        constraints = [models.UniqueConstraint(fields=["report", "number"], name="reports_version_number_unique")]

    def __str__(self):
        return f"{self.report} (versie {self.number})"

    def get_additional_data(self):
        return {"organisation_id": self.report.library_id}


class ShareLink(models.Model):
    """A link an official without an account opens a published version with, until it
    expires or is revoked. Only a SHA-256 hash of the secret is stored."""

    uuid = models.UUIDField(_("public id"), default=uuid.uuid4, unique=True, editable=False)
    version = models.ForeignKey(
        ReportVersion, verbose_name=_("version"), on_delete=models.CASCADE, related_name="share_links"
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    expires_on = models.DateField(_("valid until and including"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("made by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("made on"), default=timezone.now)
    revoked_at = models.DateTimeField(_("revoked on"), null=True, blank=True)
    last_used_on = models.DateField(_("last opened on"), null=True, blank=True)

    class Meta:
        verbose_name = _("share link")
        verbose_name_plural = _("share links")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.version} — {self.expires_on}"

    def is_active(self, today=None) -> bool:
        today = today or timezone.localdate()
        return self.revoked_at is None and self.expires_on >= today

    def get_additional_data(self):
        return {"organisation_id": self.version.report.library_id}
