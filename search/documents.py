"""The two indices: one for opportunities (programmes, apprenticeship vacancies, sponsored opportunities),
one for campaign content (campaign pages, career profiles, stories, events).

Mappings are built with elasticsearch-dsl and sent by opensearch-py (see connection.py).
"""

from django.conf import settings
from elasticsearch_dsl import (
    Boolean,
    Date,
    Document,
    Float,
    GeoPoint,
    Index,
    Integer,
    Keyword,
    Text,
)

from .analyzers import autocomplete_analyzer, english_index_analyzer, english_text_analyzer, read_language_synonyms, read_synonyms
from .connection import index_name

OPPORTUNITY_INDEX = "opportunities"
CAMPAIGN_INDEX = "campaign"


def _english(**kwargs):
    return Text(analyzer="english_index", search_analyzer="english_text", **kwargs)


def _title():
    return _english(
        fields={
            "autocomplete": Text(analyzer="autocomplete", search_analyzer="autocomplete_search"),
            # Unstemmed words: the source of "did you mean" suggestions.
            "plain": Text(analyzer="standard"),
            "sort": Keyword(normalizer="lowercase"),
        }
    )


class OpportunityDocument(Document):
    kind = Keyword()  # programme | apprenticeship | sponsored
    title = _title()
    # Our own vocabulary (titles, skill areas, standards), unstemmed: the only source of "did you mean".
    spelling = Text(analyzer="standard")
    summary = _english()
    body = _english()
    organisation_name = _english(fields={"keyword": Keyword()})
    provider = Keyword()  # provider slug (programmes)
    employer = Keyword()  # employer slug (vacancies, sponsored)
    skill_areas = Keyword()
    skill_area_titles = _english()
    tier = Keyword()
    level = Keyword()
    delivery_mode = Keyword()
    online = Boolean()  # online delivery or a remote role: stays in location searches
    free = Boolean()
    cost = Keyword()
    cost_amount = Float()
    funding = Text(analyzer="english_index")
    local_authorities = Keyword()
    districts = Keyword()
    locations = GeoPoint()
    start_dates = Date()
    next_start = Date()
    starts_any_time = Boolean()
    closing_date = Date()
    weekly_wage = Float()
    standard_level = Integer()
    standard_title = _english()
    degree = Boolean()
    opportunity_type = Keyword()  # sponsored: paid_role | bootcamp_place | placement | returner | scholarship
    type_label = Keyword(index=False)  # programmes and sponsored: their own kind in words, "Course", "Paid role"
    towns = Keyword(index=False)  # where it happens, in words: each venue's town (or postcode), for cards
    schedule = _english()  # when it runs, in the provider's words ("Tuesday evenings", "10 weeks, part-time")
    sponsored = Boolean()
    welcomes_career_changers = Boolean()  # programmes and sponsored opportunities that say so, and returner programmes
    sponsor_campaign = Keyword()
    disability_confident = Keyword()
    inclusion_support = Boolean()
    # Help to get started (search.params.HELP_TO_START): device_loan, free_data, other_languages, step_free, drop_in.
    help_to_start = Keyword()
    other_languages = Keyword(index=False)  # the provider's words, e.g. "Urdu, Polish", for the result card
    published_at = Date()
    updated_at = Date()
    url = Keyword(index=False)
    # Every value of the few-valued facets' fields, as "field=value" (FACET_VALUES_FIELDS): one terms aggregation over
    # it counts them all in one pass over the matches, where one per facet read the matches once each (search.queries
    # .facet_searches). Only counted, never searched: doc values alone.
    facet_values = Keyword(index=False)


# The fields whose values facet_values holds: a few dozen values each at most, so one list of a few hundred holds
# every value of all of them. The organisations (provider, employer) have too many.
FACET_VALUES_FIELDS = (
    "kind", "tier", "skill_areas", "level", "delivery_mode", "local_authorities", "free", "sponsored", "sponsor_campaign",
    "disability_confident", "welcomes_career_changers", "help_to_start",
)


def facet_values(document: dict) -> list[str]:
    """A document's facet_values: "free=true", "skill_areas=ADV-DATA"; booleans as the engine shows them."""
    values = []
    for field in FACET_VALUES_FIELDS:
        value = document.get(field)
        for one in value if isinstance(value, list) else [value]:
            if one is not None and one != "":
                values.append(f"{field}={str(one).lower() if isinstance(one, bool) else one}")
    return values


class CampaignDocument(Document):
    kind = Keyword()  # campaign | career_profile | story | event
    title = _title()
    summary = _english()
    body = _english()
    event_date = Date()
    event_ends = Date()  # events leave search once this has passed
    published_at = Date()
    url = Keyword(index=False)


DOCUMENTS = {OPPORTUNITY_INDEX: OpportunityDocument, CAMPAIGN_INDEX: CampaignDocument}


def live_settings() -> dict:
    """The layout and refresh an index serves searches with, from settings; a rebuild loads with others and then
    sets these again."""
    return {"number_of_replicas": settings.SEARCH_REPLICAS, "refresh_interval": settings.SEARCH_REFRESH_INTERVAL}


def index_definition(name: str, physical_name: str) -> Index:
    """A new physical index for one of our aliases, with analysis set up from synonyms.txt and synonyms/."""
    index = Index(physical_name)
    index.settings(
        number_of_shards=settings.SEARCH_SHARDS,
        **live_settings(),
        max_result_window=10_000,
        # Keep a delete's tombstone (and its version) for an hour, far longer than a bulk request can be in flight,
        # so a stale upsert that lands after a delete is refused rather than bringing the item back. Outbox retries
        # re-read the database, so they never send older content however late they run.
        gc_deletes="1h",
    )
    index.analyzer(english_index_analyzer())
    index.analyzer(english_text_analyzer(read_synonyms(), read_language_synonyms()))
    index.analyzer(autocomplete_analyzer())
    index.analyzer("autocomplete_search", tokenizer="standard", filter=["lowercase", "asciifolding"])
    index.document(DOCUMENTS[name])
    return index
