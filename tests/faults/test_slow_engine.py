"""Fault scenario 4, quick version: the engine answers, but too slowly (benchmarks/faults/proxy.py in front of the
real node). Pages, the API and pathway plans answer in basic mode, never an error; after a few failures the
circuit opens and later requests, in any process, do not touch the engine; once it answers again, one request
finds out and closes the circuit. Counted in requests that reach the engine, never in seconds (the figures are
`python -m benchmarks.faults slow`, in benchmarks/FAULTS.md)."""

import json
import urllib.request

import pytest
from django.core.cache import cache

from benchmarks.faults.proxy import EngineProxy
from courses.models import Programme
from tests.courses.factories import help_to_get_online
from tests.pathways.test_api import ANSWERS
from tests.search.helpers import sync_now

pytestmark = [pytest.mark.engine, pytest.mark.usefixtures("clear_limits")]

FAILURES_TO_OPEN = 3


@pytest.fixture
def opportunities(search_indices):
    help_to_get_online("Python for beginners", postcode="LS6 3HG", areas=("EDS-F", "EDS-T"))
    help_to_get_online("Free spreadsheets for work", postcode="LS1 3AB", areas=("EDS-H",), tier_code="general")
    help_to_get_online("Data bootcamp", postcode="LS1 3AB", areas=("ADV-DATA",), tier_code="advanced", cost=Programme.Cost.PAID)
    sync_now()


@pytest.fixture
def slow_engine(settings, search_engine):
    """The proxy answers a second late; a web request gives the engine a fifth of that in all."""
    with EngineProxy(search_engine) as proxy:
        proxy.delay = 1.0
        settings.SEARCH_URL = proxy.url
        settings.SEARCH_REQUEST_BUDGET = 0.2
        settings.SEARCH_BREAKER_FAILURES = FAILURES_TO_OPEN
        settings.SEARCH_BREAKER_COOLDOWN = 600
        yield proxy


def search_page(client):
    response = client.get("/search/", {"q": "python"})
    assert response.status_code == 200
    return response.content.decode()


def search_api(client):
    response = client.get("/api/v1/search/", {"q": "python"})
    assert response.status_code == 200
    return response.json()


def plan_api(client):
    response = client.post("/api/v1/pathways/plan", json.dumps(ANSWERS), content_type="application/json")
    assert response.status_code == 200, response.content
    return response.json()


def test_with_a_slow_engine_pages_answer_in_basic_mode_and_then_stop_asking_it(client, opportunities, slow_engine):
    page = search_page(client)
    # A page that would ask the engine five times (words, related, results, careers content, further away)
    # waits for it once: the rest of its budget is spent.
    assert slow_engine.requests == 1
    assert "Search is working in a simpler way for now" in page
    assert "Python for beginners" in page
    api = search_api(client)
    assert api["mode"] == "basic" and [hit["title"] for hit in api["results"]] == ["Python for beginners"]
    plan = plan_api(client)
    assert plan["mode"] == "basic"
    assert slow_engine.requests == FAILURES_TO_OPEN
    assert client.get("/healthz").json()["services"]["search"]["circuit"] == "open"
    asked = slow_engine.requests

    page, api, plan = search_page(client), search_api(client), plan_api(client)

    assert "Python for beginners" in page and api["mode"] == "basic" and plan["mode"] == "basic"
    assert slow_engine.requests == asked  # the circuit is open: the engine was not asked
    assert "Python for beginners" in {o["title"] for step in plan["steps"] for o in step["opportunities"]}


def test_after_the_cool_down_one_request_tries_the_engine_and_its_answer_closes_the_circuit(client, opportunities, slow_engine, settings):
    for _ in range(FAILURES_TO_OPEN):
        search_api(client)
    assert client.get("/healthz").status_code == 503
    settings.SEARCH_BREAKER_COOLDOWN = 0
    asked = slow_engine.requests

    assert search_api(client)["mode"] == "basic"  # still slow: the one try fails, the circuit stays open
    assert slow_engine.requests == asked + 1
    slow_engine.heal()
    answer = search_api(client)

    assert answer["mode"] == "full"
    health = client.get("/healthz").json()["services"]["search"]
    assert health["circuit"] == "closed" and health["up"]
    assert search_api(client)["mode"] == "full"


def test_the_circuit_is_shared_by_every_process_through_the_cache(db, client, slow_engine, settings, serve_site):
    """Another web process, sharing the Redis cache, skips the engine as soon as this one has opened the circuit."""
    redis = settings.CELERY_BROKER_URL
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": redis}}
    for _ in range(FAILURES_TO_OPEN):
        search_api(client)
    asked = slow_engine.requests
    database = settings.DATABASES["default"]
    site = serve_site(
        CACHE_URL=redis,
        SEARCH_URL=slow_engine.url,
        DATABASE_URL=f"postgres://{database['USER']}:{database['PASSWORD']}@{database['HOST']}:{database['PORT']}/{database['NAME']}",
    )

    # A plan, which writes nothing: this process's searches would be logged outside the test's transaction.
    asking = urllib.request.Request(
        f"{site}/api/v1/pathways/plan", data=json.dumps(ANSWERS).encode(), headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(asking, timeout=20) as answer:
        body = json.load(answer)

    assert body["mode"] == "basic"
    assert slow_engine.requests == asked
