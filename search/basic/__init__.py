"""The basic database search that answers when the engine cannot (search.service): mode "basic", never a 500.

On PostgreSQL it is a full-text search (search.basic.fulltext): stemmed words ranked title first, a typo forgiven
through title trigrams, the filters and the main facets counted in the database, so it holds a crowd. Elsewhere
(the zero-setup SQLite run) a simple search answers (search.basic.simple).
"""

from django.db import connection

from ..params import SearchParams
from ..results import SearchResults
from .fulltext import fulltext_search
from .simple import simple_search


def basic_search(params: SearchParams, *, with_facets: bool = True) -> SearchResults:
    """`with_facets=False` for what reads the hits alone (pathway plans): no facet counts, a capped total."""
    if connection.vendor == "postgresql":
        return fulltext_search(params, with_facets=with_facets)
    return simple_search(params)
