from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GuideConfig(AppConfig):
    name = "plein.guide"
    verbose_name = _("Ontwikkelplein guide")

    def ready(self):
        from auditlog.registry import auditlog

        from . import (
            entries,  # noqa: F401 (navigation, start page, demo: plein.common.registry)
            models,
        )

        for model in (
            models.GuideVersion,
            models.Phase,
            models.Step,
            models.StepItem,
            models.Trajectory,
            models.Answer,
            models.Tick,
            models.StepState,
            models.Partner,
            models.GuideActionLink,
        ):
            auditlog.register(model)

        from django.db.models.signals import post_migrate

        post_migrate.connect(_seed_first_version, sender=self)


def _seed_first_version(sender, using="default", **kwargs):
    """Every installation starts with the first published version of the guide (content as
    data: facilitators edit it from there). Does nothing once any version exists."""
    from django.db import connections

    from .models import GuideVersion
    from .services import guide_seed_first_version

    if "guide_guideversion" not in connections[using].introspection.table_names():
        return
    if not GuideVersion.objects.using(using).exists():
        guide_seed_first_version()
