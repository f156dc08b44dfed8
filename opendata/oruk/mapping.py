"""Our records in the HSDS 3.0 UK profile's shapes (https://docs.openreferraluk.org/en/latest/schema_reference.html).

A programme of inclusion support is a service, its provider's organisation the organization, each venue a
location (and the service there a service_at_location), each run a schedule. Empty values are left out, as the
schemas' formats (uri, email) refuse empty strings; required ones always have a value.
"""

import html
import re

from django.urls import reverse

from courses.models import Programme, ProgrammeRun, Venue
from publishing.structured_data import compact, plain_text

from .ids import record_id

# ISO 639 codes of the languages people most often name here; a language not listed goes out by name only.
LANGUAGE_CODES = {
    "english": "en", "arabic": "ar", "bengali": "bn", "british sign language": "bfi", "bsl": "bfi",
    "cantonese": "yue", "chinese": "zh", "czech": "cs", "farsi": "fa", "persian": "fa", "french": "fr",
    "gujarati": "gu", "hindi": "hi", "kurdish": "ku", "lithuanian": "lt", "mandarin": "cmn", "pashto": "ps",
    "polish": "pl", "portuguese": "pt", "punjabi": "pa", "romanian": "ro", "russian": "ru", "slovak": "sk",
    "somali": "so", "spanish": "es", "tigrinya": "ti", "turkish": "tr", "ukrainian": "uk", "urdu": "ur",
}  # fmt: skip
LANGUAGE_SEPARATORS = re.compile(r",|;|/|\band\b|&", re.IGNORECASE)
FEES = {
    Programme.Cost.FREE: "Free",
    Programme.Cost.FUNDED: "Free if you are eligible",
    Programme.Cost.PAID: "Paid",
}


def _text(value: str) -> str:
    return html.unescape(plain_text(value))


def organization(programme: Programme, absolute) -> dict:
    provider = programme.provider
    return compact(
        {
            "id": record_id("organization", provider.organisation_id),
            "name": provider.name,
            "description": _text(provider.description) or provider.name,
            "email": provider.email,
            "website": provider.website,
            "uri": absolute(provider.get_absolute_url()),
        }
    )


def location(venue: Venue, *, step_free_access: bool = False) -> dict:
    """A venue; step-free access is the venue's, or the programme's when the service says it has it there."""
    town = venue.town or (venue.district.post_town if venue.district else "") or "Leeds City Region"
    return compact(
        {
            "id": record_id("location", venue.pk),
            "location_type": "physical",
            "name": venue.name,
            "latitude": venue.latitude,
            "longitude": venue.longitude,
            "addresses": [
                {
                    "id": record_id("address", venue.pk),
                    "location_id": record_id("location", venue.pk),
                    "address_1": venue.address or venue.name,
                    "city": town,
                    "state_province": venue.local_authority.name if venue.local_authority else "West Yorkshire",
                    "postal_code": venue.postcode,
                    "country": "GB",
                    "address_type": "physical",
                }
            ],
            "accessibility": [
                {
                    "id": record_id("accessibility", venue.pk),
                    "location_id": record_id("location", venue.pk),
                    "description": "Step-free access",
                    "details": "People who use a wheelchair or cannot manage steps can get in and around.",
                }
            ]
            if step_free_access or venue.step_free_access
            else [],
        }
    )


def service_at_location(programme: Programme, venue: Venue) -> dict:
    return {
        "id": record_id("service_at_location", programme.pk, venue.pk),
        "service_id": record_id("service", programme.pk),
        "location_id": record_id("location", venue.pk),
        "location": location(venue, step_free_access=programme.step_free_access),
    }


def _schedule(programme: Programme, run: ProgrammeRun, venues: set[int]) -> dict:
    how = "online" if programme.delivery_mode == Programme.DeliveryMode.ONLINE else "in person"
    return {
        "id": record_id("schedule", run.pk),
        "service_id": record_id("service", programme.pk),
        "service_at_location_id": (
            record_id("service_at_location", programme.pk, run.venue_id) if run.venue_id in venues else None
        ),
        "valid_from": run.starts_on,
        "valid_to": run.ends_on,
        "dtstart": run.starts_on,
        "description": run.note or f"Starts {run.starts_on:%-d %B %Y}",
        "attending_type": how,
        "notes": "Drop in, no need to book" if programme.drop_in else "",
    }


def schedules(programme: Programme) -> list[dict]:
    venues = {venue.pk for venue in programme.venues.all()}
    found = [_schedule(programme, run, venues) for run in programme.runs.all()]
    if programme.starts_any_time or programme.drop_in:
        found.append(
            {
                "id": record_id("ongoing_schedule", programme.pk),
                "service_id": record_id("service", programme.pk),
                "description": "Drop in any time it is open, no need to book"
                if programme.drop_in
                else "Ongoing: you can start any time",
            }
        )
    return found


