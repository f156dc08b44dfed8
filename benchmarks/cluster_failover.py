"""Losing a node of a real three-node OpenSearch cluster while residents search and providers write (issue 13).
Figures, not assertions: the quick version in tests/search/test_cluster.py asserts the zeros; this script runs the
long version and writes its figures to its own section of benchmarks/RESULTS.md.

    .venv/bin/python -m benchmarks.cluster_failover [--down 60] [--before 20] [--after 20] [--items 500]
    (needs `make services` for PostgreSQL; uses the database skills_cluster_failover, index prefix "failover",
    and starts its own cluster on http ports 9250-9252 and transport ports 9350-9352, 512 MB of heap a node)

Each round kills one node's JVM (SIGKILL: no goodbye to the cluster) while searcher threads ask the engine through
search.connection.ask() within the web request's budget and a writer thread saves programmes, whose changes reach
the index through the outbox drain; then it starts the node again on its data. Rounds kill, in turn, the node
holding the opportunities index's primary shard, the elected cluster manager, and a node holding only a replica.
"""

import argparse
import datetime
import os
import platform
import statistics
import tempfile
import textwrap
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.databases import create_database_if_missing
from benchmarks.results import RESULTS, write_section
from search.engine import node as engine

ROOT = Path(__file__).resolve().parents[1]
SECTION = "## Cluster failover"
SEARCH_WORD = "failover"  # in every seeded title and in no written one, so a search's count is known exactly


@dataclass
class Timeline:
    """What the searchers and the writer saw, stamped with time.monotonic()."""

    searches: list = field(default_factory=list)  # (started, seconds, ok)
    writes: list = field(default_factory=list)  # (started, seconds, programme pk, acknowledged)
    errors: list = field(default_factory=list)  # what went wrong, for the figures


def opportunities_alias() -> str:
    from search.connection import index_name
    from search.documents import OPPORTUNITY_INDEX

    return index_name(OPPORTUNITY_INDEX)


def shard_holders(cluster) -> dict:
    """The node holding the opportunities primary, the elected cluster manager, and a node with only replicas."""
    from search.connection import get_client

    client = get_client()
    shards = client.cat.shards(index=opportunities_alias(), format="json")
    primary = next(shard["node"] for shard in shards if shard["prirep"] == "p" and shard["state"] == "STARTED")
    manager = client.cat.cluster_manager(format="json")[0]["node"]
    by_name = {node.name: node for node in cluster.nodes}
    holders = {"primary": by_name[primary], "cluster manager": by_name[manager]}
    replicas = [shard["node"] for shard in shards if shard["prirep"] == "r" and shard["node"] not in {primary, manager}]
    if replicas:  # the cluster manager may hold the replica itself: then there is no such node
        holders["replica only"] = by_name[replicas[0]]
    return holders


def seed(items: int) -> list:
    """Published programmes the searches count; in one transaction, as an import would."""
    from django.db import transaction

    from publishing.models import Status
    from tests.courses.factories import ProgrammeFactory, ProviderFactory

    with transaction.atomic():
        provider = ProviderFactory()
        return [
            ProgrammeFactory(provider=provider, title=f"Cluster {SEARCH_WORD} course {number}", status=Status.PUBLISHED)
            for number in range(items)
        ]


def settle(timeout: float = 300.0) -> float:
    """Drain the outbox until nothing waits (honouring back-off), then refresh; the seconds it took."""
    from search import indexing
    from search.connection import get_client
    from search.models import IndexOutboxEntry

    started = time.monotonic()
    while IndexOutboxEntry.objects.filter(rejected=False).exists():
        if time.monotonic() - started > timeout:
            raise RuntimeError("the outbox did not empty")
        if not indexing.drain_outbox()["sent"]:
            time.sleep(0.2)
    get_client().indices.refresh(index=opportunities_alias())
    return time.monotonic() - started


def missing_from_index(pks: list) -> list:
    """Programmes (by pk) whose document the index does not hold."""
    from search.connection import get_client

    if not pks:
        return []
    docs = get_client().mget(index=opportunities_alias(), body={"ids": [f"programme-{pk}" for pk in pks]})["docs"]
    return [pk for pk, doc in zip(pks, docs) if not doc.get("found")]


