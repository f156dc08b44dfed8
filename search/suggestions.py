"""Suggestions for the search box while a resident types: titles of open opportunities, skill areas, career
profiles and places.

Titles and career profiles come from the engine's edge n-gram fields, in one request. Skill areas and
places come from the database, read once every few minutes by each web process: there are a few hundred names,
so matching them in Python is quicker than asking anything. If the engine does not answer, skill areas and
places are still suggested.
"""

import re
import uuid
from dataclasses import asdict, dataclass, field
from urllib.parse import urlencode

from django.core.cache import cache
from django.urls import reverse

from . import queries
from .connection import EngineError, EngineUnavailable, ask
from .understanding import PLACE_PREPOSITIONS, fold

MIN_LENGTH = 2
MAX_LENGTH = 60
MAX_SUGGESTIONS = 8
# At most this many of each kind, so one kind cannot crowd out the others; titles fill the rest.
KIND_LIMITS = {"skill": 2, "career": 2, "place": 2}
# Residents put a place last ("python keigh"): the last words are tried as the start of a place name.
PLACE_TAIL_WORDS = 3
MIN_PLACE_TAIL = 3
ENGINE_TIMEOUT = 2.0
VOCABULARY_SECONDS = 300  # editors may rename a skill area; a few minutes' delay is fine
# District "places" that are not places anyone lives in.
NOT_PLACES = {"bulk users", "non-geographic"}

LABELS = {"title": "Course or job", "skill": "Skill area", "career": "Career", "place": "Place"}
TITLE_LABELS = {"programme": "Course or help", "apprenticeship": "Apprenticeship", "sponsored": "Sponsored opportunity"}


@dataclass(frozen=True)
class Suggestion:
    text: str  # what goes into the search box
    kind: str  # title | skill | career | place
    url: str  # where it leads: its page, or a search for it
    label: str = ""  # the kind in words, shown beside the text

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass
class Suggestions:
    items: list[Suggestion] = field(default_factory=list)
    titles: list[dict] = field(default_factory=list)  # the older answer: {"title", "url", "kind"} of opportunities

    def as_dict(self) -> dict:
        """The JSON answer of /search/autocomplete/ and /api/v1/search/autocomplete/."""
        return {"results": self.titles, "suggestions": [item.as_dict() for item in self.items]}


@dataclass(frozen=True)
class Name:
    """A skill area or place a resident may start typing, and the search it stands for."""

    text: str
    kind: str
    parameters: tuple[tuple[str, str], ...]  # of the search page: (("skill", "ADV-DATA"),), (("near", "BD21"),)
    folded: str = ""
    rank: int = 0  # places: 0 a local authority, 1 a post town, 2 a district's area; lower comes first

    def suggestion(self, *, words: str = "") -> Suggestion:
        """`words`: what the resident typed before a place's name, kept in the box and the search ("coding in"
        searches for coding)."""
        text = f"{words} {self.text}" if words else self.text
        searched = words.split()
        while searched and fold(searched[-1]) in PLACE_PREPOSITIONS:
            searched.pop()
        parameters = ((("q", " ".join(searched)),) if searched else ()) + self.parameters
        return Suggestion(text, self.kind, f"{reverse('search:page')}?{urlencode(parameters)}", LABELS[self.kind])


def _load_vocabulary() -> dict[str, list[Name]]:
    from pathways.models import SkillArea
    from places.models import LocalAuthority, PostcodeDistrict

    names: dict[str, list[Name]] = {"skill": [], "place": []}
    seen = set()
    districts = sorted(
        PostcodeDistrict.objects.filter(in_use=True, local_authority__isnull=False).values_list("outcode", "post_town", "places"),
        key=lambda row: (re.sub(r"\d.*", "", row[0]), int(re.sub(r"\D", "", row[0]) or 0)),
    )
    # Some districts have two post towns ("Halifax, Elland"): each is a town.
    towns = {fold(town) for _, post_towns, _ in districts for town in post_towns.split(",")}

    def add(kind: str, text: str, rank: int = 2, **parameters) -> None:
        text = re.sub(r"\s+(city|town) centre$", "", text.strip(), flags=re.IGNORECASE)
        if text and fold(text) not in NOT_PLACES and (kind, fold(text)) not in seen:
            seen.add((kind, fold(text)))
            rank = min(rank, 1) if fold(text) in towns else rank
            names[kind].append(Name(text, kind, tuple(parameters.items()), fold(text), rank))

    for code, title in SkillArea.objects.order_by("code").values_list("code", "title"):
        add("skill", title, rank=0, skill=code)
    for code, name in LocalAuthority.objects.values_list("code", "name"):
        add("place", name, rank=0, authority=code)
    # A name stands for the district whose own places name it ("Keighley" is BD21, though BD20's post town
    # is Keighley too); a post town no district names stands for its lowest-numbered district.
    for outcode, _, places in districts:
        for place in places.split(","):
            add("place", place, near=outcode)
    for outcode, post_towns, _ in districts:
        for town in post_towns.split(","):
            add("place", town, near=outcode)
    return names


