"""VanPhong settings: one module, every value from an environment variable (docs/configuration.md)."""

from pathlib import Path

from vanphong.env import (
    env_bool,
    env_choice,
    env_database,
    env_int,
    env_list,
    env_str,
    require_secret_key,
)

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent.parent
VAR_DIR = Path(env_str("VANPHONG_VAR_DIR", str(PROJECT_DIR / "var")))

DEBUG = env_bool("VANPHONG_DEBUG", False)
# The development key works only with VANPHONG_DEBUG on: a server never starts with it.
DEVELOPMENT_SECRET_KEY = "dev-only-insecure-key-change-me"  # noqa: S105 — refused outside debug
SECRET_KEY = require_secret_key(
    "VANPHONG_SECRET_KEY",
    env_str("VANPHONG_SECRET_KEY", DEVELOPMENT_SECRET_KEY),
    DEVELOPMENT_SECRET_KEY,
    DEBUG,
)
ALLOWED_HOSTS = env_list("VANPHONG_ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("VANPHONG_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "treebeard",
    "django_tasks",
    "django_tasks_db",
    "vanphong.core",
    "vanphong.organizations",
    "vanphong.reports",
    "vanphong.documents",
    "vanphong.meetings",
    "vanphong.dues",
    "vanphong.records",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "vanphong.core.sessions.SlidingSessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

# Indexes with INCLUDE columns (documents: a province's list counted from its index) are
# PostgreSQL's; SQLite builds them without those columns, as intended.
SILENCED_SYSTEM_CHECKS = ["models.W040"]

ROOT_URLCONF = "vanphong.urls"
WSGI_APPLICATION = "vanphong.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "vanphong.core.context_processors.navigation",
            ],
        },
    },
]

