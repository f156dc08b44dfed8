"""The basic search on PostgreSQL: full-text search over stored, GIN-indexed word vectors (publishing.text_search).

The resident's words are read as plain words (never as operators, so no input can make the query fail), stemmed
in English, and all of them must be found in the title, summary or description, or be the name of the provider or
employer (or a vacancy's standard). Title matches rank first (SearchRank with the title weighted most). When the
words as typed find nothing, each longer word may instead be a near miss of a word in a title (pg_trgm's word
similarity), which forgives most single typos ("compter", "securty").

Everything is counted and ordered in the database, per table: one grouped query over at most TOTAL_CAP + 1
matches gives the total and the counts of the facet columns (each facet counted without its own filter, as the
engine does), a second the first rows of the page in order; documents are built for the page alone. Past the cap
the total reads "more than 1,000" and facet values come without counts, as the engine's track_total_hits stops
counting; by distance, the nearest are found from the place outwards (search.basic.tables). So a search costs a
few bounded queries whatever the number of items, which is what lets basic mode hold a crowd while the engine is
away. What reads the hits alone (pathway plans) counts no facets and stops at HITS_ONLY_CAP.
"""

import datetime
import re
from collections import Counter
from dataclasses import dataclass

from django.contrib.postgres.lookups import SearchVectorExact, TrigramWordSimilar
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector, TrigramWordSimilarity
from django.db import connection, transaction
from django.db.models import Count, F, FloatField, Q, Value
from django.utils import timezone

from accounts.models import Organisation
from careers.models import ApprenticeshipStandard
from publishing.text_search import TEXT_SEARCH_CONFIG, StoredWords

from ..params import SearchParams
from ..results import SearchResults, hit_from_source
from .hits import as_json
from .tables import TABLES, Table, without_nested_loops

WORD = re.compile(r"\w+")
MAX_WORDS = 8  # as the engine's typo query: a pasted paragraph must not cost a hundred conditions
MAX_WORD_LENGTH = 40  # longer is not a word anyone searches for; it only costs time
TYPO_MIN_LENGTH = 4  # shorter words are matched as typed: "cad" must not become "car"
# pg_trgm's word similarity a near miss needs: "compter" in "Computer basics" scores 0.55, "securty" in "Cyber
# security" 0.63; the extension's default (0.6) forgives too few. Letters swapped in a short word ("pyhton")
# share too few trigrams to be forgiven.
TYPO_SIMILARITY = 0.5
# Counts stop here, as the engine's track_total_hits does: past it the page says "more than 1,000", and a broad
# search (62,642 items within 10 miles of Leeds) costs what a narrow one does.
TOTAL_CAP = 1000
# What reads the hits alone (a pathway plan's step: five of them and "see all") needs fewer counted.
HITS_ONLY_CAP = 100
FACETS = ("tier", "level", "mode", "free", "sponsored", "career_changers")
BOOLEAN_FACETS = ("free", "sponsored", "career_changers")
# Each sort: (value, descending) pairs, nulls last, as search.queries.sort_clause orders the engine's results.
ORDERINGS = {
    "relevance": [("rank", True), ("published_at", True)],
    "distance": [("distance", False), ("rank", True)],
    "start": [("next_start", False), ("rank", True)],
    "closing": [("closing", False), ("rank", True)],
    "newest": [("published_at", True)],
    "wage": [("wage", True), ("rank", True)],
}


def plain_words(q: str) -> list[str]:
    """The words of what was typed, without punctuation or operators: quotes, dashes and colons are not syntax here."""
    return [word[:MAX_WORD_LENGTH] for word in WORD.findall(q.lower())[:MAX_WORDS]]


def _query(words: list[str]) -> SearchQuery:
    # plainto_tsquery: every word (stemmed, stop words dropped) must match; it accepts any text.
    return SearchQuery(" ".join(words), search_type="plain", config=TEXT_SEARCH_CONFIG)


@dataclass(frozen=True)
class Words:
    """How the words match and rank in each table: as typed (stemmed), or forgiving typos."""

    words: list[str]
    forgiving: bool = False

    def condition(self, table: Table) -> Q:
        vector = StoredWords()
        if not self.forgiving:
            found = Q(SearchVectorExact(vector, _query(self.words)))
            return found | _named(table, self.words)
        per_word = Q()
        for word in self.words:
            near_miss = Q(TrigramWordSimilar(F("title"), Value(word))) if len(word) >= TYPO_MIN_LENGTH else Q(pk__in=[])
            per_word &= Q(SearchVectorExact(vector, _query([word]))) | near_miss
        return per_word

    def rank(self):
        if not self.forgiving:
            return SearchRank(StoredWords(), _query(self.words))
        any_word = _query(self.words[:1])
        for word in self.words[1:]:
            any_word |= _query([word])
        rank = SearchRank(StoredWords(), any_word)
        for word in self.words:
            if len(word) >= TYPO_MIN_LENGTH:
                rank += TrigramWordSimilarity(Value(word), "title")
        return rank


