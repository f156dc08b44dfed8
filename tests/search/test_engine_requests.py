"""How many requests a search sends the engine: the "ways to widen" under an empty result are counted in one
request however many there are. Counted at a proxy in front of the real engine."""

import pytest

from benchmarks.faults.proxy import EngineProxy
from courses.models import Programme
from search.params import SearchParams
from search.service import search_opportunities
from tests.search.helpers import programme, search, sync_now

pytestmark = [pytest.mark.engine, pytest.mark.usefixtures("search_indices")]


@pytest.fixture
def engine(settings, search_engine):
    with EngineProxy(search_engine) as proxy:
        settings.SEARCH_URL = proxy.url
        yield proxy


def requests_for(engine, **query):
    before = engine.requests
    results = search(**query)
    return results, engine.requests - before


def test_the_ways_to_widen_an_empty_search_are_counted_in_one_request(engine):
    online = Programme.DeliveryMode.ONLINE
    programme("Python for beginners", cost=Programme.Cost.PAID, delivery_mode=online)
    programme("Python at the library", cost=Programme.Cost.FREE, postcode="LS6 3HG")
    programme("Spreadsheets online", cost=Programme.Cost.FREE, delivery_mode=online)
    sync_now()

    one_way, asked_for_one = requests_for(engine, q="knitting", mode="in_person")
    three_ways, asked_for_three = requests_for(engine, q="python", free="true", mode="online")

    assert one_way.total == three_ways.total == 0
    assert [widening.label for widening in one_way.widenings] == ["Search without your words"]
    assert {widening.label for widening in three_ways.widenings} == {
        "Search without your words",
        "Include every way of learning",
        "Include paid options",
    }
    assert asked_for_three == asked_for_one


def request_cache_hits() -> int:
    from search.connection import get_client, index_name
    from search.documents import OPPORTUNITY_INDEX

    stats = get_client().indices.stats(index=index_name(OPPORTUNITY_INDEX), metric="request_cache")
    return stats["_all"]["total"]["request_cache"]["hit_count"]


def test_a_repeated_search_finds_its_facets_already_counted(engine):
    programme("Python for beginners", cost=Programme.Cost.FREE)
    programme("Python at the library", cost=Programme.Cost.PAID, postcode="LS6 3HG")
    sync_now()

    first = search(q="python", tier="general")
    cached_before = request_cache_hits()
    again = search(q="python", tier="general")

    assert dict(first.facets["free"]) == {"true": 1, "false": 1}
    assert again.facets == first.facets and again.total == first.total
    # The second resident's facet counts came from the engine's request cache, not from counting again.
    assert request_cache_hits() > cached_before


def test_a_page_of_results_for_words_asks_the_engine_three_times(engine):
    """Which words the vocabulary lacks, what the best matches are about, then the page itself: its hits, its facet
    counts and the careers content that matches, all in one request."""
    programme("Python for beginners", cost=Programme.Cost.FREE)
    programme("Python at the library", cost=Programme.Cost.PAID, postcode="LS6 3HG")
    sync_now()

    before = engine.requests
    params, _ = SearchParams.from_query({"q": "python"})
    results = search_opportunities(params, with_campaign=True)

    assert {hit.title for hit in results.hits} == {"Python for beginners", "Python at the library"}
    assert results.facets["tier"]
    assert engine.requests - before == 3


def test_a_repeated_search_for_words_asks_the_engine_once(engine):
    """What the vocabulary lacks and what the best matches are about depend only on the words and the index: the
    next resident to ask the same gets them from this process, and the page is one request."""
    programme("Python for beginners", cost=Programme.Cost.FREE)
    programme("Python at the library", cost=Programme.Cost.PAID, postcode="LS6 3HG")
    sync_now()

    first, asked_first = requests_for(engine, q="pyhton beginners")
    again, asked_again = requests_for(engine, q="pyhton beginners")

    assert asked_first == 3 and asked_again == 1
    assert [hit.title for hit in again.hits] == [hit.title for hit in first.hits] == ["Python for beginners", "Python at the library"]
    assert again.suggestion == first.suggestion == "python beginners"


def test_a_search_another_web_process_answered_is_not_asked_again(engine):
    """The answers about the words are kept in the shared cache too: the first time a repeated search reaches
    another web process (nothing remembered in its own memory), the page is still one request."""
    from search import connection

    programme("Python for beginners", cost=Programme.Cost.FREE)
    sync_now()
    first, _ = requests_for(engine, q="pyhton beginners")

    connection._Remembered.answers.clear()  # what another process has: the shared cache, not this one's memory
    again, asked = requests_for(engine, q="pyhton beginners")

    assert asked == 1
    assert [hit.title for hit in again.hits] == [hit.title for hit in first.hits] == ["Python for beginners"]
    assert again.suggestion == "python beginners"


def test_what_was_remembered_is_asked_again_once_the_index_changes(engine):
    programme("Python for beginners", cost=Programme.Cost.FREE)
    sync_now()
    before, _ = requests_for(engine, q="crochet")

    programme("Crochet and knitting club", cost=Programme.Cost.FREE)
    sync_now()
    after, asked = requests_for(engine, q="crochet")

    assert before.total == 0 and before.suggestion == ""
    # "crochet" was not in the vocabulary before: now it is, and the page asks what its best matches are about.
    assert asked == 3
    assert [hit.title for hit in after.hits] == ["Crochet and knitting club"]


def test_remembered_answers_are_not_kept_longer_than_their_time(engine, monkeypatch):
    from search import connection

    programme("Python for beginners", cost=Programme.Cost.FREE)
    sync_now()
    requests_for(engine, q="python")
    monkeypatch.setattr(connection, "REMEMBER_SECONDS", 0)

    _, asked = requests_for(engine, q="python")

    assert asked == 3


def test_a_search_made_again_the_next_day_counts_from_that_day(engine, monkeypatch):
    """The page's requests are built once and kept, but never past the day whose date they hold."""
    import datetime

    from search import queries
    from tests.careers.factories import ApprenticeshipVacancyFactory
    from publishing.models import Status

    today = queries.today()
    ApprenticeshipVacancyFactory(title="Data apprenticeship", status=Status.PUBLISHED, closing_date=today + datetime.timedelta(days=1))
    sync_now()
    found_today = search(q="data apprenticeship")

    monkeypatch.setattr(queries, "today", lambda: today + datetime.timedelta(days=2))
    found_later = search(q="data apprenticeship")

    assert [hit.title for hit in found_today.hits] == ["Data apprenticeship"]
    assert found_later.total == 0


def test_a_change_another_process_made_to_the_index_is_seen(engine, monkeypatch):
    """A worker's drain bumps the index generation in the shared cache; web processes look at it (at most once a
    second) and ask again."""
    from django.core.cache import cache

    from search import connection

    programme("Python for beginners", cost=Programme.Cost.FREE)
    sync_now()
    requests_for(engine, q="python")
    monkeypatch.setattr(connection, "GENERATION_CHECK_SECONDS", 0)
    _, asked_before_the_change = requests_for(engine, q="python")

    cache.incr(connection._GENERATION_KEY)  # what index_changed() does in the worker's process
    _, asked_after_the_change = requests_for(engine, q="python")

    assert asked_before_the_change == 1
    assert asked_after_the_change == 3
