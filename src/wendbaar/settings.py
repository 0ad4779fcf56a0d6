"""wendbaar settings: one module, driven by a handful of environment variables.

Every variable is documented where it is read. Development differs from production only through
``DEBUG`` and the values below; there is no second settings file.
"""

import os
import secrets
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent.parent

# WENDBAAR_VAR_DIR: where the embedded database, uploads and the generated secret key live.
VAR_DIR = Path(os.environ.get("WENDBAAR_VAR_DIR", PROJECT_DIR / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)

# DEBUG: off unless asked for. The quick-start script turns it on for the local site.
DEBUG = env_bool("DEBUG", False)


def _secret_key() -> str:
    """SECRET_KEY from the environment; otherwise a random key kept in VAR_DIR (one machine only)."""
    if key := os.environ.get("SECRET_KEY"):
        return key
    key_file = VAR_DIR / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


# SECRET_KEY: required in production (several app servers must share it).
SECRET_KEY = _secret_key()

# ALLOWED_HOSTS: comma-separated host names the site answers to.
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
# CSRF_TRUSTED_ORIGINS: comma-separated origins (https://…) behind a proxy.
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "wendbaar.core",
    "wendbaar.accounts",
    "wendbaar.taxonomy",
    "wendbaar.explore",
    "wendbaar.knowledge",
    "wendbaar.events",
    "wendbaar.profiles",
    "wendbaar.learning",
    "wendbaar.communities",
    "wendbaar.privacy",
    "wendbaar.access",
]

# Object-level permissions come from each app's rules.py (wendbaar.access.rules); ModelBackend keeps the
# admin's model permissions and password sign-in.
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "wendbaar.access.rules.RulesBackend",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "wendbaar.core.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "wendbaar.urls"
WSGI_APPLICATION = "wendbaar.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# DATABASE_URL: sqlite:///path or postgres://user:password@host:port/name.
# Default: the embedded SQLite database in VAR_DIR.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'wendbaar.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers work while an import writes; IMMEDIATE avoids "database is locked" on upgrade.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "wendbaar.accounts.validators.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "profiles:dashboard"
LOGOUT_REDIRECT_URL = "core:home"

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
# STATIC_ROOT: where collectstatic gathers files for production.
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", PROJECT_DIR / "staticfiles"))
# NL Design System CSS is installed with npm at set-up and served straight from node_modules.
NODE_MODULES = PROJECT_DIR / "node_modules"
STATICFILES_DIRS = [PACKAGE_DIR / "static"] + [
    (f"vendor/{name}", NODE_MODULES / path)
    for name, path in {
        "utrecht": "@utrecht/component-library-css/dist",
        "utrecht-tokens": "@utrecht/design-tokens/dist",
        "htmx": "htmx.org/dist",
    }.items()
    if (NODE_MODULES / path).is_dir()
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = "/media/"

# EMAIL_HOST: an SMTP server; without it, mail is printed to the console (development).
if os.environ.get("EMAIL_HOST"):
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": os.environ["EMAIL_HOST"],
                "port": int(os.environ.get("EMAIL_PORT", "587")),
                "username": os.environ.get("EMAIL_HOST_USER", ""),
                "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
                "use_tls": env_bool("EMAIL_USE_TLS", True),
            },
        }
    }
else:
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
# DEFAULT_FROM_EMAIL: sender address of every mail the platform sends.
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "wendbaar <noreply@wendbaar.localhost>")

# REDIS_URL: a shared cache for several app servers; without it each process caches in memory.
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
        }
    }

# HTTPS: behind TLS every cookie is secure and browsers are told to keep using HTTPS.
SECURE_HTTPS = env_bool("SECURE_HTTPS", not DEBUG)
SESSION_COOKIE_SECURE = SECURE_HTTPS
CSRF_COOKIE_SECURE = SECURE_HTTPS
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("BEHIND_PROXY") else None
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000" if SECURE_HTTPS else "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HTTPS
# SECURE_HSTS_PRELOAD: ask browsers to always use HTTPS for the domain (on by default behind HTTPS).
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", SECURE_HTTPS)
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 60 * 60 * 8
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}

