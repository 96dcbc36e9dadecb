"""Logging filters."""

import logging


class ForbiddenWithoutTraceback(logging.Filter):
    """django.request logs every PermissionDenied with its traceback. A 403 is an everyday
    event (someone followed a link they have no right to), not an error in Plein: keep the one
    line ("Forbidden (Permission denied): /path/"), drop the traceback."""

    def filter(self, record):
        if getattr(record, "status_code", None) == 403:
            record.exc_info = None
            record.exc_text = None
        return True
