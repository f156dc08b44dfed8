"""Campaign pages reach their own index when published, moved, unpublished or deleted."""

import pytest

from search.params import parse
from search.service import campaign_content, search_opportunities
from tests.careers.page_factories import CareerProfilePageFactory, StoryPageFactory
from tests.search.conftest import refresh

pytestmark = pytest.mark.usefixtures("search_indices")


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
