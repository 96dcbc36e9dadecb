"""Logging filters and the JSON formatter."""

import datetime
import logging
import re

from pythonjsonlogger.json import JsonFormatter as BaseJsonFormatter

# Addresses that are themselves the key to something: a calendar feed, a shared report, an
# invitation, a password reset. Whoever reads them in a log could open what they open.
SECRET_IN_PATH = re.compile(r"(/agenda/|/gedeeld/rapport/|/uitnodiging/|/account/password/reset/key/)[^/?#.\s\"']+")


def redact_secrets(text: str) -> str:
    """The text with the secret part of such addresses replaced by [redacted]."""
    return SECRET_IN_PATH.sub(r"\1[redacted]", text)


class RedactSecretPaths(logging.Filter):
    """On the console handler: no log line carries a secret address (django.request logs
    "Not Found: /gedeeld/rapport/<key>/" for an unknown or revoked link)."""

    def filter(self, record):
        try:
            message = record.getMessage()
        except Exception:  # a malformed call: the handler reports it, as without this filter
            return True
        redacted = redact_secrets(message)
        if redacted != message:
            record.msg, record.args = redacted, ()
        return True


class ForbiddenWithoutTraceback(logging.Filter):
    """django.request logs every PermissionDenied with its traceback. A 403 is an everyday
    event (someone followed a link they have no right to), not an error in Plein: keep the one
    line ("Forbidden (Permission denied): /path/"), drop the traceback."""

    def filter(self, record):
        if getattr(record, "status_code", None) == 403:
            record.exc_info = None
            record.exc_text = None
        return True


class JsonFormatter(BaseJsonFormatter):
    """One JSON object per line (PLEIN_LOG_FORMAT=json): time (ISO 8601, UTC), level, logger,
    message, and every extra field a record carries (the security events' actor, action,
    object, result, origin), for a central log platform to index. python-json-logger does the
    work; a record's exception comes along as `exc_info` text."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("fmt", "%(message)s")
        kwargs.setdefault("json_ensure_ascii", False)
        super().__init__(*args, **kwargs)

    def add_fields(self, log_record, record, message_dict):
        super().add_fields(log_record, record, message_dict)
        log_record["time"] = datetime.datetime.fromtimestamp(record.created, tz=datetime.UTC).isoformat(
            timespec="milliseconds"
        )
        log_record["level"] = record.levelname
        log_record["logger"] = record.name
        log_record.pop("request", None)  # django.request's HttpRequest: not JSON
