"""Omni-Stock settings.

Everything that differs between machines comes from the environment (see the
configuration table in README.md). With only DEBUG=true set, the project runs
as a local demo on an embedded SQLite file; production sets DATABASE_URL,
SECRET_KEY, JWT_SIGNING_KEY (without them it refuses to start), ALLOWED_HOSTS
and the SECURE_* flags (docs/deployment.md lists the values that make
`manage.py check --deploy` clean).
"""

from datetime import timedelta
from pathlib import Path

import environ
from celery.schedules import crontab
from csp.constants import NONE as CSP_NONE
from csp.constants import SELF as CSP_SELF
from csp.constants import UNSAFE_INLINE as CSP_UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured

from common.error_schema import ERROR_COMPONENTS
from common.routing import ID_CONVERTER, ID_SCHEMA
from config.keys import DEMO_SECRET_KEY, bounded, previous_signing_keys, signing_key
from observability.logs import logging_config

BASE_DIR = Path(__file__).resolve().parent.parent
REPO_DIR = BASE_DIR.parent

env = environ.Env()
# A developer may keep local overrides in core_api/.env; it is git-ignored.
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

# Off unless asked for: `make run`, `make dev`, `make worker`/`beat` and the compose
# development stack turn it on. Outside DEBUG the signing keys must be set (below).
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "rest_framework",
    "rest_framework_simplejwt",
    "rest_framework_simplejwt.token_blacklist",
    "django_filters",
    "corsheaders",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "waffle",
    "common",
    "accounts",
    "catalog",
    "collectibles",
    "imports",
    "pricing",
    "dashboard",
    "observability",
]

