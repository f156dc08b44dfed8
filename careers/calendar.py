"""iCalendar files of events (RFC 5545), so residents can add an event to the calendar on their phone.

Written by hand rather than with a library: we write only VEVENTs with a handful of properties, and the rules
that matter are few: CRLF line ends, lines folded at 75 octets, TEXT values escaped, times in UTC.
https://www.rfc-editor.org/rfc/rfc5545
"""

import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone

PRODUCT_ID = "-//Digital Skills Leeds City Region//Events//EN"
CONTENT_TYPE = "text/calendar; charset=utf-8"
LINE_END = "\r\n"
LINE_OCTETS = 75  # RFC 5545 3.1: "Lines of text SHOULD NOT be longer than 75 octets, excluding the line break"


def escape_text(value: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): backslash, semicolon and comma escaped; line breaks written as \\n."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """One content line folded into parts of at most 75 octets, each continuation starting with a space.

    Folds fall between characters, never inside a UTF-8 sequence (RFC 5545 3.1 allows either, but a split
    character is shown as garbage by some calendars)."""
    parts, current, size = [], "", 0
    for character in line:
        octets = len(character.encode("utf-8"))
        # A continuation line's leading space counts towards its 75 octets.
        limit = LINE_OCTETS if not parts else LINE_OCTETS - 1
        if size + octets > limit:
            parts.append(current)
            current, size = "", 0
        current += character
        size += octets
    parts.append(current)
    return (LINE_END + " ").join(parts)


def utc(moment: datetime.datetime) -> str:
    """A DATE-TIME in UTC (RFC 5545 3.3.5, form 2): 20251014T170000Z."""
    return moment.astimezone(datetime.timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def uid_domain() -> str:
    """The site's own host name: UIDs must be unique worldwide, and stay the same for an event (RFC 5545 3.8.4.7)."""
    return urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "localhost"


def event_uid(event) -> str:
    # The page's id, not its slug or title, which editors may change: a calendar then updates the event it has.
    return f"event-{event.pk}@{uid_domain()}"


def event_lines(event, *, url: str, stamp: datetime.datetime) -> list[str]:
    """The VEVENT of one event page, unfolded."""
    lines = [
        "BEGIN:VEVENT",
        f"UID:{event_uid(event)}",
        f"DTSTAMP:{utc(stamp)}",
        f"DTSTART:{utc(event.starts_at)}",
        f"DTEND:{utc(event.ends_at)}",
        f"SUMMARY:{escape_text(event.title)}",
        f"DESCRIPTION:{escape_text(_description(event, url))}",
        f"LOCATION:{escape_text(event.where)}",
        f"URL:{url}",
        f"STATUS:{'CANCELLED' if event.cancelled else 'CONFIRMED'}",
    ]
    if event.last_published_at:
        lines.append(f"LAST-MODIFIED:{utc(event.last_published_at)}")
    if event.online and event.online_url:
        # Where a calendar puts "join" links; Outlook and Google read it (RFC 7986 5.11).
        lines.append(f"CONFERENCE;VALUE=URI;FEATURE=VIDEO:{event.online_url}")
    lines.append("END:VEVENT")
    return lines


def _description(event, url: str) -> str:
    said = [event.summary, f"Cost: {event.cost}"]
    if event.cancelled:
        said.insert(0, "This event is cancelled.")
    if event.online and event.online_url:
        said.append(f"Join online: {event.online_url}")
    if event.booking_url:
        said.append(f"Book a place: {event.booking_url}")
    said.append(f"More about it: {url}")
    return "\n".join(said)


def calendar(events, *, url_of, name: str, stamp: datetime.datetime | None = None) -> str:
    """A VCALENDAR of these events; url_of(event) is each event page's full address."""
    stamp = stamp or timezone.now()
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODUCT_ID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"NAME:{escape_text(name)}",  # RFC 7986 5.1
        f"X-WR-CALNAME:{escape_text(name)}",  # the name most calendar apps read
    ]
    for event in events:
        lines += event_lines(event, url=url_of(event), stamp=stamp)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + LINE_END for line in lines)
