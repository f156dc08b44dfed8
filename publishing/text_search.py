"""The words of a published record as PostgreSQL full-text search reads them, for the basic search that answers
while the search engine is unreachable (search.basic).

The vector is a stored generated column (`search_words`, GIN-indexed) that PostgreSQL computes from the record's
own columns whenever they change: bulk inserts, imports and the synthetic generator are covered without a trigger
or a save hook, and ranking reads the stored vector instead of parsing every match's text again (at 100,000
items, 1.5 ms instead of 25–150 ms for a common word). Rich text goes in as stored HTML: PostgreSQL's parser reads
tags as tags, and the english configuration drops them. Title words weigh most (A), then the summary (B), then
the description (C), so SearchRank puts title matches first.

The column is added by AddStoredWords on PostgreSQL only and is not a model field: a GeneratedField would be
selected with every row everywhere, and SQLite (the zero-setup run, which uses search.basic.simple) has no
to_tsvector to compute it with. Queries name it with StoredWords.

The title's trigram index (for typos) is PostgreSQL's alone too, and is not in the models' state either: SQLite
rebuilds a table whenever a column is added, recreating every index the state names, and it cannot build a GIN
index or read PostgreSQL's casts. The earlier functional index on the words expression (`<prefix>_words`), which
the stored column replaced, is dropped (PostgresOnlyRemoveIndex).
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.operations import TrigramExtension
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db.migrations import AddIndex
from django.db.migrations.operations.base import Operation
from django.db.models import Expression

TEXT_SEARCH_CONFIG = "english"
STORED_WORDS = "search_words"
WEIGHTS = (("title", "A"), ("summary", "B"), ("description", "C"))


def text_search_vector() -> SearchVector:
    """The expression of the functional "_words" index (the stored column computes the same vector)."""
    return (
        SearchVector("title", weight="A", config=TEXT_SEARCH_CONFIG)
        + SearchVector("summary", weight="B", config=TEXT_SEARCH_CONFIG)
        + SearchVector("description", weight="C", config=TEXT_SEARCH_CONFIG)
    )


def words_index(prefix: str) -> GinIndex:
    """The functional index on the words expression, which the stored column replaced (dropped since)."""
    return GinIndex(text_search_vector(), name=f"{prefix}_words")


def title_trigram_index(prefix: str) -> GinIndex:
    """The title's trigrams, for typos (pg_trgm's word similarity)."""
    return GinIndex(fields=["title"], opclasses=["gin_trgm_ops"], name=f"{prefix}_title_trgm")


def text_search_indexes(prefix: str) -> list[GinIndex]:
    """What the first text search migrations added: the words (stemmed), and the title's trigrams."""
    return [words_index(prefix), title_trigram_index(prefix)]


class PostgresOnlyAddIndex(AddIndex):
    """An index built on PostgreSQL and nowhere else, and kept out of the migration state (the models do not
    declare it), so SQLite's table rebuilds never try to recreate it."""

    def state_forwards(self, app_label, state):
        pass

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.add_index(to_state.apps.get_model(app_label, self.model_name), self.index)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.remove_index(from_state.apps.get_model(app_label, self.model_name), self.index)

    def describe(self):
        return f"{super().describe()} (PostgreSQL only)"


class PostgresOnlyRemoveIndex(PostgresOnlyAddIndex):
    """The inverse: drops an index PostgresOnlyAddIndex built."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        super().database_backwards(app_label, schema_editor, to_state, from_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        super().database_forwards(app_label, schema_editor, to_state, from_state)

    def describe(self):
        return f"Remove index {self.index.name} on {self.model_name} (PostgreSQL only)"


class TrigramExtensionKept(TrigramExtension):
    """pg_trgm, created by courses' and careers' migrations alike. Unapplying one of them leaves it in place: the
    other app's trigram indexes still need it."""

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        pass


class DatabaseOnlyColumn(Expression):
    """A column that a migration added on PostgreSQL only and no model declares, named with the alias the query
    gives its table (a subquery's is relabelled, as Django's own columns are)."""

    column: str

    def __init__(self, alias: str | None = None):
        super().__init__()
        self.alias = alias

    def resolve_expression(self, query=None, allow_joins=True, reuse=None, summarize=False, for_save=False):
        resolved = self.copy()
        resolved.alias = query.get_initial_alias()
        return resolved

    def relabeled_clone(self, change_map):
        clone = self.copy()
        clone.alias = change_map.get(self.alias, self.alias)
        return clone

    def get_group_by_cols(self):
        return [self]

    def as_sql(self, compiler, connection):
        return f"{compiler.quote_name_unless_alias(self.alias)}.{connection.ops.quote_name(self.column)}", []


class StoredWords(DatabaseOnlyColumn):
    """The row's stored `search_words` vector."""

    column = STORED_WORDS
    output_field = SearchVectorField()


class AddStoredWords(Operation):
    """The `search_words` column (generated from the title, summary and description, stored) and its GIN index,
    on PostgreSQL only; nothing in the migration state, as the models do not name it."""

    reversible = True

    def __init__(self, table: str, index: str):
        self.table, self.index = table, index

    def state_forwards(self, app_label, state):
        pass

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor != "postgresql":
            return
        quote = schema_editor.quote_name
        vector = " || ".join(
            f"setweight(to_tsvector('{TEXT_SEARCH_CONFIG}'::regconfig, COALESCE({quote(column)}, '')), '{weight}')" for column, weight in WEIGHTS
        )
        schema_editor.execute(f"ALTER TABLE {quote(self.table)} ADD COLUMN {quote(STORED_WORDS)} tsvector GENERATED ALWAYS AS ({vector}) STORED")
        schema_editor.execute(f"CREATE INDEX {quote(self.index)} ON {quote(self.table)} USING gin ({quote(STORED_WORDS)})")

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(f"ALTER TABLE {schema_editor.quote_name(self.table)} DROP COLUMN {schema_editor.quote_name(STORED_WORDS)}")

    def describe(self):
        return f"Stored words for the basic search on {self.table} (PostgreSQL only)"
