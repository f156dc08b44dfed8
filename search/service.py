"""The public query function: search_opportunities(). Pathway plans, campaign blocks, the search page and
the API all call it; nothing else outside this app talks to the engine.

If the engine cannot be reached, a basic database search answers instead (mode "basic"): never a 500.

Besides what the words match, a result page may hold two kinds of help, each labelled: items related to the
best matches (the rest of the skill area they share, below them: with_related) and, when fewer than a page are
near the place, the nearest of the rest after them, from the nearest radius of the widening ladder that finds
more (search.params.RADIUS_LADDER; the same radius is offered as "Search within N miles").
"""

import dataclasses
import datetime
import logging
import re
from collections import Counter
from functools import lru_cache

from django.db import DatabaseError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from places.models import LocalAuthority, PostcodeDistrict
from places.postcodes import PostcodeError

from . import queries, understanding
from .basic import basic_search
from . import connection
from .connection import EngineError, EngineUnavailable, as_json, ask, ask_remembered, index_name
from .documents import OPPORTUNITY_INDEX
from .models import SearchRecord
from .params import MAX_RADIUS_MILES, Location, SearchParams, wider_radii  # noqa: F401 (the public function's parameters)
from .results import CampaignHit, SearchResults, Widening, hit_from_source
from .suggestions import suggest

logger = logging.getLogger(__name__)

# The longest any one call may take; within a web request, what is left of its budget (search.connection).
ENGINE_TIMEOUT = 5.0


@lru_cache(maxsize=1)
def gazetteer() -> understanding.Gazetteer:
    """The place names residents may type, from the postcode districts in use (reference data: read once)."""
    districts = PostcodeDistrict.objects.filter(in_use=True).values_list(
        "outcode", "places", "post_town", "latitude", "longitude", "local_authority__code"
    )
    authorities = LocalAuthority.objects.values_list("code", "name", "latitude", "longitude")
    return understanding.build_gazetteer(districts, authorities)


# Preferences several readings may add to; the others are set once.
_COMBINED = {"prefer_kind", "prefer_type", "prefer_words", "prefer_schedule", "help"}


def interpret(params: SearchParams) -> tuple[SearchParams, understanding.Understanding | None]:
    """The search to run for what the resident typed: a place and intent words read out of `q` (unless they
    asked for the words as typed), and the rest left to match. What the resident chose on the form wins."""
    if params.as_typed or not params.q:
        return params, None
    read = understanding.understand(params.q, gazetteer(), place_given=params.near is not None, ignore=params.ignore)
    changes: dict = {"q": read.words, "prefer_words": read.optional_words}
    for name, value in read.preferences.items():
        if not getattr(params, name):
            changes[name] = value
    kept = []
    for reading in read.readings:
        if reading.near:
            try:
                changes["near"] = Location.from_place(reading.near)
            except PostcodeError:
                continue
        else:
            explicit = {name for name in reading.changes if name not in _COMBINED and getattr(params, name)}
            if explicit:
                continue  # the form already says; the words do not overrule it
            for name, value in reading.changes.items():
                changes[name] = tuple(dict.fromkeys(changes.get(name, ()) + value)) if name in _COMBINED else value
        kept.append(reading)
    read = dataclasses.replace(read, readings=tuple(kept))
    return params.with_changes(**changes), read


# Related items: the skill areas shared by at least two of the best RELATED_FROM matches for the words, counting
# only strong ones (at least STRONG_MATCH of the best score), so one stray match never pulls in a skill area.
RELATED_FROM = 5
STRONG_MATCH = 0.7


def with_misspelt_words(searched: SearchParams) -> SearchParams:
    """The search with the words our own vocabulary (titles, skill areas, standards) lacks: only those are
    matched with typo tolerance, so "tablet" is never read as "tables" but "compter" still finds computers."""
    if not searched.q:
        return searched
    alias = index_name(OPPORTUNITY_INDEX)
    known = ask_remembered("termvectors", timeout=ENGINE_TIMEOUT, index=alias, body=queries.vocabulary_check(searched.q))
    terms = known.get("term_vectors", {}).get(queries.VOCABULARY_FIELD, {}).get("terms", {})
    return searched.with_changes(misspelt=tuple(sorted(term for term, figures in terms.items() if not figures.get("doc_freq"))))