def searcher(stop: threading.Event, timeline: Timeline, expected: int, pause: float) -> None:
    """Search as a web request does: one budget per search, through ask() (the breaker, the next node)."""
    from django.conf import settings
    from django.db import connection

    from search.connection import ask, engine_budget

    body = {"query": {"match": {"title": SEARCH_WORD}}, "size": 10, "track_total_hits": True}
    try:
        while not stop.is_set():
            started = time.monotonic()
            try:
                with engine_budget(settings.SEARCH_REQUEST_BUDGET):
                    answer = ask("search", index=opportunities_alias(), body=body)
                complete = answer["_shards"]["failed"] == 0 and answer["hits"]["total"]["value"] == expected
                if not complete:
                    timeline.errors.append(f"incomplete answer: {answer['_shards']}, {answer['hits']['total']}")
                timeline.searches.append((started, time.monotonic() - started, complete))
            except Exception as error:  # noqa: BLE001 - a failed search is a figure, not a crash
                timeline.searches.append((started, time.monotonic() - started, False))
                timeline.errors.append(f"search: {type(error).__name__}: {error}")
            time.sleep(pause)
    finally:
        connection.close()


def writer(stop: threading.Event, timeline: Timeline, pause: float) -> None:
    """Save programmes one transaction each; on commit the outbox drain sends them (a task, in-process here).
    A write is acknowledged when the drain removed its outbox row: the engine said it has the document."""
    from django.db import connection, transaction

    from publishing.models import Status
    from search.models import IndexOutboxEntry
    from tests.courses.factories import ProgrammeFactory, ProviderFactory

    provider = ProviderFactory()
    number = 0
    try:
        while not stop.is_set():
            number += 1
            started = time.monotonic()
            try:
                with transaction.atomic():
                    programme = ProgrammeFactory(provider=provider, title=f"Cluster write {number}", status=Status.PUBLISHED)
                # The drain ran on commit, before this line.
                waiting = IndexOutboxEntry.objects.filter(label="courses.programme", object_id=str(programme.pk)).exists()
                timeline.writes.append((started, time.monotonic() - started, programme.pk, not waiting))
            except Exception as error:  # noqa: BLE001
                timeline.errors.append(f"write: {type(error).__name__}: {error}")
            time.sleep(pause)
    finally:
        connection.close()


def health(cluster, survivors) -> dict:
    for node in survivors:
        body = engine.get_json(f"{node.url}/_cluster/health", timeout=2.0)
        if body:
            return body
    return {}


def failover(cluster, *, victim: str = "primary", items: int = 50, before: float = 3.0, down: float = 10.0,
             after: float = 2.0, searchers: int = 2, pause: float = 0.02, write_pause: float = 0.05) -> dict:
    """One round: seed, search and write, kill the `victim` node, keep going `down` seconds, start it again,
    wait for green, keep going `after` seconds, then count. Run inside Django, with SEARCH_URL naming every
    node and the index created with one replica."""
    from search import indexing

    indexing.ensure_indices()
    seeded = seed(items)
    settle()
    engine.wait_for_health(cluster.nodes[0].url, nodes=len(cluster.nodes), timeout=120)
    expected = len(seeded)
    holders = shard_holders(cluster)
    if victim not in holders:
        return {"victim": f"{victim} (no such node this round: the cluster manager holds the replica)"}
    target = holders[victim]
    survivors = [node for node in cluster.nodes if node != target]

    timeline, stop = Timeline(), threading.Event()
    threads = [threading.Thread(target=searcher, args=(stop, timeline, expected, pause), daemon=True) for _ in range(searchers)]
    threads.append(threading.Thread(target=writer, args=(stop, timeline, write_pause), daemon=True))
    for thread in threads:
        thread.start()
    figures = {"victim": f"{victim} ({target.name})"}
    try:
        time.sleep(before)
        killed = time.monotonic()
        engine.node_kill(target)
        yellow_at = None
        while time.monotonic() - killed < down:
            if yellow_at is None:
                state = health(cluster, survivors)
                if state.get("number_of_nodes") == len(survivors) and state.get("status") in {"yellow", "green"}:
                    yellow_at = time.monotonic()
            time.sleep(0.1)
        restarted = time.monotonic()
        engine.node_start(cluster, target)
        engine.wait_for_health(survivors[0].url, nodes=len(cluster.nodes), timeout=300)
        green_at = time.monotonic()
        time.sleep(after)
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=60)

    acknowledged = [pk for _, _, pk, acked in timeline.writes if acked]
    lost = missing_from_index(acknowledged)  # before the final drain: only what the engine confirmed counts
    settle()
    written = [pk for _, _, pk, _ in timeline.writes]
    searches_after_kill = [(start, seconds, ok) for start, seconds, ok in timeline.searches if start + seconds >= killed]
    first_ok = next((start + seconds for start, seconds, ok in sorted(searches_after_kill, key=lambda s: s[0] + s[1]) if ok), None)
    during = [seconds for start, seconds, _ in timeline.searches if killed <= start < green_at]
    steady = [seconds for start, seconds, _ in timeline.searches if start < killed]
    writes_during = [seconds for start, seconds, _, _ in timeline.writes if killed <= start < green_at]
    figures.update({
        "searches": len(timeline.searches),
        "failed searches": sum(1 for _, _, ok in timeline.searches if not ok),
        "writes": len(written),
        "writes acknowledged": len(acknowledged),
        "acknowledged writes lost": len(lost),
        "writes missing after the outbox drained": len(missing_from_index(written)),
        "first search answered after the kill (s)": round(first_ok - killed, 2) if first_ok else None,
        "search p50 before / during (ms)": (_ms(steady, 50), _ms(during, 50)),
        "slowest search during (ms)": round(max(during) * 1000) if during else None,
        "slowest write during (ms)": round(max(writes_during) * 1000) if writes_during else None,
        "yellow after the kill (s)": round(yellow_at - killed, 2) if yellow_at else None,
        "green after the restart (s)": round(green_at - restarted, 1),
        "errors": timeline.errors[:5],
    })
    return figures


