from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "plein.audit"
    verbose_name = _("History of changes")

    def ready(self):
        from axes.signals import user_locked_out
        from django.contrib.auth.signals import user_logged_in, user_login_failed

        from . import security

        user_logged_in.connect(security.on_login, dispatch_uid="plein_security_login")
        user_login_failed.connect(security.on_login_failed, dispatch_uid="plein_security_login_failed")
        user_locked_out.connect(security.on_locked_out, dispatch_uid="plein_security_locked_out")
