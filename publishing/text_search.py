"""The words of a published record as PostgreSQL full-text search reads them, for the basic search that answers
while the search engine is unreachable (search.basic).

The vector is an expression over the record's own columns, indexed with GIN (a functional index), rather than a
stored column: nothing has to keep it up to date, so bulk inserts, imports and the synthetic generator are
covered without a trigger or a save hook. Rich text goes in as stored HTML: PostgreSQL's parser reads tags as
tags, and the english configuration drops them. Title words weigh most (A), then the summary (B), then the
description (C), so SearchRank puts title matches first.

The indexes exist on PostgreSQL only (see the migrations' PostgresOnlyAddIndex); SQLite runs without them.
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.operations import TrigramExtension
from django.contrib.postgres.search import SearchVector
from django.db.migrations import AddIndex

TEXT_SEARCH_CONFIG = "english"


def text_search_vector() -> SearchVector:
    """The same expression for the index and the queries: PostgreSQL uses the index only for an identical one."""
    return (
        SearchVector("title", weight="A", config=TEXT_SEARCH_CONFIG)
        + SearchVector("summary", weight="B", config=TEXT_SEARCH_CONFIG)
        + SearchVector("description", weight="C", config=TEXT_SEARCH_CONFIG)
    )


def text_search_indexes(prefix: str) -> list[GinIndex]:
    """The words (stemmed), and the title's trigrams for typos (pg_trgm's word similarity)."""
    return [
        GinIndex(text_search_vector(), name=f"{prefix}_words"),
        GinIndex(fields=["title"], opclasses=["gin_trgm_ops"], name=f"{prefix}_title_trgm"),
    ]


class PostgresOnlyAddIndex(AddIndex):
    """AddIndex that builds the index on PostgreSQL and skips it elsewhere (the zero-setup SQLite run), while the
    migration state keeps it everywhere, so makemigrations stays quiet."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


class TrigramExtensionKept(TrigramExtension):
    """pg_trgm, created by courses' and careers' migrations alike. Unapplying one of them leaves it in place: the
    other app's trigram indexes still need it."""

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        pass
