"""Every line of search/synonyms.txt, on the real engine: its first and last words find each other's items,
and nothing of another line unless the two share a word. A line added by an editor is tested without writing
a test."""

from functools import lru_cache

import pytest
from django.utils import timezone

from search import indexing
from search.analyzers import read_synonyms
from search.connection import get_client, index_name
from search.documents import OPPORTUNITY_INDEX
from search.params import parse
from search.service import search_opportunities

pytestmark = pytest.mark.engine

LINES = [[word.strip() for word in line.split(",")] for line in read_synonyms()]


def document(title: str) -> dict:
    return {
        "kind": "programme",
        "title": title,
        "summary": "A short course at the library.",
        "tier": "general",
        "url": "/programmes/x/",
        "published_at": timezone.now().isoformat(),
    }


@pytest.fixture(scope="module")
def one_item_per_word(search_engine, django_db_blocker):
    """Two items per line, titled with its first and its last word, indexed straight into a fresh index."""
    client = get_client()
    with django_db_blocker.unblock():
        for name in indexing.INDEXES:
            for physical in indexing.physical_indices(name):
                client.indices.delete(index=physical)
            client.indices.delete(index=index_name(name), ignore_unavailable=True)
        indexing.ensure_indices()
    for number, words in enumerate(LINES):
        for end, word in (("first", words[0]), ("last", words[-1])):
            client.index(index=index_name(OPPORTUNITY_INDEX), id=f"programme-{number}-{end}", body=document(f"{word.capitalize()} for everyone"))
    client.indices.refresh(index=index_name(OPPORTUNITY_INDEX))
    yield
    for name in indexing.INDEXES:
        for physical in indexing.physical_indices(name):
            client.indices.delete(index=physical)


@lru_cache(maxsize=None)
def plain_words(text: str) -> frozenset[str]:
    """The words the index keeps of `text`, without synonyms ("computing" and "computer" are both "comput")."""
    analysed = get_client().indices.analyze(index=index_name(OPPORTUNITY_INDEX), body={"analyzer": "english_index", "text": text})
    return frozenset(token["token"] for token in analysed["tokens"])


def sharing_a_word(q: str) -> set[str]:
    """Items with a plain word of `q` in their title."""
    words = plain_words(q)
    return {
        f"programme-{number}-{end}"
        for number, line in enumerate(LINES)
        for end, word in (("first", line[0]), ("last", line[-1]))
        if words & plain_words(word)
    }


def found(q: str) -> set[str]:
    params, problems = parse({"q": q, "as_typed": "on", "page_size": "50"})
    assert not problems
    return {hit.id for hit in search_opportunities(params, with_facets=False).hits}


@pytest.mark.django_db
@pytest.mark.parametrize("number, words", list(enumerate(LINES)), ids=[", ".join(words) for words in LINES])
def test_a_synonym_line_finds_its_own_items_and_nothing_else(one_item_per_word, number, words):
    own = {f"programme-{number}-first", f"programme-{number}-last"}

    # Items with a word of this line in their title are rightly found ("IT support" for "information technology").
    rightly = set().union(*(sharing_a_word(word) for word in words))
    for word in (words[0], words[-1]):
        assert own <= found(word), f"{word!r} misses an item of its own line"
        assert found(word) <= own | rightly, f"{word!r} finds items of other lines"
