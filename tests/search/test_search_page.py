"""The /search/ page and /api/v1/search/ as residents and integrators use them, including bad input and
a closed search engine."""

import re

import pytest
from django.urls import reverse

from publishing.models import Status
from search.models import SearchRecord
from tests.careers.factories import SponsoredOpportunityFactory
from tests.helpers import closed_port_url
from tests.courses.factories import ProgrammeFactory, skill_area
from tests.search.helpers import sync_now

pytestmark = [pytest.mark.engine, pytest.mark.usefixtures("search_indices", "clear_limits")]

HOSTILE_QUERIES = [
    "title:*",
    '{"query": {"match_all": {}}}',
    '"unbalanced quote',
    "back\\slash\\",
    "x" * 10_000,
    "🙂 café naïve 日本語",
    "'; DROP TABLE courses_programme; --",
    "(((((",
    "AND OR NOT",
    "/regex.*/",
    "<script>alert(1)</script>",
]


@pytest.fixture
def some_courses(db):
    ProgrammeFactory(title="Python for beginners", status=Status.PUBLISHED)
    ProgrammeFactory(title="Staying safe online", status=Status.PUBLISHED)
    SponsoredOpportunityFactory(title="Sponsored data bootcamp", status=Status.PUBLISHED)
    sync_now()


def test_the_page_shows_results_facets_and_labels(client, some_courses):
    page = client.get("/search/", {"q": "python"}).content.decode()

    assert "1 result" in page
    assert "<mark>Python</mark>" in page
    assert "Level of digital skill" in page  # a facet group
    sponsored = client.get("/search/", {"q": "bootcamp"}).content.decode()
    assert "Sponsored by" in sponsored and ">Sponsored<" in sponsored


def test_skill_areas_and_areas_are_offered_as_filters_with_their_counts(client, db):
    """Their codes are capitals (ADV-SOFTWARE, E08000035): the counts must keep them as the filters take them."""
    ProgrammeFactory(title="Python for beginners", status=Status.PUBLISHED, skill_areas=[skill_area("ADV-SOFTWARE")])
    ProgrammeFactory(title="Python at the library", status=Status.PUBLISHED, skill_areas=[skill_area("ADV-SOFTWARE"), skill_area("ADV-DATA")])
    sync_now()

    page = client.get("/search/", {"q": "python"}).content.decode()
    answer = client.get("/api/v1/search/", {"q": "python"}).json()

    assert 'name="skill" type="checkbox" value="ADV-SOFTWARE"' in page
    assert re.search(r'value="ADV-DATA">\s*<label[^>]*>[^<]*<span class="app-count">\(1\)</span>', page)
    assert {"value": "ADV-SOFTWARE", "count": 2} in answer["facets"]["skill"]
    assert client.get("/api/v1/search/", {"q": "python", "skill": "ADV-DATA"}).json()["total"] == 1


def test_the_url_holds_the_whole_state_so_pages_can_be_shared(client, db):
    for number in range(25):
        ProgrammeFactory(title=f"Shared course {number}", status=Status.PUBLISHED)
    sync_now()

    page = client.get("/search/", {"q": "shared", "tier": "general", "free": "on"}).content.decode()

    assert 'href="?q=shared&amp;tier=general&amp;free=on&amp;page=2"' in page
    assert "Page 1 of 2" in page


@pytest.mark.parametrize("query", HOSTILE_QUERIES)
def test_hostile_queries_never_break_the_page_or_the_api(client, some_courses, query):
    page = client.get("/search/", {"q": query})
    api = client.get("/api/v1/search/", {"q": query})

    assert page.status_code == 200
    assert api.status_code == 200
    assert api.json()["mode"] == "full"
    assert "<script>alert(1)</script>" not in page.content.decode()
    assert "Exception" not in page.content.decode()


@pytest.mark.parametrize(
    "parameters, field, message",
    [
        ({"q": "a\x00b"}, "q", "Null characters are not allowed"),
        ({"near": "ZZ99 9ZZ"}, "near", "We do not have ZZ99 on our map"),
        ({"near": "not a postcode!"}, "near", "Enter a real postcode"),
        ({"radius": "-5"}, "radius", "greater than or equal to 0.5"),
        ({"radius": "1e9"}, "radius", "less than or equal to 100"),
        ({"page": "-1"}, "page", "greater than or equal to 1"),
        ({"page": "999999"}, "page", "We show the first 1000 results only"),
        ({"page_size": "5000"}, "page_size", "less than or equal to 50"),
        ({"tier": "expert"}, "tier", "Select a valid choice"),
        ({"skill": "NOT-A-SKILL"}, "skill", "Select a valid choice"),
        ({"sort": "distance"}, "sort", "Enter a postcode to sort by distance"),
        ({"starts_within": "soon"}, "starts_within", "Enter a whole number"),
    ],
)
def test_bad_parameters_get_a_clear_400(client, db, parameters, field, message):
    page = client.get("/search/", parameters)
    api = client.get("/api/v1/search/", parameters)

    assert page.status_code == 400
    assert message in page.content.decode().replace("&#x27;", "'")
    assert api.status_code == 400
    assert any(message in problem for problem in api.json()["errors"][field])


