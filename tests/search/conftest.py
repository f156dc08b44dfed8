"""Fresh indices on the real OpenSearch node for each test, and a way to wait for the sync."""

import pytest

from search import indexing
from search.connection import get_client, index_name
from tests.search.helpers import refresh, sync_now  # noqa: F401 (other test packages import sync_now from here)


@pytest.fixture
def search_indices(search_engine, db):
    client = get_client()
    for name in indexing.INDEXES:
        for physical in indexing.physical_indices(name):
            client.indices.delete(index=physical)
        client.indices.delete(index=index_name(name), ignore_unavailable=True)
    indexing.ensure_indices()
    yield
    for name in indexing.INDEXES:
        for physical in indexing.physical_indices(name):
            client.indices.delete(index=physical)