MIDDLEWARE = [
    # Request id, access line and metrics of every request, probes and errors included.
    "observability.middleware.RequestObservabilityMiddleware",
    # Probes answer any Host (orchestrators probe by pod IP), before anything checks it.
    "common.health.ProbesMiddleware",
    # Whatever answers under /api/ (a refused Host, CSRF, 404, 500) answers in JSON.
    "common.api_errors.ApiErrorsAsJsonMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Attributes admin edits in the change history to the signed-in user.
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "config.urls"
CSRF_FAILURE_VIEW = "common.api_errors.csrf_failure"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
# Persistent connections save a TCP + auth round trip per request on PostgreSQL.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
# A reused connection answers `SELECT 1` before a request's first query, so a
# connection the server dropped (restart, failover) is replaced instead of
# failing the request: one round trip per request (docs/performance.md).
DATABASES["default"]["CONN_HEALTH_CHECKS"] = env.bool("CONN_HEALTH_CHECKS", default=True)
# Typo-tolerant search matches when pg_trgm's word similarity reaches this
# threshold (PostgreSQL's default, 0.6, misses "charzard" → "Charizard" at
# 0.58; 0.5 still keeps "Charmander" out at 0.44). Set as a connection startup
# option so the `%>` operator, which the trigram indexes serve, uses it with no
# extra round trip. (A pooler in transaction mode must pass startup options.)
SEARCH_WORD_SIMILARITY_THRESHOLD = env.float("SEARCH_WORD_SIMILARITY_THRESHOLD", default=0.5)
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = (
        f"-c pg_trgm.word_similarity_threshold={SEARCH_WORD_SIMILARITY_THRESHOLD}"
    )
    # A database that accepts the TCP connection but never answers must fail
    # a request (and free /readyz's checker) instead of hanging it forever.
    DATABASES["default"]["OPTIONS"]["connect_timeout"] = env.int("DATABASE_CONNECT_TIMEOUT", default=5)

# --- Read replicas and connection pooling (docs/deployment.md "Database") ------
# Streaming replicas of the primary, comma-separated. Safe requests read from one of
# them (common/db_routing.py says which reads, and how a client sees its own writes).
DATABASE_REPLICA_URLS = env.list("DATABASE_REPLICA_URLS", default=[])
# After a write, the same client reads from the primary for this long (replication lag).
REPLICA_PIN_SECONDS = env.int("REPLICA_PIN_SECONDS", default=5)
# A replica that did not answer is skipped by every process for this long.
REPLICA_RETRY_SECONDS = env.int("REPLICA_RETRY_SECONDS", default=30)
for _index, _url in enumerate(DATABASE_REPLICA_URLS):
    _replica = env.db_url_config(_url)
    _replica["CONN_MAX_AGE"] = DATABASES["default"]["CONN_MAX_AGE"]
    _replica["CONN_HEALTH_CHECKS"] = True  # how a dead replica is noticed (db_routing)
    _replica["OPTIONS"] = {
        **DATABASES["default"].get("OPTIONS", {}),
        # A replica that does not answer costs one short wait, then the primary serves.
        "connect_timeout": env.int("DATABASE_REPLICA_CONNECT_TIMEOUT", default=2),
    }
    # Tests run against the primary only; the replica aliases mirror it.
    _replica["TEST"] = {"MIRROR": "default"}
    DATABASES[f"replica_{_index}"] = _replica
DATABASE_ROUTERS = ["common.db_routing.PrimaryReplicaRouter"] if DATABASE_REPLICA_URLS else []

if DATABASE_REPLICA_URLS:
    MIDDLEWARE.insert(
        MIDDLEWARE.index("common.api_errors.ApiErrorsAsJsonMiddleware") + 1,
        "common.db_routing.ReplicaReadsMiddleware",
    )

# Behind a pooler in transaction mode (pgbouncer pool_mode=transaction) consecutive
# transactions of one connection may run on different server connections, so nothing may
# outlive a transaction: no server-side cursors (`.iterator()` keeps one open across
# fetches), no startup options (pgbouncer refuses them; the search threshold is then stored
# on the database by `migrate`, common/db_settings.py) and no prepared statements (Django
# binds parameters client-side, so none are made; psycopg would prepare a query run 5 times
# should OPTIONS turn on server_side_binding).
DATABASE_TRANSACTION_POOLING = env.bool("DATABASE_TRANSACTION_POOLING", default=False)
if DATABASE_TRANSACTION_POOLING:
    for _database in DATABASES.values():
        _database["DISABLE_SERVER_SIDE_CURSORS"] = True
        _options = _database.setdefault("OPTIONS", {})
        _options.pop("options", None)
        _options["prepare_threshold"] = None

# Covering-index INCLUDE columns are a PostgreSQL optimization; SQLite (the local
# demo) builds the same indexes without them.
SILENCED_SYSTEM_CHECKS = ["models.W040"] if DATABASES["default"]["ENGINE"].endswith("sqlite3") else []

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# The built vendor SPA (`npm run build` in frontend/): WhiteNoise serves its
# files at the site root and common.spa answers client-side routes with its
# index.html. Unset when not built, so nothing warns about a missing folder.
SPA_DIST_DIR = Path(env.str("SPA_DIST_DIR", default=str(REPO_DIR / "frontend" / "dist")))
WHITENOISE_ROOT = SPA_DIST_DIR if SPA_DIST_DIR.is_dir() else None

# Uploaded collectible images: large enough for a phone photo, small enough to
# keep one request from filling the disk.
MAX_IMAGE_UPLOAD_BYTES = env.int("MAX_IMAGE_UPLOAD_BYTES", default=5 * 1024 * 1024)
# Pixels an uploaded image may have (width x height), checked before decoding:
# a few kB of PNG can decode to gigabytes. 40 million covers a 48 MP phone's
# default (12 MP) output and any scan of a card; an RGBA decode then stays under 160 MB.
MAX_IMAGE_PIXELS = env.int("MAX_IMAGE_PIXELS", default=40_000_000)

# Bulk import limits (docs/imports.md).
IMPORT_MAX_BYTES = env.int("IMPORT_MAX_BYTES", default=20 * 1024 * 1024)
IMPORT_MAX_ROWS = env.int("IMPORT_MAX_ROWS", default=100_000)
# Every format needs a few dozen columns; a wider header is refused before any row is read.
IMPORT_MAX_COLUMNS = env.int("IMPORT_MAX_COLUMNS", default=200)
# An invitation link to join a shop's staff works once, for this many days
# (Django's password-reset tokens carry it: accounts/staff.py).
PASSWORD_RESET_TIMEOUT = env.int("INVITATION_DAYS", default=7) * 86_400
# Rows one bulk edit may change.
BULK_EDIT_MAX_ROWS = env.int("BULK_EDIT_MAX_ROWS", default=10_000)

# --- Redis: the shared cache and the task broker (docs/deployment.md) -----------
# Unset in the local demo: the cache is per process and tasks run in-process.
REDIS_URL = env.str("REDIS_URL", default="")

# Anything cached across requests (throttle counters, count estimates) must be
# the same for every web replica, so it lives in Redis when there is one.
CACHES = {
    "default": (
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "omnistock",
        }
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

# Celery (config/celery.py). With no broker every task runs in the process that
# sends it, at the moment it is sent: same task bodies, no worker to start.
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default=REDIS_URL) or "memory://"
CELERY_TASK_ALWAYS_EAGER = CELERY_BROKER_URL == "memory://"
CELERY_TASK_EAGER_PROPAGATES = True
# A task is acknowledged only when it finished, and a worker that dies mid-task
# (OOM, SIGKILL, deploy) hands it back to the queue instead of losing it; task
# bodies are idempotent so running one twice is safe.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
# One message at a time per worker process: a long import does not hold a queue
# of others hostage behind it.
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# Redis redelivers a message that was taken but never acknowledged (its worker
# vanished) after this many seconds. Longer than the longest task, or a slow task
# would be started twice (harmless, but wasted work).
CELERY_VISIBILITY_TIMEOUT = env.int("CELERY_VISIBILITY_TIMEOUT", default=1800)
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": CELERY_VISIBILITY_TIMEOUT}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Progress and outcomes live on the database rows the tasks change (an import
# batch's status); nobody reads Celery's result store.
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = "UTC"
# Keep Django's LOGGING in the worker instead of Celery's own root handler.
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
# Periodic housekeeping, run by `celery beat` (`make beat`): exactly one beat
# process per deployment.
CELERY_BEAT_SCHEDULE = {
    "flush-expired-tokens": {
        # Refresh tokens past their lifetime (and their blacklist entries) are dead weight.
        "task": "accounts.flush_expired_tokens",
        "schedule": crontab(hour=3, minute=17),
    },
}

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # SimpleJWT's, plus reads answered from token claims where a view opts in.
        "accounts.authentication.StaffJWTAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["common.renderers.ORJSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [
        # DRF's, refusing bodies nested too deep to parse safely.
        "common.parsers.JSONParser",
        "rest_framework.parsers.MultiPartParser",
        "rest_framework.parsers.FormParser",
    ],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "common.pagination.StandardPageNumberPagination",
    "PAGE_SIZE": 25,
    "DEFAULT_SCHEMA_CLASS": "common.openapi.ApiAutoSchema",
    "EXCEPTION_HANDLER": "common.exceptions.api_exception_handler",
    "DEFAULT_THROTTLE_RATES": {
        # Brute-force brakes on the endpoints that check a password (login, password
        # change; accounts/throttling.py); everything else is behind a token already.
        # Per client address...
        "auth": env.str("AUTH_THROTTLE_RATE", default="20/min"),
        # ...and per username, from whatever address.
        "auth_username": env.str("AUTH_USERNAME_THROTTLE_RATE", default="10/min"),
    },
    # How many proxies in front of the app append to X-Forwarded-For: the client
    # address is the entry the outermost trusted one wrote. 0 trusts no header
    # (REMOTE_ADDR), so a client cannot pick its own address by sending one.
    "NUM_PROXIES": env.int("NUM_PROXIES", default=0),
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
    # `?format=` names CSV formats on export and import; DRF must not read it as
    # a renderer override.
    "URL_FORMAT_OVERRIDE": None,
}

