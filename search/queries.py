"""Pure functions from SearchParams to elasticsearch-dsl Search objects (test them with .to_dict()).

Facets count with every filter except their own: the filters go in post_filter, and each facet's
aggregation applies all the others. Sponsored items' score is multiplied by SPONSORED_FACTOR (1.1) and they
are always labelled; preferred tiers, kinds and types, and what welcomes career changers when the words ask for it,
multiply the score too; a known location multiplies it by a distance decay. None of them leaves anything out.

When the best matches for the words share a skill area, the rest of that skill area is found too, below them
and marked related ("ethical hacking" also shows the other cyber security courses): the search service reads
the skill areas from best_matches_search() and sets SearchParams.related_skills.
"""

import datetime

from django.utils import timezone
from elasticsearch_dsl import Q, Search

from careers.models import DISABILITY_CONFIDENT_LEVELS

from .connection import index_name
from .documents import CAMPAIGN_INDEX, FACET_VALUES_FIELDS, OPPORTUNITY_INDEX
from .params import CLOSING_WITHIN_DAYS, STARTS_WITHIN_WEEKS, SearchParams
from .understanding import GENERIC_WORDS

SPONSORED_FACTOR = 1.1  # sponsored items: a small lift, always labelled
# Preferences multiply the score, so they reorder items that match about as well and never lift a poor
# match over a good one.
TIER_PREFERENCE_FACTOR = 3.0  # a pathway plan's tier, or "beginner" in the words
KIND_PREFERENCE_FACTOR = 2.0  # "job", "course", "help"
TYPE_PREFERENCE_FACTOR = 1.5  # "placement", "bootcamp"
CAREER_CHANGER_PREFERENCE_FACTOR = 1.5  # "career change", "back to work": what welcomes them
SKILL_PREFERENCE_FACTOR = 3.0  # "computer course for beginners": foundation skills first
WORD_PREFERENCE_BOOST = 0.5  # "beginner", "bootcamp", "computer": adds for items that say so
# An intent's word in a title ("… bootcamp", "… for beginners") says more than one in a long description.
PREFERRED_WORD_FIELDS = ["title^2", "summary", "schedule", "body"]
SCHEDULE_PREFERENCE_BOOST = 3.0  # "evening", "weekend": what the resident can make
# Every field a resident's words may be found in, across fields: "excel spreadsheet" matches an Excel
# course whose summary says spreadsheets.
TEXT_FIELDS = ["title^4", "standard_title^3", "skill_area_titles^2", "summary^2", "organisation_name", "body", "funding"]
# Our own vocabulary, unstemmed: titles, skill areas and standards (documents' `spelling`). A word in it is
# not a typo; "did you mean" offers only words from it.
VOCABULARY_FIELD = "spelling"
# A match through a synonym ("software development" for "coding") counts this much of a match of the words.
SYNONYM_WEIGHT = 0.5
EXACT_ANALYZER = "english_index"  # the index's own analysis: stemmed, no synonyms
# Typos are forgiven against unstemmed words ("secuirty" is two letters from "security", but five from its
# stem "secur"): titles, and our vocabulary of titles, skill areas and standards.
FUZZY_FIELDS = ["title.plain^2", VOCABULARY_FIELD, "summary", "body"]
MAX_FUZZY_WORDS = 8  # a fuzzy query per word: a pasted paragraph must not cost a hundred
# One or two words must all match (in any fields); from three words, most of them: a sentence's stray word
# ("grandkids") must not empty the results.
MINIMUM_SHOULD_MATCH = "2<-1 4<75%"
# Nearer ranks higher when a location is known: the score is multiplied by 0.25 + 0.75 × a Gaussian decay
# of the distance (half at `radius`), and by 0.45 for items with no place (online), which then sit below
# what is near and among what is far. Weights chosen with benchmarks/relevance.py.
DISTANCE_FLOOR = 0.25
NO_PLACE_FACTOR = 0.45
FACET_SIZE = 25
# Related items (in the skill areas the best matches share, without the words) score this share of the best
# match's score for the words: above weak matches (a word in a long description), below good ones. Chosen with
# benchmarks/relevance.py.
RELATED_WEIGHT = 0.4
# Named parts of the query: a hit whose matched_queries lack WORDS was found only as related.
WORDS, RELATED = "words", "related"

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
    "career_changers": "welcomes_career_changers",
    "provider": "provider",
    "employer": "employer",
    "help": "help_to_start",
}


