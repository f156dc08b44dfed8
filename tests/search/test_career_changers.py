"""Residents changing career or coming back after a break find what welcomes them: a filter on the search page and
in the API (with the engine, and in basic mode), a tag on the results, and words that put those first."""

import json

import pytest

from careers.models import SponsoredOpportunity
from publishing.models import Status
from search.basic import basic_search
from search.basic.simple import simple_search
from search.params import SearchParams
from tests.careers.factories import ApprenticeshipVacancyFactory, SponsoredOpportunityFactory
from tests.helpers import closed_port_url
from tests.search.helpers import programme, search, sync_now
from tests.search.test_understanding import read

PUBLISHED = {"status": Status.PUBLISHED}
WELCOMING = {"Data analysis for career changers", "Funded data bootcamp for career changers", "Technology returners programme"}


def titles(results) -> set[str]:
    return {hit.title for hit in results.hits}


@pytest.fixture
def catalogue(db):
    programme("Data analysis for career changers", welcomes_career_changers=True)
    programme("Data analysis at work")
    SponsoredOpportunityFactory(title="Funded data bootcamp for career changers", welcomes_career_changers=True, **PUBLISHED)
    SponsoredOpportunityFactory(title="Funded data bootcamp for graduates", **PUBLISHED)
    # A returner programme is for people coming back after a break, ticked or not.
    SponsoredOpportunityFactory(title="Technology returners programme", kind=SponsoredOpportunity.Kind.RETURNER, **PUBLISHED)
    ApprenticeshipVacancyFactory(title="Data apprentice", **PUBLISHED)


def query(**values) -> SearchParams:
    params, problems = SearchParams.from_query(values)
    assert not problems, problems
    return params


# With the engine ----------------------------------------------------------------------------------------------


@pytest.mark.engine
@pytest.mark.usefixtures("search_indices")
def test_the_filter_finds_what_welcomes_career_changers_and_returners_and_counts_them(catalogue):
    sync_now()

    results = search(career_changers="on")
    everything = search()

    assert titles(results) == WELCOMING
    assert dict(everything.facets["career_changers"]) == {"true": 3, "false": 3}
    assert all(hit.welcomes_career_changers == (hit.title in WELCOMING) for hit in everything.hits)
    assert "career_changers=on" in results.params.to_query()


@pytest.mark.engine
@pytest.mark.usefixtures("search_indices", "clear_limits")
def test_the_search_page_offers_the_filter_and_tags_the_results(client, catalogue):
    sync_now()

    page = client.get("/search/", {"career_changers": "on"}).content.decode()

    assert '<input class="govuk-checkboxes__input" id="search-career_changers" name="career_changers" type="checkbox" value="on" checked>' in page
    assert '<label class="govuk-label govuk-checkboxes__label" for="search-career_changers">Welcomes career changers</label>' in page
    assert "Data analysis for career changers" in page and "Data analysis at work" not in page
    assert '<strong class="govuk-tag govuk-tag--pink">Welcomes career changers</strong>' in page


@pytest.mark.engine
@pytest.mark.usefixtures("search_indices", "clear_limits")
def test_the_api_filters_and_says_which_results_welcome_career_changers(client, catalogue):
    sync_now()

    body = client.get("/api/v1/search/", {"career_changers": "true"}).json()

    assert {hit["title"] for hit in body["results"]} == WELCOMING
    assert all(hit["welcomes_career_changers"] for hit in body["results"])
    assert {"value": "true", "count": 3} in body["facets"]["career_changers"]


@pytest.mark.engine
@pytest.mark.usefixtures("search_indices")
def test_career_change_words_put_what_welcomes_career_changers_first_without_leaving_the_rest_out(catalogue):
    programme("Data analysis in the evening")
    sync_now()

    results = search(q="changing careers into data analysis")

    assert [reading.key for reading in results.understood] == ["career_change"]
    assert results.hits[0].title == "Data analysis for career changers"
    assert {"Data analysis at work", "Data analysis in the evening"} <= titles(results)  # a boost, not a filter
    removed = search(q="changing careers into data analysis", ignore="career_change")
    assert not removed.understood


# In basic mode ------------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_basic_search_filters_and_counts_them_too(catalogue):
    results = basic_search(query(career_changers="on"))
    everything = basic_search(query())

    assert results.mode == "basic"
    assert titles(results) == WELCOMING
    assert dict(everything.facets["career_changers"]) == {"true": 3, "false": 3}
    # Each facet counts with the others' filters: the bootcamps and the returner programme all say "data".
    assert dict(basic_search(query(career_changers="on", q="data")).facets["kind"]) == {"programme": 1, "sponsored": 2}


@pytest.mark.django_db
def test_the_simple_search_for_sqlite_keeps_the_filter(catalogue):
    assert titles(simple_search(query(career_changers="on"))) == WELCOMING


@pytest.mark.django_db
def test_the_search_page_filters_in_basic_mode_while_the_engine_is_down(client, settings, catalogue, clear_limits):
    settings.SEARCH_URL = closed_port_url("http")

    page = client.get("/search/", {"career_changers": "on"}).content.decode()

    assert "Data analysis for career changers" in page and "Data analysis at work" not in page
    body = json.loads(client.get("/api/v1/search/", {"career_changers": "true"}).content)
    assert body["mode"] == "basic" and {hit["title"] for hit in body["results"]} == WELCOMING


# Reading the words --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "q, words",
    [
        ("career change", ""),
        ("changing careers into data", "data"),
        ("I'm 45 and want to change career into data", "data"),
        ("returner programme", "returner programme"),
        ("back to work after a career break", "back work after break"),
    ],
)
def test_career_change_words_ask_for_what_welcomes_career_changers_first(q, words):
    understanding = read(q)

    reading = understanding.reading("career_change")
    assert reading is not None and reading.label == "For career changers and returners"
    assert reading.changes == {"prefer_career_changers": True}
    assert understanding.words == words  # "returner" and "career break" still find returner programmes


def test_career_change_help_is_not_read_as_a_beginner_asking_for_help():
    assert read("career change help").preferences == {}