# Lists count matching rows exactly up to this many; beyond, `count` is
# PostgreSQL's estimate (common/counting.py, docs/performance.md).
LIST_EXACT_COUNT_LIMIT = env.int("LIST_EXACT_COUNT_LIMIT", default=1_000)

# --- Secrets, sessions and tokens (docs/security.md) ---------------------------
# Outside DEBUG, a missing, demo or weak key stops the process at start
# (config/keys.py); DEBUG falls back to the committed demo key.
SECRET_KEY = signing_key(
    "SECRET_KEY", env.str("SECRET_KEY", default=""), debug=DEBUG, debug_default=DEMO_SECRET_KEY
)
# Rotation: the new key signs, the old ones listed here still verify (sessions,
# password-reset links) until they are dropped from the list.
SECRET_KEY_FALLBACKS = previous_signing_keys(
    "SECRET_KEY_FALLBACKS", env.list("SECRET_KEY_FALLBACKS", default=[]), debug=DEBUG
)
# A key of its own outside DEBUG: SECRET_KEY can then be rotated without ending
# every API session, and one leaked key does not give away the other.
JWT_SIGNING_KEY = signing_key(
    "JWT_SIGNING_KEY", env.str("JWT_SIGNING_KEY", default=""), debug=DEBUG, debug_default=SECRET_KEY
)
if not DEBUG and JWT_SIGNING_KEY == SECRET_KEY:
    raise ImproperlyConfigured("JWT_SIGNING_KEY must differ from SECRET_KEY with DEBUG off.")
