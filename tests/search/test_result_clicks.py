"""Which search results residents follow, counted anonymously through signed links, so the unmet-demand report
can show searches that found results but led nowhere beside those that found nothing."""

import datetime
import re
from urllib.parse import urlsplit

import pytest
from django.core import signing
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from publishing.models import Status
from search.clicks import SALT, click_token
from search.models import ResultClick, SearchRecord
from search.tasks import delete_old_search_log_task
from tests.courses.factories import ProgrammeFactory
from tests.search.helpers import sync_now

pytestmark = [pytest.mark.engine, pytest.mark.usefixtures("clear_limits")]

WHOLE_PERIOD = {"since": "2000-01-01", "until": "2100-01-01"}


@pytest.fixture
def python_courses(search_indices):
    courses = [ProgrammeFactory(title=title, status=Status.PUBLISHED) for title in ("Python basics", "Python for data", "Python web apps")]
    sync_now()
    return courses


def result_links(page) -> list[str]:
    return re.findall(r'<a class="govuk-link" href="([^"]+)" rel="nofollow">', page.content.decode())


def in_page_order(page, courses):
    text = re.sub(r"<[^>]+>", "", page.content.decode())
    return sorted(courses, key=lambda course: text.index(course.title))


def report_rows(response) -> list[list[str]]:
    body = response.content.decode().split("<tbody>")[1].split("</tbody>")[0]
    return [re.findall(r"<td>(.*?)</td>", row) for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)]


def test_a_resident_follows_the_second_result_and_the_report_counts_the_search_as_clicked(python_courses, moderator_client):
    resident = Client()
    page = resident.get("/search/", {"q": "python"})
    second = in_page_order(page, python_courses)[1]

    followed = resident.get(result_links(page)[1])

    assert followed.status_code == 302
    assert followed["Location"] == second.get_absolute_url()
    landing = resident.get(followed["Location"])
    assert landing.status_code == 200 and second.title in landing.content.decode()
    click = ResultClick.objects.get()
    assert (click.position, click.kind, click.document_id) == (2, "programme", f"programme-{second.pk}")
    report = moderator_client.get(reverse("search_unmet_demand"), {**WHOLE_PERIOD, "show": "all"})
    # Words, area, tier, searches, found nothing, found results but nothing clicked, click-through, average results
    assert report_rows(report) == [["python", "Not given", "Any", "1", "0", "0", "100%", "3.0"]]


def test_positions_count_on_across_pages(search_indices):
    for number in range(3):
        ProgrammeFactory(title=f"Paged course {number}", status=Status.PUBLISHED)
    sync_now()
    resident = Client()

    second_page = resident.get("/search/", {"q": "paged", "page_size": 2, "page": 2})
    resident.get(result_links(second_page)[0])

    assert ResultClick.objects.get().position == 3


def test_a_search_that_found_results_but_led_nowhere_shows_under_its_own_filter(python_courses, moderator_client):
    resident = Client()
    resident.get("/search/", {"q": "python"})
    followed = resident.get("/search/", {"q": "python"})
    resident.get(result_links(followed)[0])
    resident.get("/search/", {"q": "underwater robotics"})

    unclicked = moderator_client.get(reverse("search_unmet_demand"), {**WHOLE_PERIOD, "show": "unclicked"})
    found_nothing = moderator_client.get(reverse("search_unmet_demand"), {**WHOLE_PERIOD, "show": "nothing"})

    assert "Found results but nothing was clicked" in unclicked.content.decode()
    assert report_rows(unclicked) == [["python", "Not given", "Any", "2", "0", "1", "50%", "3.0"]]
    assert report_rows(found_nothing) == [["underwater robotics", "Not given", "Any", "1", "1", "0", "Not applicable", "0.0"]]


def test_the_csv_has_the_click_columns(db, moderator_client):
    searched_at = timezone.now() - datetime.timedelta(days=1)
    found = SearchRecord.objects.create(query="Python", result_count=12, local_authority="E08000035", tier="general", searched_at=searched_at)
    SearchRecord.objects.create(query="python", result_count=12, local_authority="E08000035", tier="general", searched_at=searched_at)
    SearchRecord.objects.create(query="python", result_count=0, local_authority="E08000035", tier="general", searched_at=searched_at)
    ResultClick.objects.create(search_record=found, position=1, kind="programme", document_id="programme-1")
    ResultClick.objects.create(search_record=found, position=4, kind="programme", document_id="programme-2")

    export = moderator_client.get(reverse("search_unmet_demand"), {**WHOLE_PERIOD, "show": "all", "format": "csv"})

    assert export.content.decode().splitlines() == [
        "words,local_authority_code,local_authority,tier,searches,found_nothing,found_results_nothing_clicked,click_through_percent,average_results",
        "python,E08000035,Leeds,general,3,1,1,50.0,8.0",
    ]


