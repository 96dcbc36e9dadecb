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

        from plein.access import relations

        # The staff of the other libraries in a library's theme groups see its portfolio when it
        # shares it: access decides who they are, emb says which libraries share.
        relations.register_sharing(
            "emb", lambda: EmbSettings.objects.filter(shared_with_groups=True).values("library_id")
        )
