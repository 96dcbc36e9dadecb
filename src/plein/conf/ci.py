"""Test settings: fast hashing, mail kept in memory, nothing from outside."""

import os

os.environ.setdefault("SECRET_KEY", "ci-only-not-secret-plein")
os.environ.setdefault("ALLOWED_HOSTS", "*")
os.environ.setdefault("EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend")
os.environ.setdefault("CACHE_URL", "locmemcache://")

from .base import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# Serve static files straight from the source folders; no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
