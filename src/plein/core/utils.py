import uuid

from django.conf import settings


def is_uuid(value) -> bool:
    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return True


def absolute_url(path: str) -> str:
    """A full link for e-mails and calendars: the site address from the settings plus a path."""
    return settings.PLEIN_SITE_URL.rstrip("/") + path
