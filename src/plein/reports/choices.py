"""The states of a borging report and the steps between them (checked in `services`)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    PUBLISHED = "published", _("published")
    # Published before, now being corrected: the municipality still reads the last version.
    CORRECTING = "correcting", _("being corrected")


REPORT_TRANSITIONS = {
    ReportStatus.DRAFT: {ReportStatus.PUBLISHED},
    ReportStatus.PUBLISHED: {ReportStatus.CORRECTING},
    ReportStatus.CORRECTING: {ReportStatus.PUBLISHED},
}
