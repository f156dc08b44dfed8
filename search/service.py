"""The public query function: search_opportunities(). Pathway plans, campaign blocks, the search page and
the API all call it; nothing else outside this app talks to the engine.

If the engine cannot be reached, a basic database search answers instead (mode "basic"): never a 500.
"""

import logging

from django.db import DatabaseError

from . import queries
from .basic import basic_search
from .connection import EngineError, EngineUnavailable, get_client
from .models import SearchRecord
from .params import SearchParams
from .results import CampaignHit, SearchResults, Widening, hit_from_source

logger = logging.getLogger(__name__)

ENGINE_TIMEOUT = 5.0


def _engine_search(params: SearchParams, *, with_facets: bool) -> SearchResults:
    search = queries.opportunity_search(params, with_facets=with_facets)
    raw = get_client(timeout=ENGINE_TIMEOUT).search(index=search._index[0], body=search.to_dict())
    hits = [hit_from_source(hit["_id"], hit["_source"], params, hit.get("highlight")) for hit in raw["hits"]["hits"]]
    facets = None
    if with_facets:
        facets = {}
        for name, aggregation in raw.get("aggregations", {}).items():
            if "values" in aggregation:
                facets[name] = [(str(bucket.get("key_as_string", bucket["key"])).lower(), bucket["doc_count"]) for bucket in aggregation["values"]["buckets"]]
            else:
                ranges = aggregation["ranges"]["buckets"].items()
                facets[name] = sorted(((key, value["doc_count"]) for key, value in ranges), key=lambda pair: int(pair[0]))
    return SearchResults(
        params=params, total=raw["hits"]["total"]["value"], hits=hits, facets=facets, suggestion=_suggestion(params.q, raw)
    )


def _suggestion(q: str, raw: dict) -> str:
    """"Did you mean": each misspelt word replaced by the engine's best-known spelling."""
    corrected, changed = q, False
    for entry in raw.get("suggest", {}).get("spelling", []):
        if entry["options"]:
            corrected = corrected.replace(entry["text"], entry["options"][0]["text"], 1)
            changed = True
    return corrected if changed and corrected.lower() != q.lower() else ""


def search_opportunities(params: SearchParams, *, with_facets: bool = True, with_campaign: bool = False) -> SearchResults:
    try:
        results = _engine_search(params, with_facets=with_facets)
    except (*EngineUnavailable, EngineError) as error:
        logger.warning("Search engine unavailable (%s): answering with the basic search", type(error).__name__)
        return basic_search(params)
    if with_campaign and params.q:
        results.campaign = campaign_content(params.q)
    if results.total == 0:
        results.widenings = widenings(params)
    return results


def campaign_content(q: str) -> list[CampaignHit]:
    search = queries.campaign_search(q)
    try:
        raw = get_client(timeout=ENGINE_TIMEOUT).search(index=search._index[0], body=search.to_dict())
    except (*EngineUnavailable, EngineError):
        return []
    return [
        CampaignHit(
            title=hit["_source"]["title"],
            url=hit["_source"]["url"],
            kind=hit["_source"]["kind"],
            summary=hit["_source"].get("summary") or "",
            highlight=next(iter(hit.get("highlight", {}).values()), [""])[0],
        )
        for hit in raw["hits"]["hits"]
    ]


def _count(params: SearchParams) -> int:
    search = queries.opportunity_search(params.with_changes(page=1, page_size=1), with_facets=False)
    body = search.to_dict()
    query = {"bool": {"filter": [body["query"], body.get("post_filter", {"match_all": {}})]}}
    return get_client(timeout=ENGINE_TIMEOUT).count(index=search._index[0], body={"query": query})["count"]


WIDER = [
    ("words", "Search without your words", {"q": ""}),
    ("kind", "Include every kind of opportunity", {"kind": ()}),
    ("tier", "Include every level", {"tier": ()}),
    ("skill", "Include every skill area", {"skill": ()}),
    ("mode", "Include every way of learning", {"mode": ()}),
    ("free", "Include paid options", {"free": False}),
    ("authority", "Include every area", {"authority": ()}),
    ("starts_within", "Include any start date", {"starts_within": None}),
    ("closing_within", "Include any closing date", {"closing_within": None}),
    ("sponsored", "Include opportunities that are not sponsored", {"sponsored": False}),
    ("in_person", "Include online options", {"in_person": False}),
]


def widenings(params: SearchParams) -> list[Widening]:
    """Ways to find something when nothing matched, each with how many it would find."""
    options = []
    if params.near and params.radius < 100:
        wider = params.with_changes(radius=min(100.0, max(params.radius * 3, 25.0)), page=1)
        options.append((f"Search within {wider.radius:g} miles", wider))
    for name, label, change in WIDER:
        key = "q" if name == "words" else name
        if getattr(params, key):
            options.append((label, params.with_changes(**change, page=1)))
    found = []
    for label, wider in options[:8]:
        try:
            total = _count(wider)
        except (*EngineUnavailable, EngineError):
            break
        if total:
            found.append(Widening(label=label, params=wider, total=total))
    return found


def autocomplete(prefix: str) -> list[dict]:
    prefix = " ".join(prefix.split())[:60]
    if len(prefix) < 2:
        return []
    search = queries.autocomplete_search(prefix)
    try:
        raw = get_client(timeout=2.0).search(index=search._index[0], body=search.to_dict())
    except (*EngineUnavailable, EngineError):
        return []
    return [{"title": hit["_source"]["title"], "url": hit["_source"]["url"], "kind": hit["_source"]["kind"]} for hit in raw["hits"]["hits"]]


def search_record(results: SearchResults) -> None:
    """Log a resident's search for the authority's unmet-demand report. Nothing that identifies them."""
    params = results.params
    filters = {
        name: list(value) if isinstance(value, tuple) else value
        for name, value in params.__dict__.items()
        if name not in {"q", "near", "page", "page_size", "extra", "sort"} and value not in ((), "", False, None)
    }
    authority = params.near.local_authority if params.near else (params.authority[0] if len(params.authority) == 1 else "")
    try:
        SearchRecord.objects.create(
            query=params.q[:200],
            filters=filters,
            outcode=params.near.outcode if params.near else "",
            local_authority=authority,
            tier=params.tier[0] if len(params.tier) == 1 else "",
            result_count=results.total,
            mode=results.mode,
        )
    except DatabaseError:
        logger.warning("Could not record a search for analytics")
