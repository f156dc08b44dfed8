"""Settings for the fault-injection runs (python -m benchmarks.faults): the benchmark settings, with the engine's time
budget and circuit breaker set by the run, so one script can compare them on and off."""

import os

from benchmarks.bench_settings import *  # noqa: F403
from benchmarks.bench_settings import SEARCH_BREAKER_FAILURES, SEARCH_REQUEST_BUDGET

SEARCH_REQUEST_BUDGET = float(os.environ.get("FAULTS_REQUEST_BUDGET", SEARCH_REQUEST_BUDGET))
SEARCH_BREAKER_FAILURES = int(os.environ.get("FAULTS_BREAKER_FAILURES", SEARCH_BREAKER_FAILURES))
