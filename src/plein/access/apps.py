from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccessConfig(AppConfig):
    name = "plein.access"
    verbose_name = _("Access")

    def ready(self):
        from plein.organisations import visibility

        from . import (
            rules,  # noqa: F401 (the permissions; `rules` autodiscovery finds it too)
            selectors,
        )

        # organisations and accounts stand below access: they filter through it by this hook.
        visibility.register(selectors)