DATABASES = {
    "default": env_database(
        "DATABASE_URL",
        f"sqlite:///{VAR_DIR / 'vanphong.sqlite3'}",
        conn_max_age=env_int("VANPHONG_DB_CONN_MAX_AGE", 0),
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # WAL and a busy timeout let the web server and the task worker share the file.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "core.User"
LOGIN_URL = "core:login"
LOGIN_REDIRECT_URL = "core:dashboard"
LOGOUT_REDIRECT_URL = "core:login"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": env_int("VANPHONG_PASSWORD_MIN_LENGTH", 8)},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Login throttling: this many failures for one username (or one address) within the window lock it.
LOGIN_MAX_FAILURES = env_int("VANPHONG_LOGIN_MAX_FAILURES", 5)
LOGIN_LOCK_MINUTES = env_int("VANPHONG_LOGIN_LOCK_MINUTES", 15)

SESSION_COOKIE_AGE = env_int("VANPHONG_SESSION_MINUTES", 480) * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
# Idle sessions expire; active ones slide forward, saved at most once a minute (core.sessions).
SESSION_SAVE_EVERY_REQUEST = False
SESSION_COOKIE_HTTPONLY = True
# --- Security: HTTPS, headers, second factor (docs/configuration.md, "Security") -------------
SESSION_COOKIE_SECURE = env_bool("VANPHONG_SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
# HTTPS only, on by default in production; a plain-HTTP intranet turns them off explicitly.
SECURE_SSL_REDIRECT = env_bool("VANPHONG_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = env_int("VANPHONG_HSTS_SECONDS", 0 if DEBUG else 365 * 24 * 3600)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("VANPHONG_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("VANPHONG_HSTS_PRELOAD", False)
# An office's intranet host is on no browser's public preload list: the flag is the operator's
# choice, not a check's.
SILENCED_SYSTEM_CHECKS += ["security.W021"]
# The TLS proxy in front says the request came over HTTPS (it must set X-Forwarded-Proto).
if env_bool("VANPHONG_BEHIND_TLS_PROXY", not DEBUG):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REFERRER_POLICY = "same-origin"
# Only the application's own scripts, styles, images and fonts: it has no inline script, and
# htmx's inserted indicator style is turned off (base.html); Bootstrap's icons are data: SVGs.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
INSTALLED_APPS += ["csp", "django_otp", "django_otp.plugins.otp_totp"]
MIDDLEWARE.insert(
    MIDDLEWARE.index("whitenoise.middleware.WhiteNoiseMiddleware") + 1,
    "vanphong.core.middleware.NoStoreMiddleware",
)
MIDDLEWARE.insert(
    MIDDLEWARE.index("vanphong.core.sessions.SlidingSessionMiddleware"),
    "csp.middleware.CSPMiddleware",
)
_after_auth = MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1
MIDDLEWARE[_after_auth:_after_auth] = [
    "django_otp.middleware.OTPMiddleware",
    "vanphong.core.middleware.SecondFactorMiddleware",
    "vanphong.core.middleware.FriendlyErrorsMiddleware",
]
# One throttle and one lock for every way in (core.login_throttle).
AUTHENTICATION_BACKENDS = ["vanphong.core.login_throttle.ThrottledModelBackend"]
# Two-step verification (TOTP) for superusers and these roles; on by default in production.
SECOND_FACTOR_REQUIRED = env_bool("VANPHONG_SECOND_FACTOR_REQUIRED", not DEBUG)
SECOND_FACTOR_ROLES = env_list(
    "VANPHONG_SECOND_FACTOR_ROLES", ["admin", "leader", "cell_secretary"]
)
OTP_TOTP_ISSUER = "VanPhong"
# --- end of the security block ---------------------------------------------------------------

API_TOKEN_DAYS = env_int("VANPHONG_API_TOKEN_DAYS", 30)

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static", VAR_DIR / "assets"]
MEDIA_ROOT = Path(env_str("VANPHONG_MEDIA_ROOT", str(VAR_DIR / "media")))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

# Upload limits (bytes). The import limit covers 100,000 member rows with room to spare.
IMPORT_MAX_BYTES = env_int("VANPHONG_IMPORT_MAX_BYTES", 40 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("VANPHONG_UPLOAD_MAX_MEMORY_BYTES", 5 * 1024 * 1024)
FILE_UPLOAD_MAX_MEMORY_SIZE = DATA_UPLOAD_MAX_MEMORY_SIZE
# Files attached to documents (scans, DOCX, PDF, images).
DOCUMENT_UPLOAD_MAX_BYTES = env_int("VANPHONG_DOCUMENT_UPLOAD_MAX_BYTES", 30 * 1024 * 1024)
# A file chosen in a form that was refused for another field is held here, for the same session,
# so that the user need not choose it again (documents/held_uploads.py).
DOCUMENT_HELD_DIR = Path(env_str("VANPHONG_DOCUMENT_HELD_DIR", str(VAR_DIR / "held")))
DOCUMENT_HELD_MINUTES = env_int("VANPHONG_DOCUMENT_HELD_MINUTES", 120)
# LibreOffice, for DOCX → PDF; documents still work (DOCX only) where it is not installed.
# The structure of a file code (ký hiệu hồ sơ) in the file plan: no party rule was found
# (docs/rules/records.md), so each installation sets its own; the example is shown to the clerk.
RECORDS_FILE_CODE_PATTERN = env_str(
    "VANPHONG_RECORDS_FILE_CODE", r"[0-9A-ZĐ]{1,6}(\.[0-9A-ZĐ]{1,6}){0,3}"
)
RECORDS_FILE_CODE_EXAMPLE = env_str("VANPHONG_RECORDS_FILE_CODE_EXAMPLE", "01.02")
SOFFICE_BINARY = env_str("VANPHONG_SOFFICE", "soffice")
# Seconds a process keeps a dated-rule table before reading it again (a change made through the
# application clears it at once in that process).
RULES_CACHE_SECONDS = env_int("VANPHONG_RULES_CACHE_SECONDS", 30)
# Seconds before a DOCX → PDF conversion is stopped.
SOFFICE_TIMEOUT = env_int("VANPHONG_SOFFICE_TIMEOUT", 120)
# A TrueType font with Vietnamese letters for watermarks and PDF registers ("" = look in the
# usual places: Liberation Serif 2, DejaVu).
WATERMARK_FONT = env_str("VANPHONG_WATERMARK_FONT", "")

EMAIL_BACKEND = env_str("VANPHONG_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("VANPHONG_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("VANPHONG_EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("VANPHONG_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = env_str("VANPHONG_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = env_bool("VANPHONG_EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("VANPHONG_EMAIL_FROM", "vanphong@localhost")

_TASKS_BACKENDS = {
    "db": "django_tasks_db.DatabaseBackend",
    "rq": "django_tasks_rq.RQBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}
TASKS = {
    "default": {
        "BACKEND": env_choice("VANPHONG_TASKS_BACKEND", "db", _TASKS_BACKENDS),
        "QUEUES": ["default"],
    }
}
REDIS_URL = env_str("VANPHONG_REDIS_URL", "redis://127.0.0.1:6379/0")
if TASKS["default"]["BACKEND"] == _TASKS_BACKENDS["rq"]:
    INSTALLED_APPS += ["django_rq"]
    RQ_QUEUES = {"default": {"URL": REDIS_URL}}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("VANPHONG_LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        # pyHanko logs a traceback for every untrusted signature it checks; the result is shown.
        "pyhanko": {"level": "ERROR"},
        "pyhanko_certvalidator": {"level": "ERROR"},
    },
}
VANPHONG_BASE_URL = env_str("VANPHONG_BASE_URL", "http://127.0.0.1:8000")