# --- Kennisbank (wendbaar.knowledge) -------------------------------------------------------------------
# KNOWLEDGE_MUNICIPAL_EMAIL_DOMAINS: comma-separated e-mail domains of municipalities, e.g.
# "zwolle.nl,tilburg.nl". Someone ordering with an address on such a domain (or a subdomain of it) gets a
# printed copy free of charge, once that address confirms the order. Members of an organisation of kind
# "gemeente" always order free. Empty by default: then only membership counts.
KNOWLEDGE_MUNICIPAL_EMAIL_DOMAINS = env_list("KNOWLEDGE_MUNICIPAL_EMAIL_DOMAINS")
# KNOWLEDGE_MAX_PDF_MB, KNOWLEDGE_MAX_AUDIO_MB, KNOWLEDGE_MAX_IMAGE_MB: the largest upload accepted for a
# publication PDF, an episode's audio and a cover image, in megabytes (the web server's own request limit
# must be at least as large). Uploads are stored under MEDIA_ROOT/kennisbank/; in production the web
# server serves MEDIA_URL from MEDIA_ROOT (with byte ranges, which podcast apps need).
KNOWLEDGE_MAX_PDF_MB = int(os.environ.get("KNOWLEDGE_MAX_PDF_MB", "50"))
KNOWLEDGE_MAX_AUDIO_MB = int(os.environ.get("KNOWLEDGE_MAX_AUDIO_MB", "200"))
KNOWLEDGE_MAX_IMAGE_MB = int(os.environ.get("KNOWLEDGE_MAX_IMAGE_MB", "5"))

# --- Bijeenkomsten en gesprekken (wendbaar.events) -------------------------------------------------------
# Background work (reminders the day before) runs through Django's tasks framework. TASKS_BACKEND:
# "database" (default: tasks wait in the database until `wendbaar db_worker` runs them) or "immediate"
# (runs them inside the process that enqueues them; handy on a laptop).
INSTALLED_APPS += ["django_tasks_db"]
TASKS = {
    "default": {
        "BACKEND": {
            "database": "django_tasks_db.DatabaseBackend",
            "immediate": "django.tasks.backends.immediate.ImmediateBackend",
        }[os.environ.get("TASKS_BACKEND", "database")]
    }
}
# CONVERSATION_NOTICE_HOURS: until how many hours before a conversation a medewerker may move or cancel it.
CONVERSATION_NOTICE_HOURS = int(os.environ.get("CONVERSATION_NOTICE_HOURS", "24"))
# CONVERSATION_OPEN_LIMIT: how many upcoming conversations one person may have booked at the same time.
CONVERSATION_OPEN_LIMIT = int(os.environ.get("CONVERSATION_OPEN_LIMIT", "2"))
# CONVERSATION_BOOKING_DAYS: how many days ahead the free slots of an adviser are offered.
CONVERSATION_BOOKING_DAYS = int(os.environ.get("CONVERSATION_BOOKING_DAYS", "28"))

# --- Beroepsgroepen (wendbaar.communities) --------------------------------------------------------------
# COMMUNITIES_POST_LIMIT and COMMUNITIES_POST_WINDOW_MINUTES: against spam and flooding, one person may
# place at most this many posts (new topics and replies together) within that many minutes.
COMMUNITIES_POST_LIMIT = int(os.environ.get("COMMUNITIES_POST_LIMIT", "10"))
COMMUNITIES_POST_WINDOW_MINUTES = int(os.environ.get("COMMUNITIES_POST_WINDOW_MINUTES", "10"))
# COMMUNITIES_MAX_ATTACHMENT_MB and COMMUNITIES_MAX_ATTACHMENTS: the largest attachment accepted, in
# megabytes, and how many files one post may carry (pdf, PNG, JPEG, .txt, .docx).
COMMUNITIES_MAX_ATTACHMENT_MB = int(os.environ.get("COMMUNITIES_MAX_ATTACHMENT_MB", "10"))
COMMUNITIES_MAX_ATTACHMENTS = int(os.environ.get("COMMUNITIES_MAX_ATTACHMENTS", "3"))
# COMMUNITIES_ATTACHMENT_ROOT: where attachments are stored. Deliberately outside MEDIA_ROOT: the web
# server must not serve them, because only members may read a closed group's files; a view checks that.
COMMUNITIES_ATTACHMENT_ROOT = Path(os.environ.get("COMMUNITIES_ATTACHMENT_ROOT", VAR_DIR / "beroepsgroepen"))
# SITE_URL: the site's public address (https://…), used for links in e-mail sent outside a request,
# such as the daily overview of `wendbaar communities send-digests`.
COMMUNITIES_SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")
