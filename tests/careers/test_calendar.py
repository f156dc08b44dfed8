"""Calendar files residents add events to their phone with: one per event, and a feed of every upcoming event.

The files are read back with the `icalendar` library, as a calendar app would read them."""

import datetime

import icalendar
import pytest
from django.urls import reverse

from careers import calendar
from careers.models import EventPage
from tests.careers.page_factories import EventPageFactory

pytestmark = pytest.mark.django_db


def download(client, url) -> tuple[icalendar.Calendar, bytes]:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment;")
    return icalendar.Calendar.from_ical(response.content), response.content


def events_of(parsed: icalendar.Calendar) -> list:
    return list(parsed.walk("VEVENT"))


def test_an_event_page_offers_its_calendar_file_with_when_where_and_a_link_back(client):
    event = EventPageFactory(title="Digital careers evening")

    html = client.get(event.url).content.decode()
    assert f'href="{event.calendar_url}" download>Add this event to your calendar</a>' in html
    parsed, raw = download(client, event.calendar_url)

    (vevent,) = events_of(parsed)
    assert parsed["VERSION"] == "2.0" and parsed["PRODID"]
    assert str(vevent["SUMMARY"]) == "Digital careers evening"
    assert vevent.decoded("DTSTART") == event.starts_at
    assert vevent.decoded("DTEND") == event.ends_at
    assert vevent.decoded("DTSTART").utcoffset() == datetime.timedelta(0)  # written in UTC
    assert str(vevent["LOCATION"]) == "Leeds Central Library, Calverley Street, Leeds, LS1 3AB"
    assert str(vevent["URL"]) == f"http://testserver{event.url}"
    assert vevent["STATUS"] == "CONFIRMED"
    assert "DTSTAMP" in vevent
    assert b"\r\n" in raw and raw.replace(b"\r\n", b"").count(b"\n") == 0  # every line ends CRLF


def test_an_events_uid_stays_the_same_when_editors_change_it(client):
    event = EventPageFactory(title="Coding club")
    first = events_of(download(client, event.calendar_url)[0])[0]["UID"]

    event.title, event.slug = "Coding club for beginners", "coding-club-for-beginners"
    event.save_revision().publish()
    again = events_of(download(client, reverse("careers:event_calendar", args=[event.pk]))[0])[0]

    assert str(again["SUMMARY"]) == "Coding club for beginners"
    assert again["UID"] == first
    assert first != events_of(download(client, EventPageFactory().calendar_url)[0])[0]["UID"]


def test_commas_semicolons_backslashes_and_new_lines_come_back_as_written(client):
    event = EventPageFactory(
        title=r"Coding, data; and C:\ paths",
        summary="Bring a laptop.\nOr borrow one of ours; we have ten, all charged.",
        venue_name="Hall 2, Leeds; ground floor",
    )

    vevent = events_of(download(client, event.calendar_url)[0])[0]

    assert str(vevent["SUMMARY"]) == r"Coding, data; and C:\ paths"
    assert str(vevent["DESCRIPTION"]).startswith("Bring a laptop.\nOr borrow one of ours; we have ten, all charged.\n")
    assert str(vevent["LOCATION"]).startswith("Hall 2, Leeds; ground floor, ")


def test_long_lines_are_folded_at_75_octets_without_splitting_a_character(client):
    title = "Café évening for résidents — " * 8  # accented letters and a dash take two or three octets
    event = EventPageFactory(title=title.strip())

    parsed, raw = download(client, event.calendar_url)

    lines = raw.split(b"\r\n")
    assert max(len(line) for line in lines) <= 75
    assert any(line.startswith(b" ") for line in lines)  # some were folded
    for line in lines:
        line.decode("utf-8")  # no character was cut in two
    assert str(events_of(parsed)[0]["SUMMARY"]) == title.strip()


def test_folding_unfolds_to_the_same_line():
    line = "DESCRIPTION:" + "ab€" * 60

    folded = calendar.fold(line)

    assert all(len(part.encode()) <= 75 for part in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == line


def test_an_online_event_says_where_to_join_and_a_cancelled_one_says_so(client):
    online = EventPageFactory(
        attendance=EventPage.Attendance.ONLINE,
        online_url="https://example.org/join/data",
        venue_name="",
        address="",
        town="",
        postcode="",
    )
    cancelled = EventPageFactory(cancelled=True)

    joined = events_of(download(client, online.calendar_url)[0])[0]
    called_off = events_of(download(client, cancelled.calendar_url)[0])[0]

    assert str(joined["LOCATION"]) == "Online"
    assert str(joined["CONFERENCE"]) == "https://example.org/join/data"
    assert "Join online: https://example.org/join/data" in str(joined["DESCRIPTION"])
    assert called_off["STATUS"] == "CANCELLED"
    assert str(called_off["DESCRIPTION"]).startswith("This event is cancelled.")


def test_the_feed_holds_every_upcoming_published_event_soonest_first(client):
    later = EventPageFactory(title="Later", days_away=30)
    sooner = EventPageFactory(title="Sooner", days_away=3)
    EventPageFactory(title="Happened", days_away=-3)
    EventPageFactory(title="Draft", publish=False)

    parsed, _ = download(client, reverse("careers:events_calendar"))

    assert [str(vevent["SUMMARY"]) for vevent in events_of(parsed)] == ["Sooner", "Later"]
    assert {str(vevent["UID"]) for vevent in events_of(parsed)} == {f"event-{sooner.pk}@{calendar.uid_domain()}", f"event-{later.pk}@{calendar.uid_domain()}"}
    assert str(parsed["X-WR-CALNAME"]) == "Digital skills events in Leeds City Region"


def test_there_is_no_calendar_file_for_a_draft_event(client):
    draft = EventPageFactory(publish=False)

    assert client.get(reverse("careers:event_calendar", args=[draft.pk])).status_code == 404
