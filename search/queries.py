"""Pure functions from SearchParams to elasticsearch-dsl Search objects (test them with .to_dict()).

Facets count with every filter except their own: the filters go in post_filter, and each facet's
aggregation applies all the others. Sponsored items get a small boost (SPONSORED_BOOST) and are always
labelled; a tier preference ranks that tier first (TIER_PREFERENCE_BOOST). Both only add to the score.
"""

import datetime

from django.utils import timezone
from elasticsearch_dsl import Q, Search

from .documents import CAMPAIGN, OPPORTUNITIES, alias_for
from .params import SearchParams

SPONSORED_BOOST = 0.5
TIER_PREFERENCE_BOOST = 3.0
TEXT_FIELDS = ["title^4", "organisation_name^2", "skill_area_titles^2", "summary^2", "body", "funding"]
FUZZY_FIELDS = ["title^2", "summary", "body", "organisation_name"]
FACET_SIZE = 25

FACET_FIELDS = {
    "kind": "kind",
    "tier": "tier",
    "skill": "skill_areas",
    "level": "level",
    "mode": "delivery_mode",
    "authority": "local_authorities",
    "free": "free",
    "sponsored": "sponsored",
    "campaign": "sponsor_campaign",
    "disability_confident": "disability_confident",
    "provider": "provider",
    "employer": "employer",
}


def _today() -> datetime.date:
    return timezone.localdate()


def text_query(q: str) -> Q:
    if not q:
        return Q("match_all")
    return Q(
        "bool",
        should=[
            Q("multi_match", query=q, fields=TEXT_FIELDS, type="best_fields", operator="and"),
            Q("multi_match", query=q, fields=["title^3", "summary", "body"], type="phrase", boost=2),
            # Typos: fuzzy on the plain (unsynonymed) analysis; "pyhton" still finds Python.
            Q("multi_match", query=q, fields=FUZZY_FIELDS, fuzziness="AUTO", prefix_length=1, analyzer="english_index", operator="and"),
        ],
        minimum_should_match=1,
    )


def facet_filters(params: SearchParams) -> dict[str, Q]:
    """The filters a resident chooses, one per facet, so each facet can leave its own out."""
    today = _today()
    filters = {}
    for name in ("kind", "tier", "skill", "level", "mode", "authority"):
        values = getattr(params, name)
        if values:
            filters[name] = Q("terms", **{FACET_FIELDS[name]: list(values)})
    if params.free:
        filters["free"] = Q("term", free=True)
    if params.sponsored:
        filters["sponsored"] = Q("term", sponsored=True)
    if params.campaign:
        filters["campaign"] = Q("term", sponsor_campaign=params.campaign)
    if params.disability_confident:
        filters["disability_confident"] = Q("terms", disability_confident=["committed", "employer", "leader"])
    if params.provider:
        filters["provider"] = Q("term", provider=params.provider)
    if params.employer:
        filters["employer"] = Q("term", employer=params.employer)
    if params.starts_within:
        until = today + datetime.timedelta(weeks=params.starts_within)
        filters["starts_within"] = Q(
            "bool",
            should=[Q("range", start_dates={"gte": today, "lte": until}), Q("term", starts_any_time=True)],
            minimum_should_match=1,
        )
    if params.closing_within:
        filters["closing_within"] = Q("range", closing_date={"gte": today, "lte": today + datetime.timedelta(days=params.closing_within)})
    return filters


def base_filters(params: SearchParams) -> list[Q]:
    """Filters that are not facets: still open, and near the resident if they asked."""
    filters = [Q("bool", should=[~Q("exists", field="closing_date"), Q("range", closing_date={"gte": _today()})], minimum_should_match=1)]
    if params.near:
        nearby = Q(
            "geo_distance",
            distance=f"{params.radius}mi",
            locations={"lat": params.near.latitude, "lon": params.near.longitude},
        )
        filters.append(nearby if params.in_person else Q("bool", should=[nearby, Q("term", online=True)], minimum_should_match=1))
    return filters


