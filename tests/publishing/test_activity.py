"""Residents' interest in postings is counted per posting and day, as numbers only: shown on a results page,
page views, apply clicks and saves; never robots, the poster's own team, moderators or a page opened again soon
after; and a count that cannot be made never stops the page."""

import datetime
import logging
import re
import time

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from publishing.activity import robot_pattern
from publishing.models import PostingActivity, Status
from tests.accounts.factories import UserFactory
from tests.careers.factories import ApprenticeshipVacancyFactory, EmployerFactory, SponsoredOpportunityFactory
from tests.courses.factories import ProgrammeFactory
from tests.helpers import closed_port_url
from tests.publishing.helpers import member_of
from tests.search.helpers import sync_now

pytestmark = pytest.mark.usefixtures("clear_limits")

FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
CUBOT_PHONE = "Mozilla/5.0 (Linux; Android 10; CUBOT X30) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36"
ROBOTS = [
    "",
    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
    "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
    "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.2; +https://openai.com/gptbot)",
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0 Safari/537.36",
    "curl/8.5.0",
    "python-requests/2.32.3",
]


def browser(**headers) -> Client:
    """A resident's browser: it sends a user agent, as every browser does."""
    return Client(headers={"user-agent": FIREFOX, **headers})


def counts(item) -> dict[str, int]:
    """The item's counts today, as its organisation's portal reads them."""
    row = PostingActivity.objects.filter(object_id=item.pk, content_type__model=item._meta.model_name, day=timezone.localdate()).first()
    fields = ("impressions", "views", "apply_clicks", "saves")
    return {field: getattr(row, field) if row else 0 for field in fields}


def text(response) -> str:
    """The page's words, without its tags (search results mark the words that matched)."""
    return re.sub(r"<[^>]+>", "", response.content.decode())


def apply_url(item) -> str:
    return reverse(f"{item.detail_url_name}_apply", args=[item.slug])


@pytest.fixture
def programme(db):
    return ProgrammeFactory(title="Spreadsheets for work", status=Status.PUBLISHED, enquiry_url="https://www.gov.uk/enquire")


@pytest.fixture
def indexed(search_indices):
    """Three postings of three kinds, in the search index."""
    items = [
        ProgrammeFactory(title="Cyber security course", status=Status.PUBLISHED, enquiry_url="https://www.gov.uk/enquire"),
        ApprenticeshipVacancyFactory(title="Cyber security apprentice", status=Status.PUBLISHED),
        SponsoredOpportunityFactory(title="Cyber security bootcamp place", status=Status.PUBLISHED),
    ]
    sync_now()
    return items


# Each event ------------------------------------------------------------------------------------------------


def test_a_results_page_counts_every_posting_shown_in_one_statement(indexed):
    resident = browser()

    with CaptureQueriesContext(connection) as queries:
        page = resident.get("/search/", {"q": "cyber security"})

    assert page.status_code == 200 and all(item.title in text(page) for item in indexed)
    assert [counts(item) for item in indexed] == [{"impressions": 1, "views": 0, "apply_clicks": 0, "saves": 0}] * 3
    writes = [query["sql"] for query in queries.captured_queries if "publishing_postingactivity" in query["sql"]]
    assert len(writes) == 1 and writes[0].startswith("INSERT") and "ON CONFLICT" in writes[0]


def test_searching_through_the_api_counts_no_impressions(indexed):
    found = browser().get("/api/v1/search/", {"q": "cyber security"}).json()

    assert len(found["results"]) == 3
    assert not PostingActivity.objects.exists()


def test_a_page_view_is_counted(programme):
    page = browser().get(programme.get_absolute_url())

    assert page.status_code == 200
    assert counts(programme) == {"impressions": 0, "views": 1, "apply_clicks": 0, "saves": 0}


def test_an_apply_click_is_counted_and_the_link_still_goes_to_the_poster_without_javascript(programme):
    followed = browser().get(apply_url(programme))

    assert followed.status_code == 302 and followed["Location"] == "https://www.gov.uk/enquire"
    assert counts(programme) == {"impressions": 0, "views": 0, "apply_clicks": 1, "saves": 0}


def test_a_save_is_counted_once_however_often_the_button_is_pressed(programme):
    resident = browser()
    resident.force_login(UserFactory())
    save = {"item": f"programme-{programme.pk}", "next": programme.get_absolute_url()}

    first = resident.post(reverse("search:save_item"), save)
    again = resident.post(reverse("search:save_item"), save, follow=True)

    assert first.status_code == 302 and "You had already saved this" in again.content.decode()
    assert counts(programme)["saves"] == 1


def test_each_day_has_its_own_row(programme):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    PostingActivity.objects.create(content_type=ContentType.objects.get_for_model(programme), object_id=programme.pk, day=yesterday, views=7)

    browser().get(programme.get_absolute_url())

    assert list(PostingActivity.objects.order_by("day").values_list("day", "views")) == [(yesterday, 7), (timezone.localdate(), 1)]


# What is left out --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("agent", ROBOTS)
def test_robots_and_requests_without_a_user_agent_are_not_counted(programme, agent):
    robot = Client(headers={"user-agent": agent} if agent else {})

    assert robot.get(programme.get_absolute_url()).status_code == 200
    robot.get(apply_url(programme))

    assert not PostingActivity.objects.exists()