def with_related(searched: SearchParams) -> SearchParams:
    """The search with the skill areas its best matches share, so the rest of them is found too, below the
    matches ("ethical hacking" → the other cyber security courses). Only for words ranked by relevance."""
    if not searched.q or searched.sort != "relevance":
        return searched
    search = queries.best_matches_search(searched, size=RELATED_FROM)
    raw = ask_remembered("search", timeout=ENGINE_TIMEOUT, index=search._index[0], body=search.to_dict())
    scored = [(hit["_score"], hit["_source"].get("skill_areas") or []) for hit in raw["hits"]["hits"]]
    skills = shared_skill_areas(scored)
    return searched.with_changes(related_skills=skills, best_score=scored[0][0]) if skills else searched


def shared_skill_areas(scored: list[tuple[float, list[str]]]) -> tuple[str, ...]:
    """The skill areas at least two strong matches share (and at least half of them), from (score, skill
    areas) pairs best first."""
    if not scored:
        return ()
    strong = [areas for score, areas in scored if score >= STRONG_MATCH * scored[0][0]]
    counts = Counter(code for areas in strong for code in set(areas))
    return tuple(sorted(code for code, count in counts.items() if count >= max(2, len(strong) / 2)))


def _engine_search(params: SearchParams, searched: SearchParams, read, *, with_facets: bool | tuple[str, ...], campaign_words: str = "") -> SearchResults:
    """The page's hits and, in the same round trip, its facet counts as a request the engine can cache and the
    careers content matching `campaign_words` (none without them)."""
    searched = with_related(with_misspelt_words(searched))
    # The page's own requests may be answered from the engine's shard request cache (they hold whole days, never
    # "now"): a repeated search is not scored, sorted and counted again until the index changes.
    page = page_requests(searched, with_facets=with_facets, today=queries.today(), index=index_name(OPPORTUNITY_INDEX))
    searches = [(index, body, True) for index, body in page]
    if campaign_words:
        campaign = queries.campaign_search(campaign_words)
        searches.append((campaign._index[0], campaign.to_dict(), False))
    answers = _msearch(searches)
    if None in answers[: len(page)]:
        raise EngineError(400, "search_refused", "the engine refused the results page's search")
    raw = answers[0]
    if with_facets:
        counted = {name: aggregation for answer in answers[1 : len(page)] for name, aggregation in answer.get("aggregations", {}).items()}
        raw = {**raw, "aggregations": counted}
    results = _results(params, searched, read, raw, with_facets=with_facets)
    if campaign_words:
        results.campaign = _campaign_hits(answers[-1]) if answers[-1] else []  # the page stands without them
    return results


@lru_cache(maxsize=2048)
def page_requests(searched: SearchParams, *, with_facets: bool | tuple[str, ...], today: datetime.date, index: str) -> tuple[tuple[str, str], ...]:
    """The page's hits and (with_facets: all, or the facets named) facet counts, as (index, JSON body) for the engine. Building and encoding
    them costs the web process about 2 ms; residents repeat searches, so each is built once in each process for as
    long as what the bodies hold besides `searched` (the day's date, the index's name) stays the same."""
    searches = [queries.opportunity_search(searched)] + (queries.facet_searches(searched, only=_facets_named(with_facets)) if with_facets else [])
    return tuple((search._index[0], as_json(search.to_dict())) for search in searches)


def _facets_named(with_facets: bool | tuple[str, ...]) -> tuple[str, ...] | None:
    """The facets to count for search_opportunities(with_facets=…): those named, or None for every one."""
    return None if with_facets is True else with_facets


def _results(params: SearchParams, searched: SearchParams, read, raw: dict, *, with_facets: bool | tuple[str, ...]) -> SearchResults:
    hits = [_hit(hit, searched) for hit in raw["hits"]["hits"]]
    facets = None
    if with_facets:
        facets = queries.facet_counts(raw["aggregations"], only=_facets_named(with_facets))
    suggestion = _suggestion(params.q, raw, read) if params.q else ""
    return SearchResults(
        params=params, total=raw["hits"]["total"]["value"], hits=hits, facets=facets, suggestion=suggestion, searched=searched
    )