def today() -> datetime.date:
    """The day the searches' date filters count from, in the region's time."""
    return timezone.localdate()


def days_ahead(days: int) -> tuple[datetime.date, datetime.date]:
    """"Within `days` days": today, and the day after the last (whole days, so from the first and before the second).
    The filters and the facet counts both read it, so a count always says what ticking it finds."""
    day = today()
    return day, day + datetime.timedelta(days=days + 1)


def text_query(q: str, misspelt: tuple[str, ...] | None = None) -> Q:
    """The resident's remaining words, matched forgivingly: across fields, most words required, typos
    tolerated, phrases and words close together ranked first."""
    if not q:
        return Q("match_all")
    should = [
        # The words as typed (stemmed), then with their synonyms at a lower weight: "coding" ranks a course
        # called "Introduction to coding" above one called "software development".
        Q("multi_match", query=q, fields=TEXT_FIELDS, type="cross_fields", operator="or", minimum_should_match=MINIMUM_SHOULD_MATCH, analyzer=EXACT_ANALYZER),
        Q("multi_match", query=q, fields=TEXT_FIELDS, type="cross_fields", operator="or", minimum_should_match=MINIMUM_SHOULD_MATCH, boost=SYNONYM_WEIGHT),
    ]
    # Each clause costs the engine a pass over every match (a fifth of a words search each, at a million items), so
    # it is asked only when it can change something: a phrase needs two words, and when our vocabulary knows every
    # word (misspelt is empty) the typo clause forgives nothing. benchmarks/RESULTS.md, levers; relevance unchanged.
    if len(q.split()) > 1:
        should.append(Q("multi_match", query=q, fields=["title^3", "summary", "body"], type="phrase", slop=2, boost=2))
    if misspelt != ():
        should.append(forgiving_typos(q, misspelt))
    return Q("bool", _name=WORDS, should=should, minimum_should_match=1)


def forgiving_typos(q: str, misspelt: tuple[str, ...] | None = None) -> Q:
    """Each word may be misspelt ("pyhton", "compter") and found in a different field from the others.
    `misspelt`: the words our vocabulary lacks, the only ones forgiven (None: forgive every word); the others
    must be as typed, so a word we know ("tablet") is not read as another we know ("tables")."""
    words = q.split()[:MAX_FUZZY_WORDS]
    per_word = [
        Q("multi_match", query=word, fields=FUZZY_FIELDS, fuzziness="AUTO" if misspelt is None or word.lower() in misspelt else 0, prefix_length=1)
        for word in words
    ]
    return Q("bool", should=per_word, minimum_should_match=MINIMUM_SHOULD_MATCH, boost=0.5)


def matching(params: SearchParams) -> Q:
    """What an item must match: the words, or (below them) a skill area the best matches share."""
    words = text_query(params.q, params.misspelt)
    if not params.related_skills:
        return words
    weight = RELATED_WEIGHT * params.best_score
    related = Q("constant_score", filter=Q("terms", skill_areas=list(params.related_skills)), boost=weight, _name=RELATED)
    return Q("bool", should=[words, related], minimum_should_match=1)


def preferences(params: SearchParams) -> list[Q]:
    """Additive boosts: words that say when or for whom."""
    boosts = []
    intent_words = [word for word in params.prefer_words if word not in GENERIC_WORDS]
    generic_words = [word for word in params.prefer_words if word in GENERIC_WORDS]
    if intent_words:
        boosts.append(Q("multi_match", query=" ".join(intent_words), fields=PREFERRED_WORD_FIELDS, boost=WORD_PREFERENCE_BOOST))
    if generic_words:
        # Without synonyms: "computer help" means help with computing, not a laptop to borrow.
        generic = " ".join(generic_words)
        boosts.append(Q("multi_match", query=generic, fields=["title", "summary", "schedule", "body"], analyzer=EXACT_ANALYZER, boost=WORD_PREFERENCE_BOOST))
    if params.prefer_schedule:
        when = " ".join(params.prefer_schedule)
        boosts.append(Q("multi_match", query=when, fields=["schedule^2", "title", "summary"], boost=SCHEDULE_PREFERENCE_BOOST))
    return boosts


