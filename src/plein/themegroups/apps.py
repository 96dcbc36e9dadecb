from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ThemeGroupsConfig(AppConfig):
    name = "plein.themegroups"
    verbose_name = _("Theme groups")

    def ready(self):
        from auditlog.registry import auditlog

        from plein.access import relations

        from . import models
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
            models.Retrospective,
        ]:
            auditlog.register(model)
        auditlog.register(models.Enrollment, exclude_fields=[])
        auditlog.register(models.CalendarToken, exclude_fields=["token"])
