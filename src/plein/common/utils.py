import hashlib
import uuid

from django.conf import settings


def is_uuid(value) -> bool:
    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return True


def secret_hash(secret: str) -> str:
    """What Plein stores of a secret handed out once (an invitation, an API key, a share link):
    its SHA-256, so the database never holds the secret itself."""
    return hashlib.sha256(secret.encode()).hexdigest()


def absolute_url(path: str) -> str:
    """A full link for e-mails and calendars: the site address from the settings plus a path."""
    return settings.PLEIN_SITE_URL.rstrip("/") + path


# A cell that starts with one of these runs as a formula in Excel or LibreOffice (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    """A value for a CSV or Excel export: text that would start a formula gets a leading
    apostrophe, so what people typed (a name, a motivation) never runs. Other values as they are."""
    if isinstance(value, str) and value[:1] in FORMULA_STARTS:
        return "'" + value
    return value


def spreadsheet_row(values) -> list:
    return [spreadsheet_safe(v) for v in values]


def from_spreadsheet(value: str) -> str:
    """The inverse for an import of such an export: "'=text" is "=text" again."""
    if value[:1] == "'" and value[1:2] in FORMULA_STARTS:
        return value[1:]
    return value


def client_ip_address(request):
    """The visitor's address. Behind PLEIN_PROXY_COUNT proxies that each add the address they
    saw to X-Forwarded-For, it is that many places from the right; what the visitor wrote in
    the header themselves lies further left and is ignored. Without proxies: REMOTE_ADDR.
    (The login lockout and the security log both use it.)"""
    count = getattr(settings, "PLEIN_PROXY_COUNT", 0)
    if count:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= count:
            return forwarded[-count]
    return request.META.get("REMOTE_ADDR")