def _named(table: Table, words: list[str]) -> Q:
    """Rows whose provider or employer (or standard) is named by the words. The ids are read first, so the
    condition is an index lookup beside the words' index, not a join PostgreSQL would scan every row for."""
    names = SearchVector("name", config=TEXT_SEARCH_CONFIG)
    organisations = Organisation.objects.annotate(words=names).filter(words=_query(words)).values("pk")
    model = table.source.get_queryset().model
    owners = list(model._meta.get_field(table.owner).related_model.objects.filter(organisation__in=organisations).values_list("pk", flat=True))
    named = Q(**{f"{table.owner}_id__in": owners}) if owners else Q(pk__in=[])
    for field in table.extra_text:
        titles = SearchVector("title", config=TEXT_SEARCH_CONFIG)
        standards = list(ApprenticeshipStandard.objects.annotate(words=titles).filter(words=_query(words)).values_list("pk", flat=True))
        if standards:
            named |= Q(**{f"{field}_id__in": standards})
    return named


def _facet_value(value) -> str | None:
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def _chosen(params: SearchParams) -> dict:
    """The facet columns' filters the resident chose, as tests on a value."""
    chosen = {}
    for name in ("tier", "level", "mode"):
        if getattr(params, name):
            chosen[name] = set(getattr(params, name))
    for name in BOOLEAN_FACETS:
        if getattr(params, name):
            chosen[name] = {"true"}
    return chosen


@dataclass
class Counted:
    """One table's matches, grouped by the facet columns: what the total and the facet counts are made of. When
    more than TOTAL_CAP matched (`capped`), the groups hold the first TOTAL_CAP + 1 matches only: they say which
    facet values occur, not how often."""

    table: Table
    groups: list[tuple[dict, int]]
    capped: bool = False

    def total(self, chosen: dict, leave_out: str = "") -> int:
        return sum(count for values, count in self.groups if all(values[name] in allowed for name, allowed in chosen.items() if name != leave_out))


def _matching(table: Table, params: SearchParams, words: Words | None, today: datetime.date):
    rows = table.rows().filter(*table.conditions(params, today))
    if words:
        rows = rows.filter(words.condition(table))
    return rows.annotate(**{f"facet_{name}": expression for name, expression in table.facets().items()})


def _with_chosen(rows, params: SearchParams):
    for name, allowed in _chosen(params).items():
        rows = rows.filter(**{f"facet_{name}__in": [value == "true" for value in allowed] if name in BOOLEAN_FACETS else allowed})
    return rows


def _count(table: Table, params: SearchParams, words: Words | None, today: datetime.date) -> Counted:
    """One grouped query over at most TOTAL_CAP + 1 matches (a LIMIT inside the subquery, so PostgreSQL stops
    reading there): exact counts for a narrow search, a bounded cost for a broad one."""
    columns = [f"facet_{name}" for name in FACETS]
    first = _matching(table, params, words, today).order_by().values("pk")[: TOTAL_CAP + 1]
    rows = table.source.get_queryset().model.objects.filter(pk__in=first).annotate(**{f"facet_{name}": expression for name, expression in table.facets().items()})
    grouped = rows.values(*columns).annotate(count=Count("pk")).order_by()
    groups = [({name: _facet_value(row[f"facet_{name}"]) for name in FACETS}, row["count"]) for row in grouped]
    return Counted(table, groups, capped=sum(count for _, count in groups) > TOTAL_CAP)


def _capped_total(table: Table, params: SearchParams, words: Words | None, today: datetime.date, cap: int = TOTAL_CAP) -> tuple[int, bool]:
    """How many match with every filter, counted up to cap + 1: (count, whether there are more)."""
    with without_nested_loops():
        found = _with_chosen(_matching(table, params, words, today), params).order_by().values("pk")[: cap + 1].count()
    return min(found, cap), found > cap


def _first_rows(table: Table, params: SearchParams, words: Words | None, today: datetime.date, size: int) -> list[tuple]:
    """The first `size` matches in the order asked for: (sort key, table, pk)."""
    rows = _with_chosen(_matching(table, params, words, today), params)
    if params.sort == "distance" and params.near and table.near_first:
        unbounded = _with_chosen(_matching(table, params.with_changes(near=None), words, today), params)
        nearest = table.near_first(rows, unbounded, params, words.rank() if words else None, size)
        if nearest is not None:
            return [(_key(values, ORDERINGS["distance"]), table, pk) for pk, values in nearest]
    ordering = ORDERINGS.get(params.sort, ORDERINGS["relevance"])
    values = {
        "rank": words.rank() if words else Value(0.0, output_field=FloatField()),
        "published_at": F("published_at"),
        "distance": table.nearest(params) if params.near else Value(None, output_field=FloatField()),
        "next_start": table.next_start(today),
        "closing": table.closing_date,
        "wage": table.weekly_wage,
    }
    names = [name for name, _ in ordering]
    rows = rows.annotate(**{f"sort_{name}": values[name] for name in names})
    order = [F(f"sort_{name}").desc(nulls_last=True) if descending else F(f"sort_{name}").asc(nulls_last=True) for name, descending in ordering]
    found = rows.order_by(*order, "pk").values_list("pk", *(f"sort_{name}" for name in names))[:size]
    if params.near and params.sort == "distance":
        with without_nested_loops():  # the distances of every match: hash joins read each once
            found = list(found)
    return [(_key(row[1:], ordering), table, row[0]) for row in found]


