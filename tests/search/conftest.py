"""Fresh indices on the real OpenSearch node for each test, and a way to wait for the sync."""

import pytest

from search import indexing
from search.connection import get_client, index_name


def refresh() -> None:
    for name in indexing.INDEXES:
        get_client().indices.refresh(index=index_name(name))


def sync_now() -> dict:
    """Drain the outbox as the Celery task would, then make the changes visible to searches."""
    result = indexing.drain_outbox()
    refresh()
    return result


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
