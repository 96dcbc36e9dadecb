from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BorgingConfig(AppConfig):
    name = "plein.borging"
    verbose_name = _("Borging")