def _paragraph(text: str) -> str:
    return textwrap.fill(text, width=115, break_long_words=False, break_on_hyphens=False)


def _ms(seconds: list, percentile: int):
    if not seconds:
        return None
    if len(seconds) == 1:
        return round(seconds[0] * 1000)
    return round(statistics.quantiles(seconds, n=100)[percentile - 1] * 1000)


# The long run ---------------------------------------------------------------------------------------------


def report(rounds: list, args, started_load: str, ended_load: str, start_seconds: float) -> str:
    columns = [
        ("Node killed", "victim"),
        ("Searches", "searches"),
        ("Failed searches", "failed searches"),
        ("Writes (acknowledged)", None),
        ("Acknowledged writes lost", "acknowledged writes lost"),
        ("Missing after drain", "writes missing after the outbox drained"),
        ("First search answered after the kill", "first search answered after the kill (s)"),
        ("Search p50 before / during", "search p50 before / during (ms)"),
        ("Slowest search during", "slowest search during (ms)"),
        ("Slowest write during", "slowest write during (ms)"),
        ("Yellow after the kill", "yellow after the kill (s)"),
        ("Green after the restart", "green after the restart (s)"),
    ]
    lines = [
        SECTION,
        "",
        _paragraph(
            f"`python -m benchmarks.cluster_failover` on {datetime.date.today():%d %B %Y}: a real three-node OpenSearch "
            f"2.19 cluster from `search/engine/node.py cluster` (three JVMs, {args.heap} heap each, one replica), on one "
            f"machine ({os.cpu_count()} cores, {platform.machine()}, shared with other work: load average "
            f"{started_load} at the start, {ended_load} at the end). The cluster took {start_seconds:.0f} s to start. "
            f"Each round: {args.items} programmes seeded; {args.searchers} searcher threads through "
            f"`search.connection.ask()` within the web request's budget ({args.budget} s) and one writer saving a "
            f"programme every {args.write_pause} s through the outbox; {args.before:.0f} s of that, then the node's JVM "
            f"is SIGKILLed, kept down {args.down:.0f} s, started again on its data, and the round goes on "
            f"{args.after:.0f} s after green."
        ),
        "",
        _paragraph(
            "A search fails if it raises or its answer is incomplete (a shard failed, or the count is not the seeded "
            "count); a write is acknowledged once the outbox drain removed its row (the engine confirmed the document). "
            "\"During\" runs from the kill to green again."
        ),
        "",
        "| " + " | ".join(title for title, _ in columns) + " |",
        "| " + " | ".join("---" for _ in columns) + " |",
    ]
    for figures in rounds:
        if "searches" not in figures:
            lines.append("| " + " | ".join([figures["victim"]] + ["" for _ in columns[1:]]) + " |")
            continue
        cells = []
        for _, key in columns:
            if key is None:
                cells.append(f"{figures['writes']} ({figures['writes acknowledged']})")
            elif key.endswith("(ms)"):
                value = figures[key]
                cells.append(" / ".join(f"{v} ms" for v in value) if isinstance(value, tuple) else f"{value} ms")
            elif key.endswith("(s)"):
                cells.append(f"{figures[key]} s" if figures[key] is not None else "n/a")
            else:
                cells.append(str(figures[key]))
        lines.append("| " + " | ".join(cells) + " |")
    errors = [error for figures in rounds for error in figures.get("errors", [])]
    lines += ["", _paragraph("Errors seen: " + ("; ".join(errors) if errors else "none."))]
    lines += [
        "",
        _paragraph(
            "Searches are retried on the next node only when a node refuses the connection (`search/connection.py`); "
            "a search the killed node was answering is cut off and sent to another. \"Yellow after the kill\" is when "
            "the surviving nodes report the lost node gone and every primary assigned (a replica promoted where "
            "needed); \"green after the restart\" runs from starting the JVM again (most of it the JVM's own start on "
            "this machine) to every replica assigned. Searches were quicker during the outage than before it, probably "
            "because two JVMs instead of three shared the two cores (and, in the first round, the JIT was still warming "
            "up)."
        ),
    ]
    return "\n".join(lines) + "\n"


