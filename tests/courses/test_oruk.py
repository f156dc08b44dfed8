"""An Open Referral UK feed (HSDS UK profile 3.0 API) read into a provider's inclusion support, served by a real
local HTTPS server: what matches is mapped, what does not is reported, and a second run updates in place."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from django.utils import timezone

from courses.models import Programme, ProgrammeImport
from publishing.models import Status
from tests.accounts.factories import member
from tests.courses.factories import ProviderFactory

pytestmark = pytest.mark.django_db

NEXT_MONTH = (timezone.localdate() + datetime.timedelta(days=30)).isoformat()


def location(name, postcode, **extra):
    return {
        "id": f"loc-{name}",
        "location": {
            "id": f"location-{name}",
            "name": name,
            "addresses": [{"id": f"a-{name}", "address_1": "1 High Street", "city": "Leeds", "postal_code": postcode, "country": "GB", "address_type": "physical"}],
            **extra,
        },
    }


SERVICES = [
    {
        "id": "3f1e6a10-0001",
        "name": "Digital drop-in at Central Library",
        "description": "Bring your phone or tablet and get help with email, video calls and forms. Friendly volunteers, no booking needed.",
        "url": "https://library.example.org/digital",
        "email": "digital@library.example.org",
        "status": "active",
        "minimum_age": 16,
        "alert": "Closed on bank holidays",
        "phones": [{"id": "p1", "number": "0113 000 0000"}],
        "languages": [{"id": "l1", "name": "English", "code": "en"}, {"id": "l2", "name": "Urdu", "code": "ur"}],
        "cost_options": [],
        "schedules": [{"id": "s1", "freq": "WEEKLY", "byday": "TU,TH", "opens_at": "10:00:00", "closes_at": "12:00:00", "valid_from": "2024-01-01", "attending_type": "Drop in, no need to book"}],
        "service_at_locations": [location("Central Library", "LS1 3AB", accessibility=[{"id": "x1", "description": "Step-free access by the side entrance"}])],
    },
    {
        "id": "3f1e6a10-0002",
        "name": "Tablet lending and help",
        "description": "Borrow a tablet with data for twelve weeks, with a weekly session to learn the basics.",
        "url": "https://community.example.org/tablets",
        "status": "active",
        "cost_options": [{"id": "c1", "option": "Deposit", "amount": 5, "amount_description": "refunded on return"}],
        "schedules": [{"id": "s2", "freq": "WEEKLY", "byday": "WE", "opens_at": "14:00:00", "closes_at": "15:30:00", "valid_from": NEXT_MONTH}],
        "service_at_locations": [location("Headingley Community Centre", "LS6 1AA"), location("Online only office", "")],
    },
    {
        "id": "3f1e6a10-0003",
        "name": "Help online in Westminster",
        "description": "Drop-in help in central London.",
        "url": "https://london.example.org/help",
        "status": "active",
        "service_at_locations": [location("Westminster Library", "SW1A 1AA")],
    },
    {"id": "3f1e6a10-0004", "name": "Closed café sessions", "description": "No longer running.", "url": "https://example.org", "status": "inactive"},
]


@pytest.fixture
def oruk_feed(feed_server):
    """The four services over two pages of two, as the profile's /services and /services/{id} serve them."""
    for number, chunk in enumerate([SERVICES[:2], SERVICES[2:]], 1):
        feed_server.serve_json(
            f"/api/services?page={number}&per_page=50",
            {"total_items": 4, "total_pages": 2, "page_number": number, "size": 2, "first_page": number == 1, "last_page": number == 2, "empty": False,
             "contents": [{key: service[key] for key in ("id", "name", "description", "url", "status")} for service in chunk]},
        )  # fmt: skip
    for service in SERVICES:
        feed_server.serve_json(f"/api/services/{service['id']}", service)
    return feed_server.url("/api")


