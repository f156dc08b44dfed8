"""The one place that holds an OpenSearch client. Everything else asks this module.

Bodies are built with elasticsearch-dsl (which needs no connection) and sent with opensearch-py,
so an Elasticsearch 8/9 cluster can later be added behind the same functions.
"""

from functools import lru_cache

from django.conf import settings
from opensearchpy import OpenSearch
from opensearchpy.exceptions import ConnectionError as EngineConnectionError
from opensearchpy.exceptions import ConnectionTimeout, TransportError

# What callers catch when the engine cannot be reached or refuses a request.
EngineUnavailable = (EngineConnectionError, ConnectionTimeout)
EngineError = TransportError  # the engine answered, refusing the request


@lru_cache(maxsize=4)
def _client_for(url: str, timeout: float) -> OpenSearch:
    return OpenSearch(hosts=[url], timeout=timeout, max_retries=0, retry_on_timeout=False)


def get_client(*, timeout: float = 10.0) -> OpenSearch:
    return _client_for(settings.SEARCH_URL, timeout)


def index_name(name: str) -> str:
    """Environment-prefixed name, so test, staging and production can share a cluster safely."""
    return f"{settings.SEARCH_INDEX_PREFIX}-{name}"


def engine_health(*, timeout: float = 2.0) -> dict:
    """Cluster status as the engine reports it; raises EngineUnavailable when it does not answer."""
    return get_client(timeout=timeout).cluster.health()
