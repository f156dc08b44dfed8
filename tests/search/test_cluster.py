"""A real three-node OpenSearch cluster loses a node while residents search and providers write: no search fails
once the client has tried the next node, no write the engine acknowledged is lost, and the index is green again
when the node comes back. Quick version of `python -m benchmarks.cluster_failover` (figures in
benchmarks/RESULTS.md): three JVMs of 512 MB, one replica, the node holding the primary shard killed for a few
seconds."""

import pytest

from benchmarks.cluster_failover import failover
from search.connection import get_client, index_name
from search.documents import OPPORTUNITY_INDEX
from search.engine import node as engine
from tests.helpers import free_port

# The writer and the searchers are threads with their own database connections, so data is committed for real.
pytestmark = [pytest.mark.engine, pytest.mark.cluster, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture(scope="module")
def three_nodes(tmp_path_factory):
    """Three nodes on free loopback ports, each with its own home; stopped whatever happens, and told to stop by
    themselves should this test process die first."""
    home = tmp_path_factory.mktemp("cluster")
    members = tuple(
        engine.ClusterNode(f"test-cluster-{number}", home / f"node-{number}", free_port(), free_port())
        for number in range(1, 4)
    )
    # The JIT's first tier only: the nodes start in about half the time, and this test is not about speed.
    cluster = engine.Cluster("test-cluster", members, heap="512m", exit_with_parent=True, jvm_options=("-XX:TieredStopAtLevel=1",))
    try:
        engine.cluster_start(cluster)
        yield cluster
    finally:
        engine.cluster_stop(cluster)


@pytest.fixture
def on_the_cluster(settings, three_nodes):
    settings.SEARCH_URL = three_nodes.search_url
    settings.SEARCH_REPLICAS = 1
    settings.SEARCH_INDEX_PREFIX = "testcluster-failover"
    # A web request's budget, made generous: this test is about failing over, not about a busy 2-core machine.
    settings.SEARCH_REQUEST_BUDGET = 10.0
    return three_nodes


def test_losing_a_node_fails_no_search_and_loses_no_write(on_the_cluster):
    figures = failover(on_the_cluster, victim="primary", items=20, before=2.0, down=5.0, after=1.0)

    index = get_client().indices.get_settings(index=index_name(OPPORTUNITY_INDEX))
    assert [settings["settings"]["index"]["number_of_replicas"] for settings in index.values()] == ["1"]
    assert figures["searches"] > 0 and figures["writes acknowledged"] > 0
    assert figures["failed searches"] == 0, figures["errors"]
    assert figures["acknowledged writes lost"] == 0
    assert figures["writes missing after the outbox drained"] == 0
    assert get_client().cluster.health(index=index_name(OPPORTUNITY_INDEX))["status"] == "green"
