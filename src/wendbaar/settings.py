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
    "wendbaar.opportunities",
    "wendbaar.notifications",
    "wendbaar.insight",
]

# Object-level permissions come from each app's rules.py (wendbaar.access.rules); ModelBackend keeps the
# admin's model permissions and password sign-in.
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "wendbaar.access.rules.RulesBackend",
    # Sign-in at a municipal identity provider; does nothing until OIDC_RP_CLIENT_ID is set (see below).
    "wendbaar.accounts.oidc.MunicipalOIDCBackend",
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
                "wendbaar.core.menu.main_menu",
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
# Django's password rules with plain Dutch messages; PASSWORD_MIN_LENGTH: the shortest password accepted.
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "wendbaar.accounts.validators.UserAttributeSimilarityValidator",
        "OPTIONS": {"user_attributes": ["email", "name"]},
    },
    {
        "NAME": "wendbaar.accounts.validators.MinimumLengthValidator",
        "OPTIONS": {"min_length": int(os.environ.get("PASSWORD_MIN_LENGTH", "12"))},
    },
    {"NAME": "wendbaar.accounts.validators.CommonPasswordValidator"},
    {"NAME": "wendbaar.accounts.validators.NumericPasswordValidator"},
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
        else "wendbaar.core.staticfiles.StaticFilesStorage"  # whitenoise's, minus unused vendor files
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
    # Sessions are read from the shared cache and written through to the database: a signed-in page
    # costs no session query, and a restart of Redis signs nobody out.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
# Whether every process sees the same cache (and so each other's deletions): only then do pages keep
# per-person answers there, such as the unread count in the header.
SHARED_CACHE = bool(os.environ.get("REDIS_URL"))
# INSIGHT_CACHE_SECONDS: how long the inzicht dashboards keep computed figures (default an hour; 0: never).
INSIGHT_CACHE_SECONDS = int(os.environ.get("INSIGHT_CACHE_SECONDS", "3600"))

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

# --- Sign-in security and hardening (wendbaar.accounts) ---------------------------------------------------
# Two-step verification (django-otp): an authenticator app plus single-use recovery codes. Mandatory for
# loopbaanadviseurs, programmateam, beheerders and everyone with admin access; SecondFactorMiddleware holds
# them on the verification or set-up page until they pass it. There is deliberately no switch to turn it off.
INSTALLED_APPS += ["django_otp", "django_otp.plugins.otp_totp", "django_otp.plugins.otp_static"]
_AUTH = MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware")
MIDDLEWARE[_AUTH + 1 : _AUTH + 1] = [
    "django_otp.middleware.OTPMiddleware",
    "wendbaar.accounts.middleware.SecondFactorMiddleware",
]
_SECURITY = MIDDLEWARE.index("django.middleware.security.SecurityMiddleware")
MIDDLEWARE[_SECURITY + 1 : _SECURITY + 1] = [
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "wendbaar.accounts.middleware.SecurityHeadersMiddleware",
]
# OTP_TOTP_ISSUER: the name people see in their authenticator app.
OTP_TOTP_ISSUER = os.environ.get("OTP_TOTP_ISSUER", "wendbaar")
OTP_RECOVERY_CODES = 10

# Throttling: after LOGIN_MAX_ATTEMPTS wrong passwords (or second-step codes) for one account from one
# address, that combination is locked for LOGIN_LOCKOUT_MINUTES; one address is locked after
# LOGIN_MAX_ATTEMPTS_PER_IP failures whatever the accounts. PASSWORD_RESET_MAX_REQUESTS: reset mails per
# address and visitor in the same period. Counted in the database, so all app servers share the counts.
LOGIN_MAX_ATTEMPTS = int(os.environ.get("LOGIN_MAX_ATTEMPTS", "5"))
LOGIN_LOCKOUT_MINUTES = int(os.environ.get("LOGIN_LOCKOUT_MINUTES", "15"))
LOGIN_MAX_ATTEMPTS_PER_IP = int(os.environ.get("LOGIN_MAX_ATTEMPTS_PER_IP", "50"))
PASSWORD_RESET_MAX_REQUESTS = int(os.environ.get("PASSWORD_RESET_MAX_REQUESTS", "3"))
# Behind our own proxy (BEHIND_PROXY) the visitor's address is the last entry of X-Forwarded-For.
LOGIN_TRUST_X_FORWARDED_FOR = env_bool("BEHIND_PROXY")

