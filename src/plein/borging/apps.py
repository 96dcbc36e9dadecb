from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BorgingConfig(AppConfig):
    name = "plein.borging"
    verbose_name = _("Borging")

    def ready(self):
        from auditlog.registry import auditlog

        from . import entries  # noqa: F401 (navigation, start page, demo: plein.common.registry)
        from .models import Assessment, AssessmentAction, HoursException, LocationProfile, OpeningHours, Scan

        auditlog.register(LocationProfile)
        auditlog.register(OpeningHours)
        auditlog.register(HoursException)
        auditlog.register(Scan)
        auditlog.register(Assessment)
        auditlog.register(AssessmentAction)

        # The action plans show "from the borging scan: <criterion>", without importing borging.
        from plein.actions import origins

        from .origins import RELATED, assessment_origin

        origins.register(related=RELATED, describe=assessment_origin)