def preferred_first(query: Q, params: SearchParams) -> Q:
    """Sponsorship and the tier, kind, type and skill area the resident prefers multiply the score; nothing is
    left out."""
    functions = [{"filter": Q("term", sponsored=True), "weight": SPONSORED_FACTOR}]
    if params.prefer_tier:
        functions.append({"filter": Q("term", tier=params.prefer_tier), "weight": TIER_PREFERENCE_FACTOR})
    if params.prefer_kind:
        functions.append({"filter": Q("terms", kind=list(params.prefer_kind)), "weight": KIND_PREFERENCE_FACTOR})
    if params.prefer_skill:
        functions.append({"filter": Q("terms", skill_areas=list(params.prefer_skill)), "weight": SKILL_PREFERENCE_FACTOR})
    if params.prefer_type:
        functions.append({"filter": Q("terms", opportunity_type=list(params.prefer_type)), "weight": TYPE_PREFERENCE_FACTOR})
    if params.prefer_career_changers:
        functions.append({"filter": Q("term", welcomes_career_changers=True), "weight": CAREER_CHANGER_PREFERENCE_FACTOR})
    return Q("function_score", query=query, functions=functions, score_mode="multiply", boost_mode="multiply")


def nearer_first(query: Q, params: SearchParams) -> Q:
    if not params.near or params.sort != "relevance":
        return query
    origin = {"lat": params.near.latitude, "lon": params.near.longitude}
    located = Q("exists", field="locations")
    return Q(
        "function_score",
        query=query,
        functions=[
            {"weight": DISTANCE_FLOOR},
            {
                "filter": located,
                "weight": 1 - DISTANCE_FLOOR,
                "gauss": {"locations": {"origin": origin, "scale": f"{params.radius:g}mi", "decay": 0.5}, "multi_value_mode": "min"},
            },
            {"filter": ~located, "weight": NO_PLACE_FACTOR - DISTANCE_FLOOR},
        ],
        score_mode="sum",
        boost_mode="multiply",
    )


def facet_filters(params: SearchParams) -> dict[str, Q]:
    """The filters a resident chooses, one per facet, so each facet can leave its own out."""
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
        filters["disability_confident"] = Q("terms", disability_confident=DISABILITY_CONFIDENT_LEVELS)
    if params.career_changers:
        filters["career_changers"] = Q("term", welcomes_career_changers=True)
    if params.provider:
        filters["provider"] = Q("term", provider=params.provider)
    if params.employer:
        filters["employer"] = Q("term", employer=params.employer)
    if params.help:
        # Needs add up (a laptop to borrow and step-free access), so every one ticked must be offered. Keyed
        # apart from the "help" facet, whose counts then say what is left if one more is ticked.
        filters["help_to_start"] = Q("bool", filter=[Q("term", help_to_start=value) for value in params.help])
    if params.starts_within:
        first, after = days_ahead(7 * params.starts_within)
        filters["starts_within"] = Q(
            "bool",
            should=[Q("range", start_dates={"gte": first, "lt": after}), Q("term", starts_any_time=True)],
            minimum_should_match=1,
        )
    if params.closing_within:
        first, after = days_ahead(params.closing_within)
        filters["closing_within"] = Q("range", closing_date={"gte": first, "lt": after})
    return filters


