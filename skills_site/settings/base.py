"""Settings shared by every environment. The environment is read here, once."""

from pathlib import Path

from celery.schedules import crontab

from .environment import (
    ConfigurationError,
    read_bool,
    read_broker_url,
    read_choice,
    read_database,
    read_email,
    read_http_urls,
    read_int,
    read_list,
    read_optional_http_url,
    read_str,
)

BASE_DIR = Path(__file__).resolve().parent.parent.parent

DEBUG = read_bool("DEBUG", default=False)
SECRET_KEY = read_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ConfigurationError("SECRET_KEY must be set when DEBUG is off")
    SECRET_KEY = "insecure-development-key-only-used-while-debug-is-on"

ALLOWED_HOSTS = read_list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
DATABASES = {"default": read_database("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
# Seconds a web or worker thread keeps its database connection between requests (0: a new one each request). Each
# kept connection counts against PostgreSQL's max_connections: README, Running on several machines.
DATABASES["default"]["CONN_MAX_AGE"] = read_int("DATABASE_CONN_MAX_AGE", default=60)
# Behind PgBouncer in transaction mode one client connection's transactions may each reach a different server
# connection, so no cursor may outlive its transaction: QuerySet.iterator() then reads in chunks instead.
DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = read_bool("DATABASE_TRANSACTION_POOLING", default=False)
# One node, or every node of a cluster separated by commas: search.connection sends each request to one of them
# and, when it refuses the connection, to the next. Kept as one string (the circuit breaker is keyed on it).
SEARCH_URL = ",".join(read_http_urls("SEARCH_URL", default="http://127.0.0.1:9200"))
# How new indices are laid out (README, Running on several machines, has a sizing table). Primary shards: 1 up to a few
# million documents. Copies of each shard on other nodes: 0 on one node, 1 on a cluster of three. How soon a write
# becomes searchable ("1s"; a rebuild turns it off while it loads, then sets this again).
SEARCH_SHARDS = read_int("SEARCH_SHARDS", default=1, minimum=1)
SEARCH_REPLICAS = read_int("SEARCH_REPLICAS", default=0)
SEARCH_REFRESH_INTERVAL = read_str("SEARCH_REFRESH_INTERVAL", default="1s")
SEARCH_INDEX_PREFIX = read_str("SEARCH_INDEX_PREFIX", default="skills")
CELERY_BROKER_URL = read_broker_url("CELERY_BROKER_URL")
CACHE_URL = read_broker_url("CACHE_URL")
globals().update(read_email("EMAIL_URL", default="console://"))
EMAIL_TIMEOUT = 10  # seconds: a slow mail server fails the task (retried), never holds a worker for ever
DEFAULT_FROM_EMAIL = read_str("DEFAULT_FROM_EMAIL", default="Digital Skills Leeds City Region <no-reply@localhost>")

INSTALLED_APPS = [
    "accounts",
    "places",
    "outbox",
    "publishing",
    "pathways",
    "courses",
    "careers",
    "search",
    "reach",
    "opendata",
    "api",
    "home",
    "demo",
    "wagtail.contrib.forms",
    "wagtail.contrib.simple_translation",
    "wagtail.locales",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",  # Swagger UI's files for /api/v1/docs/, served as our own static files
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # After sessions, before CommonMiddleware (Django's order): the switcher's choice (a cookie), then the browser's
    # Accept-Language. No language prefix in URLs, so every address stays the same in every language.
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "accounts.middleware.StaffMFAMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "search.middleware.EngineBudgetMiddleware",
]

ROOT_URLCONF = "skills_site.urls"
WSGI_APPLICATION = "skills_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "skills_site" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",  # the help line on every page
            ],
        },
    },
]

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    # At least 12 characters and not a common password: OWASP ASVS 4.0 level 2 (V2.1.1, V2.1.7).
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"

# django-allauth: email is the login, and an address must be verified before use.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_SIGNUP_FORM_CLASS = "accounts.forms.SignupDetailsForm"
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "confirm_email": "1/3m/key",
}
ACCOUNT_EMAIL_SUBJECT_PREFIX = "Digital Skills: "
# Tell people by email when their password, email addresses or authenticator change (it may not be them).
ACCOUNT_EMAIL_NOTIFICATIONS = True
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Digital Skills Leeds City Region"
# A code from the 30 seconds before still counts (RFC 6238's one step of delay): a code typed as the app moved on
# is not refused. Each code is still accepted once only (allauth marks it used for the whole window).
MFA_TOTP_TOLERANCE = 1