# Sessions: a new key at every sign-in and after the second step; a password change signs out every other
# session (Django's session hash). Lax cookies still travel on the way back from the identity provider.
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

# Content-Security-Policy (Django's own middleware): only this site's files; no inline scripts or styles,
# no plug-ins, no framing. Templates put JavaScript and CSS in static files.
from django.utils.csp import CSP  # noqa: E402 — kept beside the policy that uses it

SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "media-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "object-src": [CSP.NONE],
    "upgrade-insecure-requests": SECURE_HTTPS,
}
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=()"
)
CROSS_ORIGIN_RESOURCE_POLICY = "same-origin"

# Single sign-on with a municipal identity provider (OpenID Connect, mozilla-django-oidc). Off until
# OIDC_RP_CLIENT_ID is set. OIDC_RP_CLIENT_ID / OIDC_RP_CLIENT_SECRET: as registered at the provider, with
# redirect URI https://<site>/account/gemeente-account/terug/. Either OIDC_OP_DISCOVERY_URL (the
# provider's /.well-known/openid-configuration) or the endpoints OIDC_OP_AUTHORIZATION_ENDPOINT,
# OIDC_OP_TOKEN_ENDPOINT, OIDC_OP_USER_ENDPOINT, OIDC_OP_JWKS_ENDPOINT and OIDC_OP_ISSUER.
# OIDC_PROVIDER_NAME: shown on the button, e.g. "Gemeente Zwolle". OIDC_TRUST_EMAIL: treat every address the
# provider sends as verified (only for a provider that hands out its own organisation's addresses).
# OIDC_CREATE_USER: make a medewerker account for someone new (default on).
OIDC_RP_CLIENT_ID = os.environ.get("OIDC_RP_CLIENT_ID", "")
OIDC_RP_CLIENT_SECRET = os.environ.get("OIDC_RP_CLIENT_SECRET", "")
OIDC_OP_DISCOVERY_URL = os.environ.get("OIDC_OP_DISCOVERY_URL", "")
OIDC_OP_AUTHORIZATION_ENDPOINT = os.environ.get("OIDC_OP_AUTHORIZATION_ENDPOINT", "")
OIDC_OP_TOKEN_ENDPOINT = os.environ.get("OIDC_OP_TOKEN_ENDPOINT", "")
OIDC_OP_USER_ENDPOINT = os.environ.get("OIDC_OP_USER_ENDPOINT", "")
OIDC_OP_JWKS_ENDPOINT = os.environ.get("OIDC_OP_JWKS_ENDPOINT", "")
OIDC_OP_ISSUER = os.environ.get("OIDC_OP_ISSUER", "")
OIDC_RP_SIGN_ALGO = os.environ.get("OIDC_RP_SIGN_ALGO", "RS256")
OIDC_RP_SCOPES = os.environ.get("OIDC_RP_SCOPES", "openid email profile")
OIDC_PROVIDER_NAME = os.environ.get("OIDC_PROVIDER_NAME", "")
OIDC_TRUST_EMAIL = env_bool("OIDC_TRUST_EMAIL", False)
OIDC_CREATE_USER = env_bool("OIDC_CREATE_USER", True)
OIDC_USE_PKCE = True
OIDC_TIMEOUT = 10
OIDC_VERIFY_SSL = True
OIDC_AUTHENTICATION_CALLBACK_URL = "accounts:oidc_callback"
LOGIN_REDIRECT_URL_FAILURE = LOGIN_URL

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
# Background work (reminders, digests, the engine rebuild after a taxonomy import, nightly matching) runs
# through Django's tasks framework; `wendbaar nightly` queues the nightly work (docs/deployment.md).
# TASKS_BACKEND:
#   "database" (default): tasks wait in the database until `wendbaar db_worker` runs them;
#   "rq": tasks wait in Redis (TASKS_REDIS_URL, else REDIS_URL) until
#         `wendbaar rqworker --job-class django_tasks_rq.Job default` runs them: for several machines and
#         many workers;
#   "immediate": runs them inside the process that enqueues them (handy on a laptop).
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "database")
_TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "rq": "django_tasks_rq.RQBackend",
    "immediate": "django.tasks.backends.immediate.ImmediateBackend",
}
if TASKS_BACKEND not in _TASK_BACKENDS:
    raise ImproperlyConfigured(f"TASKS_BACKEND must be database, rq or immediate, not {TASKS_BACKEND!r}")
