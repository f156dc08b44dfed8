"""The relevance benchmark's yardstick, kept apart from the search code it measures: where places are, how a
judged query's rules grade an item, and the ranking metrics. Pure Python (no Django, no services), so its
tests run anywhere.

A judged query (benchmarks/relevance_queries.toml) says what the resident wants as rules over an item's fields.
`grade2` rules describe what they asked for, `grade1` rules what would partly help; an item's grade is the
highest whose rules it meets (any rule of a grade, every condition of a rule).
"""

import csv
import hashlib
import json
import math
import re
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "data" / "reference"
QUERIES_FILE = Path(__file__).resolve().parent / "relevance_queries.toml"

TIERS = ("inclusion", "general", "advanced")
QUERY_TIERS = (*TIERS, "none")  # "none": the resident asked for something outside digital skills
TAGS = ("place", "postcode", "typo", "intent", "sentence", "language", "nothing")
EARTH_RADIUS_MILES = 3958.8


# Places -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class District:
    outcode: str
    latitude: float
    longitude: float
    names: frozenset[str]  # the areas it covers, lower case, "city centre" and the like taken off
    post_town: str
    authority: str  # ONS code of the local authority its centre lies in, "" outside the region


@dataclass(frozen=True)
class Place:
    text: str
    latitude: float
    longitude: float
    outcodes: tuple[str, ...]
    authority: str


POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?)(?:\s*[0-9][A-Z]{2})?$", re.I)
_CENTRE = re.compile(r"\(.*?\)|\b(city centre|town centre|central)\b", re.I)


def _area_name(text: str) -> str:
    return " ".join(_CENTRE.sub(" ", text).lower().split())


@cache
def districts() -> dict[str, District]:
    """Postcode districts that people live in: PO-box and bulk-mail districts (few live postcodes) left out."""
    found = {}
    with open(REFERENCE / "postcode_districts.csv", newline="", encoding="utf-8") as file:
        for row in csv.DictReader(file):
            if row["non_geographic"] != "no" or int(row["active_postcodes"] or 0) < 50:
                continue
            found[row["outcode"]] = District(
                outcode=row["outcode"],
                latitude=float(row["latitude"]),
                longitude=float(row["longitude"]),
                names=frozenset(_area_name(name) for name in row["town_area"].split(",") if name.strip()),
                post_town=row["post_town"].split(",")[0].strip().lower(),
                authority=row["centroid_lcr_lad_code"],
            )
    return found


@cache
def authorities() -> dict[str, str]:
    """The region's local authorities, ONS code to name."""
    with open(REFERENCE / "lcr_local_authorities.csv", newline="", encoding="utf-8") as file:
        return {row["lad_code"]: row["lad_name"] for row in csv.DictReader(file)}


class UnknownPlace(ValueError):
    pass


@cache
def place(text: str) -> Place:
    """A postcode, an outcode or a town or area name, placed by the reference data alone.

    A name is the districts that list it as an area (Halifax: HX1, "Halifax Town Centre"), or failing that the
    districts of that post town (Selby: YO8); the place is the middle of those districts.
    """
    match = POSTCODE.match(text.strip())
    if match and match[1].upper() in districts():
        chosen = [districts()[match[1].upper()]]
    else:
        name = _area_name(text)
        chosen = [district for district in districts().values() if name in district.names]
        chosen = chosen or [district for district in districts().values() if district.post_town == name]
    if not chosen:
        raise UnknownPlace(f"no postcode district for {text!r}")
    authority = Counter(district.authority for district in chosen).most_common(1)[0][0]
    return Place(
        text=text,
        latitude=sum(district.latitude for district in chosen) / len(chosen),
        longitude=sum(district.longitude for district in chosen) / len(chosen),
        outcodes=tuple(district.outcode for district in chosen),
        authority=authority,
    )


