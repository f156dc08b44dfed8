"""Settings for benchmark runs: the test settings without the API's throttles or the search page's rate limits
(a benchmark is a flood). Every scope the base settings name is lifted, so a renamed or added one is too."""

from skills_site.settings.test import *  # noqa: F403
from skills_site.settings.test import REST_FRAMEWORK, SEARCH_RATE_LIMITS

UNLIMITED = "1000000/second"

DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
REST_FRAMEWORK = {
    **REST_FRAMEWORK,
    "DEFAULT_THROTTLE_RATES": {name: UNLIMITED for name in REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]},
}
SEARCH_RATE_LIMITS = {name: UNLIMITED for name in SEARCH_RATE_LIMITS}
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "ERROR"}}
