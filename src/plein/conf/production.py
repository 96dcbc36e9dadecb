"""Production: behind a TLS-terminating proxy, served by gunicorn, static files by WhiteNoise.

Required environment (Plein refuses to start without them, one line per missing value, instead
of falling back to 127.0.0.1, SQLite and localhost): see REQUIRED below. Everything else has a
safe default; docs/beheerhandleiding.md lists every variable.
"""

import os

from django.core.exceptions import ImproperlyConfigured

REQUIRED = {
    "SECRET_KEY": "a long random secret (for example: python -c 'import secrets; print(secrets.token_urlsafe(50))')",
    "ALLOWED_HOSTS": "the host names Plein answers to, comma-separated (for example: plein.example.nl)",
    "DATABASE_URL": "the PostgreSQL database (postgres://user:password@host:5432/plein)",
    "PLEIN_SITE_URL": "the public address used in e-mails and calendar links (https://plein.example.nl)",
    "EMAIL_HOST": "the mail server that sends Plein's e-mail",
    "DEFAULT_FROM_EMAIL": "the sender of Plein's e-mail (Plein <noreply@example.nl>)",
}


def missing_settings(environ=os.environ) -> list[str]:
    return [name for name in REQUIRED if not environ.get(name, "").strip()]


_missing = missing_settings()
if _missing:
    raise ImproperlyConfigured(
        "Plein cannot start in production: required settings are missing.\n"
        + "\n".join(f"  {name} is not set: {REQUIRED[name]}" for name in _missing)
    )

os.environ.setdefault("PLEIN_LOG_FORMAT", "json")

from .base import *  # noqa: E402,F403
from .base import env  # noqa: E402

DEBUG = False
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage",
}
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# The lockout counts per visitor address: the one the proxy adds to X-Forwarded-For.
PLEIN_PROXY_COUNT = env.int("PLEIN_PROXY_COUNT", default=1)
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
