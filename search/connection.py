"""The one place that holds an OpenSearch client. Everything else asks this module.

Bodies are built with elasticsearch-dsl (which needs no connection) and sent with opensearch-py,
so an Elasticsearch 8/9 cluster can later be added behind the same functions.

A slow or hung engine must not hold every web worker, so what a web request asks goes through ask():
- a time budget per request (SEARCH_REQUEST_BUDGET, set by search.middleware): each call waits at most what is
  left of it, and once it is spent the request answers with what it has (the basic search);
- a circuit breaker kept in the cache, so every process sees it: after SEARCH_BREAKER_FAILURES failures in a
  row (within SEARCH_BREAKER_WINDOW seconds) web requests stop asking the engine; after SEARCH_BREAKER_COOLDOWN
  seconds one request is let through to try it (half-open), and its success closes the circuit.
Work outside a web request (tasks, commands) has no budget and is never turned away: it waits the client's own
timeout, and its successes and failures count like any other.

SEARCH_URL may name several nodes of one cluster (comma-separated). A node that refuses the connection (it is
down) is set aside for a while and the request goes to the next node: ask() tries them one after another itself,
each try within what is left of the budget; other work has opensearch-py retry on the next node (max_retries).
A timeout is not tried again anywhere (retry_on_timeout off): a slow query would only be slow twice, and the
budget would not allow it. Sniffing (asking the cluster for its nodes' addresses) stays off: we reach the nodes
at the addresses we were given, which may be behind a load balancer or need credentials the published ones lack.
"""

import contextvars
import hashlib
import json
import logging
import threading
import time
from collections import OrderedDict
from contextlib import contextmanager
from functools import lru_cache
from typing import NamedTuple

import orjson
from django.conf import settings
from django.core.cache import cache
from opensearchpy import OpenSearch
from opensearchpy.exceptions import ConnectionError as EngineConnectionError
from opensearchpy.exceptions import ConnectionTimeout, SerializationError, TransportError
from opensearchpy.serializer import JSONSerializer

logger = logging.getLogger(__name__)


class EngineNotAsked(EngineConnectionError):
    """The engine was not asked: the request's time budget is spent, or the circuit is open."""

    def __init__(self, reason: str):
        super().__init__("N/A", reason, None)


# What callers catch when the engine cannot be reached or refuses a request.
EngineUnavailable = (EngineConnectionError, ConnectionTimeout)
EngineError = TransportError  # the engine answered, refusing the request

DEFAULT_TIMEOUT = 10.0
# Below this much budget a request is not worth starting.
MIN_CALL_SECONDS = 0.05


# A node that refused a connection is not asked again for this long, doubled at each failure in a row up to
# 2 ** DEAD_TIMEOUT_CUTOFF times (80 s), so a node that comes back is in use again within about a minute.
DEAD_TIMEOUT = 10
DEAD_TIMEOUT_CUTOFF = 3
POOL_SIZE = 8


def node_urls(url: str) -> list[str]:
    return [node for node in url.split(",") if node]


class EngineJSON(JSONSerializer):
    """The client's JSON, written and read by orjson: the same text, in a fraction of the time the standard library
    takes. A rebuild encodes every document (a fifth of its Python time at a million), and every results page
    decodes the engine's answers."""

    def dumps(self, data) -> str | bytes:
        if isinstance(data, (str, bytes)):  # already encoded (bulk and multi-search bodies)
            return data
        try:
            # Decimals, and anything else orjson does not know, as opensearch-py's own serializer gives them.
            return orjson.dumps(data, default=self.default, option=orjson.OPT_NON_STR_KEYS).decode()
        except TypeError as error:
            raise SerializationError(data, error) from error

    def loads(self, s):
        try:
            return orjson.loads(s)
        except orjson.JSONDecodeError as error:
            raise SerializationError(s, error) from error


