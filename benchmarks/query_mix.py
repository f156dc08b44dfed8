"""What residents search for, in the shapes they use, with repetition as real traffic has it.

A benchmark that repeats four queries measures the engine's caches. This mix holds at least 300 distinct queries,
built without randomness from the generator's own vocabulary (demo/data/synthetic.yaml: the topics titles are made
of) and the region's reference data (its towns, postcodes and local authorities), in six shapes:

- words: a topic, an apprenticeship standard's title, or a sentence a resident might type ("free computer course
  in Halifax");
- words + filters: a topic with a tier, kind, way of learning, "free" or a local authority;
- a place + radius + sort: a full postcode or a district (LS6), a radius from the page's choices, nearest first or soonest;
- no words + filters: what someone browsing by the facets asks;
- autocomplete: the first two to five letters of a topic's words;
- typos: a topic with one letter dropped or two swapped.

Requests draw from them with Zipf-like repetition: the query of popularity rank k is asked about 1/k as often as the
first, so a few are asked often and most rarely, as in the platform's own search log. The distinct queries are
shuffled before ranking (with a fixed seed), so every shape has popular and rare members. The same seed gives the
same sequence at every size.
"""

import csv
import itertools
import random
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "data" / "reference"

TIERS = ("inclusion", "general", "advanced")
KINDS = ("programme", "apprenticeship", "sponsored")
MODES = ("in_person", "online", "blended")
RADII = ("3", "5", "10", "25")
PLACE_SORTS = ("distance", "distance", "start", "relevance")  # nearest first is what a place usually asks
BROWSE_SORTS = ("relevance", "newest", "start", "closing")
SENTENCES = (
    "free {topic} course in {town}",
    "{topic} near {town}",
    "{topic} classes for beginners",
    "help with {topic}",
    "{topic} evening class",
)


@dataclass(frozen=True)
class Query:
    shape: str
    params: tuple[tuple[str, str], ...]  # as the URL gives them; "autocomplete" for a prefix

    @property
    def is_autocomplete(self) -> bool:
        return self.shape == "autocomplete"

    def as_dict(self) -> dict:
        grouped: dict[str, list[str]] = {}
        for name, value in self.params:
            grouped.setdefault(name, []).append(value)
        return {name: values if len(values) > 1 else values[0] for name, values in grouped.items()}


def _topics() -> list[str]:
    data = yaml.safe_load((ROOT / "demo" / "data" / "synthetic.yaml").read_text(encoding="utf-8"))
    return sorted({topic for topics in data["topics"].values() for topic in topics})


def _standards() -> list[str]:
    with (REFERENCE / "digital_apprenticeship_standards.csv").open(encoding="utf-8") as rows:
        return sorted({row["title"].lower() for row in csv.DictReader(rows)})


def _districts() -> list[dict]:
    """The region's postcode districts (those whose centre lies in one of its local authorities)."""
    with (REFERENCE / "postcode_districts.csv").open(encoding="utf-8") as rows:
        return [row for row in csv.DictReader(rows) if row["non_geographic"] == "no" and row["centroid_lcr_lad_code"]]


def _towns() -> list[str]:
    return sorted({row["post_town"] for row in _districts()})


def _outcodes() -> list[str]:
    return sorted(row["outcode"] for row in _districts())


def _postcodes(every: int = 997) -> list[str]:
    """Every n-th full postcode: spread over the region rather than the first streets of Bradford."""
    with (REFERENCE / "postcodes_lcr.csv").open(encoding="utf-8") as rows:
        return [row["postcode"] for number, row in enumerate(csv.DictReader(rows)) if number % every == 0]


def _authorities() -> list[str]:
    with (REFERENCE / "lcr_local_authorities.csv").open(encoding="utf-8") as rows:
        return [row["lad_code"] for row in csv.DictReader(rows) if row["status"] == "current"]


def _typo(word: str, position: int) -> str:
    """One letter dropped (odd positions) or two neighbours swapped (even): the mistakes people make most."""
    if len(word) < 5:
        return word
    at = 1 + position % (len(word) - 2)
    if position % 2:
        return word[:at] + word[at + 1 :]
    return word[:at] + word[at + 1] + word[at] + word[at + 2 :]


def distinct_queries() -> list[Query]:
    topics, standards, towns, authorities = _topics(), _standards(), _towns(), _authorities()
    queries: list[Query] = []
    for topic in topics + standards:
        queries.append(Query("words", (("q", topic),)))
    for number, (topic, sentence) in enumerate(zip(topics, itertools.cycle(SENTENCES))):
        queries.append(Query("words", (("q", sentence.format(topic=topic, town=towns[number % len(towns)])),)))
    filters = itertools.cycle(
        [("tier", tier) for tier in TIERS] + [("kind", kind) for kind in KINDS] + [("mode", mode) for mode in MODES]
        + [("free", "on")] + [("authority", code) for code in authorities]
    )
    for topic, extra in zip(topics * 2, filters):
        queries.append(Query("words + filters", (("q", topic), extra)))
    places = _postcodes() + _outcodes()  # the form's place box takes a postcode or its first half; towns are read from words
    for number, (place, radius, sort) in enumerate(zip(places, itertools.cycle(RADII), itertools.cycle(PLACE_SORTS))):
        params = [("near", place), ("radius", radius), ("sort", sort)]
        if number % 3 == 0:
            params.append(("tier", TIERS[number % 3]))
        queries.append(Query("place + radius + sort", tuple(params)))
    for tier, kind, sort in itertools.product(TIERS, KINDS, BROWSE_SORTS):
        queries.append(Query("no words + filters", (("tier", tier), ("kind", kind), ("sort", sort))))
    for mode, authority in itertools.product(MODES, authorities):
        queries.append(Query("no words + filters", (("mode", mode), ("authority", authority), ("free", "on"))))
    words = sorted({word for topic in topics for word in topic.split() if len(word) >= 4})
    for word in words:
        for length in (2, 3, 5):
            if length < len(word):
                queries.append(Query("autocomplete", (("autocomplete", word[:length]),)))
    for number, topic in enumerate(topics):
        first, *rest = topic.split()
        queries.append(Query("typos", (("q", " ".join([_typo(first, number), *rest])),)))
    return list(dict.fromkeys(queries))  # in order, each once


def zipf_sequence(queries: list[Query], count: int, *, seed: int = 7, exponent: float = 1.0) -> list[Query]:
    """`count` requests over the queries, the k-th most popular drawn with weight 1 / k**exponent."""
    chooser = random.Random(seed)
    ranked = list(queries)
    chooser.shuffle(ranked)
    weights = [1 / rank**exponent for rank in range(1, len(ranked) + 1)]
    return chooser.choices(ranked, weights=weights, k=count)


def describe(queries: list[Query], sequence: list[Query]) -> str:
    """A line for the results: how many distinct queries of each shape, and how repeated the sequence is."""
    shapes: dict[str, int] = {}
    for query in queries:
        shapes[query.shape] = shapes.get(query.shape, 0) + 1
    asked = len(set(sequence))
    top = max(sequence.count(query) for query in set(sequence)) if sequence else 0
    parts = ", ".join(f"{shape} {number}" for shape, number in shapes.items())
    return (
        f"{len(queries)} distinct queries ({parts}); {len(sequence)} requests drawn Zipf-like (exponent 1) touched "
        f"{asked} of them, the most popular asked {top} times"
    )
