"""Reading schema.org JSON-LD back out of a page, and the checks a structured-data validator makes."""

import datetime
import json
import re

LD_JSON = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)

# Required by schema.org consumers for each type we emit (Google's rich result rules where they exist).
REQUIRED = {
    "Course": ["name", "description", "provider", "hasCourseInstance"],
    "CourseInstance": ["courseMode"],
    "JobPosting": ["title", "description", "datePosted", "hiringOrganization"],
    "EducationalOccupationalProgram": ["name", "description", "provider"],
    "Organization": ["name"],
    "EducationalOrganization": ["name"],
    "PostalAddress": ["addressCountry"],
    "Event": ["name", "startDate", "endDate", "location", "eventAttendanceMode", "eventStatus", "organizer"],
    "Place": ["address"],
    "VirtualLocation": ["url"],
    "Occupation": ["name", "description", "occupationLocation"],
    "MonetaryAmountDistribution": ["name", "currency", "duration"],
}
DATE_KEYS = {"startDate", "endDate", "datePosted", "validThrough", "jobStartDate", "applicationDeadline"}


def json_ld_of(html: str) -> dict:
    blocks = LD_JSON.findall(html)
    assert len(blocks) == 1, f"expected one JSON-LD block, found {len(blocks)}"
    return json.loads(blocks[0])


def problems_in(data, path="$") -> list[str]:
    """Empty values, missing required properties and non-ISO dates, anywhere in the document."""
    found = []
    if isinstance(data, dict):
        for key in REQUIRED.get(data.get("@type"), []):
            if key not in data:
                found.append(f"{path}: {data['@type']} lacks {key}")
        for key, value in data.items():
            if value in (None, "", [], {}):
                found.append(f"{path}.{key} is empty")
            if key in DATE_KEYS:
                try:
                    datetime.date.fromisoformat(str(value)[:10])
                except ValueError:
                    found.append(f"{path}.{key} is not an ISO 8601 date: {value!r}")
            found += problems_in(value, f"{path}.{key}")
    elif isinstance(data, list):
        for index, item in enumerate(data):
            found += problems_in(item, f"{path}[{index}]")
    return found