@lru_cache(maxsize=8)
def _client_for(url: str, timeout: float, retries: int) -> OpenSearch:
    return OpenSearch(
        hosts=node_urls(url),
        timeout=timeout,
        max_retries=retries,
        retry_on_timeout=False,
        dead_timeout=DEAD_TIMEOUT,
        timeout_cutoff=DEAD_TIMEOUT_CUTOFF,
        # Connections kept open to each node, for processes whose threads search at once (urllib3 keeps one).
        pool_maxsize=POOL_SIZE,
        serializer=EngineJSON(),
    )


def get_client(*, timeout: float = DEFAULT_TIMEOUT) -> OpenSearch:
    """A client for work outside a web request: a request a node refuses goes to the next node."""
    url = settings.SEARCH_URL
    return _client_for(url, timeout, len(node_urls(url)) - 1)


def as_json(body: dict) -> str:
    """A request body as the client sends it, for a body built once and sent many times."""
    return get_client().transport.serializer.dumps(body)


def index_name(name: str) -> str:
    """Environment-prefixed name, so test, staging and production can share a cluster safely."""
    return f"{settings.SEARCH_INDEX_PREFIX}-{name}"


def engine_health(*, timeout: float = 2.0) -> dict:
    """Cluster status as the engine reports it; raises EngineUnavailable when it does not answer."""
    return get_client(timeout=timeout).cluster.health()


# ---------------------------------------------------------------------------------------------------------------
# The time budget of the current web request: the seconds it may still spend waiting for the engine (a context
# variable: each thread has its own). Only time spent on engine calls counts, not the page's other work.


class _Budget:
    def __init__(self, seconds: float):
        self.left = seconds


_budget: contextvars.ContextVar[_Budget | None] = contextvars.ContextVar("search_engine_budget", default=None)


@contextmanager
def engine_budget(seconds: float):
    """Every engine call inside shares `seconds` in all."""
    token = _budget.set(_Budget(seconds))
    try:
        yield
    finally:
        _budget.reset(token)


def budget_left() -> float | None:
    """Seconds left of this request's budget; None outside a budgeted request."""
    budget = _budget.get()
    return None if budget is None else budget.left


def ask(method: str, *, timeout: float = DEFAULT_TIMEOUT, **arguments):
    """Call a client method (search, msearch, termvectors…) within the request's budget and past the breaker.
    Raises EngineNotAsked (one of EngineUnavailable) when the engine is not to be asked."""
    seen = None
    left = budget_left()
    if left is not None:
        if left < MIN_CALL_SECONDS:
            raise EngineNotAsked("the request's time budget for the engine is spent")
        seen = _breaker_check()
        if seen is None:
            raise EngineNotAsked("the circuit is open")
    try:
        answer = _ask_nodes(method, timeout, arguments)
    except TransportError as error:
        if _engine_at_fault(error):
            _breaker_failure(seen)
        raise
    _breaker_success(seen)
    return answer


def _ask_nodes(method: str, timeout: float, arguments: dict):
    """Ask one node; while nodes refuse the connection, the next, each within what is left of the budget."""
    url = settings.SEARCH_URL
    tries = len(node_urls(url))
    client = _client_for(url, DEFAULT_TIMEOUT, 0)  # the tries are made here, where the budget is known
    for attempt in range(1, tries + 1):
        left = budget_left()
        started = time.monotonic()
        try:
            return getattr(client, method)(request_timeout=timeout if left is None else min(timeout, left), **arguments)
        except EngineConnectionError as error:
            still_left = None if left is None else left - (time.monotonic() - started)
            if isinstance(error, ConnectionTimeout) or attempt == tries or (still_left is not None and still_left < MIN_CALL_SECONDS):
                raise
            logger.info("A search engine node refused the connection (%s); asking the next", type(error).__name__)
        finally:
            if left is not None:
                _budget.get().left = max(0.0, left - (time.monotonic() - started))


def _engine_at_fault(error: TransportError) -> bool:
    """No answer, or an answer that says the engine is overloaded or broken: not a query it refused."""
    status = error.status_code
    return isinstance(error, EngineUnavailable) or status == 429 or (isinstance(status, int) and status >= 500)