def _hit(hit: dict, searched: SearchParams):
    related = bool(searched.related_skills) and queries.WORDS not in hit.get("matched_queries", ())
    return hit_from_source(hit["_id"], hit["_source"], searched, hit.get("highlight"), related=related)


@dataclasses.dataclass
class WiderRung:
    """The nearest radius of the ladder that finds more than the search did: how many it finds, and (asked for
    by the page and the API) the nearest of those not already shown."""

    radius: float
    total: int
    further: list


def wider_rung(results: SearchResults, *, with_hits: bool) -> WiderRung | None:
    """Every rung beyond the searched radius asked at once (one request); the nearest that finds more wins."""
    searched = results.searched
    rungs = [searched.with_changes(radius=miles, page=1) for miles in wider_radii(searched.radius)]
    if not rungs:
        return None
    if with_hits:
        searches = []
        for rung in rungs:
            search = queries.opportunity_search(rung)
            body = search.to_dict()
            body.pop("suggest", None)
            searches.append((search._index[0], {**body, "track_total_hits": True}))
    else:
        searches = [_count_search(rung) for rung in rungs]
    shown = {hit.id for hit in results.hits}
    for rung, answer in zip(rungs, _msearch(searches)):
        total = answer["hits"]["total"]["value"] if answer else 0
        if total > results.total:
            further = [_hit(hit, rung) for hit in answer["hits"]["hits"] if hit["_id"] not in shown] if with_hits else []
            return WiderRung(radius=rung.radius, total=total, further=further[: searched.page_size - len(results.hits)])
    return None


def _rung_widening(params: SearchParams, rung: WiderRung) -> Widening:
    return Widening(label=gettext("Search within {radius} miles").format(radius=f"{rung.radius:g}"), params=params.with_changes(radius=rung.radius, page=1), total=rung.total)


def _suggestion(q: str, raw: dict, read: understanding.Understanding | None) -> str:
    """"Did you mean": each misspelt word replaced by the closest word of our own vocabulary, and a misspelt
    place by the place we read it as. A word that is part of a place name we know is never replaced."""
    corrected, changed = q, False
    for entry in raw.get("suggest", {}).get("spelling", []):
        if entry["options"] and entry["text"].lower() not in gazetteer().place_words:
            corrected = re.sub(rf"(?i)\b{re.escape(entry['text'])}\b", entry["options"][0]["text"], corrected, count=1)
            changed = True
    if read and read.place_correction:
        place = read.reading(understanding.PLACE)
        corrected = re.sub(rf"(?i)\b{re.escape(place.words)}\b", read.place_correction, corrected, count=1)
        changed = True
    return corrected if changed and corrected.lower() != q.lower() else ""


def search_opportunities(
    params: SearchParams, *, with_facets: bool | tuple[str, ...] = True, with_campaign: bool = False, with_further: bool = False
) -> SearchResults:
    """`with_campaign` and `with_further` add what only a page of results shows (careers content, the nearest of
    the rest when few are near): pathway plans, alerts and campaign blocks read the hits alone. `with_facets`: every
    facet's counts, none, or only those named (what a page shows: each facet costs the engine a pass over the matches)."""
    searched, read = interpret(params)
    campaign_words = (searched.q or params.q) if with_campaign else ""
    try:
        results = _engine_search(params, searched, read, with_facets=with_facets, campaign_words=campaign_words)
    except (*EngineUnavailable, EngineError) as error:
        logger.warning("Search engine unavailable (%s): answering with the basic search", type(error).__name__)
        results = basic_search(searched)
        results.params, results.searched = params, searched
    if read:
        results.understood, results.place_choices = read.readings, read.place_choices
    rung = None
    shows_further = with_further and searched.page == 1 and results.total < searched.page_size
    if results.mode == "full" and searched.near and (shows_further or results.total < FEW_RESULTS):
        try:
            rung = wider_rung(results, with_hits=shows_further)
        except (*EngineUnavailable, EngineError):
            pass  # the nearest are shown; a wider search can wait
    if rung and rung.further:
        results.further, results.further_radius = rung.further, rung.radius
    if results.total == 0 and results.mode == "full":
        results.widenings = widenings(params, searched, read, rung=rung)
    elif results.total < FEW_RESULTS and rung:
        results.widenings = [_rung_widening(params, rung)]
    return results


