from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ThemeGroupsConfig(AppConfig):
    name = "plein.themegroups"
    verbose_name = _("Theme groups")

    def ready(self):
        from auditlog.registry import auditlog

        from plein.access import relations

        from . import (
            entries,  # noqa: F401 (navigation, start page, demo: plein.common.registry)
            models,
        )
        from .coaching import Coaching

        relations.register_coaching(Coaching())

        for model in [
            models.ProgrammeYear,
            models.ThemeGroup,
            models.GroupMembership,
            models.Meeting,
            models.AgendaItem,
            models.Attendance,
            models.Decision,
            models.MeetingActionItem,
            models.MeetingActionLink,
            models.Retrospective,
        ]:
            auditlog.register(model)
        auditlog.register(models.Enrollment, exclude_fields=[])
        auditlog.register(models.CalendarToken, exclude_fields=["token"])

        # The action plans show which meeting an action comes from, without importing theme groups.
        from plein.actions import origins

        from .origins import RELATED, meeting_origin

        origins.register(related=RELATED, describe=meeting_origin)
