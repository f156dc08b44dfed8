"""The simple basic search, for databases without full-text search (the zero-setup SQLite run): every word
somewhere in the text, the filters checked on each candidate's document, no typo tolerance, no facets. Fine for a
demo's few hundred items; PostgreSQL deployments use search.basic.fulltext."""

import datetime
import operator
from functools import reduce

from django.db.models import Q
from django.utils import timezone

from careers.models import DISABILITY_CONFIDENT_LEVELS

from ..documents import OPPORTUNITY_INDEX
from ..params import SearchParams
from ..results import SearchResults, hit_from_source, nearest_distance
from ..sources import PROGRAMME, SPONSORED, VACANCY, sources_for
from .hits import as_json

TEXT_LOOKUPS = {
    PROGRAMME: ["title", "summary", "description", "provider__organisation__name"],
    VACANCY: ["title", "summary", "description", "employer__organisation__name", "standard__title"],
    SPONSORED: ["title", "summary", "description", "sponsor__organisation__name"],
}
# Enough rows to sort and page through in Python; a basic search is a fallback, not the main path.
CANDIDATE_LIMIT = 2000


def _text_filter(label: str, q: str) -> Q:
    words = q.split()[:8]
    return reduce(
        operator.and_,
        (reduce(operator.or_, (Q(**{f"{field}__icontains": word}) for field in TEXT_LOOKUPS[label])) for word in words),
        Q(),
    )


def _matches(document: dict, params: SearchParams, today: datetime.date) -> bool:
    checks = [
        (params.kind, lambda: document["kind"] in params.kind),
        (params.tier, lambda: document["tier"] in params.tier),
        (params.skill, lambda: set(params.skill) & set(document["skill_areas"])),
        (params.level, lambda: document.get("level") in params.level),
        (params.mode, lambda: document["delivery_mode"] in params.mode),
        (params.authority, lambda: set(params.authority) & set(document["local_authorities"])),
        (params.free, lambda: document["free"]),
        (params.online, lambda: document["online"]),
        (params.degree, lambda: document.get("degree")),
        (params.sponsored, lambda: document["sponsored"]),
        (params.campaign, lambda: document.get("sponsor_campaign") == params.campaign),
        (params.disability_confident, lambda: document.get("disability_confident") in DISABILITY_CONFIDENT_LEVELS),
        (params.career_changers, lambda: document.get("welcomes_career_changers")),
        (params.provider, lambda: document.get("provider") == params.provider),
        (params.employer, lambda: document.get("employer") == params.employer),
        (params.help, lambda: set(params.help) <= set(document.get("help_to_start", []))),
        (
            params.starts_within,
            lambda: document["starts_any_time"]
            or any(today <= start <= today + datetime.timedelta(weeks=params.starts_within) for start in document["start_dates"]),
        ),
        (
            params.closing_within,
            lambda: document.get("closing_date") and document["closing_date"] <= today + datetime.timedelta(days=params.closing_within),
        ),
    ]
    return all(check() for wanted, check in checks if wanted)


def simple_search(params: SearchParams) -> SearchResults:
    today = timezone.localdate()
    found = []
    for source in sources_for(OPPORTUNITY_INDEX):
        queryset = source.get_queryset()
        if params.q:
            queryset = queryset.filter(_text_filter(source.label, params.q))
        for obj in queryset[:CANDIDATE_LIMIT]:
            document = source.document(obj)
            if not _matches(document, params, today):
                continue
            distance = nearest_distance(params, document["locations"])
            if params.near and not (distance is not None and distance <= params.radius) and (params.in_person or not document["online"]):
                continue
            found.append((source.doc_id(obj.pk), document, distance))

    def by(key):
        return lambda row: row[1].get(key) or datetime.date.max

    orderings = {
        "distance": (lambda row: row[2] if row[2] is not None else float("inf"), False),
        "start": (by("next_start"), False),
        "closing": (by("closing_date"), False),
        "newest": (lambda row: row[1]["published_at"] or timezone.now(), True),
        "wage": (lambda row: row[1].get("weekly_wage") or 0, True),
    }
    key, reverse = orderings.get(params.sort, (lambda row: row[1]["published_at"] or timezone.now(), True))
    found.sort(key=key, reverse=reverse)
    start = (params.page - 1) * params.page_size
    page = found[start : start + params.page_size]
    hits = [hit_from_source(doc_id, as_json(document), params) for doc_id, document, _ in page]
    return SearchResults(params=params, total=len(found), hits=hits, mode="basic", facets=None)


