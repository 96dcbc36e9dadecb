from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistrationConfig(AppConfig):
    name = "plein.registration"
    verbose_name = _("IDO registration")

    def ready(self):
        from auditlog.registry import auditlog

        from .models import Category, Visit

        auditlog.register(Category)
        auditlog.register(Visit)
