"""SEARCH_URL naming several nodes: a node that is down (its port refuses connections) is passed over for the
next, for searches within the request's budget and for the outbox's writes alike; a node that is only slow is not
asked twice. The real engine, one loopback port where nothing listens, and the fault proxy in front of the engine.
The real three-node cluster losing a node is tests/search/test_cluster.py."""

import pytest

from benchmarks.faults.proxy import EngineProxy
from search.connection import breaker_state, engine_budget
from tests.helpers import closed_port_url
from tests.search.helpers import programme, search, sync_now

pytestmark = [pytest.mark.engine, pytest.mark.usefixtures("search_indices", "clear_limits")]


def searched_in_full(settings, words: str) -> bool:
    with engine_budget(settings.SEARCH_REQUEST_BUDGET):  # as a web request has (search.middleware)
        return search(q=words).mode == "full"


def test_searches_and_writes_go_to_the_next_node_when_one_is_down(settings, search_engine):
    settings.SEARCH_URL = f"{closed_port_url('http')},{search_engine}"
    programme("Podcasting for beginners")

    assert sync_now()["sent"] == 1  # the outbox's bulk write, past the node that is down

    assert all(searched_in_full(settings, "podcasting") for _ in range(10))
    with engine_budget(settings.SEARCH_REQUEST_BUDGET):
        assert [hit.title for hit in search(q="podcasting").hits] == ["Podcasting for beginners"]
    assert breaker_state() == {"circuit": "closed", "failures": 0}


def test_a_slow_node_is_not_asked_again_elsewhere_and_the_budget_holds(settings, search_engine):
    programme("Podcasting for beginners")
    sync_now()
    with EngineProxy(search_engine) as first, EngineProxy(search_engine) as second:
        first.delay = second.delay = 1.0
        settings.SEARCH_URL = f"{first.url},{second.url}"
        settings.SEARCH_REQUEST_BUDGET = 0.2

        assert not searched_in_full(settings, "podcasting")  # the basic search answered

        assert first.requests + second.requests == 1


def test_when_every_node_is_down_the_search_answers_in_basic_mode(settings):
    settings.SEARCH_URL = f"{closed_port_url('http')},{closed_port_url('http')}"
    programme("Podcasting for beginners")

    assert not searched_in_full(settings, "podcasting")
    assert breaker_state()["failures"] == 1  # one search, one failure: not one per node

