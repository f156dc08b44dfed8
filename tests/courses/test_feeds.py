"""Feeds in: a provider gives the address of their import file; we fetch it every hour, conditionally, and
import it when it changed. Fetched from a real HTTPS server on this machine (tests/feed_server.py)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from courses import feeds
from courses.models import Programme, ProgrammeFeed, ProgrammeImport
from skills_site.celery import app
from tests.accounts.factories import member
from tests.courses.factories import ProviderFactory, csv_bytes, row

pytestmark = pytest.mark.django_db

LAST_MODIFIED = "Wed, 02 Dec 2026 09:00:00 GMT"


@pytest.fixture
def provider():
    return ProviderFactory()


@pytest.fixture
def pull(django_capture_on_commit_callbacks):
    """Pull a feed as beat does, running the import it queues."""

    def run(feed: ProgrammeFeed) -> ProgrammeFeed:
        with django_capture_on_commit_callbacks(execute=True):
            feeds.feed_pull(feed=ProgrammeFeed.objects.get(pk=feed.pk))
        return ProgrammeFeed.objects.select_related("last_import").get(pk=feed.pk)

    return run


def registered(provider, url: str, **fields) -> ProgrammeFeed:
    return ProgrammeFeed.objects.create(
        provider=provider, url=url, licence_agreed_at=timezone.now(), licence_agreed_by=member(provider), **fields
    )


def feed_url(provider) -> str:
    return reverse("provider_portal:feed", kwargs={"organisation": provider.organisation.slug})


def test_registering_a_feed_imports_it_and_the_portal_shows_the_result(client, provider, feed_server, django_capture_on_commit_callbacks):
    feed_server.serve("/programmes.csv", csv_bytes([row(), row(reference="R2", title="Video calls for beginners")]), etag='"v1"')
    client.force_login(member(provider))

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            feed_url(provider), {"url": feed_server.url("/programmes.csv"), "format": "csv", "mode": "valid_rows", "open_licence": "on"}
        )
    page = client.get(response["Location"]).content.decode()

    assert sorted(Programme.objects.filter(provider=provider).values_list("title", flat=True)) == ["Email for beginners", "Video calls for beginners"]
    job = ProgrammeImport.objects.get()
    assert job.licence_agreed_at is not None and Programme.objects.filter(licence_agreed_at=job.licence_agreed_at).count() == 2
    assert "Changed: imported" in page
    assert "2 added, 0 updated" in page
    assert reverse("provider_portal:import", kwargs={"organisation": provider.organisation.slug, "pk": job.pk}) in page


def test_an_unchanged_feed_answers_304_and_nothing_is_imported_again(provider, feed_server, pull):
    feed_server.serve("/programmes.csv", csv_bytes([row()]), etag='"v1"', last_modified=LAST_MODIFIED)
    feed = registered(provider, feed_server.url("/programmes.csv"))
    first = pull(feed)

    second = pull(feed)

    assert ProgrammeImport.objects.count() == 1
    assert second.last_outcome == "not_changed" and second.last_import == first.last_import
    assert second.changed_at == first.changed_at and second.checked_at > first.checked_at
    _, headers = feed_server.requests[-1]
    assert headers["If-None-Match"] == '"v1"' and headers["If-Modified-Since"] == LAST_MODIFIED


def test_a_changed_feed_imports_again_updating_programmes_by_reference(provider, feed_server, pull):
    feed_server.serve("/programmes.csv", csv_bytes([row()]), last_modified=LAST_MODIFIED)
    feed = pull(registered(provider, feed_server.url("/programmes.csv")))

    feed_server.serve("/programmes.csv", csv_bytes([row(title="Email, step by step"), row(reference="R2")]), last_modified="Thu, 03 Dec 2026 09:00:00 GMT")
    feed = pull(feed)

    assert (feed.last_outcome, feed.last_import.created_count, feed.last_import.updated_count) == ("imported", 1, 1)
    assert Programme.objects.get(reference="R1").title == "Email, step by step"


def test_a_server_that_ignores_conditional_requests_still_imports_an_unchanged_file_only_once(provider, feed_server, pull):
    feed_server.serve("/programmes.csv", csv_bytes([row()]))
    feed = pull(pull(registered(provider, feed_server.url("/programmes.csv"))))

    assert feed.last_outcome == "not_changed" and ProgrammeImport.objects.count() == 1


def test_a_json_feed_imports(provider, feed_server, pull):
    feed_server.serve("/programmes.json", b'[{"reference": "J1", "title": "Online banking", "summary": "Pay bills safely online.", "tier": "inclusion", "skill_areas": "EDS-T", "delivery_mode": "online", "cost": "free", "starts_any_time": true, "how_to_apply": "Just come along."}]', content_type="application/json")

    feed = pull(registered(provider, feed_server.url("/programmes.json"), format="json"))

    assert feed.last_import.created_count == 1 and Programme.objects.get().title == "Online banking"


def test_a_slow_server_times_out_with_a_plain_message_and_the_programmes_stay(provider, feed_server, pull):
    feed_server.serve("/programmes.csv", csv_bytes([row()]), etag='"v1"')
    feed = pull(registered(provider, feed_server.url("/programmes.csv")))
    feed_server.slow("/programmes.csv", wait=2)

    feed = pull(feed)

    assert feed.last_outcome == "failed"
    assert feed.last_error == "The server stopped answering for more than 1 second, so we gave up."
    assert Programme.objects.get().title == "Email for beginners" and ProgrammeImport.objects.count() == 1
    assert feed.etag == '"v1"'  # the next pull is still conditional on the file we have


def test_a_file_that_keeps_dripping_stops_at_the_total_deadline(provider, feed_server, pull):
    feed_server.drip("/programmes.csv", seconds=6)

    feed = pull(registered(provider, feed_server.url("/programmes.csv")))

    assert feed.last_error == "The file took longer than 3 seconds to arrive, so we gave up."
    assert not ProgrammeImport.objects.exists()


@pytest.mark.parametrize("declare_length", [True, False])
def test_a_file_over_the_size_limit_is_refused_without_reading_it_all(provider, feed_server, pull, settings, declare_length):
    settings.IMPORT_MAX_UPLOAD_SIZE = 200 * 1024
    feed_server.serve("/programmes.csv", b"x" * (300 * 1024), declare_length=declare_length)

    feed = pull(registered(provider, feed_server.url("/programmes.csv")))

    assert feed.last_error in {"The file is 300 KB: the most we take is 200 KB.", "The file is bigger than the most we take, 200 KB."}
    assert not ProgrammeImport.objects.exists()


def test_a_redirect_to_plain_http_is_refused(provider, feed_server, pull):
    feed_server.redirect("/programmes.csv", f"http://127.0.0.1:{feed_server.port}/elsewhere.csv")

    feed = pull(registered(provider, feed_server.url("/programmes.csv")))

    assert feed.last_error == "The address sent us on to one that does not start with https://, so we stopped."
    assert [path for path, _ in feed_server.requests] == ["/programmes.csv"]


def test_a_redirect_to_https_is_followed_but_not_more_than_three(provider, feed_server, pull):
    feed_server.serve("/new.csv", csv_bytes([row()]))
    feed_server.redirect("/moved.csv", "/new.csv")
    for hop in range(4):
        feed_server.redirect(f"/loop{hop}.csv", f"/loop{hop + 1}.csv")
    feed_server.redirect("/loop4.csv", "/new.csv")

    moved = pull(registered(provider, feed_server.url("/moved.csv")))
    looping = pull(registered(ProviderFactory(), feed_server.url("/loop0.csv")))

    assert moved.last_outcome == "imported"
    assert looping.last_error == "The address redirected more than 3 times, so we stopped."


def test_a_plain_http_address_is_refused_when_registering_and_when_pulling(client, provider, feed_server, pull):
    client.force_login(member(provider))

    response = client.post(feed_url(provider), {"url": "http://example.org/programmes.csv", "format": "csv", "mode": "valid_rows", "open_licence": "on"})
    feed = pull(registered(provider, "http://example.org/programmes.csv"))  # saved before the rule, say

    assert response.status_code == 400
    assert "The address must start with https://, so the file cannot be changed on its way to us." in response.content.decode()
    assert feed.last_error == "The address must start with https://, so the file cannot be changed on its way to us."


def test_loopback_and_private_addresses_are_refused_outside_the_tests(provider, feed_server, pull, settings):
    settings.FETCH_ALLOW_LOOPBACK = False
    feed_server.serve("/programmes.csv", csv_bytes([row()]))

    loopback = pull(registered(provider, feed_server.url("/programmes.csv")))
    private = pull(registered(ProviderFactory(), "https://10.1.2.3/programmes.csv"))

    assert loopback.last_error == "The server 127.0.0.1 is on a private network: give an address that anyone on the internet can reach."
    assert private.last_error.startswith("The server 10.1.2.3 is on a private network")
    assert feed_server.requests == []


def test_another_providers_members_cannot_see_change_check_or_remove_a_feed(client, provider):
    feed = registered(provider, "https://college.example.org/programmes.csv")
    client.force_login(member(ProviderFactory()))
    kwargs = {"organisation": provider.organisation.slug}

    responses = [
        client.get(feed_url(provider)),
        client.post(feed_url(provider), {"url": "https://evil.example/x.csv", "format": "csv", "mode": "valid_rows", "open_licence": "on"}),
        client.post(reverse("provider_portal:feed_check", kwargs=kwargs)),
        client.post(reverse("provider_portal:feed_remove", kwargs=kwargs)),
    ]

    assert [response.status_code for response in responses] == [404, 404, 404, 404]
    assert ProgrammeFeed.objects.get().url == feed.url


def test_a_member_can_remove_the_feed_and_its_programmes_stay(client, provider, feed_server, pull):
    feed_server.serve("/programmes.csv", csv_bytes([row()]))
    pull(registered(provider, feed_server.url("/programmes.csv")))
    client.force_login(member(provider))

    response = client.post(reverse("provider_portal:feed_remove", kwargs={"organisation": provider.organisation.slug}))

    assert "We will no longer check your feed" in client.get(response["Location"]).content.decode()
    assert not ProgrammeFeed.objects.exists() and Programme.objects.count() == 1


def test_the_licence_must_be_agreed_to_register_a_feed(client, provider):
    client.force_login(member(provider))

    response = client.post(feed_url(provider), {"url": "https://college.example.org/programmes.csv", "format": "csv", "mode": "valid_rows"})

    assert response.status_code == 400
    assert "Tick the box to agree to the open licence for the programmes in your feed" in response.content.decode()
    assert not ProgrammeFeed.objects.exists()


def test_a_feed_whose_registering_member_left_is_not_imported(provider, feed_server, pull):
    feed_server.serve("/programmes.csv", csv_bytes([row()]))
    feed = registered(provider, feed_server.url("/programmes.csv"))
    feed.licence_agreed_by.memberships.all().delete()

    feed = pull(feed)

    assert feed.last_error.startswith("The member who registered this feed is no longer part of your organisation")
    assert not Programme.objects.exists() and feed_server.requests == []


def test_beat_pulls_each_due_feed_once_an_hour(provider, feed_server, django_capture_on_commit_callbacks):
    feed_server.serve("/programmes.csv", csv_bytes([row()]))
    due = registered(provider, feed_server.url("/programmes.csv"))
    recent = registered(ProviderFactory(), feed_server.url("/programmes.csv"), checked_at=timezone.now() - datetime.timedelta(minutes=10))

    with django_capture_on_commit_callbacks(execute=True):
        pulled = feeds.due_feeds_pull()

    assert pulled == 1
    assert ProgrammeFeed.objects.get(pk=due.pk).last_outcome == "imported"
    assert ProgrammeFeed.objects.get(pk=recent.pk).last_outcome == ""
    assert app.amqp.router.route({}, "courses.pull_feeds")["queue"].name == "imports"
    assert app.conf.beat_schedule["courses-pull-feeds"]["task"] == "courses.pull_feeds"


def test_check_now_pulls_at_once_and_the_page_says_what_went_wrong_in_plain_english(client, provider, feed_server, django_capture_on_commit_callbacks):
    feed_server.slow("/programmes.csv", wait=2)
    registered(provider, feed_server.url("/programmes.csv"))
    client.force_login(member(provider))

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("provider_portal:feed_check", kwargs={"organisation": provider.organisation.slug}))
    page = client.get(response["Location"]).content.decode()

    assert "Could not be fetched" in page
    assert "The server stopped answering for more than 1 second, so we gave up. Nothing was changed: your programmes are as they were." in page
