"""Search at 10,000 / 100,000 / 1,000,000 items with the varied query mix, measured, not asserted.

For one database of generated items (one size), runs the query mix (benchmarks/query_mix.py: 861 distinct queries
in six shapes, requests drawn Zipf-like) two ways, at concurrency 1 and 16:

- engine: every request the platform sends the engine for that query's results page (the words' vocabulary check,
  the best matches for related skill areas, the page with its facets, highlights and suggestions, the widenings'
  counts; autocomplete's own), recorded by asking the search service in this process, then replayed straight
  to the engine, one after another as the page does. Recorded twice: the first time a query is asked, and again
  (the vocabulary check and best matches are then remembered: search.connection.ask_remembered); the replay sends
  the first for a query's first request of the run and the second after. The engine's request cache is emptied
  before each path's runs, so each starts cold;
- API: the same query through `/api/v1/search/` (or `/api/v1/search/autocomplete/`) under gunicorn.

It writes the section "Search at scale: <size> items" of RESULTS.md (that section only): p50 / p95 / p99, throughput,
errors, per shape at concurrency 1, the index's size and document count, the node's heap in use, and the machine's
load average while it ran.

    .venv/bin/python benchmarks/scale_benchmark.py --database-url postgres://skills:skills@127.0.0.1:5432/skills_bench100k \
        --index-prefix bench100k [--generate 100000] [--rebuild] --requests 2000
"""

import argparse
import os
import platform
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import search_benchmark as bench  # noqa: E402
from benchmarks.databases import create_database_if_missing  # noqa: E402
from benchmarks.query_mix import Query, describe, distinct_queries, zipf_sequence  # noqa: E402
from benchmarks.results import write_section  # noqa: E402

SHAPES = ("words", "words + filters", "place + radius + sort", "no words + filters", "autocomplete", "typos")
# A query's first request in the run (nothing of it cached anywhere), and its later ones.
FIRST_ASKED, ASKED_AGAIN = "first asked", "asked again"


class LoadWatch:
    """The 1-minute load average, sampled every 5 s while the benchmark runs: what else used the cores."""

    def __init__(self):
        self.samples: list[float] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def _watch(self):
        while not self._stop.wait(5):
            self.samples.append(os.getloadavg()[0])

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()

    def summary(self) -> str:
        if not self.samples:
            return "not sampled"
        return f"{min(self.samples):.1f}–{max(self.samples):.1f} (median {sorted(self.samples)[len(self.samples) // 2]:.1f})"


def record_engine_calls(queries: list[Query]) -> dict[Query, tuple[list, list]]:
    """Each query's engine requests, as the search service makes them for a results page (or autocomplete): when
    it is first asked, and when it is asked again."""
    import django

    django.setup()
    from search import connection, service
    from search.params import parse

    recorded: list[tuple[str, dict]] = []
    asking = connection._ask_nodes

    def recording(method, timeout, arguments):
        recorded.append((method, arguments))
        return asking(method, timeout, arguments)

    connection._ask_nodes = recording
    calls = {}
    try:
        for query in queries:
            asked = []
            for _ in ("first", "again"):
                recorded.clear()
                if query.is_autocomplete:
                    service.autocomplete(query.as_dict()["autocomplete"])
                else:
                    params, problems = parse(query.as_dict())
                    if problems:
                        raise SystemExit(f"{query} does not parse: {problems}")
                    service.search_opportunities(params, with_campaign=True, with_further=True)
                asked.append(list(recorded))
            calls[query] = tuple(asked)
    finally:
        connection._ask_nodes = asking
    return calls


def next_query(sequence: list[Query], asked: set):
    """For each request of a run, in turn: the sequence's next query, and whether `asked` (the queries this path has
    already sent) held it. Shared by the run's threads."""
    position, lock = iter(range(len(sequence))), threading.Lock()

    def pick() -> tuple[Query, bool]:
        with lock:
            query = sequence[next(position) % len(sequence)]
            again = query in asked
            asked.add(query)
        return query, again

    return pick


