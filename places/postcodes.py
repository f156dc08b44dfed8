"""Turning what a person types as a postcode into a place.

We hold district centroids (data/reference/postcode_districts.csv), so a full postcode such as
"ls1 4ap" and its outcode "LS1" both resolve to the LS1 centroid.
"""

import re
from dataclasses import dataclass

from .models import PostcodeDistrict

# UK outward code and optional inward code, as in the Royal Mail postcode format.
_POSTCODE = re.compile(r"^(?P<outcode>[A-Z]{1,2}[0-9][A-Z0-9]?)\s*(?P<incode>[0-9][A-Z]{2})?$")


class PostcodeError(ValueError):
    """The message is written for the person who typed the postcode."""


@dataclass(frozen=True)
class Place:
    postcode: str
    district: PostcodeDistrict
    latitude: float
    longitude: float


def normalise(text: str) -> tuple[str, str]:
    """("LS1", "LS1 4AP") from " ls14ap "; ("LS1", "LS1") from "ls1"."""
    cleaned = re.sub(r"\s+", "", (text or "").upper())
    if len(cleaned) > 7:
        raise PostcodeError("Enter a real postcode, like LS1 4AP, or the first part, like LS1")
    if len(cleaned) >= 5 and cleaned[-3].isdigit():
        cleaned = f"{cleaned[:-3]} {cleaned[-3:]}"
    match = _POSTCODE.match(cleaned)
    if not match:
        raise PostcodeError("Enter a real postcode, like LS1 4AP, or the first part, like LS1")
    outcode = match["outcode"]
    return outcode, f"{outcode} {match['incode']}" if match["incode"] else outcode


def locate(text: str) -> Place:
    if not (text or "").strip():
        raise PostcodeError("Enter a postcode, like LS1 4AP")
    outcode, postcode = normalise(text)
    district = PostcodeDistrict.objects.select_related("local_authority").filter(outcode=outcode).first()
    if district is None:
        raise PostcodeError(f"We do not have {outcode} on our map: we cover Leeds City Region and the areas around it")
    if not district.in_use:
        raise PostcodeError(f"{outcode} is not a postcode area people live or work in: check the postcode")
    return Place(postcode=postcode, district=district, latitude=district.latitude, longitude=district.longitude)