def _key(values: tuple, ordering: list) -> tuple:
    """A sort key that orders rows from different tables as each table's SQL ordered its own: nulls last."""
    key = []
    for value, (_, descending) in zip(values, ordering, strict=True):
        if value is None:
            key.append((1, 0))
        elif descending:
            key.append((0, -value.timestamp() if isinstance(value, datetime.datetime) else -float(value)))
        else:
            key.append((0, value))
    return tuple(key)


@dataclass
class Found:
    total: int
    capped: bool  # more than `total` matched: the page says "more than"
    facets: dict | None
    rows: list


def _facets(counted: list[Counted], wanted: list[Counted], chosen: dict) -> dict:
    """Each facet's values with their counts; a count is None where a table matched more than TOTAL_CAP, since
    its groups then hold a sample: the value is there, how often is not known."""
    facets = {"kind": sorted(((c.table.source.kind, None if c.capped else c.total(chosen)) for c in counted if c.total(chosen)), key=_by_count)}
    for name in FACETS:
        tally, unknown = Counter(), set()
        for count in wanted:
            for values, number in count.groups:
                if values[name] is not None and all(values[other] in allowed for other, allowed in chosen.items() if other != name):
                    tally[values[name]] += number
                    if count.capped:
                        unknown.add(values[name])
        facets[name] = sorted(((value, None if value in unknown else number) for value, number in tally.items()), key=_by_count)
    return facets


def _by_count(pair) -> tuple:
    return (pair[1] is None, -(pair[1] or 0), pair[0])


def _search(params: SearchParams, words: Words | None, *, with_facets: bool) -> Found:
    today = timezone.localdate()
    chosen = _chosen(params)
    tables = [table for table in TABLES if with_facets or not params.kind or table.source.kind in params.kind]
    facets, totals = None, {}
    if with_facets:
        counted = [_count(table, params, words, today) for table in tables]
        wanted = [count for count in counted if not params.kind or count.table.source.kind in params.kind]
        facets = _facets(counted, wanted, chosen)
        for count in wanted:
            if not count.capped:
                totals[count.table] = (count.total(chosen), False)
            elif chosen:
                # A sample's groups cannot say how many match the chosen facet values: those are counted on their own.
                totals[count.table] = _capped_total(count.table, params, words, today)
            else:
                totals[count.table] = (TOTAL_CAP, True)
    else:
        totals = {table: _capped_total(table, params, words, today, HITS_ONLY_CAP) for table in tables}
    cap = TOTAL_CAP if with_facets else HITS_ONLY_CAP
    total = sum(number for number, _ in totals.values())
    capped = total > cap or any(more for _, more in totals.values())
    start = (params.page - 1) * params.page_size
    rows = []
    for table, (number, _) in totals.items():
        if number:
            rows += _first_rows(table, params, words, today, start + params.page_size)
    rows.sort(key=lambda row: (row[0], row[1].source.kind, row[2]))
    return Found(min(total, cap), capped, facets, rows[start : start + params.page_size])


def _hits(rows: list, params: SearchParams) -> list:
    by_table = {}
    for _, table, pk in rows:
        by_table.setdefault(table, []).append(pk)
    documents = {}
    for table, pks in by_table.items():
        for obj in table.source.get_queryset().filter(pk__in=pks):
            documents[(table, obj.pk)] = table.source.document(obj)
    return [
        hit_from_source(table.source.doc_id(pk), as_json(documents[(table, pk)]), params)
        for _, table, pk in rows
        if (table, pk) in documents
    ]


def fulltext_search(params: SearchParams, *, with_facets: bool = True) -> SearchResults:
    """`with_facets=False` (pathway plans, alerts): the page's rows and a capped total, no facet counts."""
    words = plain_words(params.q)
    with transaction.atomic(), connection.cursor() as cursor:
        # For this transaction only. The distance and ranking expressions make the planner's cost estimates large
        # enough to compile the queries (JIT), which takes longer than running them; and pg_trgm's %> operator,
        # which its index answers, needs our threshold.
        cursor.execute(
            "SELECT set_config('jit', 'off', true), set_config('pg_trgm.word_similarity_threshold', %s, true)",
            [str(TYPO_SIMILARITY)],
        )
        found = _search(params, Words(words) if words else None, with_facets=with_facets)
        if not found.total and any(len(word) >= TYPO_MIN_LENGTH for word in words):
            found = _search(params, Words(words, forgiving=True), with_facets=with_facets)
    return SearchResults(
        params=params, total=found.total, total_capped=found.capped, hits=_hits(found.rows, params), mode="basic", facets=found.facets
    )
