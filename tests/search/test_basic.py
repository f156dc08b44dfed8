"""The basic search residents get while the search engine is unreachable: PostgreSQL full-text search (and the
simple search that stands in where there is no PostgreSQL)."""

import pytest

from courses.models import Programme
from publishing.models import Status
from search.basic import basic_search
from search.basic.simple import simple_search
from search.params import SearchParams
from tests.careers.factories import ApprenticeshipVacancyFactory, SponsoredOpportunityFactory
from tests.courses.factories import ProgrammeFactory, tier
from tests.helpers import closed_port_url
from tests.search.test_search_page import HOSTILE_QUERIES


def search(**query):
    params, problems = SearchParams.from_query(query)
    assert not problems, problems
    return basic_search(params)


def titles(results) -> list[str]:
    return [hit.title for hit in results.hits]


@pytest.fixture
def catalogue(db):
    published = {"status": Status.PUBLISHED}
    ProgrammeFactory(title="Python for beginners", summary="Write your first programs.", tier=tier("general"), **published)
    ProgrammeFactory(
        title="Office skills", summary="Letters, spreadsheets and a little programming in Python.", tier=tier("general"), **published
    )
    ProgrammeFactory(
        title="Computer basics", summary="Switch on, use a mouse and keep your files safe.", tier=tier("inclusion"),
        level=Programme.Level.ENTRY, delivery_mode=Programme.DeliveryMode.ONLINE, **published,
    )
    ProgrammeFactory(
        title="Cyber security bootcamp", summary="Defend networks.", tier=tier("advanced"), level=Programme.Level.L4,
        cost=Programme.Cost.PAID, cost_amount=900, **published,
    )
    ProgrammeFactory(title="Python draft", summary="Not published yet.")
    ApprenticeshipVacancyFactory(title="Software developer apprentice", **published)
    SponsoredOpportunityFactory(title="Funded data bootcamp place", **published)


def test_words_are_found_by_their_stem(catalogue):
    assert titles(search(q="securing")) == ["Cyber security bootcamp"]
    assert titles(search(q="defending networks")) == ["Cyber security bootcamp"]  # "Defend networks." in its summary


def test_a_title_match_ranks_above_a_mention_in_the_summary(catalogue):
    results = search(q="python")

    assert titles(results) == ["Python for beginners", "Office skills"]
    assert results.mode == "basic" and results.total == 2


def test_a_typo_is_forgiven_when_the_words_as_typed_find_nothing(catalogue):
    assert titles(search(q="compter")) == ["Computer basics"]
    assert titles(search(q="cyber securty")) == ["Cyber security bootcamp"]
    assert search(q="xylophone").total == 0


def test_filters_narrow_and_facets_count_each_without_its_own_filter(catalogue):
    results = search(q="bootcamp", tier="advanced", kind="programme")

    assert titles(results) == ["Cyber security bootcamp"]
    assert dict(results.facets["kind"]) == {"programme": 1, "sponsored": 1}
    assert dict(results.facets["tier"]) == {"advanced": 1}
    everything = search()
    assert everything.total == 6
    assert dict(everything.facets["tier"]) == {"general": 2, "inclusion": 1, "advanced": 3}
    assert dict(everything.facets["free"]) == {"true": 5, "false": 1}
    assert titles(search(free="on", tier="advanced", kind="programme")) == []
    assert set(titles(search(kind="apprenticeship,sponsored"))) == {"Software developer apprentice", "Funded data bootcamp place"}
    assert titles(search(level="entry")) == ["Computer basics"]


def test_a_location_search_keeps_what_is_near_and_what_is_online(catalogue):
    ProgrammeFactory(title="Python in Wakefield", status=Status.PUBLISHED)  # online by default
    near_leeds = search(near="LS1 4AP", radius="5", sort="distance")

    assert titles(near_leeds)[0] == "Software developer apprentice"
    assert "Funded data bootcamp place" not in titles(near_leeds)  # in Bradford, more than 5 miles away
    assert "Python in Wakefield" in titles(near_leeds)  # online: anyone can join
    assert "Python in Wakefield" not in titles(search(near="LS1 4AP", radius="5", in_person="on"))


@pytest.mark.parametrize("q", HOSTILE_QUERIES + ["python & | ! :* <-> 'quoted' \"python\"", "\x00python", "the and of"])
def test_hostile_input_never_fails(catalogue, q):
    results = basic_search(SearchParams(q=q))  # straight in, without the form's 200-character cut

    assert results.mode == "basic"
    assert results.total == len(results.hits)


def test_the_api_answers_with_the_basic_search_and_its_facets_while_the_engine_is_down(client, catalogue, settings, clear_limits):
    settings.SEARCH_URL = closed_port_url("http")

    body = client.get("/api/v1/search/", {"q": "pyton programs"}).json()

    assert body["mode"] == "basic"
    assert [hit["title"] for hit in body["results"]] == ["Python for beginners"]
    assert {"value": "general", "count": 1} in body["facets"]["tier"]


def test_the_simple_search_for_sqlite_finds_words_and_keeps_filters(catalogue):
    # The zero-setup run's search, on the suite's PostgreSQL: its ORM lookups (icontains) are the same on SQLite.
    params, _ = SearchParams.from_query({"q": "python", "tier": "general"})

    results = simple_search(params)

    assert results.mode == "basic" and results.facets is None
    assert set(titles(results)) == {"Python for beginners", "Office skills"}
