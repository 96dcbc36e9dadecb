"""Security events for operators (BIO): one log record per event, in one shape.

Every security-relevant event — login, failed login, lockout, role change, export, API key
use, report shared — calls `log_event` once. It writes one record to the logger
"plein.security" (INFO) with:

    actor   who: the account's e-mail address, "api-key:<prefix>" for an API key, "system" for a
            command or task. For a failed login or a lockout: the login name tried when it is an
            account's e-mail address; otherwise "unknown-account:<12 hex>", a keyed hash of what
            was typed (people type their password into the name field; the log never holds
            that, and the same mistyped name still gives the same hash, so repeated tries
            can be followed)
    action  what: login, login_failed, lockout, role_change, invitation, export, api_key_used,
            api_key_refused, api_key_created, api_key_revoked, report_shared, report_share_revoked,
            report_share_opened
    object  on what: "<app>.<model>:<id>" or a short description ("registration:questions")
    result  success, failure or refused
    origin  the client's IP address (plein.common.utils.client_ip_address, as the lockout) or
            "system" outside a web request
    time    when (ISO 8601, UTC)

plus a few details per event. With PLEIN_LOG_FORMAT=json each of these is a field of the JSON
line, for the central log platform; the message repeats them as text. Services do not get the
request: `RequestOriginMiddleware` remembers the client's address for the length of a request.
"""

import contextvars
import logging

from django.utils import timezone

from plein.common.utils import client_ip_address

logger = logging.getLogger("plein.security")

_origin = contextvars.ContextVar("plein_security_origin", default=None)

SUCCESS, FAILURE, REFUSED = "success", "failure", "refused"


def client_ip(request) -> str | None:
    try:
        return client_ip_address(request)
    except Exception:  # never let the log break the request
        return None


def describe_actor(actor) -> str:
    if actor is None:
        return "system"
    if isinstance(actor, str):
        return actor or "unknown"
    if getattr(actor, "is_authenticated", False) and getattr(actor, "email", None):
        return actor.email
    prefix = getattr(actor, "prefix", None)
    if prefix is not None:  # an API key
        return f"api-key:{prefix}"
    if getattr(actor, "is_anonymous", False):
        return "anonymous"
    return str(actor)


def login_name(tried: str | None) -> str:
    """A login name for the log (failed login, lockout): the name itself when an account has
    it, else a keyed hash of it (see the module docstring)."""
    from django.contrib.auth import get_user_model
    from django.utils.crypto import salted_hmac

    tried = (tried or "").strip().lower()
    if not tried:
        return "unknown"
    try:
        known = get_user_model().objects.filter(email__iexact=tried).exists()
    except Exception:  # never let the log break the login
        known = False
    if known:
        return tried
    return "unknown-account:" + salted_hmac("plein.security.login_name", tried).hexdigest()[:12]


def describe_object(obj) -> str:
    if obj is None:
        return ""
    if isinstance(obj, str):
        return obj
    meta = getattr(obj, "_meta", None)
    if meta is not None:
        return f"{meta.label_lower}:{obj.pk}"
    return str(obj)


def log_event(action: str, *, actor=None, obj=None, result: str = SUCCESS, request=None, **details) -> dict:
    """Write one security event (see the module docstring); returns the fields written."""
    origin = client_ip(request) if request is not None else _origin.get()
    fields = {
        "event": "security",
        "action": action,
        "actor": describe_actor(actor),
        "object": describe_object(obj),
        "result": result,
        "origin": origin or "system",
        "at": timezone.now().isoformat(timespec="seconds"),
    }
    fields.update({f"detail_{key}": value for key, value in details.items()})
    extra_text = " ".join(f"{key}={value}" for key, value in details.items())
    logger.info(
        "security %s by %s on %s: %s from %s%s",
        action,
        fields["actor"],
        fields["object"] or "-",
        result,
        fields["origin"],
        f" ({extra_text})" if extra_text else "",
        extra=fields,
    )
    return fields


class RequestOriginMiddleware:
    """Remembers the client's address during a request, for events logged by services."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _origin.set(client_ip(request))
        try:
            return self.get_response(request)
        finally:
            _origin.reset(token)


# --- receivers: login, failed login, lockout (connected in AuditConfig.ready) --------------


def on_login(sender, request, user, **kwargs):
    log_event("login", actor=user, obj=user, request=request)


def on_login_failed(sender, credentials, request=None, **kwargs):
    credentials = credentials or {}
    tried = (credentials.get("email") or credentials.get("username") or credentials.get("login") or "").strip().lower()
    if not tried and request is not None:
        tried = (request.POST.get("login") or "").strip().lower()
    name = login_name(tried)
    locked = bool(getattr(request, "axes_locked_out", False)) if request is not None else False
    log_event("login_failed", actor=name, obj=f"account:{name}", result=REFUSED if locked else FAILURE, request=request)


def on_locked_out(sender, request, username, ip_address, **kwargs):
    name = login_name(username)
    log_event(
        "lockout",
        actor=name,
        obj=f"account:{name}",
        result=REFUSED,
        request=request,
        scope="address",
    )