def language_names(other_languages: str) -> list[str]:
    """English, then each other language the provider names ("Urdu, Polish and BSL"), once each."""
    names = ["English"]
    for part in LANGUAGE_SEPARATORS.split(other_languages or ""):
        name = " ".join(part.split())
        if name and name.lower() not in {known.lower() for known in names}:
            names.append(name if name.isupper() else name[0].upper() + name[1:])
    return names


def languages(programme: Programme) -> list[dict]:
    return [
        {
            "id": record_id("language", programme.pk, position),
            "service_id": record_id("service", programme.pk),
            "name": name,
            "code": LANGUAGE_CODES.get(name.lower()),
        }
        for position, name in enumerate(language_names(programme.other_languages))
    ]


def cost_options(programme: Programme) -> list[dict]:
    option = {
        "id": record_id("cost_option", programme.pk),
        "service_id": record_id("service", programme.pk),
        "option": FEES[programme.cost],
        "amount_description": programme.funding_eligibility,
    }
    if programme.cost == Programme.Cost.PAID:
        option["amount"] = programme.cost_amount
        option["currency"] = "GBP"
    elif programme.cost == Programme.Cost.FREE:
        option["amount"] = 0
    return [option]


def contacts(programme: Programme) -> list[dict]:
    """The programme's public enquiries line and address: an organisation's, never a named person's."""
    if not (programme.enquiry_phone or programme.enquiry_email):
        return []
    contact_id = record_id("contact", programme.pk)
    phones = [{"id": record_id("phone", programme.pk), "contact_id": contact_id, "number": programme.enquiry_phone}]
    return [
        {
            "id": contact_id,
            "service_id": record_id("service", programme.pk),
            "name": programme.provider.name,
            "title": "Enquiries",
            "email": programme.enquiry_email,
            "phones": phones if programme.enquiry_phone else [],
        }
    ]


def attributes(programme: Programme) -> list[dict]:
    """The skill areas it helps with, as terms of their framework's taxonomy."""
    return [
        {
            "id": record_id("attribute", programme.pk, area.pk),
            "link_id": record_id("service", programme.pk),
            "link_type": "service",
            "link_entity": "service",
            "taxonomy_term_id": record_id("taxonomy_term", area.pk),
            "taxonomy_term": taxonomy_term(area),
        }
        for area in programme.skill_areas.all()
    ]


def fees(programme: Programme) -> str:
    if programme.cost == Programme.Cost.PAID:
        return f"£{programme.cost_amount:,.2f}"
    if programme.cost == Programme.Cost.FUNDED:
        return f"Free if you are eligible: {programme.funding_eligibility}"
    return "Free"


def service_summary(programme: Programme, absolute) -> dict:
    """A service's own fields and its organization: the shape of each item in /services."""
    return compact(
        {
            "id": record_id("service", programme.pk),
            "organization_id": record_id("organization", programme.provider.organisation_id),
            "name": programme.title,
            "description": " ".join(filter(None, [programme.summary, _text(programme.description)])),
            "url": absolute(programme.get_absolute_url()),
            "email": programme.enquiry_email,
            "status": "active",
            "fees": fees(programme),
            "fees_description": fees(programme),
            "application_process": " ".join(filter(None, [programme.how_to_apply, programme.enquiry_url])),
            "interpretation_services": f"Help in {programme.other_languages}" if programme.other_languages else "",
            "last_modified": programme.updated_at,
            "organization": organization(programme, absolute),
        }
    )


def service(programme: Programme, absolute) -> dict:
    """The fully nested service: /services/{id}."""
    nested = {
        "service_at_locations": [service_at_location(programme, venue) for venue in programme.venues.all()],
        "schedules": schedules(programme),
        "languages": languages(programme),
        "cost_options": cost_options(programme),
        "contacts": contacts(programme),
        "attributes": attributes(programme),
        "service_areas": [],
        "funding": [],
    }
    # Every list is there, empty or not, so readers need not tell "none" from "not given".
    return {**service_summary(programme, absolute), **{name: [compact(item) for item in items] for name, items in nested.items()}}


def taxonomy(framework: str, label: str) -> dict:
    return {
        "id": taxonomy_id(framework),
        "name": label,
        "description": f"Skill areas of the {label} framework, as this site uses them",
        "version": "1",
    }


def taxonomy_term(area) -> dict:
    return compact(
        {
            "id": record_id("taxonomy_term", area.pk),
            "code": area.code,
            "name": area.title,
            "description": _text(area.description) or area.title,
            "taxonomy_id": taxonomy_id(area.framework),
            "taxonomy": area.get_framework_display(),
            "term_uri": area.source if area.source.startswith("http") else "",
        }
    )


def taxonomy_id(framework: str) -> str:
    """A framework's id, from its code: the same code, the same id, on every server."""
    return record_id("taxonomy", int.from_bytes(framework.encode()[:7].ljust(7, b"\0"), "big"))