# Reads trust an access token's vendor/role claims for its whole lifetime
# (accounts/authentication.py): this is the window in which a removed user keeps
# reading lists, hence the cap.
JWT_ACCESS_MINUTES = bounded("JWT_ACCESS_MINUTES", env.int("JWT_ACCESS_MINUTES", default=15), low=1, high=60)
# A session (a login and every refresh token rotated from it) ends this long after
# the login, however often it is refreshed (accounts/tokens.py, auth_time claim).
JWT_SESSION_MAX_DAYS = bounded(
    "JWT_SESSION_MAX_DAYS", env.int("JWT_SESSION_MAX_DAYS", default=30), low=1, high=365
)

SIMPLE_JWT = {
    "ACCESS_TOKEN_LIFETIME": timedelta(minutes=JWT_ACCESS_MINUTES),
    "REFRESH_TOKEN_LIFETIME": timedelta(days=env.int("JWT_REFRESH_DAYS", default=7)),
    "ROTATE_REFRESH_TOKENS": True,
    "BLACKLIST_AFTER_ROTATION": True,
    "UPDATE_LAST_LOGIN": False,
    "SIGNING_KEY": JWT_SIGNING_KEY,
    "AUTH_HEADER_TYPES": ("Bearer",),
    # Tokens carry the vendor and role (accounts/tokens.py), re-read on refresh.
    "TOKEN_OBTAIN_SERIALIZER": "accounts.tokens.StaffTokenObtainPairSerializer",
    "TOKEN_REFRESH_SERIALIZER": "accounts.tokens.StaffTokenRefreshSerializer",
}

