"""Production: HTTPS only, strict cookies, HSTS and a Content Security Policy. It fails closed: a service
that development can do without (a shared cache for rate limits, a broker, real email, the media bucket once it
is chosen) must be configured."""

from urllib.parse import urlsplit

from csp.constants import NONE, SELF

from .base import *  # noqa: F403
from .base import DEBUG, MEDIA_S3_REQUIRED, MEDIA_STORAGE, MIDDLEWARE, REST_FRAMEWORK, STORAGES, ConfigurationError
from .environment import require

if DEBUG:
    raise ConfigurationError("DEBUG must be off in production settings")
# Rate limits and sessions' throttles live in the cache, so each worker process must share one.
require("ALLOWED_HOSTS", "CACHE_URL", "CELERY_BROKER_URL", "EMAIL_URL", "WAGTAILADMIN_BASE_URL")
# Media in a bucket: never fall back to the web node's own disk, or to whatever credentials boto3 finds.
if MEDIA_STORAGE == "s3":
    require(*MEDIA_S3_REQUIRED)

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = True
# Load balancers often probe over plain HTTP inside the network: health checks answer rather than redirect.
SECURE_REDIRECT_EXEMPT = [r"^healthz(/live)?$"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True


def media_origins() -> list[str]:
    """Where images load from when media live in a bucket: its custom domain, or the store's own addresses."""
    if MEDIA_STORAGE != "s3":
        return []
    options = STORAGES["default"]["OPTIONS"]
    bucket = options["bucket_name"]
    if options["custom_domain"]:
        return [f"https://{options['custom_domain']}"]
    if options["endpoint_url"]:
        endpoint = urlsplit(options["endpoint_url"])
        return [f"{endpoint.scheme}://{endpoint.netloc}", f"{endpoint.scheme}://{bucket}.{endpoint.netloc}"]
    region = options["region_name"]
    return [f"https://{bucket}.s3.amazonaws.com"] + ([f"https://{bucket}.s3.{region}.amazonaws.com"] if region else [])


# Pages are sent gzipped (a search results page: 49 KB of HTML, about 9 KB sent; benchmarks/page_weight.py), so a
# cheap phone on a slow connection gets them sooner. Below WhiteNoise, which sends its own compressed files and
# answers before this runs. BREACH: the CSRF token is masked afresh on every response and Django pads compressed
# responses with random bytes, so secrets cannot be read from the compressed length.
_WHITENOISE = MIDDLEWARE.index("whitenoise.middleware.WhiteNoiseMiddleware")
MIDDLEWARE = [
    *MIDDLEWARE[: _WHITENOISE + 1],
    "django.middleware.gzip.GZipMiddleware",
    *MIDDLEWARE[_WHITENOISE + 1 :],
    "csp.middleware.CSPMiddleware",
]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "img-src": [SELF, "data:", *media_origins()],
        # The Wagtail admin sets element styles from its scripts.
        "style-src": [SELF, "'unsafe-inline'"],
        "script-src": [SELF],
        "object-src": [NONE],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
    }
}
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Behind exactly one proxy (the load balancer): rate limits key on the client it saw, not a forged header.
REST_FRAMEWORK = {**REST_FRAMEWORK, "NUM_PROXIES": 1}
# allauth's rate limits (sign-in, sign-up, plan look-ups) key on the client address the proxy saw.
ALLAUTH_TRUSTED_PROXY_COUNT = 1