def run(args) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.bench_settings")
    os.environ.setdefault("DATABASE_URL", "postgres://skills:skills@127.0.0.1:5432/skills_cluster_failover")
    home = Path(args.home or tempfile.mkdtemp(prefix="cluster-failover-"))
    cluster = engine.cluster_layout(home, http_port=args.http_port, transport_port=args.transport_port, heap=args.heap,
                                    name="skills-failover", exit_with_parent=True)
    os.environ["SEARCH_URL"] = cluster.search_url
    os.environ["SEARCH_INDEX_PREFIX"] = "failover"
    os.environ["SEARCH_REPLICAS"] = "1"
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    settings.SEARCH_REQUEST_BUDGET = args.budget
    create_database_if_missing(os.environ["DATABASE_URL"])
    call_command("migrate", verbosity=0)

    started_load = Path("/proc/loadavg").read_text().split()[0]
    rounds = []
    try:
        start_seconds = engine.cluster_start(cluster)
        print(f"Cluster green in {start_seconds:.1f} s at {cluster.search_url}", flush=True)
        for victim in args.victims:
            from search import indexing
            from search.connection import get_client

            for name in indexing.INDEXES:  # each round starts from empty indices
                for physical in indexing.physical_indices(name):
                    get_client().indices.delete(index=physical)
            figures = failover(cluster, victim=victim, items=args.items, before=args.before, down=args.down,
                               after=args.after, searchers=args.searchers, write_pause=args.write_pause)
            rounds.append(figures)
            print(", ".join(f"{key} {value}" for key, value in figures.items()), flush=True)
    finally:
        engine.cluster_stop(cluster)
    ended_load = Path("/proc/loadavg").read_text().split()[0]
    text = report(rounds, args, started_load, ended_load, start_seconds)
    if args.write:
        write_section(SECTION, text)
        print(f"Written to {RESULTS.relative_to(ROOT)} ({SECTION[3:]})")
    else:
        print(text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--victims", nargs="+", default=["primary", "cluster manager", "replica only"],
                        choices=["primary", "cluster manager", "replica only"], help="one round per node killed")
    parser.add_argument("--items", type=int, default=500)
    parser.add_argument("--before", type=float, default=20.0, help="seconds of searching and writing before the kill")
    parser.add_argument("--down", type=float, default=60.0, help="seconds the node stays down")
    parser.add_argument("--after", type=float, default=20.0, help="seconds of searching and writing after green")
    parser.add_argument("--searchers", type=int, default=4)
    parser.add_argument("--write-pause", type=float, default=0.05)
    parser.add_argument("--budget", type=float, default=2.5, help="each search's engine time budget (SEARCH_REQUEST_BUDGET)")
    parser.add_argument("--heap", default="512m")
    parser.add_argument("--http-port", type=int, default=9250)
    parser.add_argument("--transport-port", type=int, default=9350)
    parser.add_argument("--home", help="folder for the nodes' homes (a new temporary folder by default)")
    parser.add_argument("--no-write", dest="write", action="store_false", help="print the section instead of writing it")
    run(parser.parse_args())


if __name__ == "__main__":
    main()
