"""Reading another directory's Open Referral UK feed into one provider's programmes of kind inclusion support.

The feed is an API in the HSDS UK profile 3.0 (https://github.com/openreferral/uk-profile, schema/openapi.json):
`GET /services?page=N&per_page=M` lists services a page at a time ({"total_pages", "page_number", "last_page",
"contents": [...]}) and `GET /services/{id}` gives one in full, with its service_at_locations, schedules, cost
options and languages. Each service becomes one row of our own import format, so it is checked and saved exactly
as an upload is (courses/imports/), and updated in place next time: the ORUK service id is the reference.

What does not fit is reported, never guessed at: a service with no address in our region is left out, and
fields we have nowhere to put are named. Those notes are stored on the import with its own, so the provider
reads them on the import's page; each note's "line" is the service's position in the feed (1 is the first).
"""

import datetime
import json
import re
from urllib.parse import quote, urlencode

from django.utils import timezone

from places.postcodes import PostcodeError, locate

from ..imports import run_import
from ..models import Programme, ProgrammeImport
from .fetching import FetchProblem, fetch

PER_PAGE = 50
MAX_PAGES = 200  # 10,000 services: far more than a local directory holds, and a feed that never ends stops
PAGE_BYTES = 2 * 1024 * 1024
# Fields of a service that become part of a programme; anything else with a value is reported as not imported.
MAPPED = {
    "id", "name", "description", "url", "email", "status", "phones", "service_at_locations", "schedules",
    "cost_options", "languages", "last_modified",
}  # fmt: skip
STEP_FREE = re.compile(r"step[- ]free|wheelchair|level access|ramp|lift", re.IGNORECASE)
DAYS = {"MO": "Monday", "TU": "Tuesday", "WE": "Wednesday", "TH": "Thursday", "FR": "Friday", "SA": "Saturday", "SU": "Sunday"}


class OrukProblem(Exception):
    """The feed could not be read at all; the message says why."""


def _get_json(url: str) -> dict:
    try:
        fetched = fetch(url, max_bytes=PAGE_BYTES, accept="application/json")
        return json.loads(fetched.content)
    except FetchProblem as problem:
        raise OrukProblem(f"{url}: {problem}") from None
    except ValueError:
        raise OrukProblem(f"{url} did not answer with JSON: check that it is an Open Referral UK API.") from None


def oruk_services(base_url: str) -> list[dict]:
    """Every service of the feed, in full, in the order the feed lists them."""
    base = base_url.rstrip("/")
    services, page = [], 1
    while page <= MAX_PAGES:
        listing = _get_json(f"{base}/services?{urlencode({'page': page, 'per_page': PER_PAGE})}")
        if not isinstance(listing, dict) or not isinstance(listing.get("contents"), list):
            raise OrukProblem(f"{base}/services did not answer with a page of services (no \"contents\" list).")
        for summary in listing["contents"]:
            services.append(_get_json(f"{base}/services/{quote(str(summary.get('id', '')), safe='')}"))
        if listing.get("last_page") or page >= (listing.get("total_pages") or page) or not listing["contents"]:
            return services
        page += 1
    raise OrukProblem(f"The feed has more than {MAX_PAGES} pages of services, so we stopped.")


def _text(value) -> str:
    return str(value).strip() if value not in (None, "") else ""


def _summary(description: str, name: str) -> tuple[str, bool]:
    """The description's first sentence or two, within 300 characters; True when something was cut."""
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", description)).strip() or name
    if len(text) <= 300:
        return text, False
    sentences, summary = re.split(r"(?<=[.!?])\s+", text), ""
    for sentence in sentences:
        if len(summary) + len(sentence) + 1 > 300:
            break
        summary = f"{summary} {sentence}".strip()
    return (summary or text[:299].rstrip() + "…"), True


def _when(schedule: dict) -> str:
    """"Thursday and Friday, 10:00 to 18:00" from a schedule's byday, opens_at and closes_at."""
    days = [DAYS[code] for code in re.findall(r"[A-Z]{2}", _text(schedule.get("byday")).upper()) if code in DAYS]
    day_text = " and ".join([", ".join(days[:-1]), days[-1]] if len(days) > 1 else days)
    opens, closes = _text(schedule.get("opens_at"))[:5], _text(schedule.get("closes_at"))[:5]
    hours = f"{opens} to {closes}" if opens and closes else ""
    when = ", ".join(part for part in [f"Every {day_text}" if day_text else "", hours] if part)
    return when or _text(schedule.get("description"))


def _date(value) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(_text(value)[:10])
    except ValueError:
        return None