# ---------------------------------------------------------------------------------------------------------------
# The circuit breaker. Kept per engine address, so the state of one engine never stops calls to another.


class _Seen(NamedTuple):
    """The breaker as a call found it, so its outcome is recorded without reading the cache again."""

    failures: bool
    opened: bool
    probing: bool


# An open circuit is forgotten after a day even if no probe closes it, so a retired engine address leaves nothing
# behind for ever; if the engine is still failing, the circuit opens again after a few requests.
OPEN_AT_MOST = 24 * 3600


def _keys() -> dict[str, str]:
    base = f"search-breaker:{settings.SEARCH_URL}"
    return {"failures": f"{base}:failures", "opened": f"{base}:opened", "probe": f"{base}:probe"}


def _breaker_check() -> _Seen | None:
    """The breaker's state if the call may go ahead; None if it is turned away."""
    keys = _keys()
    state = cache.get_many([keys["opened"], keys["failures"]])
    opened = state.get(keys["opened"])
    if opened is None:
        return _Seen(failures=bool(state.get(keys["failures"])), opened=False, probing=False)
    if time.time() < opened + settings.SEARCH_BREAKER_COOLDOWN:
        return None
    # Half-open: the one request that takes the probe slot tries the engine; the rest keep to the basic search.
    # The slot expires, so a probe whose process died does not keep the circuit open for ever.
    if cache.add(keys["probe"], True, timeout=settings.SEARCH_REQUEST_BUDGET + 5):
        return _Seen(failures=True, opened=True, probing=True)
    return None


def _breaker_success(seen: _Seen | None) -> None:
    keys = _keys()
    if seen is None:  # outside a web request: nothing was read before the call
        state = cache.get_many([keys["opened"], keys["failures"]])
        seen = _Seen(failures=bool(state.get(keys["failures"])), opened=keys["opened"] in state, probing=False)
    if seen.opened:
        if cache.delete(keys["opened"]):  # True for one process only, so the change is logged once
            logger.warning("Search engine answered again: circuit closed, pages use the engine")
        cache.delete_many([keys["failures"], keys["probe"]])
    elif seen.failures:
        cache.delete(keys["failures"])


def _breaker_failure(seen: _Seen | None) -> None:
    keys = _keys()
    if seen and seen.probing:
        cache.set(keys["opened"], time.time(), timeout=OPEN_AT_MOST)  # the probe failed: another cool-down
        cache.delete(keys["probe"])
        return
    window = settings.SEARCH_BREAKER_WINDOW
    if cache.add(keys["failures"], 1, timeout=window):
        failures = 1
    else:
        try:
            failures = cache.incr(keys["failures"])
        except ValueError:  # expired between the two calls
            failures = 1
            cache.add(keys["failures"], 1, timeout=window)
    if failures >= settings.SEARCH_BREAKER_FAILURES and cache.add(keys["opened"], time.time(), timeout=OPEN_AT_MOST):
        # add() succeeds for one process only, so the change is logged once.
        logger.warning("Search engine failed %d times in a row: circuit open, pages use the basic search", failures)


def breaker_state() -> dict:
    """For the health check: "closed", "open" (pages use the basic search) or "half-open" (one request may try
    the engine), and the failures counted in a row."""
    keys = _keys()
    state = cache.get_many([keys["opened"], keys["failures"]])
    opened = state.get(keys["opened"])
    if opened is None:
        return {"circuit": "closed", "failures": state.get(keys["failures"], 0)}
    waiting = opened + settings.SEARCH_BREAKER_COOLDOWN - time.time()
    if waiting > 0:
        return {"circuit": "open", "retry_in_seconds": round(waiting)}
    return {"circuit": "half-open"}


# ---------------------------------------------------------------------------------------------------------------
# The index generation: a number that changes whenever what the index holds may have changed, so answers built
# from it (pathway plans) can be kept until then.

