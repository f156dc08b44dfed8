"""Campaign pages reach their own index when published, moved, unpublished or deleted; events leave it once they
have ended; the search page and the search API show what matches."""

import datetime

import pytest
from django.utils import timezone

from careers.models import EventPage
from search import indexing
from search.connection import get_client, index_name
from search.documents import CAMPAIGN_INDEX
from search.params import parse
from search.service import campaign_content, search_opportunities
from tests.careers.page_factories import CareerProfilePageFactory, EventPageFactory, StoryPageFactory
from tests.search.helpers import refresh

pytestmark = [pytest.mark.engine, pytest.mark.usefixtures("search_indices")]


def found(q: str) -> set[str]:
    return {hit.title for hit in campaign_content(q)}


def test_publishing_and_unpublishing_a_career_profile(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        profile = CareerProfilePageFactory(title="Cyber security analyst", summary="Protect organisations from attack.")
    refresh()
    assert found("cyber") == {"Cyber security analyst"}

    with django_capture_on_commit_callbacks(execute=True):
        profile.unpublish()
    refresh()
    assert found("cyber") == set()


def test_a_draft_page_is_never_indexed(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        StoryPageFactory(title="Amira learned to code at 50", publish=False)
    refresh()

    assert found("amira") == set()


def test_deleting_a_page_removes_it(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        story = StoryPageFactory(title="From warehouse to web developer")
    refresh()
    assert found("warehouse") == {"From warehouse to web developer"}

    with django_capture_on_commit_callbacks(execute=True):
        story.delete()
    refresh()
    assert found("warehouse") == set()


def test_the_search_page_shows_campaign_content_in_its_own_section(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        CareerProfilePageFactory(title="Data analyst", summary="Find the story in the numbers.")
    refresh()

    page = client.get("/search/", {"q": "data analyst"}).content.decode()
    params, _ = parse({"q": "data analyst"})

    assert "Careers stories and guides" in page
    assert "Data analyst" in page
    assert search_opportunities(params, with_campaign=True).campaign[0].kind == "career_profile"


def test_an_event_that_has_ended_is_not_found_but_one_still_to_come_is(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        EventPageFactory(title="Coding taster evening in Halifax", days_away=-2)
        EventPageFactory(title="Coding careers fair in Wakefield", days_away=10)
    refresh()

    assert found("coding") == {"Coding careers fair in Wakefield"}


def test_an_event_leaves_search_when_it_ends_without_anyone_saving_it(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        event = EventPageFactory(title="Cyber security open evening", days_away=3)
    refresh()
    assert found("cyber") == {"Cyber security open evening"}

    # Time passes: the evening is over, and nothing was saved (the document keeps its version).
    over = timezone.now() - datetime.timedelta(hours=1)
    EventPage.objects.filter(pk=event.pk).update(starts_at=over - datetime.timedelta(hours=2), ends_at=over)
    held = get_client().get(index=index_name(CAMPAIGN_INDEX), id=f"page-{event.pk}")
    get_client().index(
        index=index_name(CAMPAIGN_INDEX), id=f"page-{event.pk}", body={**held["_source"], "event_ends": over.isoformat()},
        params={"version": held["_version"], "version_type": "external_gte", "refresh": "true"},
    )

    assert found("cyber") == set()
    assert indexing.remove_expired() == 1
    refresh()
    assert get_client().count(index=index_name(CAMPAIGN_INDEX))["count"] == 0


def test_the_search_api_lists_campaign_content_beside_the_results(client, clear_limits, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        CareerProfilePageFactory(title="Software developer", summary="Build the apps and websites people use every day.")
    refresh()

    body = client.get("/api/v1/search/", {"q": "software developer"}).json()

    assert [(item["title"], item["kind"]) for item in body["campaign"]] == [("Software developer", "career_profile")]
    assert body["campaign"][0]["url"].startswith("http://testserver/")
    assert body["campaign"][0]["summary"] == "Build the apps and websites people use every day."
    assert client.get("/api/v1/search/").json()["campaign"] == []
    schema = client.get("/api/v1/schema/", {"format": "json"}).json()["components"]["schemas"]
    assert "campaign" in schema["SearchResponse"]["properties"]