# /admin/login/ has no DRF throttle: django-axes locks a username + address out
# after AXES_FAILURE_LIMIT failures, for AXES_COOLOFF_TIME (`manage.py axes_reset`
# unlocks; docs/security.md, "Throttles").
INSTALLED_APPS += ["axes"]
# Last, as axes requires: it answers a lockout flagged while the view ran (429).
MIDDLEWARE += ["axes.middleware.AxesMiddleware"]
AUTHENTICATION_BACKENDS = [
    # First: refuses a locked-out username + address before any password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_HANDLER = "accounts.throttling.AdminLoginLockoutHandler"
AXES_ONLY_ADMIN_SITE = True
AXES_FAILURE_LIMIT = env.int("ADMIN_LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("ADMIN_LOGIN_LOCKOUT_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# The same client address as the API's throttles (NUM_PROXIES).
AXES_CLIENT_IP_CALLABLE = "accounts.throttling.client_address"
AXES_RESET_ON_SUCCESS = True
# No banner on every start (make run stays quiet); lockouts are still logged.
AXES_VERBOSE = False

# Content-Security-Policy on every response (django-csp; docs/security.md,
# "Headers (CSP)"): the refresh token lives in localStorage, so no script may run
# unless it is a file served by this origin.
INSTALLED_APPS += ["csp"]
# Outside WhiteNoise, whose responses (the SPA's files) never reach inner middleware.
MIDDLEWARE.insert(
    MIDDLEWARE.index("whitenoise.middleware.WhiteNoiseMiddleware"), "csp.middleware.CSPMiddleware"
)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [CSP_SELF],
        # No inline script and no eval anywhere: the SPA's theme script is a file
        # (frontend/public/theme-init.js), zod runs jitless, and Swagger UI's
        # initializer is served as a file (SpectacularSwaggerSplitView).
        "script-src": [CSP_SELF],
        # Radix UI and Swagger UI set inline styles; a style cannot run code.
        "style-src": [CSP_SELF, CSP_UNSAFE_INLINE],
        # CSP_IMG_SRC: where uploaded images are served from when not this origin.
        "img-src": [CSP_SELF, "data:", "blob:", *env.list("CSP_IMG_SRC", default=[])],
        "font-src": [CSP_SELF, "data:"],
        "connect-src": [CSP_SELF],
        "worker-src": [CSP_SELF, "blob:"],
        "object-src": [CSP_NONE],
        "base-uri": [CSP_SELF],
        "form-action": [CSP_SELF],
        "frame-ancestors": [CSP_NONE],
    },
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Omni-Stock API",
    "DESCRIPTION": (
        "Inventory for shops that sell collectibles and trading cards. "
        "Authenticate with `POST /api/v1/auth/token/` and send "
        "`Authorization: Bearer <access>`. Every resource is scoped to the "
        "caller's vendor."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {
        "ConditionEnum": "collectibles.choices.Condition",
        "GameEnum": "collectibles.choices.Game",
        "LanguageEnum": "collectibles.choices.Language",
        "MarketRegionEnum": "collectibles.choices.MarketRegion",
        "FinishEnum": "collectibles.choices.Finish",
        "GradingCompanyEnum": "collectibles.choices.GradingCompany",
        "RoleEnum": "accounts.models.Role",
        "MovementReasonEnum": "collectibles.choices.MovementReason",
        "HistoryActionEnum": "collectibles.choices.HistoryAction",
        "BulkActionEnum": "collectibles.choices.BulkAction",
        "BulkItemStatusEnum": "collectibles.choices.BulkItemStatus",
        "ImportStatusEnum": "imports.models.BatchStatus",
        "ImportModeEnum": "imports.models.ImportMode",
        "ImportRowOutcomeEnum": "imports.models.RowOutcome",
        "ImportFormatEnum": "imports.formats.registry.FORMAT_CHOICES",
    },
    "APPEND_COMPONENTS": {"schemas": ERROR_COMPONENTS},
    "PATH_CONVERTER_OVERRIDES": {ID_CONVERTER: ID_SCHEMA},
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "common.openapi.mark_response_fields_required",
    ],
}

CORS_ALLOWED_ORIGINS = env.list(
    "CORS_ALLOWED_ORIGINS", default=["http://localhost:5173", "http://127.0.0.1:5173"]
)
# Response headers the API documents, readable by browser clients on another origin.
CORS_EXPOSE_HEADERS = ["ETag", "X-Count-Exact", "X-Request-ID"]

# Production hardening: off for the local demo, switched on by environment in
# deployment (docs/deployment.md).
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=False)
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=False)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=False)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=False)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
if env.bool("BEHIND_TLS_PROXY", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# --- Observability (docs/observability.md; code in observability/) -------------------
# JSON lines by default (a log pipeline reads them); LOG_FORMAT=console for
# people (`make run`, `make dev`). gunicorn and Celery workers use the same config.
LOG_FORMAT = env.str("LOG_FORMAT", default="json")
LOGGING = logging_config(log_format=LOG_FORMAT, level=env.str("LOG_LEVEL", default="INFO"))
# The bearer token a Prometheus scrape of /metrics must send; empty: /metrics is 404.
METRICS_TOKEN = env.str("METRICS_TOKEN", default="")
# Error reports to Sentry when set (release: GIT_COMMIT, else the checkout's commit).
SENTRY_DSN = env.str("SENTRY_DSN", default="")
SENTRY_ENVIRONMENT = env.str("SENTRY_ENVIRONMENT", default="production")
# OpenTelemetry traces (OTLP over HTTP) when set; the exporter reads the other OTEL_* variables.
OTEL_EXPORTER_OTLP_ENDPOINT = env.str("OTEL_EXPORTER_OTLP_ENDPOINT", default="")

# --- Feature flags (django-waffle; docs/observability.md#feature-flags) -----------------
# Our flag model adds vendors to waffle's users and groups: a flag on for one shop.
WAFFLE_FLAG_MODEL = "accounts.Flag"
# accounts/admin.py registers the flag, switch and sample admins (waffle's own would
# register its swapped-out Flag model).
WAFFLE_ENABLE_ADMIN_PAGES = False
# Waffle's migrations would create its swapped-out Flag table anyway (see the package's docstring).
MIGRATION_MODULES = {"waffle": "accounts.waffle_migrations"}