class _Vocabulary:
    """The names, kept in this process's memory: reading them back from the shared cache meant unpickling a few
    hundred names on every keystroke (2 ms of the web process's 5 ms per suggestion). The shared cache holds only a
    small token that changes every few minutes (or when the cache is cleared), so every process reloads together."""

    generation: str | None = None
    names: dict[str, list[Name]] = {}


def vocabulary() -> dict[str, list[Name]]:
    generation = cache.get_or_set("search-suggestion-names-generation", lambda: uuid.uuid4().hex, timeout=VOCABULARY_SECONDS)
    if generation != _Vocabulary.generation:
        _Vocabulary.names, _Vocabulary.generation = _load_vocabulary(), generation
    return _Vocabulary.names


def _matching(names: list[Name], typed: str, limit: int) -> list[Name]:
    """Names that start with what was typed, then names with a later word that does; towns before the areas
    in them, then shorter names first ("hal": Halifax, then Halton)."""
    starts = sorted((name for name in names if name.folded.startswith(typed)), key=lambda name: (name.rank, len(name.folded)))
    inside = sorted(
        (name for name in names if f" {typed}" in f" {name.folded}" and not name.folded.startswith(typed)),
        key=lambda name: (name.rank, len(name.folded)),
    )
    return (starts + inside)[:limit]


def _places(names: list[Name], typed: str, text: str) -> list[Suggestion]:
    """Places that start with all the words typed, or with the last few ("coding in hal" → Halifax)."""
    limit = KIND_LIMITS["place"]
    found = [name.suggestion() for name in _matching(names, typed, limit)]
    words = text.split()
    for size in range(min(PLACE_TAIL_WORDS, len(words) - 1), 0, -1):
        tail = fold(" ".join(words[-size:]))
        if len(found) < limit and len(tail) >= MIN_PLACE_TAIL:
            found += [name.suggestion(words=" ".join(words[:-size])) for name in _matching(names, tail, limit - len(found))]
    return found


def _from_engine(prefix: str) -> tuple[list[dict], list[Suggestion]]:
    """Open opportunities' titles and career profiles, in one request to the engine."""
    titles, careers = queries.autocomplete_search(prefix), queries.career_autocomplete_search(prefix, size=KIND_LIMITS["career"])
    body = []
    for search in (titles, careers):
        body += [{"index": search._index[0]}, search.to_dict()]
    try:
        answers = ask("msearch", timeout=ENGINE_TIMEOUT, body=body)["responses"]
    except (*EngineUnavailable, EngineError):
        return [], []
    title_hits, career_hits = ([] if "error" in answer else answer["hits"]["hits"] for answer in answers)
    found = [{"title": hit["_source"]["title"], "url": hit["_source"]["url"], "kind": hit["_source"]["kind"]} for hit in title_hits]
    return found, [Suggestion(hit["_source"]["title"], "career", hit["_source"]["url"], LABELS["career"]) for hit in career_hits]


def suggest(prefix: str) -> Suggestions:
    text = " ".join(prefix.split())[:MAX_LENGTH]
    typed = fold(text)
    if len(typed) < MIN_LENGTH:
        return Suggestions()
    names = vocabulary()
    titles, careers = _from_engine(text)
    skills = [name.suggestion() for name in _matching(names["skill"], typed, KIND_LIMITS["skill"])]
    places = _places(names["place"], typed, text)
    room = MAX_SUGGESTIONS - len(skills) - len(careers) - len(places)
    title_suggestions = [Suggestion(hit["title"], "title", hit["url"], TITLE_LABELS.get(hit["kind"], LABELS["title"])) for hit in titles[:room]]
    items, seen = [], set()
    for item in skills + careers + title_suggestions + places:
        if fold(item.text) not in seen:  # "Data" the skill area and "Data" a title: one suggestion
            seen.add(fold(item.text))
            items.append(item)
    return Suggestions(items=items, titles=titles)
