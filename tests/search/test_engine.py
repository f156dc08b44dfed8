"""A round trip through the real OpenSearch node: custom analysis, indexing, searching, deleting."""

import uuid

import pytest
from elasticsearch_dsl import Document, Index, SearchAsYouType, Text

from search.analyzers import autocomplete_analyzer, english_index_analyzer, english_text_analyzer, read_synonyms
from search.connection import get_client, index_name

pytestmark = pytest.mark.engine


@pytest.fixture
def scratch_index(search_engine):
    name = index_name(f"roundtrip-{uuid.uuid4().hex[:8]}")
    yield name
    get_client().indices.delete(index=name, ignore_unavailable=True)


def define_index(name):
    synonyms = read_synonyms()

    class Course(Document):
        title = Text(
            analyzer=english_index_analyzer(),
            search_analyzer=english_text_analyzer(synonyms),
            fields={"autocomplete": Text(analyzer=autocomplete_analyzer(), search_analyzer="standard")},
        )
        title_typeahead = SearchAsYouType()

    index = Index(name)
    index.settings(number_of_shards=1, number_of_replicas=0)
    index.document(Course)
    return index


def search(name, query):
    response = get_client().search(index=name, body=query)
    return [hit["_source"]["title"] for hit in response["hits"]["hits"]]


def test_create_index_search_and_delete(scratch_index):
    client = get_client()
    client.indices.create(index=scratch_index, body=define_index(scratch_index).to_dict())
    titles = ["Introduction to software development", "Staying safe online", "Café computer club"]
    for number, title in enumerate(titles):
        client.index(index=scratch_index, id=str(number), body={"title": title, "title_typeahead": title})
    client.indices.refresh(index=scratch_index)

    # Synonyms: a resident says "coding", the course says "software development".
    assert search(scratch_index, {"query": {"match": {"title": "coding"}}}) == [titles[0]]
    # Stemming and synonyms together: "beginners" finds "Introduction".
    assert titles[0] in search(scratch_index, {"query": {"match": {"title": "beginners"}}})
    # Edge n-grams: a few letters typed so far.
    assert search(scratch_index, {"query": {"match": {"title.autocomplete": "softw"}}}) == [titles[0]]
    # ASCII folding: no accent typed.
    assert search(scratch_index, {"query": {"match": {"title": "cafe"}}}) == [titles[2]]
    # Typo tolerance (fuzziness is applied to plain terms, so without the synonym graph).
    typo = {"query": "stayng saef", "fuzziness": "AUTO", "analyzer": "english_index"}
    assert search(scratch_index, {"query": {"match": {"title": typo}}}) == [titles[1]]
    # search_as_you_type from mapper-extras.
    assert search(
        scratch_index,
        {"query": {"multi_match": {"query": "safe onl", "type": "bool_prefix", "fields": ["title_typeahead", "title_typeahead._2gram"]}}},
    ) == [titles[1]]

    client.indices.delete(index=scratch_index)

    assert not client.indices.exists(index=scratch_index)


def test_the_synonyms_file_is_readable_by_an_editor():
    synonyms = read_synonyms()

    assert any(line.startswith("coding,") for line in synonyms)
    assert all(not line.startswith("#") for line in synonyms)
