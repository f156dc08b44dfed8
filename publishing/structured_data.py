"""Helpers for schema.org JSON-LD: leave out empty values, write dates in ISO 8601."""

import datetime
from decimal import Decimal

from django.utils.html import strip_tags


def compact(value):
    """Drop None, empty strings, lists and dicts at any depth: validators reject empty properties."""
    if isinstance(value, dict):
        cleaned = {key: compact(item) for key, item in value.items()}
        return {key: item for key, item in cleaned.items() if item not in (None, "", [], {})}
    if isinstance(value, (list, tuple)):
        cleaned = [compact(item) for item in value]
        return [item for item in cleaned if item not in (None, "", [], {})]
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return value


def plain_text(html: str) -> str:
    return " ".join(strip_tags(html or "").split())


def identifier(property_id: str, value: str) -> dict | None:
    """A register's identifier, such as a UKPRN, as schema.org `identifier`; None when there is none."""
    return {"@type": "PropertyValue", "propertyID": property_id, "value": value} if value else None


def absolute(request, path: str) -> str:
    return request.build_absolute_uri(path)


def postal_address(located) -> dict:
    return {
        "@type": "PostalAddress",
        "streetAddress": located.address,
        "addressLocality": located.town or (located.district.post_town if located.district else ""),
        "postalCode": located.postcode,
        "addressRegion": located.local_authority.name if located.local_authority else "",
        "addressCountry": "GB",
    }


def place(located, name: str = "") -> dict:
    data = {"@type": "Place", "name": name, "address": postal_address(located)}
    if located.latitude is not None:
        data["geo"] = {"@type": "GeoCoordinates", "latitude": located.latitude, "longitude": located.longitude}
    return data