INSTALLED_APPS += ["django_tasks_db"]
TASKS = {"default": {"BACKEND": _TASK_BACKENDS[TASKS_BACKEND]}}
if TASKS_BACKEND == "rq":
    # TASKS_REDIS_URL: the Redis database of the task queue, e.g. redis://redis.internal:6379/1 (default:
    # REDIS_URL). TASKS_TIMEOUT: seconds a task may run before the worker stops it (default one hour: the
    # nightly matching of every profile takes minutes).
    _tasks_redis_url = os.environ.get("TASKS_REDIS_URL") or os.environ.get("REDIS_URL")
    if not _tasks_redis_url:
        raise ImproperlyConfigured("TASKS_BACKEND=rq needs TASKS_REDIS_URL or REDIS_URL")
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]
    RQ_QUEUES = {
        "default": {"URL": _tasks_redis_url, "DEFAULT_TIMEOUT": int(os.environ.get("TASKS_TIMEOUT", "3600"))}
    }
# TAXONOMY_BUILD_DIR: where a worker keeps the matching engine it builds after every taxonomy change, so
# that app servers load it instead of building it on the first request (default VAR_DIR/builds; share it
# between app servers, e.g. on the media volume, or run a worker on every app server). Empty: not used.
TAXONOMY_BUILD_DIR = os.environ.get("TAXONOMY_BUILD_DIR", str(VAR_DIR / "builds"))
# TAXONOMY_VERSION_CHECK_SECONDS: how often a process asks the database whether the taxonomy changed
# (default every 2 seconds, instead of on every request). A change made in the process itself counts at once.
TAXONOMY_VERSION_CHECK_SECONDS = float(os.environ.get("TAXONOMY_VERSION_CHECK_SECONDS", "2"))
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
# such as the overviews of `wendbaar send-digests`.
COMMUNITIES_SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")

# --- Meldingen (wendbaar.notifications) -----------------------------------------------------------------
# SITE_URL (see above) makes the links in notification mails. Each person chooses per group: a mail right
# away, a daily or weekly overview, or none; `wendbaar send-digests` sends the overviews (run it daily).
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")

# --- Kansen (wendbaar.opportunities) -------------------------------------------------------------------
# OPPORTUNITIES_DAILY_REQUEST_LIMIT: against bulk approaches, one organisation may send at most this many
# contact requests to anonymous matches within 24 hours (all its recruiters together).
OPPORTUNITIES_DAILY_REQUEST_LIMIT = int(os.environ.get("OPPORTUNITIES_DAILY_REQUEST_LIMIT", "20"))
# OPPORTUNITIES_DECLINE_COOLDOWN_DAYS: after a person declines a request, that organisation cannot ask the
# same person again for this many days (for any of its opportunities).
OPPORTUNITIES_DECLINE_COOLDOWN_DAYS = int(os.environ.get("OPPORTUNITIES_DECLINE_COOLDOWN_DAYS", "90"))
# OPPORTUNITIES_MATCHES_PER_OPPORTUNITY: how many best-matching people the nightly run
# (`wendbaar opportunities compute-matches`) stores per opportunity for the organisation's list.
OPPORTUNITIES_MATCHES_PER_OPPORTUNITY = int(os.environ.get("OPPORTUNITIES_MATCHES_PER_OPPORTUNITY", "50"))
# OPPORTUNITIES_MIN_MATCH: matches below this percentage are not stored or shown to organisations.
OPPORTUNITIES_MIN_MATCH = int(os.environ.get("OPPORTUNITIES_MIN_MATCH", "20"))