def search_many(many: list[SearchParams]) -> list[SearchResults]:
    """Several searches' hits, sent to the engine together (one request, however many), for what shows many
    short lists at once (pathway plans). No facets, campaign content or further-away results. A search the
    engine does not answer is answered by the basic search, as search_opportunities() does."""
    prepared = [interpret(params) for params in many]
    try:
        # Words to check or relate cost a request each; pathway plans' searches have none.
        searched = [with_related(with_misspelt_words(ran)) for ran, _ in prepared]
        searches = [queries.opportunity_search(ran) for ran in searched]
        answers = _msearch([(search._index[0], search.to_dict()) for search in searches])
    except (*EngineUnavailable, EngineError) as error:
        logger.warning("Search engine unavailable (%s): answering %d searches with the basic search", type(error).__name__, len(many))
        searched, answers = [ran for ran, _ in prepared], [None] * len(many)
    found = []
    for params, ran, (_, read), raw in zip(many, searched, prepared, answers):
        if raw is None:
            results = basic_search(ran, with_facets=False)
            results.params, results.searched = params, ran
        else:
            results = _results(params, ran, read, raw, with_facets=False)
        found.append(results)
    return found


def index_generation() -> int:
    """A number that changes whenever what the index holds may have changed (the outbox drain bumps it), so
    what is built from search answers can be kept until then."""
    return connection.index_generation()


def campaign_content(q: str) -> list[CampaignHit]:
    search = queries.campaign_search(q)
    try:
        raw = ask("search", timeout=ENGINE_TIMEOUT, index=search._index[0], body=search.to_dict())
    except (*EngineUnavailable, EngineError):
        return []
    return _campaign_hits(raw)


def _campaign_hits(raw: dict) -> list[CampaignHit]:
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


def _count_search(params: SearchParams) -> tuple[str, dict]:
    """How many a search would find, as one search of a batch: no hits, the exact total."""
    search = queries.opportunity_search(params.with_changes(page=1, page_size=1))
    body = search.to_dict()
    query = {"bool": {"filter": [body["query"], body.get("post_filter", {"match_all": {}})]}}
    return search._index[0], {"query": query, "size": 0, "track_total_hits": True}


def _msearch(searches: list[tuple]) -> list[dict | None]:
    """Several searches in one request to the engine: each answer, or None for one the engine refused. Each search
    is (index, body) or (index, body, cache): `cache` True asks the engine to keep the answer in its shard request
    cache even with hits (it keeps only counts unasked). Raises EngineUnavailable / EngineError when the request as a
    whole fails."""
    if not searches:
        return []
    lines = []
    for index, body, *cache in searches:
        lines += [{"index": index, "request_cache": True} if cache and cache[0] else {"index": index}, body]
    answers = ask("msearch", timeout=ENGINE_TIMEOUT, body=lines)["responses"]
    return [None if "error" in answer else answer for answer in answers]


WIDER = [
    ("words", _("Search without your words"), {"q": ""}),
    ("kind", _("Include every kind of opportunity"), {"kind": ()}),
    ("tier", _("Include every level"), {"tier": ()}),
    ("skill", _("Include every skill area"), {"skill": ()}),
    ("mode", _("Include every way of learning"), {"mode": ()}),
    ("free", _("Include paid options"), {"free": False}),
    ("authority", _("Include every area"), {"authority": ()}),
    ("starts_within", _("Include any start date"), {"starts_within": None}),
    ("closing_within", _("Include any closing date"), {"closing_within": None}),
    ("sponsored", _("Include opportunities that are not sponsored"), {"sponsored": False}),
    ("career_changers", _("Include those that do not say they welcome career changers"), {"career_changers": False}),
    ("in_person", _("Include online options"), {"in_person": False}),
]