_GENERATION_KEY = "search-index-generation"


def index_generation() -> int:
    generation = cache.get(_GENERATION_KEY)
    if generation is None:
        # Lost (evicted, or a fresh cache): start from the clock, never from a number already used.
        cache.add(_GENERATION_KEY, time.time_ns() // 1000, timeout=None)
        generation = cache.get(_GENERATION_KEY)
    return generation


def index_changed() -> None:
    """Called after writes to the index: what was built from its old contents is out of date."""
    _Remembered.forget()
    try:
        cache.incr(_GENERATION_KEY)
    except ValueError:
        index_generation()


# ---------------------------------------------------------------------------------------------------------------
# Answers remembered. Before a results page is searched, two questions about the words are asked whose answers
# depend only on the question and the index's contents: which words our vocabulary lacks, and which skill areas the
# best matches share. Residents ask the same searches again and again, so each answer is kept until the index
# changes (its generation) and at most REMEMBER_SECONDS: a repeated search is then one request to the engine, not
# three. Kept twice: in this process (no cost to read), and in the shared cache under the generation, so the first
# time a search reaches another web process it is not asked again (a cache read is a fraction of a millisecond; the
# engine's answer at a million items tens of milliseconds). Another process's writes are seen within
# GENERATION_CHECK_SECONDS (the engine shows a write only after its refresh, a second, anyway); this process's own at
# once.

REMEMBER_AT_MOST = 4096
REMEMBER_SECONDS = 300
GENERATION_CHECK_SECONDS = 1.0


class _Remembered:
    lock = threading.Lock()
    answers: OrderedDict = OrderedDict()  # key → (monotonic time asked, answer), least recently used first
    generation: int | None = None
    checked_at = 0.0

    @classmethod
    def forget(cls) -> None:
        with cls.lock:
            cls.answers.clear()
            cls.generation, cls.checked_at = None, 0.0

    @classmethod
    def current(cls) -> int:
        """The index generation, as last looked (at most GENERATION_CHECK_SECONDS ago); everything is forgotten if
        another process changed the index since."""
        now = time.monotonic()
        if now - cls.checked_at < GENERATION_CHECK_SECONDS and cls.generation is not None:
            return cls.generation
        generation = index_generation()
        with cls.lock:
            if generation != cls.generation:
                cls.answers.clear()
            cls.generation, cls.checked_at = generation, now
        return generation

    @classmethod
    def get(cls, key: str):
        with cls.lock:
            kept = cls.answers.get(key)
            if kept is None or time.monotonic() - kept[0] > REMEMBER_SECONDS:
                return None
            cls.answers.move_to_end(key)
            return kept[1]

    @classmethod
    def keep(cls, key: str, answer, *, age: float = 0.0) -> None:
        """`age`: seconds since the engine gave the answer (another process asked), which count towards its time."""
        with cls.lock:
            cls.answers[key] = (time.monotonic() - age, answer)
            while len(cls.answers) > REMEMBER_AT_MOST:
                cls.answers.popitem(last=False)


def ask_remembered(method: str, *, timeout: float = DEFAULT_TIMEOUT, **arguments):
    """ask(), or the answer this process or another was given for the same request since the index last changed.
    Only for requests whose answer the index's contents alone decide, and that callers do not change."""
    generation = _Remembered.current()
    key = json.dumps([settings.SEARCH_URL, method, arguments], sort_keys=True, default=str)
    answer = _Remembered.get(key)
    if answer is not None:
        return answer
    shared_key = f"search-answer:{generation}:{hashlib.sha256(key.encode()).hexdigest()}"
    asked_at, answer = cache.get(shared_key, (0.0, None))
    age = time.time() - asked_at
    if answer is None or age > REMEMBER_SECONDS:
        answer, age = ask(method, timeout=timeout, **arguments), 0.0
        cache.set(shared_key, (time.time(), answer), timeout=REMEMBER_SECONDS)
    _Remembered.keep(key, answer, age=age)
    return answer