def run_command(provider, url):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_oruk_feed", "--provider", provider.organisation.slug, "--url", url, stdout=out, stderr=err)
    return out.getvalue()


def test_services_in_our_region_become_draft_inclusion_support_with_what_matches_mapped(oruk_feed):
    provider = ProviderFactory()

    output = run_command(provider, oruk_feed)

    drop_in = Programme.objects.get(reference="3f1e6a10-0001")
    assert (drop_in.kind, drop_in.tier.code, drop_in.status) == ("inclusion_support", "inclusion", Status.DRAFT)
    assert drop_in.title == "Digital drop-in at Central Library"
    assert drop_in.summary.startswith("Bring your phone or tablet")
    assert (drop_in.enquiry_url, drop_in.enquiry_email, drop_in.enquiry_phone) == ("https://library.example.org/digital", "digital@library.example.org", "0113 000 0000")
    assert (drop_in.cost, drop_in.other_languages, drop_in.step_free_access, drop_in.drop_in, drop_in.starts_any_time) == ("free", "Urdu", True, True, True)
    assert drop_in.how_to_apply == "Every Tuesday and Thursday, 10:00 to 12:00."
    venue = drop_in.venues.get()
    assert (venue.name, venue.postcode, venue.step_free_access) == ("Central Library", "LS1 3AB", True)

    tablets = Programme.objects.get(reference="3f1e6a10-0002")
    assert (tablets.cost, tablets.cost_amount) == ("paid", 5)
    run = tablets.runs.get()
    assert (run.starts_on.isoformat(), run.note) == (NEXT_MONTH, "Every Wednesday, 14:00 to 15:30")
    assert tablets.venues.get().postcode == "LS6 1AA"

    assert not Programme.objects.filter(reference__in=["3f1e6a10-0003", "3f1e6a10-0004"]).exists()
    assert "2 services imported: 2 created, 0 updated, 0 failed" in output
    assert "Not imported, as there is nowhere to put it here: alert, minimum_age." in output
    assert "service 3: Help online in Westminster (3f1e6a10-0003): Westminster Library (SW1A 1AA) is outside the area we cover" in output
    assert "service 3: Help online in Westminster (3f1e6a10-0003): Left out: it has no address with a postcode in our region." in output
    assert "service 4: Closed café sessions (3f1e6a10-0004): Left out: the feed marks it inactive." in output
    assert "Online only office has no postcode, so it is not a venue here." in output
    assert "The feed gives no cost, so it is shown as free: check this." in output


def test_a_second_run_updates_the_same_programmes_by_their_oruk_id(oruk_feed):
    provider = ProviderFactory()
    run_command(provider, oruk_feed)

    output = run_command(provider, oruk_feed)

    assert "2 services imported: 0 created, 2 updated, 0 failed" in output
    assert Programme.objects.filter(provider=provider).count() == 2


def test_the_report_is_on_the_imports_page_in_the_portal(client, oruk_feed):
    provider = ProviderFactory()
    run_command(provider, oruk_feed)
    job = ProgrammeImport.objects.get()
    client.force_login(member(provider))

    page = client.get(reverse("provider_portal:import", kwargs={"organisation": provider.organisation.slug, "pk": job.pk})).content.decode()

    assert "Line 3: Help online in Westminster (3f1e6a10-0003): Left out: it has no address with a postcode in our region." in page
    assert "Programmes added" in page


def test_a_feed_that_is_not_an_oruk_api_is_reported_plainly(feed_server):
    feed_server.serve("/api/services", b"<html>Not here</html>", content_type="text/html")

    with pytest.raises(CommandError, match="did not answer with JSON: check that it is an Open Referral UK API."):
        run_command(ProviderFactory(), feed_server.url("/api"))


def test_a_plain_http_feed_is_refused(db):
    with pytest.raises(CommandError, match="The address must start with https://"):
        run_command(ProviderFactory(), "http://directory.example.org/api")