WAGTAIL_SITE_NAME = "Digital Skills Leeds City Region"
WAGTAILADMIN_BASE_URL = read_str("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
WAGTAILADMIN_LOGIN_URL = "account_login"
# One way in: pages and documents that need a sign-in send people to allauth (rate limits, verified email, the
# authenticator step), and Wagtail's own password and email forms, which would bypass them, are closed.
WAGTAIL_FRONTEND_LOGIN_URL = "account_login"
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False
# A staff session (admin, moderation) left idle this long is signed out (accounts.middleware).
STAFF_IDLE_TIMEOUT = 30 * 60
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "pdf", "pptx", "txt", "xlsx"]

CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}
        if CACHE_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

# Celery: with no broker configured, tasks run in-process so the zero-setup run still works.
CELERY_TASK_ALWAYS_EAGER = CELERY_BROKER_URL is None
CELERY_TIMEZONE = "Europe/London"  # beat's crontab times are the region's clock
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = CELERY_BROKER_URL
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_TIME_LIMIT = 300
CELERY_TASK_SOFT_TIME_LIMIT = 240
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A queue (and workers) for each kind of work, so one cannot hold up another: an hour-long import never delays
# index sync, and a slow mail server never delays either. Everything else (periodic jobs) goes to "celery".
# Start a worker for each queue: README, Running on several machines.
CELERY_TASK_ROUTES = {
    "search.drain_outbox": {"queue": "index"},
    "search.reconcile_index": {"queue": "index"},
    "search.remove_expired": {"queue": "index"},
    "courses.import_programmes": {"queue": "imports"},
    "courses.pull_feeds": {"queue": "imports"},
    "courses.pull_feed": {"queue": "imports"},
    "outbox.send_emails": {"queue": "email"},
    "pathways.email_plan": {"queue": "email"},
}
# One beat sends the periodic tasks: a second one started by mistake stands by (skills_site/beat.py). It wakes
# at least this often, to keep its lock.
CELERY_BEAT_SCHEDULER = "skills_site.beat:SingleBeatScheduler"
CELERY_BEAT_MAX_LOOP_INTERVAL = 10

LANGUAGE_CODE = "en-gb"
# The languages residents can choose, each named in itself (README, Languages). Site-wide strings are in
# locale/, each app's in <app>/locale/.
LANGUAGES = [("en-gb", "English"), ("ur", "اردو"), ("pl", "Polski"), ("ro", "Română")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True
# Editors translate pages into the residents' languages (Settings > Locales; "Translate" on a page copies it with
# its subpages to edit). A translation is served at the English page's address to residents who chose its
# language, English otherwise (home.translations).
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "skills_site" / "static"]
# Uploaded media (Wagtail images and documents): every web node and worker must see the same files. On the local
# disk (MEDIA_ROOT: one machine, or a volume every node mounts), or with MEDIA_STORAGE=s3 in an S3-compatible bucket
# (django-storages), which production then requires to be named with its keys (production.py).
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(read_str("MEDIA_ROOT", default=str(BASE_DIR / "media")))
# The nightly open-data files (opendata/), served at /data/<file>: a directory every web node and the worker that
# writes them (beat's nightly task) share. Not in the repository.
DATASETS_ROOT = Path(read_str("DATASETS_ROOT", default=str(MEDIA_ROOT / "datasets")))
MEDIA_STORAGE = read_choice("MEDIA_STORAGE", choices=("filesystem", "s3"), default="filesystem")
MEDIA_S3_REQUIRED = ("AWS_STORAGE_BUCKET_NAME", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY")
if MEDIA_STORAGE == "s3":
    MEDIA_BACKEND = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": read_str("AWS_STORAGE_BUCKET_NAME"),
            "access_key": read_str("AWS_ACCESS_KEY_ID"),
            "secret_key": read_str("AWS_SECRET_ACCESS_KEY"),
            "region_name": read_str("AWS_S3_REGION_NAME"),
            # Another S3-compatible store (MinIO, Ceph, a cloud's object storage): its address.
            "endpoint_url": read_optional_http_url("AWS_S3_ENDPOINT_URL"),
            # A CDN or the bucket's own public name in front of it: media links use it, unsigned.
            "custom_domain": read_str("AWS_S3_CUSTOM_DOMAIN"),
            # An upload never replaces a file of the same name (as on disk, a suffix is added).
            "file_overwrite": False,
            # The bucket stays private: links to its files are signed and expire after an hour.
            "default_acl": None,
            "querystring_auth": True,
            "querystring_expire": 3600,
        },
    }
