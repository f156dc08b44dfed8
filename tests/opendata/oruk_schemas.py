"""The shapes the Open Referral UK profile of HSDS 3.0 publishes for its API's answers, written out as JSON
Schema from its schema reference (https://docs.openreferraluk.org/en/latest/schema_reference.html) and its
OpenAPI file (https://github.com/OpenReferralUK/uk-profile, schema/openapi.json, version 3.0): each object's
required properties, the types and formats of what we send, and which objects nest in which.

Formats the jsonschema package checks only with optional extras (uri, date-time) are given as patterns too.
"""

UUID = {"type": "string", "format": "uuid", "pattern": "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"}
URI = {"type": "string", "pattern": "^https?://[^\\s]+$"}
EMAIL = {"type": "string", "format": "email"}
DATE = {"type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}
DATE_TIME = {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$"}
TEXT = {"type": "string"}
NONEMPTY_TEXT = {"type": "string", "minLength": 1}


def _object(required: list[str], properties: dict) -> dict:
    return {"type": "object", "required": required, "properties": properties}


def _list_of(item: dict) -> dict:
    return {"type": "array", "items": item}


API_INFO = _object(
    ["version", "profile"],
    {"version": {"const": "3.0"}, "profile": URI, "openapi_url": URI},
)

ORGANIZATION = _object(
    ["id", "name", "description"],
    {"id": UUID, "name": NONEMPTY_TEXT, "description": NONEMPTY_TEXT, "email": EMAIL, "website": URI, "uri": URI},
)

ADDRESS = _object(
    ["id", "address_1", "city", "state_province", "postal_code", "country", "address_type"],
    {
        "id": UUID, "location_id": UUID, "address_1": NONEMPTY_TEXT, "city": NONEMPTY_TEXT, "state_province": TEXT,
        "postal_code": NONEMPTY_TEXT, "country": {"type": "string", "pattern": "^[A-Z]{2}$"},
        "address_type": {"enum": ["physical", "postal", "virtual"]},
    },
)  # fmt: skip

ACCESSIBILITY = _object(["id"], {"id": UUID, "location_id": UUID, "description": TEXT, "details": TEXT, "url": URI})

LOCATION = _object(
    ["id", "location_type"],
    {
        "id": UUID, "location_type": {"enum": ["physical", "postal", "virtual"]}, "name": TEXT,
        "latitude": {"type": "number", "minimum": -90, "maximum": 90},
        "longitude": {"type": "number", "minimum": -180, "maximum": 180},
        "addresses": _list_of(ADDRESS), "accessibility": _list_of(ACCESSIBILITY),
    },
)  # fmt: skip

SCHEDULE = _object(
    ["id"],
    {
        "id": UUID, "service_id": UUID, "service_at_location_id": UUID, "valid_from": DATE, "valid_to": DATE,
        "dtstart": DATE, "freq": {"enum": ["WEEKLY", "MONTHLY"]}, "description": TEXT, "attending_type": TEXT,
        "notes": TEXT,
    },
)  # fmt: skip

LANGUAGE = _object(["id"], {"id": UUID, "service_id": UUID, "name": NONEMPTY_TEXT, "code": {"type": "string", "pattern": "^[a-z]{2,3}$"}})

COST_OPTION = _object(
    ["id"],
    {"id": UUID, "service_id": UUID, "option": TEXT, "amount": {"type": "number", "minimum": 0}, "amount_description": TEXT, "currency": {"const": "GBP"}},
)

PHONE = _object(["id", "number"], {"id": UUID, "contact_id": UUID, "number": NONEMPTY_TEXT})

CONTACT = _object(["id"], {"id": UUID, "service_id": UUID, "name": TEXT, "title": TEXT, "email": EMAIL, "phones": _list_of(PHONE)})

TAXONOMY = _object(["id", "name", "description"], {"id": UUID, "name": NONEMPTY_TEXT, "description": NONEMPTY_TEXT, "version": TEXT})

TAXONOMY_TERM = _object(
    ["id", "name", "description"],
    {"id": UUID, "code": TEXT, "name": NONEMPTY_TEXT, "description": NONEMPTY_TEXT, "taxonomy_id": UUID, "taxonomy": TEXT, "term_uri": URI},
)

ATTRIBUTE = _object(
    ["id", "link_id", "taxonomy_term_id"],
    {"id": UUID, "link_id": UUID, "link_type": TEXT, "taxonomy_term_id": UUID, "taxonomy_term": TAXONOMY_TERM},
)

SERVICE_FIELDS = {
    "id": UUID, "organization_id": UUID, "name": NONEMPTY_TEXT, "description": TEXT, "url": URI, "email": EMAIL,
    "status": {"enum": ["active", "inactive", "defunct", "temporarily closed"]}, "fees": TEXT,
    "last_modified": DATE_TIME, "organization": ORGANIZATION,
}  # fmt: skip

# An item of /services: the service's own fields and its organization (the profile's service_list.json).
SERVICE_SUMMARY = _object(["id", "name", "status"], SERVICE_FIELDS)

SERVICE_AT_LOCATION = _object(["id"], {"id": UUID, "service_id": UUID, "location_id": UUID, "location": LOCATION})

# /services/{id}: fully nested (the profile's compiled/service.json).
SERVICE = _object(
    ["id", "name", "status", "organization", "service_at_locations", "schedules", "languages", "cost_options", "contacts"],
    {
        **SERVICE_FIELDS,
        "service_at_locations": _list_of(SERVICE_AT_LOCATION),
        "schedules": _list_of(SCHEDULE),
        "languages": _list_of(LANGUAGE),
        "cost_options": _list_of(COST_OPTION),
        "contacts": _list_of(CONTACT),
        "attributes": _list_of(ATTRIBUTE),
        "service_areas": {"type": "array"},
        "funding": {"type": "array"},
    },
)

# An item of /service_at_locations (the profile's service_at_location_list.json), and /service_at_locations/{id}.
SERVICE_AT_LOCATION_SUMMARY = _object(
    ["id", "service_id", "location_id", "location", "service"],
    {**SERVICE_AT_LOCATION["properties"], "service": SERVICE_SUMMARY},
)
SERVICE_AT_LOCATION_FULL = _object(
    ["id", "service_id", "location_id", "location", "service"],
    {**SERVICE_AT_LOCATION["properties"], "service": SERVICE},
)


def page_of(item: dict) -> dict:
    """The profile's Page: counts and flags, and the items as `contents`."""
    return _object(
        ["total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty", "contents"],
        {
            "total_items": {"type": "integer", "minimum": 0},
            "total_pages": {"type": "integer", "minimum": 1},
            "page_number": {"type": "integer", "minimum": 1},
            "size": {"type": "integer", "minimum": 0},
            "first_page": {"type": "boolean"},
            "last_page": {"type": "boolean"},
            "empty": {"type": "boolean"},
            "contents": _list_of(item),
        },
    )