def engine_sender(calls: dict, sequence: list[Query], asked: set):
    """Replays each query's recorded requests through a client of the sending thread's own: those of its first
    asking if it is not in `asked` (the queries already replayed in this benchmark), else those of a repeat."""
    from opensearchpy import OpenSearch
    from django.conf import settings

    pick = next_query(sequence, asked)

    def send(state):
        client = state.get("client")
        if client is None:
            client = state["client"] = OpenSearch(settings.SEARCH_URL.split(","), timeout=30)
        query, again = pick()
        state["shape"], state["again"] = query.shape, again
        for method, arguments in calls[query][again]:
            getattr(client, method)(**arguments)

    return send


def api_sender(base: str, sequence: list[Query], asked: set):
    pick = next_query(sequence, asked)
    senders = {}

    def send(state):
        query, again = pick()
        state["shape"], state["again"] = query.shape, again
        if query not in senders:
            senders[query] = bench.http_sender(base, "GET", bench.api_path(query.as_dict()))
        senders[query](state)

    return send


def run(send, *, concurrency: int, requests: int) -> tuple[dict, dict[str, list[float]]]:
    """bench.run_load's figures, and each request's latency by the shape of its query."""
    by_shape: dict[str, list[float]] = {}
    lock = threading.Lock()

    def timed(state):
        started = time.perf_counter()
        send(state)
        took = (time.perf_counter() - started) * 1000
        with lock:
            by_shape.setdefault(state["shape"], []).append(took)
            by_shape.setdefault(ASKED_AGAIN if state["again"] else FIRST_ASKED, []).append(took)

    return bench.run_load(timed, concurrency=concurrency, requests=requests), by_shape


def forget_answers(search_url: str, index: str) -> None:
    """Empty the engine's shard request cache, so each path starts as cold as the other: recording the queries, and
    the engine's run, filled it with the answers of every query of the mix."""
    from opensearchpy import OpenSearch

    OpenSearch(search_url.split(",")).indices.clear_cache(index=index, request=True)


def engine_figures(search_url: str, index: str) -> dict:
    from opensearchpy import OpenSearch

    client = OpenSearch(search_url.split(","))
    stats = client.indices.stats(index=index, metric="docs,store")["_all"]["primaries"]
    nodes = client.nodes.stats(metric="jvm")["nodes"].values()
    return {
        "documents": stats["docs"]["count"],
        "store_mb": stats["store"]["size_in_bytes"] / 2**20,
        "heap_used_mb": sum(node["jvm"]["mem"]["heap_used_in_bytes"] for node in nodes) / 2**20,
        "heap_max_mb": sum(node["jvm"]["mem"]["heap_max_in_bytes"] for node in nodes) / 2**20,
    }


