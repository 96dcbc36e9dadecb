from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PracticeCasesConfig(AppConfig):
    name = "plein.practicecases"
    verbose_name = _("Practice cases")

    def ready(self):
        from auditlog.registry import auditlog

        from .models import CaseReply, DigestLog, PracticeCase

        auditlog.register(PracticeCase)
        auditlog.register(CaseReply)
        auditlog.register(DigestLog)
