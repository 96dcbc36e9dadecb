from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResourcesConfig(AppConfig):
    name = "plein.resources"
    verbose_name = _("Resources")

    def ready(self):
        from auditlog.registry import auditlog

        from . import entries  # noqa: F401 (navigation, start page, demo: plein.common.registry)
        from .models import Resource, ResourceTopic

        auditlog.register(Resource, m2m_fields={"groups"})
        auditlog.register(ResourceTopic)
