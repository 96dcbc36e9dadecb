"""Local development: `make run`. Safe defaults so no environment is needed."""

import os

os.environ.setdefault("SECRET_KEY", "dev-only-not-secret-plein")
os.environ.setdefault("DEBUG", "true")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost")
os.environ.setdefault("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
os.environ.setdefault("PLEIN_DEMO", "true")

from .base import *  # noqa: E402,F403

# Serve static files straight from the source folders; no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