def test_the_api_answers_with_results_facets_suggestion_and_distances(client, db):
    ProgrammeFactory(title="Cyber security essentials", status=Status.PUBLISHED)
    sync_now()

    body = client.get("/api/v1/search/", {"q": "cyber", "near": "LS1 4AP", "radius": "20"}).json()

    assert body["total"] == 1 and body["mode"] == "full"
    hit = body["results"][0]
    assert hit["url"].startswith("http://testserver/programmes/")
    assert hit["kind"] == "programme"
    assert hit["online"] is True and hit["distance"] is None
    assert {"value": "programme", "count": 1} in body["facets"]["kind"]
    assert client.get("/api/v1/search/", {"q": "securty"}).json()["suggestion"] == "security"


def test_autocomplete_endpoints(client, some_courses):
    assert client.get(reverse("search:autocomplete"), {"q": "pyth"}).json()["results"][0]["title"] == "Python for beginners"
    assert client.get("/api/v1/search/autocomplete/", {"q": "stay"}).json()["results"][0]["title"] == "Staying safe online"


def test_with_the_engine_closed_a_basic_search_answers_with_a_banner(client, some_courses, settings):
    settings.SEARCH_URL = closed_port_url("http")

    page = client.get("/search/", {"q": "python"})
    api = client.get("/api/v1/search/", {"q": "python", "tier": "general"})

    assert page.status_code == 200
    assert "Search is working in a simpler way for now" in page.content.decode()
    assert "Python for beginners" in page.content.decode()
    assert api.json()["mode"] == "basic"
    assert [hit["title"] for hit in api.json()["results"]] == ["Python for beginners"]
    assert {"value": "general", "count": 1} in api.json()["facets"]["tier"]
    assert client.get("/healthz").json()["down"] == ["search"]


def test_basic_search_has_no_typo_tolerance_but_keeps_filters(client, some_courses, settings):
    settings.SEARCH_URL = closed_port_url("http")

    assert client.get("/api/v1/search/", {"q": "pyhton"}).json()["total"] == 0
    assert client.get("/api/v1/search/", {"sponsored": "on"}).json()["results"][0]["title"] == "Sponsored data bootcamp"


def test_searches_are_recorded_without_anything_that_identifies_the_resident(client, some_courses, resident):
    client.force_login(resident)

    client.get("/search/", {"q": "python", "near": "LS1 4AP", "tier": "general"}, REMOTE_ADDR="203.0.113.9")

    record = SearchRecord.objects.get()
    assert (record.query, record.outcode, record.local_authority, record.tier) == ("python", "LS1", "E08000035", "general")
    assert record.result_count == 1
    stored = str(SearchRecord.objects.values().get())
    assert "4AP" not in stored and "203.0.113.9" not in stored and resident.email not in stored


def test_the_boundary_map_is_served_by_the_platform(client, db):
    response = client.get(reverse("search:boundaries"))

    assert response["Content-Type"] == "image/svg+xml"
    assert "<title>Leeds</title>" in response.content.decode()
    assert "max-age=86400" in response["Cache-Control"]


def test_a_chosen_filter_stays_on_the_form_when_nothing_matches(client, some_courses):
    page = client.get("/search/", {"q": "underwater robotics", "tier": "inclusion"}).content.decode()

    assert "0 results" in page
    assert 'name="tier" type="checkbox" value="inclusion" checked' in page


def test_apprenticeships_show_their_standard_and_level(client, db):
    from tests.careers.factories import ApprenticeshipVacancyFactory

    ApprenticeshipVacancyFactory(title="Junior developer apprentice", status=Status.PUBLISHED)
    sync_now()

    page = client.get("/search/", {"q": "junior developer"}).content.decode()
    hit = client.get("/api/v1/search/", {"q": "junior developer"}).json()["results"][0]

    assert "Software developer apprenticeship, level 4" in page
    assert (hit["standard_title"], hit["standard_level"]) == ("Software developer", 4)
