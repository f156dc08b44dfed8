"""Turning what a person types as a postcode into a place.

A full postcode we hold (data/reference/postcodes_lcr.csv, OS Code-Point Open) resolves to its own point, so
"ls1 4ap" and "ls1 1az" are a measurable distance apart. An outcode alone ("LS1"), or a full postcode we do not
hold (terminated, too new for the release), resolves to the district's centroid
(data/reference/postcode_districts.csv), and the Place says it is not precise.
"""

import re
from dataclasses import dataclass

from .models import LocalAuthority, Postcode, PostcodeDistrict

# UK outward code and optional inward code, as in the Royal Mail postcode format.
_POSTCODE = re.compile(r"^(?P<outcode>[A-Z]{1,2}[0-9][A-Z0-9]?)\s*(?P<incode>[0-9][A-Z]{2})?$")


class PostcodeError(ValueError):
    """The message is written for the person who typed the postcode."""


@dataclass(frozen=True)
class Place:
    postcode: str  # normalised, as typed: "LS1 4AP" or "LS1"
    district: PostcodeDistrict
    latitude: float
    longitude: float
    # True: the full postcode's own point. False: the district's centroid, so a distance from it is
    # "about N miles from the middle of LS1", not from the person's door.
    precise: bool
    local_authority: LocalAuthority | None


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
    """One query for an outcode or a full postcode we hold (with its district); two for a full postcode we do not."""
    if not (text or "").strip():
        raise PostcodeError("Enter a postcode, like LS1 4AP")
    outcode, postcode = normalise(text)
    point = None
    if postcode != outcode:
        point = Postcode.objects.select_related("district__local_authority", "local_authority").filter(postcode=postcode).first()
    district = point.district if point else PostcodeDistrict.objects.select_related("local_authority").filter(outcode=outcode).first()
    if district is None:
        raise PostcodeError(f"We do not have {outcode} on our map: we cover Leeds City Region and the areas around it")
    if not district.in_use:
        raise PostcodeError(f"{outcode} is not a postcode area people live or work in: check the postcode")
    if point:
        return Place(postcode, district, point.latitude, point.longitude, precise=True, local_authority=point.local_authority)
    return Place(
        postcode, district, district.latitude, district.longitude, precise=False, local_authority=district.local_authority
    )


def place_pattern() -> str:
    """What `locate` places, as a regular expression for the API's schema (unanchored): a district in use, alone
    or with an inward code, in capitals (lower case and other spacing are read as well)."""
    outcodes = PostcodeDistrict.objects.filter(in_use=True).order_by("outcode").values_list("outcode", flat=True)
    return rf"(?:{'|'.join(outcodes)})(?: ?[0-9][A-Z]{{2}})?"