def service_row(service: dict, *, skill_areas: str, today: datetime.date) -> tuple[dict | None, list[str]]:
    """The import row for one ORUK service (None: it cannot be imported), and what did not map, in plain English."""
    notes = []
    status = _text(service.get("status")) or "active"
    if status != "active":
        return None, [f"Left out: the feed marks it {status}."]
    name = _text(service.get("name"))
    if not name:
        return None, ["Left out: it has no name."]
    description = _text(service.get("description"))
    summary, shortened = _summary(description, name)
    if shortened:
        notes.append("The summary is the start of its description: check it reads well.")
    row = {
        "reference": _text(service.get("id"))[:60],
        "kind": Programme.Kind.INCLUSION_SUPPORT,
        "title": name[:200],
        "summary": summary,
        "description": description,
        "tier": "inclusion",
        "skill_areas": skill_areas,
        "delivery_mode": Programme.DeliveryMode.IN_PERSON,
        "enquiry_url": _text(service.get("url")),
        "enquiry_email": _text(service.get("email")),
    }

    # Locations: the first with a postcode in our region becomes the venue (a programme imports with one).
    venue, phones = None, [_text(phone.get("number")) for phone in service.get("phones") or []]
    schedules = list(service.get("schedules") or [])
    for link in service.get("service_at_locations") or []:
        location = link.get("location") or {}
        schedules += link.get("schedules") or []
        phones += [_text(phone.get("number")) for phone in location.get("phones") or []]
        addresses = location.get("addresses") or []
        address = next((item for item in addresses if item.get("address_type") in (None, "", "physical")), None)
        label = _text(location.get("name")) or (_text(address.get("address_1")) if address else "") or "A location"
        if address is None or not _text(address.get("postal_code")):
            notes.append(f"{label} has no postcode, so it is not a venue here.")
            continue
        try:
            locate(_text(address["postal_code"]))
        except PostcodeError:
            notes.append(f"{label} ({_text(address['postal_code'])}) is outside the area we cover, so it is not a venue here.")
            continue
        if venue is not None:
            notes.append(f"{label} is another venue: a programme imports with one, so add it in the portal.")
            continue
        step_free = any(STEP_FREE.search(f"{_text(item.get('description'))} {_text(item.get('details'))}") for item in location.get("accessibility") or [])
        venue = {
            "venue_name": label[:200],
            "venue_address": ", ".join(part for part in (_text(address.get("address_1")), _text(address.get("address_2"))) if part),
            "venue_town": _text(address.get("city")),
            "venue_postcode": _text(address["postal_code"]),
            "venue_step_free_access": "yes" if step_free else "no",
            "step_free_access": "yes" if step_free else "no",
        }
    if venue is None:
        return None, [*notes, "Left out: it has no address with a postcode in our region."]
    row.update(venue)
    if phones and phones[0]:
        row["enquiry_phone"] = phones[0][:30]

    # Schedules: a dated one still to start becomes a run; an ongoing one, "start any time" with its days.
    runs, ongoing = [], []
    for schedule in schedules:
        starts, ends = _date(schedule.get("valid_from") or schedule.get("dtstart")), _date(schedule.get("valid_to"))
        if ends and ends < today:
            notes.append(f"A schedule that ended on {ends:%d %B %Y} was left out.")
        elif starts and starts > today:
            runs.append({"starts_on": starts.isoformat(), "ends_on": ends.isoformat() if ends else "", "note": _when(schedule)[:200]})
        elif _when(schedule):
            ongoing.append(_when(schedule))
        if "drop" in _text(schedule.get("attending_type")).lower():
            row["drop_in"] = "yes"
    if runs:
        row["runs"] = runs
    if ongoing or not runs:
        row["starts_any_time"] = "yes"
    if ongoing:
        row["how_to_apply"] = f"{'; '.join(ongoing)}."[:2000]

    # Cost: free unless an option has an amount; the lowest amount is the price shown.
    amounts = [option.get("amount") for option in service.get("cost_options") or [] if isinstance(option.get("amount"), (int, float))]
    paid = [amount for amount in amounts if amount > 0]
    row["cost"] = Programme.Cost.PAID if paid else Programme.Cost.FREE
    if paid:
        row["cost_amount"] = str(min(paid))
        if len(set(paid)) > 1:
            notes.append(f"It has {len(set(paid))} prices: the lowest, £{min(paid)}, is shown.")
    elif not service.get("cost_options"):
        notes.append("The feed gives no cost, so it is shown as free: check this.")

    languages = [_text(item.get("name")) for item in service.get("languages") or []]
    others = [language for language in languages if language and language.lower() != "english"]
    if others:
        row["other_languages"] = ", ".join(others)[:200]

    unmapped = sorted(key for key, value in service.items() if key not in MAPPED and value not in (None, "", [], {}))
    if unmapped:
        notes.append(f"Not imported, as there is nowhere to put it here: {', '.join(unmapped)}.")
    return row, notes


def _content(rows: dict[int, dict]) -> bytes:
    """The rows as a JSON array in our import format, each on the line of its service's position in the feed,
    so the import's line numbers name services as the report does (JSON allows the blank lines between)."""
    text, line = "[", 1
    for position, row in sorted(rows.items()):
        text += "\n" * (position - line) + json.dumps(row, ensure_ascii=False) + ","
        line = position
    return (text.rstrip(",") + "]").encode()


def oruk_import(*, provider, url: str, skill_areas: str = "EDS-F", licence_agreed: bool = False) -> ProgrammeImport:
    """Import the ORUK feed at `url` into the provider's programmes (drafts, for the provider to check and
    publish), in this process; its notes say what did not map. Raises OrukProblem if the feed cannot be read."""
    services = oruk_services(url)
    today, rows, notes = timezone.localdate(), {}, []
    for position, service in enumerate(services, 1):
        row, service_notes = service_row(service, skill_areas=skill_areas, today=today)
        if row is not None:
            rows[position] = row
        label = f"{_text(service.get('name')) or 'A service'} ({_text(service.get('id'))})"
        notes += [{"line": position, "field": "", "message": f"{label}: {note}"} for note in service_notes]
    host = url.split("//", 1)[-1].split("/", 1)[0]
    job = ProgrammeImport.objects.create(
        provider=provider,
        filename=f"oruk-{host}.json"[:255],
        content=_content(rows),
        licence_agreed_at=timezone.now() if licence_agreed else None,
    )
    if not rows:
        job.file_errors = ["No service in the feed could be imported: see the notes."]
        job.state, job.finished_at, job.notes = ProgrammeImport.State.FAILED, timezone.now(), notes
        job.save()
        return job
    job = run_import(job)
    job.notes = sorted(notes + job.notes, key=lambda note: note["line"])
    job.save(update_fields=["notes"])
    return job