def test_a_changed_or_made_up_link_is_not_found_and_counts_nothing(python_courses):
    resident = Client()
    links = result_links(resident.get("/search/", {"q": "python"}))
    record = SearchRecord.objects.get()
    payload = [record.pk, 1, f"programme-{python_courses[0].pk}", int(record.searched_at.timestamp())]
    tokens = [
        signing.Signer(key="not-our-secret", salt=SALT).sign_object(payload),  # forged
        signing.Signer(salt="publishing.unsubscribe").sign_object(payload),  # signed here, for something else
        links[0].split("/")[3].split(":")[0] + ":" + links[1].split("/")[3].split(":")[1],  # one link's signature on another
        "not-a-token",
    ]

    responses = [resident.get(reverse("search:result", kwargs={"token": token})) for token in tokens]

    assert [response.status_code for response in responses] == [404] * 4
    assert all("Page not found" in response.content.decode() for response in responses)
    assert not ResultClick.objects.exists()


def test_every_result_link_leads_to_a_page_on_this_site(python_courses):
    resident = Client()
    links = result_links(resident.get("/search/", {"q": "python"}))

    locations = [resident.get(link, {"next": "https://evil.example/"})["Location"] for link in links]

    assert sorted(locations) == sorted(course.get_absolute_url() for course in python_courses)
    for location in locations:
        parts = urlsplit(location)
        assert location.startswith("/") and not location.startswith("//") and not parts.scheme and not parts.netloc


def test_a_result_taken_down_since_the_search_is_not_found(python_courses):
    resident = Client()
    page = resident.get("/search/", {"q": "python"})
    first = in_page_order(page, python_courses)[0]
    first.delete()

    assert resident.get(result_links(page)[0]).status_code == 404
    assert not ResultClick.objects.exists()


def test_a_link_followed_days_after_its_search_still_works_but_is_not_counted(db):
    course = ProgrammeFactory(status=Status.PUBLISHED)
    record = SearchRecord.objects.create(query="python", result_count=3, searched_at=timezone.now() - datetime.timedelta(days=2))
    token = click_token(record=record, position=1, document_id=f"programme-{course.pk}")

    response = Client().get(reverse("search:result", kwargs={"token": token}))

    assert response.status_code == 302 and response["Location"] == course.get_absolute_url()
    assert not ResultClick.objects.exists()


def test_nothing_about_the_resident_is_kept(python_courses, resident):
    visitor = Client()
    visitor.force_login(resident)
    page = visitor.get("/search/", {"q": "python", "near": "LS1 4AP"}, REMOTE_ADDR="203.0.113.9")

    visitor.get(result_links(page)[0], REMOTE_ADDR="203.0.113.9")

    stored = str(ResultClick.objects.values().get())
    for personal in ("4AP", "203.0.113.9", resident.email, visitor.session.session_key):
        assert personal not in stored
    assert {field.name for field in ResultClick._meta.get_fields()} == {"id", "search_record", "position", "kind", "document_id", "clicked_at"}


def test_following_results_without_end_gets_a_plain_page_that_says_to_wait(python_courses, settings):
    settings.SEARCH_RATE_LIMITS = {**settings.SEARCH_RATE_LIMITS, "click": "2/minute"}
    resident = Client()
    links = result_links(resident.get("/search/", {"q": "python"}))

    statuses = [resident.get(link).status_code for link in links]

    assert statuses == [302, 302, 429]
    assert ResultClick.objects.count() == 2


def test_the_api_links_straight_to_each_item(python_courses):
    urls = [result["url"] for result in Client().get("/api/v1/search/", {"q": "python"}).json()["results"]]

    assert len(urls) == 3 and not any("/search/go/" in url for url in urls)
    assert not ResultClick.objects.exists()


def test_api_searches_do_not_count_as_results_nobody_followed(python_courses):
    from search.selectors import UNCLICKED, unmet_demand

    Client().get("/api/v1/search/", {"q": "python"})

    assert SearchRecord.objects.get().source == "api"
    today = timezone.localdate()
    assert list(unmet_demand(since=today, until=today, show=UNCLICKED)) == []


def test_searches_and_their_clicks_are_deleted_after_the_retention_period(db, settings):
    now = timezone.now()
    kept = SearchRecord.objects.create(query="kept", result_count=1, searched_at=now - datetime.timedelta(days=399))
    old = SearchRecord.objects.create(query="old", result_count=1, searched_at=now - datetime.timedelta(days=401))
    ResultClick.objects.create(search_record=old, position=1, kind="programme", document_id="programme-1")

    assert delete_old_search_log_task() == {"searches": 1, "clicks": 1}
    assert list(SearchRecord.objects.all()) == [kept] and not ResultClick.objects.exists()
    assert "search.delete_old_search_log" in {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