else:
    MEDIA_BACKEND = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
STORAGES = {
    "default": MEDIA_BACKEND,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000
# The most a form post may send, files apart (they have their own limits, such as IMPORT_MAX_UPLOAD_SIZE):
# the biggest posting form (20,000 characters of text with its formatting, percent-encoded) is far smaller,
# and Wagtail editors' longest pages fit. Django answers a bigger post with a 400 page, never a 500
# (https://docs.djangoproject.com/en/5.2/ref/settings/#data-upload-max-memory-size).
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
# Programme imports (courses/imports/): a bigger upload is refused with a message before it is read.
IMPORT_MAX_UPLOAD_SIZE = 5 * 1024 * 1024
# Fetching providers' feeds (courses/feeds/fetching.py): seconds to connect, between bytes, and in all; the
# certificates to trust (empty: the system's); loopback addresses are refused (only the tests' server needs them).
FETCH_TIMEOUTS = (5, 20, 120)
FETCH_CA_BUNDLE = ""
FETCH_ALLOW_LOOPBACK = False
# How many postings an organisation that is not verified yet may have waiting for a moderator at once, so
# one unknown sign-up cannot bury the moderators' queue (publishing.services).
REVIEW_QUEUE_LIMIT_UNVERIFIED = 20
# A posting shown, opened, followed or saved again by the same browser within this many seconds counts once
# (publishing/activity.py), so refreshing a page does not inflate its reach.
ACTIVITY_REPEAT_SECONDS = 30 * 60

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Personal data (emails, names) never goes to the logs: only levels and module names are configured.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": "INFO"},
    "loggers": {
        "django.request": {"level": "ERROR"},
        "opensearch": {"level": "WARNING"},
        "elastic_transport": {"level": "WARNING"},
    },
}

# Periodic tasks (run `celery -A skills_site beat` beside the worker in production).
CELERY_BEAT_SCHEDULE = {
    "search-drain-outbox": {"task": "search.drain_outbox", "schedule": 30.0},
    "search-remove-expired": {"task": "search.remove_expired", "schedule": 60.0 * 15},
    # Documents compared with the database by version; drift (a lost write, a change made without signals) mended.
    "search-reconcile-index": {"task": "search.reconcile_index", "schedule": crontab(minute=20)},
    # Saved pathway plans: new matches (and opted-in emails) each morning; unopened private plans go after a year.
    "pathways-refresh-plans": {"task": "pathways.refresh_plans", "schedule": crontab(hour=7, minute=45)},
    "pathways-delete-forgotten-plans": {"task": "pathways.delete_forgotten_plans", "schedule": crontab(hour=3, minute=30)},
    # Postings whose closing date passed close (and so leave search) within 15 minutes of midnight.
    "publishing-close-expired": {"task": "publishing.close_expired", "schedule": 60.0 * 15},
    "publishing-closing-reminders": {"task": "publishing.closing_reminders", "schedule": crontab(hour=8, minute=0)},
    "search-saved-item-reminders": {"task": "search.saved_item_reminders", "schedule": crontab(hour=8, minute=15)},
    # Hourly: each saved search is checked once a day or once a week, counted from its last check.
    "search-alerts": {"task": "search.send_alerts", "schedule": crontab(minute=30)},
    "search-delete-old-search-log": {"task": "search.delete_old_search_log", "schedule": crontab(hour=3, minute=45)},
    # Scheduled emails wait in the outbox (outbox.services) until this sends them.
    "outbox-send-emails": {"task": "outbox.send_emails", "schedule": 60.0},
    "outbox-delete-old-emails": {"task": "outbox.delete_old_emails", "schedule": crontab(hour=4, minute=0)},
    # Imports whose worker died (no progress for a while) are marked stopped, so the provider can retry.
    "courses-stop-abandoned-imports": {"task": "courses.stop_abandoned_imports", "schedule": 60.0 * 5},
    # Providers' feeds (courses/feeds/): each fetched once an hour, conditionally, and imported when it changed.
    "courses-pull-feeds": {"task": "courses.pull_feeds", "schedule": crontab(minute=5)},
    # The open-data files at /data/ (programmes, vacancies, opportunities, providers, employers, demand), nightly.
    "opendata-publish-datasets": {"task": "opendata.publish_datasets", "schedule": crontab(hour=2, minute=15)},
}