def miles(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance (haversine)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_MILES * math.asin(math.sqrt(h))


# Items and rules --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Item:
    """A searchable opportunity as a resident would read it on its page."""

    id: str  # "programme-42", as the search API names it
    kind: str  # programme | apprenticeship | sponsored
    title: str
    summary: str
    text: str  # everything on its page: title, summary, description, when it runs, standard, pay, funding
    tier: str
    skill_areas: frozenset[str] = frozenset()
    free: bool = False  # free, or free for those who are eligible (the platform's own meaning)
    online: bool = False  # online course or remote role
    delivery_mode: str = "in_person"
    level: int | None = None  # 0 for entry level; apprenticeships: the standard's level; None: no level
    degree: bool = False
    opportunity_type: str = ""  # sponsored: paid_role | bootcamp_place | placement | returner | scholarship
    hours_per_week: float | None = None
    locations: tuple[tuple[float, float], ...] = ()
    standard_title: str = ""

    @property
    def headline(self) -> str:
        """What the item says it is: its title, summary and apprenticeship standard."""
        return f"{self.title} {self.summary} {self.standard_title}"

    def distance(self, to: Place) -> float | None:
        if not self.locations:
            return None
        return min(miles((to.latitude, to.longitude), point) for point in self.locations)


RULE_KEYS = {
    "kind", "tier", "mode", "type", "skill_any", "free", "online", "degree", "level", "level_min", "level_max",
    "max_hours", "title_any", "words_any", "words_all", "words_none", "text_any", "near", "within_miles", "or_online",
}  # fmt: skip


@cache
def term_pattern(term: str) -> re.Pattern:
    """A word or phrase as a whole word, any case, hyphens or spaces between words, with an optional plural;
    a trailing * makes it a prefix ("spreadsheet*")."""
    prefix = term.endswith("*")
    words = re.split(r"[\s\-]+", term.rstrip("*").strip())
    body = r"[\s\-]+".join(re.escape(word) for word in words)
    end = "" if prefix else r"(?:s|es)?(?![\w])"
    return re.compile(rf"(?<![\w]){body}{end}", re.I)


def has_any(text: str, terms) -> bool:
    return any(term_pattern(term).search(text) for term in terms)


def _as_set(value) -> set:
    return set(value) if isinstance(value, list | tuple) else {value}


def failures(rule: dict, item: Item) -> list[str]:
    """The conditions of `rule` that `item` does not meet; an empty list means it meets the rule."""
    failed = []

    def check(ok: bool, description: str) -> None:
        if not ok:
            failed.append(description)

    if "kind" in rule:
        check(item.kind in _as_set(rule["kind"]), f"kind {item.kind} not {rule['kind']}")
    if "tier" in rule:
        check(item.tier in _as_set(rule["tier"]), f"tier {item.tier} not {rule['tier']}")
    if "mode" in rule:
        check(item.delivery_mode in _as_set(rule["mode"]), f"mode {item.delivery_mode} not {rule['mode']}")
    if "type" in rule:
        check(item.opportunity_type in _as_set(rule["type"]), f"type {item.opportunity_type or '-'} not {rule['type']}")
    if "skill_any" in rule:
        check(bool(item.skill_areas & set(rule["skill_any"])), f"skill areas {sorted(item.skill_areas)} not in {rule['skill_any']}")
    for flag in ("free", "online", "degree"):
        if flag in rule:
            check(getattr(item, flag) == rule[flag], f"{flag} is {getattr(item, flag)}")
    if "level" in rule:
        check(item.level in _as_set(rule["level"]), f"level {item.level} not {rule['level']}")
    if "level_min" in rule:
        check(item.level is not None and item.level >= rule["level_min"], f"level {item.level} below {rule['level_min']}")
    if "level_max" in rule:
        check(item.level is not None and item.level <= rule["level_max"], f"level {item.level} above {rule['level_max']}")
    if "max_hours" in rule:
        hours = item.hours_per_week
        check(hours is not None and hours <= rule["max_hours"], f"{hours} hours a week, not at most {rule['max_hours']}")
    if "title_any" in rule:
        check(has_any(item.title, rule["title_any"]), f"title lacks {rule['title_any']}")
    if "words_any" in rule:
        check(has_any(item.headline, rule["words_any"]), f"title and summary lack {rule['words_any']}")
    if "words_all" in rule:
        missing = [term for term in rule["words_all"] if not term_pattern(term).search(item.headline)]
        check(not missing, f"title and summary lack {missing}")
    if "words_none" in rule:
        check(not has_any(item.headline, rule["words_none"]), f"title or summary has one of {rule['words_none']}")
    if "text_any" in rule:
        check(has_any(item.text, rule["text_any"]), f"text lacks {rule['text_any']}")
    if "near" in rule:
        limit = rule.get("within_miles", 10)
        distance = item.distance(place(rule["near"]))
        if rule.get("or_online") and item.online:
            pass
        elif distance is None:
            check(False, f"not within {limit} miles of {rule['near']} (online)" if item.online else "no location")
        else:
            check(distance <= limit, f"{distance:.1f} miles from {rule['near']}, not within {limit}")
    return failed


# The judged set ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Query:
    q: str
    tier: str  # the resident's need: inclusion, general, advanced, or none
    tags: tuple[str, ...] = ()
    grade2: tuple[dict, ...] = ()
    grade1: tuple[dict, ...] = ()
    note: str = ""
    nothing_in_data: bool = False  # the author expects the demo data to hold nothing relevant

    def judge(self, item: Item) -> tuple[int, str]:
        """The item's grade and why, in words."""
        reasons = []
        for grade, rules in ((2, self.grade2), (1, self.grade1)):
            for number, rule in enumerate(rules, 1):
                failed = failures(rule, item)
                if not failed:
                    return grade, f"meets grade {grade} rule {number}" + (f" (after: {'; '.join(reasons)})" if reasons else "")
                reasons.append(f"grade {grade} rule {number}: {failed[0]}")
        return 0, "; ".join(reasons) or "no rules"

    @property
    def fingerprint(self) -> str:
        """Short digest of the rules, so a later run can tell a changed yardstick from a changed engine."""
        rules = json.dumps([self.grade2, self.grade1], sort_keys=True)
        return hashlib.sha256(rules.encode()).hexdigest()[:12]

    @property
    def places(self) -> list[Place]:
        return [place(rule["near"]) for rule in (*self.grade2, *self.grade1) if "near" in rule]


def _rules(value, where: str) -> tuple[dict, ...]:
    rules = [value] if isinstance(value, dict) else list(value or [])
    for rule in rules:
        unknown = set(rule) - RULE_KEYS
        if unknown:
            raise ValueError(f"{where}: unknown rule keys {sorted(unknown)}")
        if ("within_miles" in rule or "or_online" in rule) and "near" not in rule:
            raise ValueError(f"{where}: within_miles and or_online need near")
        if "near" in rule:
            place(rule["near"])  # raises UnknownPlace
        for key in ("title_any", "words_any", "words_all", "words_none", "text_any", "skill_any"):
            if key in rule and not (isinstance(rule[key], list) and rule[key]):
                raise ValueError(f"{where}: {key} must be a non-empty list")
    return tuple(rules)


def load_queries(path: Path = QUERIES_FILE) -> list[Query]:
    with open(path, "rb") as file:
        data = tomllib.load(file)
    queries, seen = [], set()
    for entry in data.get("query", []):
        where = f"query {entry.get('q')!r}"
        unknown = set(entry) - {"q", "tier", "tags", "grade2", "grade1", "note", "nothing_in_data"}
        if unknown:
            raise ValueError(f"{where}: unknown keys {sorted(unknown)}")
        if not entry.get("q") or entry["q"] in seen:
            raise ValueError(f"{where}: every query needs its own q")
        seen.add(entry["q"])
        if entry.get("tier") not in QUERY_TIERS:
            raise ValueError(f"{where}: tier must be one of {QUERY_TIERS}")
        bad_tags = set(entry.get("tags", [])) - set(TAGS)
        if bad_tags:
            raise ValueError(f"{where}: unknown tags {sorted(bad_tags)}")
        query = Query(
            q=entry["q"],
            tier=entry["tier"],
            tags=tuple(entry.get("tags", [])),
            grade2=_rules(entry.get("grade2"), where),
            grade1=_rules(entry.get("grade1"), where),
            note=entry.get("note", ""),
            nothing_in_data=entry.get("nothing_in_data", False),
        )
        if not query.grade2:
            raise ValueError(f"{where}: say what the resident asked for in grade2")
        queries.append(query)
    return queries


# Metrics ----------------------------------------------------------------------------------------
# Gains are exponential in the grade (2^g - 1: a grade 2 item is worth three grade 1 items), discounted by
# log2(rank + 1), as in Burges et al. 2005 and most web-search evaluation.


def dcg(grades: list[int]) -> float:
    return sum((2**grade - 1) / math.log2(rank + 1) for rank, grade in enumerate(grades, 1))


def ndcg(ranked: list[int], judged: list[int], k: int = 10) -> float | None:
    """nDCG@k of the grades in ranked order against the best order of every judged grade in the data;
    None when the data hold nothing relevant."""
    ideal = dcg(sorted(judged, reverse=True)[:k])
    return dcg(ranked[:k]) / ideal if ideal else None


def precision(ranked: list[int], k: int = 10) -> float | None:
    """Share of the first k results shown (fewer if fewer came back) that are relevant (grade 1 or 2);
    None when nothing came back."""
    shown = ranked[:k]
    return sum(grade >= 1 for grade in shown) / len(shown) if shown else None


def recall(ranked: list[int], relevant_in_data: int, k: int = 50) -> float | None:
    """Share of the relevant items the first k results could hold (all of them, or k if there are more)
    that they do hold; None when the data hold nothing relevant."""
    if not relevant_in_data:
        return None
    return sum(grade >= 1 for grade in ranked[:k]) / min(relevant_in_data, k)


def quiet(total: int, k: int = 10) -> float:
    """For a query with nothing relevant in the data: 1 when nothing comes back, less for each result on
    the first page (all of them irrelevant), 0 for a full first page."""
    return 1 - min(total, k) / k


@dataclass
class Outcome:
    """One query's run: the grades of what came back, in order, and the figures."""

    query: Query
    total: int
    returned: list[str]
    grades: list[int]
    judged: dict[str, int] = field(default_factory=dict)  # every item with grade 1 or 2 in the data

    @property
    def relevant_in_data(self) -> int:
        return len(self.judged)

    @property
    def figures(self) -> dict:
        judged = list(self.judged.values())
        return {
            "ndcg10": ndcg(self.grades, judged),
            "precision10": precision(self.grades),
            "recall50": recall(self.grades, len(judged)),
            "total": self.total,
            "zero": self.total == 0,
            "relevant_in_data": len(judged),
            "grade2_in_data": sum(grade == 2 for grade in judged),
            "quiet10": quiet(self.total) if not judged else None,
        }
