"""django-axes glue: which account a login attempt is for, from which address, the slower
per-account throttle, and the Dutch lockout page.

Two limits protect an account:
- per login name *and* address: AXES_FAILURE_LIMIT (5) wrong passwords in a row from one
  address lock the account for that address only, for AXES_COOLOFF_TIME (15 minutes). Someone
  who mistypes, or an attacker, cannot lock out a colleague at another desk or at home.
- per account, from any address: PLEIN_ACCOUNT_FAILURE_LIMIT (30) wrong passwords within
  PLEIN_ACCOUNT_FAILURE_WINDOW (an hour) lock the account everywhere until fewer than that
  fall in the last hour. This slows down guessing from many addresses. Attempts refused
  during a lockout do not count, so one address alone cannot reach it.
"""

from datetime import timedelta

from axes.handlers.database import AxesDatabaseHandler
from axes.models import AccessFailureLog
from django.conf import settings
from django.shortcuts import render
from django.utils import timezone


def username_from_request(request, credentials=None):
    value = None
    if credentials:
        value = credentials.get("email") or credentials.get("username") or credentials.get("login")
    if not value and request is not None:
        value = request.POST.get("login") or request.POST.get("email")
    return (value or "").strip().lower() or None


def account_failures(username) -> int:
    """Wrong passwords for this login name within the window, from any address."""
    if not username:
        return 0
    since = timezone.now() - settings.PLEIN_ACCOUNT_FAILURE_WINDOW
    return AccessFailureLog.objects.filter(username=username, attempt_time__gte=since).count()


def account_is_throttled(request, credentials=None) -> bool:
    return account_failures(username_from_request(request, credentials)) >= settings.PLEIN_ACCOUNT_FAILURE_LIMIT


class PleinAxesHandler(AxesDatabaseHandler):
    """axes' database handler (per login name and address) plus the per-account throttle.

    Needs AXES_ENABLE_ACCESS_FAILURE_LOG (every wrong password is a row) and
    AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False (a refused attempt is not a row)."""

    def is_locked(self, request, credentials=None) -> bool:
        if super().is_locked(request, credentials):
            return True
        if account_is_throttled(request, credentials):
            request.plein_account_throttled = True
            return True
        return False

    def user_login_failed(self, sender, credentials, request=None, **kwargs):
        super().user_login_failed(sender, credentials, request=request, **kwargs)
        if request is not None and not getattr(request, "axes_locked_out", False):
            if account_is_throttled(request, credentials):
                request.plein_account_throttled = True
                request.axes_locked_out = True
                request.axes_credentials = credentials
                from plein.audit.security import REFUSED, log_event, login_name

                name = login_name(username_from_request(request, credentials))
                log_event(
                    "lockout",
                    actor=name,
                    obj=f"account:{name}",
                    result=REFUSED,
                    request=request,
                    scope="account",
                )


def lockout_response(request, response=None, credentials=None, *args, **kwargs):
    if getattr(request, "plein_account_throttled", False):
        window = settings.PLEIN_ACCOUNT_FAILURE_WINDOW
        context = {
            "account_throttled": True,
            "failure_limit": settings.PLEIN_ACCOUNT_FAILURE_LIMIT,
            "minutes": int(window / timedelta(minutes=1)),
        }
    else:
        context = {
            "minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
            "failure_limit": settings.AXES_FAILURE_LIMIT,
        }
    return render(request, "accounts/lockout.html", context, status=429)