# ---------------------------------------------------------------------------------------------------------------
# The public API (/api/v1/): Django REST framework and its OpenAPI schema (drf-spectacular).
# Open-data views set their own renderers, pagination and throttle (api/views.py); these are defaults.

REST_FRAMEWORK = {
    # No HTTP Basic: it would let anyone try passwords without allauth's rate limits.
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.SessionAuthentication"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_SCHEMA_CLASS": "api.schema.OpenDataSchema",  # every answer of every endpoint, errors too
    # Per signed-in person, or per client address for anyone else (accounts.limits.ClientRateThrottle), at the
    # rate a view names with `throttle_scope`; views that name none are not throttled.
    "DEFAULT_THROTTLE_CLASSES": ["accounts.limits.ScopedClientRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"open_data": "120/minute", "search": "120/minute", "pathways": "30/minute"},
}

# The search page, its autocomplete and its result links (/search/go/…), in the same form: per signed-in person,
# or per client address (an IPv6 /64) for anyone else. Generous, so a resident refining a search, typing, or
# opening a page's results in tabs never meets them.
SEARCH_RATE_LIMITS = {"page": "60/minute", "autocomplete": "300/minute", "click": "120/minute"}
# The anonymous search log (searches and the results followed from them) is deleted after this many days.
SEARCH_LOG_RETENTION_DAYS = 400
# A slow engine must not hold every web worker (search.connection): all of a web request's engine calls share
# this many seconds, then the page answers with the basic search. After SEARCH_BREAKER_FAILURES failures or
# timeouts in a row within SEARCH_BREAKER_WINDOW seconds, every process's pages skip the engine (the circuit,
# kept in the cache, is open) until one request finds it answering again after SEARCH_BREAKER_COOLDOWN seconds.
SEARCH_REQUEST_BUDGET = 2.5
SEARCH_BREAKER_FAILURES = 5
SEARCH_BREAKER_WINDOW = 60
SEARCH_BREAKER_COOLDOWN = 30
# Pathway plans built from the engine's answers are kept this long at most, or until the index changes.
PATHWAY_PLAN_CACHE_SECONDS = 3600

SPECTACULAR_SETTINGS = {
    "TITLE": "Digital Skills Leeds City Region: open data",
    "VERSION": "1.0.0",
    "DESCRIPTION": (
        "Open courses, help to get online, apprenticeships and sponsored opportunities in the Leeds City Region, "
        "and the verified providers and employers behind them. Read-only, no key needed; JSON, or CSV with "
        "`?format=csv`. See docs/api.md.\n\n"
        "Licence: the authority's data is published under the Open Government Licence v3.0 "
        "(https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/). "
        "Contains OS data © Crown copyright and database right; "
        "Contains Royal Mail data © Royal Mail copyright and database right; "
        "Source: Office for National Statistics licensed under the Open Government Licence v3.0."
    ),
    "LICENSE": {
        "name": "Open Government Licence v3.0",
        "url": "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
    },
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    # The reference at /api/v1/docs/ loads Swagger UI from our static files, not a CDN (the CSP allows only us).
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "PREPROCESSING_HOOKS": ["api.schema.public_api_endpoints"],
    # The kinds of search result, shared by the search API and pathway plans: one name in the schema.
    "ENUM_NAME_OVERRIDES": {"ResultKindEnum": ["programme", "apprenticeship", "sponsored"]},
}
