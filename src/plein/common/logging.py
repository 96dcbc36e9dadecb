"""Logging filters and the JSON formatter."""

import datetime
import logging

from pythonjsonlogger.json import JsonFormatter as BaseJsonFormatter


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
