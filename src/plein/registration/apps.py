from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistrationConfig(AppConfig):
    name = "plein.registration"
    verbose_name = _("IDO registration")

    def ready(self):
        from auditlog.registry import auditlog

        from plein.organisations.signals import location_moved

        from . import (
            entries,  # noqa: F401 (navigation, start page, demo: plein.common.registry)
            rollups,
        )
        from .models import Category, ImportJob, Visit

        # A branch moved to another library or province: its figures move along.
        location_moved.connect(rollups.location_moved_receiver, dispatch_uid="registration.location_moved")

        auditlog.register(Category)
        auditlog.register(Visit)
        # The import itself is in the history (who, when, which file); its visits are written
        # in bulk, without an entry each.
        auditlog.register(ImportJob, include_fields=["filename", "status", "visits", "questions", "error_count"])
