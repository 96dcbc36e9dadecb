from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationsConfig(AppConfig):
    name = "plein.organisations"
    verbose_name = _("Organisations")

    def ready(self):
        from auditlog.registry import auditlog

        from . import entries  # noqa: F401 (navigation, start page, demo: plein.common.registry)
        from .models import Location, Municipality, Organisation

        auditlog.register(Organisation, m2m_fields={"municipalities"})
        auditlog.register(Location)
        auditlog.register(Municipality)