def base_filters(params: SearchParams) -> list[Q]:
    """Filters that are not facets: still open, near the resident if they asked, and what their words made
    explicit ("online", "degree apprenticeship")."""
    # Still open: not closed before today. Said as what to leave out, the few items past their closing date (until
    # remove_expired takes them out), where "no closing date, or one from today" read every item's date.
    filters = [~Q("range", closing_date={"lt": today()})]
    if params.online:
        filters.append(Q("term", online=True))
    if params.degree:
        filters.append(Q("term", degree=True))
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


def opportunity_search(params: SearchParams, *, leave_out: tuple[str, ...] = ()) -> Search:
    """The result page's hits, total, highlights and spelling suggestion; its facets are facet_searches'.
    `leave_out`: ids already shown (the nearest, above a "further away" list)."""
    query = Q("bool", must=[matching(params)], filter=base_filters(params), should=preferences(params))
    if leave_out:
        query = Q("bool", must=[query], must_not=[Q("ids", values=list(leave_out))])
    query = nearer_first(preferred_first(query, params), params)
    chosen = facet_filters(params)
    search = Search(index=index_name(OPPORTUNITY_INDEX)).query(query).sort(*sort_clause(params))
    if chosen:
        search = search.post_filter(Q("bool", filter=list(chosen.values())))
    start = (params.page - 1) * params.page_size
    search = search[start : start + params.page_size]
    search = search.extra(track_total_hits=True).source(excludes=["body", "facet_values"])
    search = search.highlight_options(encoder="html", pre_tags=["<mark>"], post_tags=["</mark>"], fragment_size=160, number_of_fragments=1)
    search = search.highlight("title", number_of_fragments=0).highlight("summary").highlight("body")
    if params.q:
        # Corrections only from our own vocabulary (titles, skill areas, standards): never an English word we do not use.
        search = search.suggest("spelling", params.q, term={"field": VOCABULARY_FIELD, "suggest_mode": "missing", "min_word_length": 4})
    return search


def facet_searches(params: SearchParams, *, only: tuple[str, ...] | None = None) -> list[Search]:
    """The result page's facet counts, each counted without its own filter, as requests of their own: no hits, no
    scores (the same matches as the page's query, in filter context), so the engine's shard request cache keeps
    the answers (it keeps only size-0 requests, and our dates are whole days, never "now") until the index
    changes, and the next resident to ask the same gets the counts without their being counted again.

    Counting is most of a page's cost at scale, so the engine reads each match as few times as it can. A facet is
    counted under the choices made in the other facets; for every facet not chosen those are all the choices, so they
    are all counted together under every choice, the few-valued ones by one terms aggregation over `facet_values`.
    With words, one request: the choices are filters over the words' matches (finding the matches is the cost, and
    is paid once). Without words the matches are nearly every item, and testing each against a filter costs more
    than letting the engine find the chosen ones through their own index: a request for the facets not chosen with
    every choice in its query, and one for each facet chosen, with the others in its query (they run side by side).
    No filter at all when nothing is chosen. `only`: the facets a page shows (None: all of them); facet_counts reads
    the answers' aggregations together."""
    chosen = facet_filters(params)
    wanted = [name for name in (*FACET_FIELDS, "closing_within", "starts_within") if only is None or name in only]
    not_chosen = [name for name in wanted if name not in chosen]

    def counting(*filters: Q) -> Search:
        query = Q("bool", filter=[matching(params), *base_filters(params), *filters])
        return Search(index=index_name(OPPORTUNITY_INDEX)).query(query).extra(size=0, track_total_hits=False)

    def other_choices(label: str) -> list[Q]:
        return [clause for other, clause in chosen.items() if other != label]

    # (label, facets, chosen?): each group counts under the same choices, the facets not chosen under every choice and
    # each chosen facet under the others.
    groups = ([(EVERY_CHOICE, not_chosen, False)] if not_chosen else []) + [(name, [name], True) for name in wanted if name in chosen]
    if params.q:
        search = counting()
        for label, names, are_chosen in groups:
            others = other_choices(label)
            _count(search.aggs.bucket(label, "filter", filter=Q("bool", filter=others)) if others else search.aggs, names, chosen=are_chosen)
        return [search]
    searches = [counting(*other_choices(label)) for label, _, _ in groups]
    for search, (_, names, are_chosen) in zip(searches, groups):
        _count(search.aggs, names, chosen=are_chosen)
    return searches