def section(args, *, heading: str, rows: list, shapes: dict, figures: dict, mix: str, load: str, rebuild: str) -> str:
    memory = round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30)
    lines = ["| path | concurrency | requests | errors | p50 ms | p95 ms | p99 ms | req/s |", "|---|---|---|---|---|---|---|---|"]
    for path, concurrency, stats in rows:
        lines.append(
            f"| {path} | {concurrency} | {stats['requests']} | {stats['errors']} | {stats['median']:.1f} | {stats['p95']:.1f} | "
            f"{stats['p99']:.1f} | {stats['rps']:.1f} |"
        )
    shape_lines = ["| shape | engine p50 / p95 ms | API p50 / p95 ms | requests |", "|---|---|---|---|"]
    for shape in SHAPES + (FIRST_ASKED, ASKED_AGAIN):
        engine, api = shapes["engine"].get(shape, []), shapes["API"].get(shape, [])
        if engine and api:
            shape_lines.append(
                f"| {shape} | {bench.percentile(engine, 0.5):.1f} / {bench.percentile(engine, 0.95):.1f} | "
                f"{bench.percentile(api, 0.5):.1f} / {bench.percentile(api, 0.95):.1f} | {len(api)} |"
            )
    by = {(path, concurrency): stats for path, concurrency, stats in rows}
    added = by[("API", 1)]["p95"] - by[("engine", 1)]["p95"]
    return f"""{heading}

Produced by `.venv/bin/python benchmarks/scale_benchmark.py {' '.join(sys.argv[1:])}` on
{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}. Machine: {os.cpu_count()} cores, {memory} GiB memory,
{platform.platform()}; OpenSearch 2.19 (one node, `search/engine/node.py`), PostgreSQL 15 and gunicorn
({args.workers} workers × 4 threads) on the same machine as the load generator. Load average (1 min) while it ran:
{load}{f'; {args.note}' if args.note else ''}.

Query mix: {mix}. Engine: every request the results page sends, replayed in order; API: `/api/v1/search/` end to end.

{chr(10).join(lines)}

At concurrency 1, by the query's shape, and every shape by whether it was the query's first request of the run or a
later one:

{chr(10).join(shape_lines)}

Index: {figures['documents']:,} documents, {figures['store_mb']:.0f} MB (primaries); node heap in use after the run
{figures['heap_used_mb']:.0f} of {figures['heap_max_mb']:.0f} MB. {rebuild}
The API added {added:+.1f} ms to the engine's p95 at concurrency 1 (target at most 5 ms).
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--index-prefix", required=True, help="the benchmark's own indexes, e.g. bench100k")
    parser.add_argument("--search-url", default="http://127.0.0.1:9200")
    parser.add_argument("--generate", type=int, default=0, help="generate this many items first (an empty database)")
    parser.add_argument("--rebuild", action="store_true", help="rebuild the index first (timed)")
    parser.add_argument("--requests", type=int, default=2000, help="per path and concurrency")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--note", default="", help="what else ran on the machine meanwhile")
    parser.add_argument("--output", default=str(ROOT / "benchmarks" / "RESULTS.md"))
    args = parser.parse_args()

    create_database_if_missing(args.database_url)
    os.environ.update(bench.environment(args))
    bench.manage(args, "migrate", "--noinput", "-v0")
    if args.generate:
        print(f"generated {args.generate:,} in {bench.manage(args, 'generate_opportunities', '--count', str(args.generate), '--seed', '1'):.0f} s")
    rebuild = ""
    if args.rebuild:
        seconds = bench.manage(args, "search_index", "--rebuild", "--index", "opportunities", "--max-drop", "1")
        rebuild = f"Rebuilt before the run in {seconds:.1f} s (`search_index --rebuild`, process start included)."

    queries = distinct_queries()
    sequence = zipf_sequence(queries, args.requests)
    mix = describe(queries, sequence)
    print(mix)
    calls = record_engine_calls(sorted(set(sequence), key=lambda query: sequence.index(query)))

    from search.connection import index_name
    from search.documents import OPPORTUNITY_INDEX

    rows, shapes, asked = [], {}, set()
    with LoadWatch() as load:
        forget_answers(args.search_url, index_name(OPPORTUNITY_INDEX))
        for concurrency in (1, 16):
            stats, by_shape = run(engine_sender(calls, sequence, asked), concurrency=concurrency, requests=args.requests)
            rows.append(("engine", concurrency, stats))
            if concurrency == 1:
                shapes["engine"] = by_shape
            print(rows[-1])
        forget_answers(args.search_url, index_name(OPPORTUNITY_INDEX))
        server, base = bench.start_api(args, search_url=args.search_url)
        try:
            api_asked = set()
            for concurrency in (1, 16):
                send = api_sender(base, sequence, api_asked)
                stats, by_shape = run(send, concurrency=concurrency, requests=args.requests)
                rows.append(("API", concurrency, stats))
                if concurrency == 1:
                    shapes["API"] = by_shape
                print(rows[-1])
        finally:
            server.terminate()
            server.wait()
    figures = engine_figures(args.search_url, index_name(OPPORTUNITY_INDEX))
    heading = f"## Search at scale: {size_label(figures['documents'])} items"
    text = section(args, heading=heading, rows=rows, shapes=shapes, figures=figures, mix=mix, load=load.summary(), rebuild=rebuild)
    write_section(heading, text, Path(args.output))
    print(text)


def size_label(documents: int) -> str:
    """10,000 / 100,000 / 1,000,000: the size class, so a re-run replaces its own section whatever the exact count."""
    for size in (1_000_000, 100_000, 10_000):
        if documents >= size * 0.9:
            return f"{size:,}"
    return f"{documents:,}"


if __name__ == "__main__":
    main()
