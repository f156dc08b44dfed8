"""Residents find events: upcoming ones soonest first, those that have happened on their own page, newest first;
each event page describes itself to search engines as a schema.org Event."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from careers import views
from careers.models import EventPage
from tests.careers.page_factories import EventPageFactory
from tests.structured_data import json_ld_of, problems_in

pytestmark = pytest.mark.django_db


def titles_in_order(html: str, titles: list[str]) -> list[str]:
    found = [title for title in titles if title in html]
    return sorted(found, key=html.index)


def test_upcoming_events_are_listed_soonest_first_without_past_or_draft_ones(client):
    EventPageFactory(title="In a month", days_away=30)
    EventPageFactory(title="Tomorrow", days_away=1)
    EventPageFactory(title="Last week", days_away=-7)
    EventPageFactory(title="Not yet published", days_away=2, publish=False)

    html = client.get(reverse("careers:events")).content.decode()

    assert titles_in_order(html, ["In a month", "Tomorrow", "Last week", "Not yet published"]) == ["Tomorrow", "In a month"]
    assert 'href="/events/calendar.ics" download>Download all upcoming events (calendar file)</a>' in html
    assert 'href="/events/past/">Events that have happened</a>' in html


def test_events_that_have_happened_are_newest_first_a_page_at_a_time(client, monkeypatch):
    monkeypatch.setattr(views, "PAST_EVENTS_PER_PAGE", 2)
    for days in (-3, -30, -10):
        EventPageFactory(title=f"Happened {abs(days)} days ago", days_away=days)
    EventPageFactory(title="Still to come", days_away=3)

    first = client.get(reverse("careers:past_events")).content.decode()
    second = client.get(reverse("careers:past_events"), {"page": 2}).content.decode()

    assert titles_in_order(first, ["Happened 3 days ago", "Happened 10 days ago", "Happened 30 days ago"]) == [
        "Happened 3 days ago",
        "Happened 10 days ago",
    ]
    assert "Page 1 of 2" in first and 'href="?page=2" rel="next"' in first
    assert "Happened 30 days ago" in second and "Happened 3 days ago" not in second
    assert "Still to come" not in first + second


def test_with_no_events_the_pages_say_so(client):
    assert "There are no events planned right now." in client.get(reverse("careers:events")).content.decode()
    assert "No events have happened yet." in client.get(reverse("careers:past_events")).content.decode()


def test_every_page_links_to_events_in_the_navigation(client):
    html = client.get("/").content.decode()

    assert '<a class="govuk-service-navigation__link" href="/events/">Events</a>' in html


def test_an_online_event_needs_no_venue_but_one_at_a_venue_does():
    online = EventPageFactory.build(attendance=EventPage.Attendance.ONLINE, venue_name="", postcode="", address="", town="")
    at_venue = EventPageFactory.build(venue_name="", postcode="")

    online.full_clean(exclude=["path", "depth"])
    with pytest.raises(ValidationError) as refused:
        at_venue.full_clean(exclude=["path", "depth"])

    assert refused.value.message_dict["venue_name"] == ["Give the venue's name, such as “Leeds Central Library”"]
    assert refused.value.message_dict["postcode"] == ["Give the venue's postcode, so people can find it"]
    assert online.where == "Online"


def test_a_cancelled_event_says_so_and_offers_no_booking(client):
    event = EventPageFactory(cancelled=True)

    html = client.get(event.url).content.decode()

    assert "This event is cancelled." in html
    assert "Book a place" not in html
    assert 'govuk-tag--red">Cancelled' in client.get(reverse("careers:events")).content.decode()


# schema.org ---------------------------------------------------------------------------------------------------


def test_an_event_at_a_venue_is_a_free_scheduled_offline_event_at_a_place(client):
    event = EventPageFactory(title="Digital careers evening", cost="Free")

    data = json_ld_of(client.get(event.url).content.decode())

    assert problems_in(data) == []
    assert data["@type"] == "Event"
    assert data["name"] == "Digital careers evening"
    assert data["startDate"].startswith(event.starts_at.date().isoformat()) and data["endDate"]
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["location"]["@type"] == "Place"
    assert data["location"]["name"] == "Leeds Central Library"
    assert data["location"]["address"]["postalCode"] == "LS1 3AB"
    assert data["location"]["address"]["addressRegion"] == "Leeds"
    assert data["organizer"]["name"] == "Digital Skills Leeds City Region"
    assert data["offers"]["price"] == 0 and data["offers"]["priceCurrency"] == "GBP"
    assert data["url"] == f"http://testserver{event.url}"


def test_an_online_event_has_a_virtual_location_and_a_mixed_one_both(client):
    online = EventPageFactory(
        attendance=EventPage.Attendance.ONLINE, online_url="https://example.org/join", venue_name="", postcode="", address="", town=""
    )
    mixed = EventPageFactory(attendance=EventPage.Attendance.MIXED, cost="£5, free for under-18s")

    online_data = json_ld_of(client.get(online.url).content.decode())
    mixed_data = json_ld_of(client.get(mixed.url).content.decode())

    assert problems_in(online_data) == [] and problems_in(mixed_data) == []
    assert online_data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert online_data["location"] == {"@type": "VirtualLocation", "url": "https://example.org/join"}
    assert mixed_data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert [place["@type"] for place in mixed_data["location"]] == ["Place", "VirtualLocation"]
    assert mixed_data["offers"]["price"] == 5 and mixed_data["offers"]["description"] == "£5, free for under-18s"


def test_a_cancelled_event_is_marked_cancelled(client):
    event = EventPageFactory(cancelled=True)

    data = json_ld_of(client.get(event.url).content.decode())

    assert data["eventStatus"] == "https://schema.org/EventCancelled"


def test_text_from_editors_cannot_close_the_json_ld_script(client):
    event = EventPageFactory(summary="</script><script>alert(1)</script>")

    html = client.get(event.url).content.decode()

    assert "<script>alert(1)</script>" not in html
    assert json_ld_of(html)["description"] == "</script><script>alert(1)</script>"
