from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommonConfig(AppConfig):
    name = "plein.common"
    verbose_name = _("Plein")

    def ready(self):
        from django.conf import settings
        from django.forms import BaseForm

        if getattr(settings, "PLEIN_OTEL", False):  # off by default: then nothing of OpenTelemetry is imported
            from .tracing import setup

            setup()

        # Plein validates on the server and shows a Dutch message beside the field. The HTML
        # `required` attribute would make the NL Design System CSS paint every empty required
        # field red (:invalid) before anyone typed; `aria-required` (added by the field
        # template tag) tells assistive technology instead.
        BaseForm.use_required_attribute = False
