"""Settings shared by every environment. Every value that differs between machines comes
from the environment (12-factor), read through django-environ."""

from datetime import timedelta
from pathlib import Path

import environ
from django.utils.translation import gettext_lazy as _

SRC_DIR = Path(__file__).resolve().parent.parent.parent  # src/
BASE_DIR = SRC_DIR.parent  # repository root
DJANGO_PROJECT_DIR = SRC_DIR / "plein"

env = environ.Env()

SECRET_KEY = env.str("SECRET_KEY")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# A file under var/ (git ignores it) unless DATABASE_URL points at PostgreSQL.
VAR_DIR = Path(env.str("VAR_DIR", default=str(BASE_DIR / "var")))
DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'plein.sqlite3'}"),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web process and the task worker read while the other writes.
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].setdefault("init_command", "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;")
    DATABASES["default"]["OPTIONS"].setdefault("transaction_mode", "IMMEDIATE")
    # A write waits up to 20 s for the one write lock (Python's default is 5 s, then an error):
    # on a busy machine a desk waits a moment longer instead of answering 500.
    DATABASES["default"]["OPTIONS"].setdefault("timeout", 20)
else:
    # Keep PostgreSQL connections open between requests: a new connection starts a server
    # process each time, which costs more than most of Plein's requests themselves.
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    # A database that does not answer (network trouble) fails fast instead of holding a worker
    # (and /readyz) for minutes; a refused connection fails at once anyway.
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].setdefault("connect_timeout", env.int("DATABASE_CONNECT_TIMEOUT", default=5))
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.admin",
    "django.contrib.humanize",
    "django.forms",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "axes",
    "rules.apps.AutodiscoverRulesConfig",
    "auditlog",
    "django_htmx",
    "template_partials",
    "django_tasks",
    "django_tasks_db",
    "csp",
    # Plein's own apps, one per domain; the floor first, the roof last (docs/architecture.md).
    "plein.common",
    "plein.accounts",
    "plein.organisations",
    "plein.audit",
    "plein.access",
    "plein.themegroups",
    "plein.actions",
    "plein.registration",
    "plein.practicecases",
    "plein.resources",
    "plein.guide",
    "plein.emb",
    "plein.api",
    "plein.borging",
    "plein.reports",
    "plein.offers",
    "plein.site",
]

MIDDLEWARE = [
    # /livez and /readyz for the platform's probes, before the host check and HTTPS redirect.
    "plein.common.health.HealthProbeMiddleware",
    "plein.audit.security.RequestOriginMiddleware",  # the client's address for security events
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "plein.common.middleware.DutchFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "plein.common.middleware.ErrorAnswersMiddleware",  # 503 without the database, JSON under /api/
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "plein.common.middleware.AnonymousWithoutSessionMiddleware",  # no session read without a cookie
    "plein.common.middleware.PrivacyHeadersMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "auditlog.middleware.AuditlogMiddleware",
    # Axes last, so it sees the outcome of the login attempt.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "plein.urls"
WSGI_APPLICATION = "plein.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [DJANGO_PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "plein.site.context_processors.plein",
            ],
        },
    }
]
FORM_RENDERER = "plein.common.forms.PleinFormRenderer"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "site:home"
LOGOUT_REDIRECT_URL = "site:home"

# django-allauth: e-mail and password only; accounts come from invitations, not sign-up.
ACCOUNT_ADAPTER = "plein.accounts.adapter.AccountAdapter"
ACCOUNT_FORMS = {"login": "plein.accounts.forms.LoginForm"}
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_PASSWORD_RESET_BY_CODE_ENABLED = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Plein] "
ACCOUNT_RATE_LIMITS = {"login_failed": False}  # django-axes does lockout
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Plein"

# django-axes (see plein/accounts/lockout.py): five wrong passwords in a row for one login name
# from one address lock that account for that address for a while; a colleague at another
# desk, or the owner at home, can still log in. Library staff share one public address per
# branch, so locking an address for every account would lock out the whole desk.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "plein.common.utils.client_ip_address"
AXES_USERNAME_FORM_FIELD = "login"
AXES_USERNAME_CALLABLE = "plein.accounts.lockout.username_from_request"
AXES_LOCKOUT_CALLABLE = "plein.accounts.lockout.lockout_response"
AXES_RESET_ON_SUCCESS = True
# The slower throttle per account, from any address: this many wrong passwords within the
# window lock the account everywhere. Counted from axes' failure log; attempts refused during a
# lockout are not logged, so one address alone cannot reach it.
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
PLEIN_ACCOUNT_FAILURE_LIMIT = env.int("PLEIN_ACCOUNT_FAILURE_LIMIT", default=30)
PLEIN_ACCOUNT_FAILURE_WINDOW = timedelta(minutes=env.int("PLEIN_ACCOUNT_FAILURE_WINDOW_MINUTES", default=60))
AXES_HANDLER = env.str("AXES_HANDLER", default="plein.accounts.lockout.PleinAxesHandler")
# How many proxies in front of Plein add the visitor's address to X-Forwarded-For (0: none,
# REMOTE_ADDR is the visitor). plein.conf.production assumes one.
PLEIN_PROXY_COUNT = env.int("PLEIN_PROXY_COUNT", default=0)

