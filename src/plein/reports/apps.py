"""The borging report a municipality receives per library and year: drafted by the coordinator,
frozen when published, versioned, shared by link. A feature (reads borging and registration)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "plein.reports"
    verbose_name = _("Borging reports")

    def ready(self):
        from auditlog.registry import auditlog

        from . import entries  # noqa: F401 - registers navigation, start links and the demo
        from .models import Report, ReportVersion, ShareLink

        auditlog.register(Report, exclude_fields=["updated_at"])
        auditlog.register(ReportVersion, include_fields=["number", "published_at"])
        auditlog.register(ShareLink, include_fields=["expires_on", "revoked_at", "last_used_on"])
