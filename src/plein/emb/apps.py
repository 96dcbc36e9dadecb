from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EmbConfig(AppConfig):
    name = "plein.emb"
    verbose_name = _("EMB in connection")

    def ready(self):
        from auditlog.registry import auditlog

        from . import entries  # noqa: F401 (navigation, start page, demo: plein.common.registry)
        from .models import Connection, ConnectionAction, EmbSettings, PortfolioEntry, Programme

        auditlog.register(Programme)
        auditlog.register(EmbSettings)
        auditlog.register(PortfolioEntry, m2m_fields={"locations", "partners"})
        auditlog.register(Connection)
        auditlog.register(ConnectionAction)

        # The action plans show where an action from a connection comes from, without importing EMB.
        from plein.actions import origins

        from .origins import RELATED, connection_origin

        origins.register(related=RELATED, describe=connection_origin)