def _count(aggregations, names: list[str], *, chosen: bool = False) -> None:
    """Add the aggregations that count the facets `names` (all chosen, or none of them) under `aggregations`."""
    together = [] if chosen else [name for name in names if FACET_FIELDS.get(name) in FACET_VALUES_FIELDS]
    if together:
        aggregations.bucket(TOGETHER, "terms", field="facet_values", size=TOGETHER_SIZE)
    for name in names:
        if name in FACET_FIELDS and name not in together:
            aggregations.bucket(f"{name}{VALUES}", "terms", field=FACET_FIELDS[name], size=FACET_SIZE)

    def ranges(amounts: tuple[int, ...], days_each: int) -> list[dict]:
        """A date_range bucket per choice ("4" weeks, "7" days), over the days its filter takes."""
        buckets = []
        for amount in amounts:
            first, after = days_ahead(days_each * amount)
            buckets.append({"key": str(amount), "from": first, "to": after})
        return buckets

    if "closing_within" in names:
        aggregations.bucket(f"closing_within{RANGES}", "date_range", field="closing_date", ranges=ranges(CLOSING_WITHIN_DAYS, 1))
    if "starts_within" in names:
        # "Starts within N weeks" is a start date in the range or starting any time: counted as (a date in the range) +
        # (any time) - (both), with date_range aggregations that read each match's dates once. Range filters over the
        # dates counted the same and cost the engine more than the fourteen other facets together.
        starting = ranges(STARTS_WITHIN_WEEKS, 7)
        aggregations.bucket(f"starts_within{RANGES}", "date_range", field="start_dates", ranges=starting)
        any_time = aggregations.bucket(ANY_TIME, "filter", filter=Q("term", starts_any_time=True))
        any_time.bucket(f"starts_within{RANGES}", "date_range", field="start_dates", ranges=starting)


# The names facet_searches() gives its aggregations. TOGETHER_SIZE: more than every value of FACET_VALUES_FIELDS.
VALUES, RANGES, ANY_TIME, TOGETHER, EVERY_CHOICE = "__values", "__ranges", "starts_any_time", "__together", "__every_choice"
TOGETHER_SIZE = 2000
FACETS_BY_FIELD = {field: name for name, field in FACET_FIELDS.items()}


def facet_counts(aggregations: dict, *, only: tuple[str, ...] | None = None) -> dict[str, list[tuple[str, int]]]:
    """facet_searches()' answers (for the same `only`), their aggregations together, as {facet: [(value, count)]} for
    each facet counted, most first: values as the URL gives them ("true", "ADV-DATA"), at most FACET_SIZE of each;
    the date ranges' ("4", "12", "26") shortest first."""

    def found(name: str, key: str) -> dict | None:
        """Aggregation `key` of facet `name`, wherever facet_searches put it: under the facet's own filter of the
        other choices (it was chosen, and others were), under every choice (it was not), or at the top."""
        for place in (aggregations.get(name, {}), aggregations.get(EVERY_CHOICE, {}), aggregations):
            if key in place:
                return place[key]
        return None

    counts: dict[str, list[tuple[str, int]]] = {}
    together = found(EVERY_CHOICE, TOGETHER)
    if together:
        counted_together = [
            name for name, field in FACET_FIELDS.items()
            if field in FACET_VALUES_FIELDS and found(name, f"{name}{VALUES}") is None and (only is None or name in only)
        ]
        counts.update({name: [] for name in counted_together})
        for bucket in together["buckets"]:  # most first, as a facet's own terms aggregation orders them
            field, _, value = bucket["key"].partition("=")
            name = FACETS_BY_FIELD.get(field)
            if name in counts and len(counts[name]) < FACET_SIZE:
                counts[name].append((value, bucket["doc_count"]))
    for name in FACET_FIELDS:
        if name not in counts and (values := found(name, f"{name}{VALUES}")):
            counts[name] = [(str(bucket.get("key_as_string", bucket["key"])), bucket["doc_count"]) for bucket in values["buckets"]]
    if closing := found("closing_within", f"closing_within{RANGES}"):
        counts["closing_within"] = [(bucket["key"], bucket["doc_count"]) for bucket in closing["buckets"]]
    if any_time := found("starts_within", ANY_TIME):
        both = {bucket["key"]: bucket["doc_count"] for bucket in any_time[f"starts_within{RANGES}"]["buckets"]}
        counts["starts_within"] = [
            (bucket["key"], bucket["doc_count"] + any_time["doc_count"] - both[bucket["key"]])
            for bucket in found("starts_within", f"starts_within{RANGES}")["buckets"]
        ]
    for name in ("closing_within", "starts_within"):
        counts.get(name, []).sort(key=lambda pair: int(pair[0]))
    return counts