def sort_clause(params: SearchParams) -> list:
    if params.sort == "distance" and params.near:
        return [
            {"_geo_distance": {"locations": {"lat": params.near.latitude, "lon": params.near.longitude}, "order": "asc", "unit": "mi", "mode": "min", "ignore_unmapped": True}},
            "_score",
        ]
    by_field = {
        "start": {"next_start": {"order": "asc", "missing": "_last"}},
        "closing": {"closing_date": {"order": "asc", "missing": "_last"}},
        "newest": {"published_at": {"order": "desc"}},
        "wage": {"weekly_wage": {"order": "desc", "missing": "_last"}},
    }
    if params.sort in by_field:
        return [by_field[params.sort], "_score", {"title.sort": "asc"}]
    return ["_score", {"published_at": {"order": "desc"}}]


def opportunity_search(params: SearchParams, *, with_facets: bool = True) -> Search:
    boosts = [Q("term", sponsored={"value": True, "boost": SPONSORED_BOOST})]
    if params.prefer_tier:
        boosts.append(Q("term", tier={"value": params.prefer_tier, "boost": TIER_PREFERENCE_BOOST}))
    query = Q("bool", must=[text_query(params.q)], filter=base_filters(params), should=boosts)
    chosen = facet_filters(params)
    search = Search(index=alias_for(OPPORTUNITIES)).query(query).sort(*sort_clause(params))
    if chosen:
        search = search.post_filter(Q("bool", filter=list(chosen.values())))
    start = (params.page - 1) * params.page_size
    search = search[start : start + params.page_size]
    search = search.extra(track_total_hits=True).source(excludes=["body"])
    search = search.highlight_options(encoder="html", pre_tags=["<mark>"], post_tags=["</mark>"], fragment_size=160, number_of_fragments=1)
    search = search.highlight("title", number_of_fragments=0).highlight("summary").highlight("body")
    if params.q:
        search = search.suggest("spelling", params.q, term={"field": "title.plain", "suggest_mode": "missing", "min_word_length": 4})
    if with_facets:
        for name, field in FACET_FIELDS.items():
            others = [clause for other, clause in chosen.items() if other != name]
            bucket = search.aggs.bucket(name, "filter", filter=Q("bool", filter=others))
            bucket.bucket("values", "terms", field=field, size=FACET_SIZE)
        for name, ranges in (("starts_within", (4, 12, 26)), ("closing_within", (7, 14, 30))):
            others = [clause for other, clause in chosen.items() if other != name]
            bucket = search.aggs.bucket(name, "filter", filter=Q("bool", filter=others))
            # One "filters" aggregation counts every range in a single pass over the matches.
            probes = {str(amount): facet_filters(params.with_changes(**{name: amount}))[name] for amount in ranges}
            bucket.bucket("ranges", "filters", filters=probes)
    return search


def autocomplete_search(prefix: str, *, size: int = 8) -> Search:
    return (
        Search(index=alias_for(OPPORTUNITIES))
        .query(
            Q(
                "bool",
                must=[Q("match", **{"title.autocomplete": {"query": prefix, "operator": "and"}})],
                filter=base_filters(SearchParams()),
            )
        )
        .source(["title", "url", "kind"])[:size]
    )


def campaign_search(q: str, *, size: int = 5) -> Search:
    return (
        Search(index=alias_for(CAMPAIGN))
        .query(Q("multi_match", query=q, fields=["title^3", "summary^2", "body"], operator="and", fuzziness="AUTO", prefix_length=1))
        .source(["title", "url", "kind", "summary", "event_date"])
        .highlight_options(encoder="html", pre_tags=["<mark>"], post_tags=["</mark>"], fragment_size=160, number_of_fragments=1)
        .highlight("summary")
        .highlight("body")[:size]
    )