def test_a_phone_whose_name_ends_in_bot_is_a_resident():
    assert robot_pattern().search(CUBOT_PHONE) is None
    assert robot_pattern().search(FIREFOX) is None


def test_the_posters_own_team_and_moderators_are_not_counted_but_other_organisations_are(programme, moderator):
    own_team, other_organisation = browser(), browser()
    own_team.force_login(member_of(programme))
    other_organisation.force_login(member_of(EmployerFactory().organisation))
    watcher = browser()
    watcher.force_login(moderator)

    for visitor in (own_team, watcher, other_organisation):
        visitor.get(programme.get_absolute_url())
        visitor.get(apply_url(programme))
        visitor.post(reverse("search:save_item"), {"item": f"programme-{programme.pk}"})

    assert counts(programme) == {"impressions": 0, "views": 1, "apply_clicks": 1, "saves": 1}


def test_the_poster_searching_does_not_count_their_own_postings(indexed):
    vacancy = indexed[1]
    poster = browser()
    poster.force_login(member_of(vacancy))

    poster.get("/search/", {"q": "cyber security"})

    assert [counts(item)["impressions"] for item in indexed] == [1, 0, 1]


def test_a_refresh_within_the_window_counts_once_and_again_after_it(programme, settings):
    settings.ACTIVITY_REPEAT_SECONDS = 1
    resident = browser()

    for _ in range(3):
        resident.get(programme.get_absolute_url())
        resident.get(apply_url(programme))
    assert counts(programme) == {"impressions": 0, "views": 1, "apply_clicks": 1, "saves": 0}

    time.sleep(1.1)
    resident.get(programme.get_absolute_url())
    resident.get(apply_url(programme))
    assert counts(programme) == {"impressions": 0, "views": 2, "apply_clicks": 2, "saves": 0}


def test_results_shown_again_within_the_window_count_once(indexed):
    resident = browser()

    resident.get("/search/", {"q": "cyber security"})
    resident.get("/search/", {"q": "cyber security", "sort": "newest"})

    assert [counts(item)["impressions"] for item in indexed] == [1, 1, 1]


def test_two_browsers_count_twice_and_a_signed_in_resident_by_their_session(programme):
    browser().get(programme.get_absolute_url())
    browser().get(programme.get_absolute_url())
    signed_in = browser()
    signed_in.force_login(UserFactory())
    signed_in.get(programme.get_absolute_url())
    signed_in.get(programme.get_absolute_url())

    assert counts(programme)["views"] == 3


# Nothing personal; never a broken page -----------------------------------------------------------------------


def test_only_counts_are_stored(programme, resident):
    visitor = browser()
    visitor.force_login(resident)
    visitor.get(programme.get_absolute_url(), REMOTE_ADDR="203.0.113.9")

    assert {field.name for field in PostingActivity._meta.fields} == {
        "id", "content_type", "object_id", "day", "impressions", "views", "apply_clicks", "saves"
    }
    stored = str(list(PostingActivity.objects.values()))
    for personal in ("203.0.113.9", resident.email, visitor.session.session_key, visitor.cookies["csrftoken"].value, FIREFOX):
        assert personal not in stored


@pytest.fixture
def activity_table_gone(db):
    """The counts' table cannot be written (renamed inside the test's transaction, which is rolled back)."""
    with connection.cursor() as cursor:
        cursor.execute("ALTER TABLE publishing_postingactivity RENAME TO publishing_postingactivity_away")


def test_when_the_database_refuses_the_count_the_pages_still_work(indexed, activity_table_gone, resident, caplog):
    programme = indexed[0]
    visitor = browser()
    visitor.force_login(resident)

    with caplog.at_level(logging.WARNING, logger="publishing.activity"):
        searched = visitor.get("/search/", {"q": "cyber security"}, REMOTE_ADDR="203.0.113.9")
        page = visitor.get(programme.get_absolute_url(), REMOTE_ADDR="203.0.113.9")
        followed = visitor.get(apply_url(programme))
        saved = visitor.post(reverse("search:save_item"), {"item": f"programme-{programme.pk}"}, follow=True)

    assert searched.status_code == 200 and programme.title in text(searched)
    assert page.status_code == 200 and programme.title in page.content.decode()
    assert followed.status_code == 302 and followed["Location"] == programme.enquiry_url
    assert saved.status_code == 200 and "Saved: find it under Saved." in saved.content.decode()
    assert [record.getMessage() for record in caplog.records] == [
        "Could not count impressions for 3 postings: ProgrammingError",
        "Could not count views for 1 postings: ProgrammingError",
        "Could not count apply_clicks for 1 postings: ProgrammingError",
        "Could not count saves for 1 postings: ProgrammingError",
    ]
    for personal in ("203.0.113.9", resident.email, visitor.session.session_key, FIREFOX):
        assert personal not in caplog.text


def test_when_the_cache_is_down_the_pages_still_work(programme, settings, caplog):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": closed_port_url("redis")}}

    with caplog.at_level(logging.WARNING, logger="publishing.activity"):
        page = browser().get(programme.get_absolute_url())
        followed = browser().get(apply_url(programme))

    assert page.status_code == 200 and followed.status_code == 302
    assert "Could not count views for 1 postings: ConnectionError" in caplog.text
    assert not PostingActivity.objects.exists()