def best_matches_search(params: SearchParams, *, size: int) -> Search:
    """The items that match the words best, by the words alone (no preferences, no distance, the same filters):
    their skill areas say what the words are about, and their score what a good match scores."""
    # Typos forgiven only in the words our vocabulary lacks, as on the page: forgiving every word (fuzzy terms over
    # every field) made this search cost more than the page's own (60 ms against 16 at 100,000 items).
    query = Q("bool", must=[text_query(params.q, params.misspelt)], filter=base_filters(params) + list(facet_filters(params).values()))
    # No count of the matches: only the best few are wanted, so the engine may skip those that cannot be among them.
    return Search(index=index_name(OPPORTUNITY_INDEX)).query(query).source(["skill_areas"]).extra(track_total_hits=False)[:size]


def vocabulary_check(q: str) -> dict:
    """A term vectors request for the words against our vocabulary: each word comes back with how many items'
    titles, skill areas or standards hold it (no doc_freq: none do)."""
    return {"doc": {VOCABULARY_FIELD: q}, "fields": [VOCABULARY_FIELD], "term_statistics": True, "field_statistics": False, "positions": False, "offsets": False}


def autocomplete_search(prefix: str, *, size: int = 8) -> Search:
    return (
        Search(index=index_name(OPPORTUNITY_INDEX))
        .query(
            Q(
                "bool",
                must=[Q("match", **{"title.autocomplete": {"query": prefix, "operator": "and"}})],
                filter=base_filters(SearchParams()),
                # Titles that begin with what was typed come first.
                should=[Q("prefix", **{"title.sort": {"value": prefix.lower(), "boost": 2}})],
            )
        )
        # Forty libraries run "Digital drop-in": suggest the title once.
        .extra(collapse={"field": "title.sort"})
        .source(["title", "url", "kind"])[:size]
    )


def career_autocomplete_search(prefix: str, *, size: int = 3) -> Search:
    """Career profiles whose title starts with what has been typed, for the search box's suggestions."""
    return (
        Search(index=index_name(CAMPAIGN_INDEX))
        .query(
            Q(
                "bool",
                must=[Q("match", **{"title.autocomplete": {"query": prefix, "operator": "and"}})],
                filter=[Q("term", kind="career_profile")],
            )
        )
        .source(["title", "url"])[:size]
    )


def still_on() -> Q:
    """Campaign content that has not passed: every page but an event that has ended."""
    return Q("bool", should=[~Q("exists", field="event_date"), Q("range", event_ends={"gte": timezone.now()})], minimum_should_match=1)


def campaign_search(q: str, *, size: int = 5) -> Search:
    return (
        Search(index=index_name(CAMPAIGN_INDEX))
        .query(
            Q(
                "bool",
                must=[Q("multi_match", query=q, fields=["title^3", "summary^2", "body"], operator="and", fuzziness="AUTO", prefix_length=1)],
                filter=[still_on()],
            )
        )
        .source(["title", "url", "kind", "summary", "event_date"])
        .highlight_options(encoder="html", pre_tags=["<mark>"], post_tags=["</mark>"], fragment_size=160, number_of_fragments=1)
        .highlight("summary")
        .highlight("body")[:size]
    )
