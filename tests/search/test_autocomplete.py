"""The search box's suggestions as a resident types: open opportunities' titles, skill areas, career profiles
and places, from the real engine and database, through both JSON endpoints."""

import pytest

from publishing.models import Status
from search.suggestions import suggest
from tests.careers.page_factories import CareerProfilePageFactory
from tests.helpers import closed_port_url
from tests.courses.factories import ProgrammeFactory
from tests.search.helpers import sync_now

pytestmark = [pytest.mark.engine, pytest.mark.usefixtures("search_indices", "clear_limits")]


def shown(prefix: str) -> list[tuple[str, str]]:
    return [(item.text, item.kind) for item in suggest(prefix).items]


@pytest.fixture
def data_things(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        CareerProfilePageFactory(title="Data analyst", summary="Find the story in the numbers.")
    ProgrammeFactory(title="Data analysis bootcamp", status=Status.PUBLISHED)
    ProgrammeFactory(title="Databases for beginners", status=Status.PUBLISHED)
    ProgrammeFactory(title="Draft data course")  # not published: never suggested
    sync_now()


def test_typing_data_suggests_the_skill_area_a_career_and_open_courses(data_things):
    assert shown("data") == [
        ("Data", "skill"),
        ("Information and data literacy", "skill"),
        ("Data analyst", "career"),
        ("Data analysis bootcamp", "title"),
        ("Databases for beginners", "title"),
    ]


def test_places_are_suggested_from_town_and_area_names_and_lead_to_a_search_near_them(db):
    keighley = suggest("keigh").items

    assert [(item.text, item.kind, item.url) for item in keighley] == [("Keighley", "place", "/search/?near=BD21")]
    assert [(item.text, item.url) for item in suggest("calder").items if item.kind == "place"][0] == ("Calderdale", "/search/?authority=E08000033")


def test_a_place_typed_after_other_words_is_completed_and_keeps_the_words(db):
    place = [item for item in suggest("python keigh").items if item.kind == "place"]

    assert [(item.text, item.url) for item in place] == [("python Keighley", "/search/?q=python&near=BD21")]


def test_a_title_many_providers_share_is_suggested_once(db):
    for _ in range(3):
        ProgrammeFactory(title="Digital drop-in", status=Status.PUBLISHED)
    sync_now()

    assert shown("digital dr") == [("Digital drop-in", "title")]


def test_one_letter_suggests_nothing(db):
    assert suggest("d").items == []


def test_both_endpoints_answer_suggestions_and_keep_the_titles_older_clients_read(client, data_things):
    for address in ("/search/autocomplete/", "/api/v1/search/autocomplete/"):
        body = client.get(address, {"q": "data"}).json()

        assert [title["title"] for title in body["results"]] == ["Data analysis bootcamp", "Databases for beginners"]
        assert body["results"][0]["kind"] == "programme"
        career = next(item for item in body["suggestions"] if item["kind"] == "career")
        assert career["text"] == "Data analyst" and career["label"] == "Career" and career["url"].startswith("/")
        assert {"text": "Data", "kind": "skill", "url": "/search/?skill=ADV-DATA", "label": "Skill area"} in body["suggestions"]


def test_with_the_engine_closed_skill_areas_and_places_are_still_suggested(client, data_things, settings):
    settings.SEARCH_URL = closed_port_url("http")

    body = client.get("/search/autocomplete/", {"q": "data"}).json()

    assert body["results"] == []
    assert [item["kind"] for item in body["suggestions"]] == ["skill", "skill"]


def test_the_api_schema_describes_the_suggestions(client, db):
    schema = client.get("/api/v1/schema/", {"format": "json"}).json()

    suggestion = schema["components"]["schemas"]["Suggestion"]["properties"]
    assert set(suggestion) == {"text", "kind", "url", "label"}