# --- Privacy (wendbaar.privacy) ------------------------------------------------------------------------
# RETENTION_INACTIVE_MONTHS: an account whose owner has not signed in for this many months is erased
# (`wendbaar privacy apply-retention`, daily). RETENTION_WARNING_DAYS: the owner is e-mailed this many days
# before; signing in once keeps the account. Staff accounts are never erased this way.
RETENTION_INACTIVE_MONTHS = int(os.environ.get("RETENTION_INACTIVE_MONTHS", "24"))
RETENTION_WARNING_DAYS = int(os.environ.get("RETENTION_WARNING_DAYS", "30"))
# PRIVACY_CONTACT_EMAIL: the fund's privacy officer (functionaris gegevensbescherming), named in the
# privacy statement for questions and requests.
PRIVACY_CONTACT_EMAIL = os.environ.get("PRIVACY_CONTACT_EMAIL", "privacy@wendbaar.localhost")

# --- REST API (wendbaar.api) ---------------------------------------------------------------------------
# /api/v1/ with its OpenAPI document at /api/v1/schema/ and documentation at /api/v1/docs/ (served from
# local files). Personal API keys are made on /account/api-sleutels/.
INSTALLED_APPS += ["rest_framework", "drf_spectacular", "drf_spectacular_sidecar", "wendbaar.api"]
# API_RATE_ANON and API_RATE_USER: requests per second, minute, hour or day ("60/min"): anonymous requests
# per IP address, and requests with a key or session per person (all their keys together). Counted in the
# cache, so set REDIS_URL when several app servers share the load. Too many: 429 with Retry-After.
API_RATE_LIMITS = {
    "anon": os.environ.get("API_RATE_ANON", "60/min"),
    "user": os.environ.get("API_RATE_USER", "600/min"),
}
# API_TOKENS_PER_USER: how many working API keys one person may have at the same time.
API_TOKENS_PER_USER = int(os.environ.get("API_TOKENS_PER_USER", "10"))
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "wendbaar.api.authentication.BearerTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",  # same-site pages; changes need the CSRF token
    ],
    "DEFAULT_PERMISSION_CLASSES": [
        "wendbaar.api.permissions.TokenScope",
        "wendbaar.api.permissions.ObjectRules",
    ],
    "DEFAULT_THROTTLE_CLASSES": [
        "wendbaar.api.throttling.PersonRateThrottle",
        "wendbaar.api.throttling.AnonymousRateThrottle",
    ],
    "DEFAULT_PAGINATION_CLASS": "wendbaar.api.pagination.PageNumberPagination",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_SCHEMA_CLASS": "wendbaar.api.schema.AutoSchema",
    "DEFAULT_METADATA_CLASS": "wendbaar.api.metadata.Metadata",
    "EXCEPTION_HANDLER": "wendbaar.api.errors.exception_handler",
    # The client's IP address for rate limits: behind one proxy its X-Forwarded-For, otherwise the peer
    # address (a client-sent X-Forwarded-For must not let anyone dodge the limit).
    "NUM_PROXIES": 1 if env_bool("BEHIND_PROXY") else 0,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "wendbaar API",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {
        "EventKindEnum": "wendbaar.events.models.EventKind",
        "KnowledgeKindEnum": "wendbaar.knowledge.models.Kind",
        "OpportunityKindEnum": "wendbaar.opportunities.models.OpportunityKind",
        "OrganisationKindEnum": "wendbaar.accounts.models.OrganisationKind",
        "OpportunityStatusEnum": "wendbaar.opportunities.models.OpportunityStatus",
        "ConceptStatusEnum": "wendbaar.taxonomy.models.Status",
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "wendbaar.api.schema.describe",
    ],
}
