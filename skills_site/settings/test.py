"""The test suite: real PostgreSQL, Redis and OpenSearch come from the environment `make test` sets."""

import os

os.environ.setdefault("DEBUG", "false")
os.environ.setdefault("SECRET_KEY", "test-only-secret-key-not-for-any-deployment")
os.environ.setdefault("SEARCH_INDEX_PREFIX", "test")

from .base import *  # noqa: E402,F403

EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
if not CACHE_URL:  # noqa: F405 (a second process in a test may share Redis with the first: tests/faults)
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_AUTOREFRESH = True

# Tasks run in the test's own process (and transaction); the Celery test starts a real worker and
# sends through Redis explicitly.
CELERY_TASK_ALWAYS_EAGER = True

# The feed tests' HTTPS server runs on 127.0.0.1 (tests/courses/feed_server.py); one test turns this off again.
FETCH_ALLOW_LOOPBACK = True
FETCH_TIMEOUTS = (2, 1, 3)
