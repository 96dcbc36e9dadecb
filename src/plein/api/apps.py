from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "plein.api"
    label = "api"
    verbose_name = _("API")

    def ready(self):
        from auditlog.registry import auditlog

        from . import entries  # noqa: F401 (navigation, start page, demo: plein.common.registry)
        from .models import ApiToken

        # The hash is not the secret, but it is what a key is checked against: keep it out of the log.
        auditlog.register(ApiToken, exclude_fields=["secret_hash", "last_used_at"])
