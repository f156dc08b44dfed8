"""What a search returns, whichever path answered it (the engine, or the basic database search)."""

import datetime
from dataclasses import dataclass, field

from django.utils.translation import gettext

from places.distances import distance_miles

from .params import SearchParams
from .understanding import without_place


def nearest_distance(params: SearchParams, locations: list[dict]) -> float | None:
    if not params.near or not locations:
        return None
    return round(min(distance_miles(params.near.latitude, params.near.longitude, p["lat"], p["lon"]) for p in locations), 1)


@dataclass
class Hit:
    id: str
    kind: str
    title: str
    summary: str
    url: str
    tier: str
    organisation_name: str
    online: bool = False
    sponsored: bool = False
    free: bool = False
    welcomes_career_changers: bool = False
    cost: str = ""
    cost_amount: float | None = None
    inclusion_support: bool = False
    help_to_start: list[str] = field(default_factory=list)  # search.params.HELP_TO_START keys
    other_languages: str = ""  # the provider's words, e.g. "Urdu, Polish"
    delivery_mode: str = ""
    closing_date: datetime.date | None = None
    next_start: datetime.date | None = None
    starts_any_time: bool = False
    weekly_wage: float | None = None
    type_label: str = ""  # programmes and sponsored opportunities: their own kind, "Course", "Paid role"
    towns: list[str] = field(default_factory=list)  # where it happens, in words
    standard_level: int | None = None
    standard_title: str = ""
    degree: bool = False
    skill_areas: list[str] = field(default_factory=list)
    local_authorities: list[str] = field(default_factory=list)
    locations: list[dict] = field(default_factory=list)
    distance: float | None = None  # miles, when the search was near a place
    published_at: datetime.datetime | None = None
    highlights: dict[str, str] = field(default_factory=dict)  # HTML-escaped, with <mark> around matches
    related: bool = False  # found in a skill area the best matches share, not by the words

    @property
    def price_tag(self) -> str:
        """What a course's tag says about its cost: "Free", "Free if eligible" (funded for those who qualify), or
        nothing (it costs money, or it is a job, whose pay is shown instead)."""
        if not (self.free and self.kind == "programme"):
            return ""
        return gettext("Free if eligible") if self.cost == "funded" else gettext("Free")


@dataclass
class CampaignHit:
    title: str
    url: str
    kind: str
    summary: str = ""
    highlight: str = ""


@dataclass
class Widening:
    """A way to find more when a search found nothing: a label for the resident and the changed search."""

    label: str
    params: SearchParams
    total: int


@dataclass
class SearchResults:
    params: SearchParams
    total: int
    hits: list[Hit]
    mode: str = "full"  # "basic" when the engine was unreachable
    total_capped: bool = False  # more than `total` matched: the basic search stops counting there
    facets: dict[str, list[tuple[str, int]]] | None = None
    suggestion: str = ""
    campaign: list[CampaignHit] = field(default_factory=list)
    widenings: list[Widening] = field(default_factory=list)
    # What was read from the words (search/understanding.py), and the search that actually ran.
    understood: tuple = ()
    place_choices: tuple = ()
    searched: SearchParams | None = None
    # Fewer than a page near the place: the nearest of the rest, within further_radius miles, shown after.
    further: list[Hit] = field(default_factory=list)
    further_radius: float | None = None

    @property
    def shown(self) -> list[Hit]:
        """Every hit on the page, in order: the results, then those further away."""
        return self.hits + self.further

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.params.page_size))

    # Undoing what was read from the words: the searches behind each Remove link, the place choices and
    # "your words as typed", on the page and in the API alike.
    def without_reading(self, key: str) -> SearchParams:
        return self.params.with_changes(ignore=self.params.ignore + (key,), page=1)

    def without_place_named(self, name: str) -> SearchParams:
        return self.params.with_changes(q=without_place(self.params.q, name), page=1)

    def as_typed(self) -> SearchParams:
        return self.params.with_changes(as_typed=True, ignore=(), page=1)


def _date(value):
    return datetime.date.fromisoformat(value[:10]) if value else None


def _datetime(value):
    return datetime.datetime.fromisoformat(value) if value else None


def hit_from_source(doc_id: str, source: dict, params: SearchParams, highlights: dict | None = None, *, related: bool = False) -> Hit:
    return Hit(
        id=doc_id,
        kind=source["kind"],
        title=source["title"],
        summary=source.get("summary") or "",
        url=source["url"],
        tier=source.get("tier") or "",
        organisation_name=source.get("organisation_name") or "",
        online=bool(source.get("online")),
        sponsored=bool(source.get("sponsored")),
        free=bool(source.get("free")),
        welcomes_career_changers=bool(source.get("welcomes_career_changers")),
        cost=source.get("cost") or "",
        cost_amount=source.get("cost_amount"),
        inclusion_support=bool(source.get("inclusion_support")),
        help_to_start=source.get("help_to_start") or [],
        other_languages=source.get("other_languages") or "",
        delivery_mode=source.get("delivery_mode") or "",
        closing_date=_date(source.get("closing_date")),
        next_start=_date(source.get("next_start")),
        starts_any_time=bool(source.get("starts_any_time")),
        weekly_wage=source.get("weekly_wage"),
        type_label=source.get("type_label") or "",
        towns=source.get("towns") or [],
        standard_level=source.get("standard_level"),
        standard_title=source.get("standard_title") or "",
        degree=bool(source.get("degree")),
        skill_areas=source.get("skill_areas") or [],
        local_authorities=source.get("local_authorities") or [],
        locations=source.get("locations") or [],
        distance=nearest_distance(params, source.get("locations") or []),
        published_at=_datetime(source.get("published_at")),
        highlights={name: fragments[0] for name, fragments in (highlights or {}).items() if fragments},
        related=related,
    )