# Fewer results than this near a place: offer a wider radius above them.
FEW_RESULTS = 5

# Readings that narrow a search: when nothing is found, dropping one of them is the first thing to offer.
NARROWING_READINGS = {understanding.PLACE, "free", "online", "kind", "degree", "level", "drop_in", "device_loan", "free_data", "step_free"}


def widenings(params: SearchParams, searched: SearchParams | None = None, read=None, *, rung: WiderRung | None = None) -> list[Widening]:
    """Ways to find something when nothing matched, each with how many it would find. `params` is the search
    as the resident asked it; `searched` what ran after reading their words; `rung` the nearest wider radius
    that finds something (already counted), if any."""
    searched = searched or params
    options = []
    for reading in read.readings if read else ():
        if reading.key in NARROWING_READINGS:
            # Without the reading's words too: "python keighley" without Keighley is a search for python.
            words = understanding.without_place(understanding.fold(params.q), reading.words)
            options.append((gettext("Search without “{label}”").format(label=reading.label), params.with_changes(q=words, page=1)))
    if rung:
        options.append(_rung_widening(params, rung))
    for name, label, change in WIDER:
        if name == "words":
            if searched.q:
                # Keep what was understood (the place, "free"), drop the words left to match.
                options.append((label, searched.with_changes(q="", page=1) if read else params.with_changes(q="", page=1)))
        elif getattr(params, name):
            options.append((label, params.with_changes(**change, page=1)))
    options = options[:8]
    counted = iter(_counted([option for option in options if not isinstance(option, Widening)]))
    found = [option if isinstance(option, Widening) else next(counted) for option in options]
    return [widening for widening in found if widening]


def _counted(options: list[tuple[str, SearchParams]]) -> list[Widening | None]:
    """Each option with how many it would find, counted in one request to the engine; None where it would
    find nothing."""
    try:
        answers = _msearch([_count_search(interpret(wider)[0]) for _, wider in options])
    except (*EngineUnavailable, EngineError):
        return [None] * len(options)
    return [
        Widening(label=label, params=wider, total=answer["hits"]["total"]["value"]) if answer and answer["hits"]["total"]["value"] else None
        for (label, wider), answer in zip(options, answers)
    ]


def autocomplete(prefix: str) -> list[dict]:
    """Open opportunities' titles that start with what has been typed: {"title", "url", "kind"}. The search
    box's own suggestions (titles, skill areas, careers, places) are search.suggestions.suggest()."""
    return suggest(prefix).titles


_FULL_POSTCODE = re.compile(r"(?i)\b([a-z]{1,2}[0-9][a-z0-9]?) ?[0-9][a-z]{2}\b")


def _without_full_postcodes(words: str) -> str:
    """A full postcode in the words can point at one street: the log keeps its outcode only."""
    return _FULL_POSTCODE.sub(lambda match: match.group(1).upper(), words)


def search_record(results: SearchResults, *, source: str = "page") -> SearchRecord | None:
    """Log a resident's search for the authority's unmet-demand report. Nothing that identifies them.

    The record, so the page can count which result is followed; None if it could not be saved.
    """
    params = results.params
    filters = {
        name: list(value) if isinstance(value, tuple) else value
        for name, value in params.__dict__.items()
        if name not in {"q", "near", "page", "page_size", "extra", "sort"} and value not in ((), "", False, None)
    }
    # A place read from the words counts for the report like one typed in the postcode box.
    near = (results.searched or params).near
    authority = near.local_authority if near else (params.authority[0] if len(params.authority) == 1 else "")
    try:
        return SearchRecord.objects.create(
            query=_without_full_postcodes(params.q)[:200],
            filters=filters,
            outcode=near.outcode if near else "",
            local_authority=authority,
            tier=params.tier[0] if len(params.tier) == 1 else "",
            result_count=results.total,
            mode=results.mode,
            source=source,
        )
    except DatabaseError:
        logger.warning("Could not record a search for analytics")
        return None
