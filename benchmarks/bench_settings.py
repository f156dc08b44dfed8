"""Settings for benchmark runs: the test settings without the API's throttle (a benchmark is a flood)."""

from skills_site.settings.test import *  # noqa: F403
from skills_site.settings.test import REST_FRAMEWORK

DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
REST_FRAMEWORK = {**REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {name: "1000000/second" for name in ("open_data", "search")}}
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "ERROR"}}