# Dutch first, English available through the language switch.
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [DJANGO_PROJECT_DIR / "conf" / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Amsterdam"

STATIC_URL = "/static/"
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(BASE_DIR / "static_root")))
STATICFILES_DIRS = [DJANGO_PROJECT_DIR / "static"]
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(VAR_DIR / "media")))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Uploads (resources, evidence, imports) on S3-compatible object storage when a bucket is set,
# so every web instance and worker reads the same files; otherwise MEDIA_ROOT (a volume that
# every instance mounts). Plein serves files through its own views (permission checks), never
# from a public bucket address.
PLEIN_S3_BUCKET = env.str("PLEIN_S3_BUCKET", default="")
if PLEIN_S3_BUCKET:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": PLEIN_S3_BUCKET,
            "endpoint_url": env.str("PLEIN_S3_ENDPOINT_URL", default="") or None,
            "access_key": env.str("PLEIN_S3_ACCESS_KEY_ID", default="") or None,
            "secret_key": env.str("PLEIN_S3_SECRET_ACCESS_KEY", default="") or None,
            "region_name": env.str("PLEIN_S3_REGION", default="") or None,
            "location": env.str("PLEIN_S3_PREFIX", default="media"),
            "default_acl": "private",
            "file_overwrite": False,
            "querystring_auth": True,
        },
    }

EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env.str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Plein <noreply@plein.invalid>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Background jobs through the django.tasks API, stored in the database (no broker).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Security headers. No inline script or style anywhere: the CSP says so.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

# Audit: every create, change and delete on registered models, with the acting person.
AUDITLOG_INCLUDE_ALL_MODELS = False
AUDITLOG_DISABLE_REMOTE_ADDR = True  # who and what, not where from

# Shown in the header and on the start page when the demo data is loaded.
PLEIN_DEMO = env.bool("PLEIN_DEMO", default=False)
PLEIN_INVITATION_DAYS = env.int("PLEIN_INVITATION_DAYS", default=14)
PLEIN_SITE_URL = env.str("PLEIN_SITE_URL", default="http://127.0.0.1:8000")
# Which sites may show the embeddable offer listing (/aanbod/<library>/inbedden/) in an iframe:
# its own CSP frame-ancestors (every other page: 'none'). Narrow it to the municipal and library
# websites, comma-separated, e.g. "https://www.gemeente.nl,https://www.bibliotheek.nl".
PLEIN_EMBED_FRAME_ANCESTORS = env.list("PLEIN_EMBED_FRAME_ANCESTORS", default=["'self'", "https:"])
PLEIN_RESOURCE_MAX_MB = env.int("PLEIN_RESOURCE_MAX_MB", default=20)  # largest file a resource may have
# Requests per API key: "<number>/<s|m|h|d>", counted per key in the database (plein.api), so
# every worker process and every server counts together, exactly.
PLEIN_API_RATE = env.str("PLEIN_API_RATE", default="600/m")

# One cache that every web instance and worker shares (django-allauth's rate limits on login and
# password reset live in it): by default the table plein_cache in the database (made by
# migrations and `migrate_once`); CACHE_URL picks another shared backend (e.g. redis://…).
# Tests use the in-memory cache (plein.conf.ci). Plein's own API rate limit is counted in its
# own table (plein.api), not in the cache.
CACHES = {"default": env.cache_url("CACHE_URL", default="dbcache://plein_cache")}

# How long history is kept (audit log, security log rows, finished background tasks, login
# attempts): `manage.py apply_retention` removes what is older. The anonymous IDO figures are
# never removed by it.
PLEIN_RETENTION_DAYS = env.int("PLEIN_RETENTION_DAYS", default=730)

# Logs go to standard output (the platform collects them). PLEIN_LOG_FORMAT=json (the default
# in production) writes one JSON object per line; security events (plein.audit.security) go to
# the logger "plein.security" at INFO with actor, action, object, result, origin and time.
PLEIN_LOG_FORMAT = env.str("PLEIN_LOG_FORMAT", default="text")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "forbidden_without_traceback": {"()": "plein.common.logging.ForbiddenWithoutTraceback"},
        "redact_secret_paths": {"()": "plein.common.logging.RedactSecretPaths"},
    },
    "formatters": {
        "text": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "json": {"()": "plein.common.logging.JsonFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json" if PLEIN_LOG_FORMAT == "json" else "text",
            "filters": ["redact_secret_paths"],
        }
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
    "loggers": {
        # A 403 is one line in the log, not a traceback.
        "django.request": {"filters": ["forbidden_without_traceback"]},
        "plein.security": {"level": env.str("PLEIN_SECURITY_LOG_LEVEL", default="INFO")},
        "plein.ops": {"level": "INFO"},
        # django-axes writes the login name as typed ("New login failure by {username: …}") at
        # WARNING; that may be a password typed into the wrong field. plein.security logs every
        # failed login and lockout without it (plein.audit.security.login_name).
        "axes": {"level": "ERROR"},
    },
}

# OpenTelemetry tracing: off unless OTEL_EXPORTER_OTLP_ENDPOINT or PLEIN_OTEL=1 is set (then
# plein.common.tracing sets it up at start; when off nothing of it is imported).
PLEIN_OTEL = env.bool("PLEIN_OTEL", default=False) or bool(env.str("OTEL_EXPORTER_OTLP_ENDPOINT", default=""))
