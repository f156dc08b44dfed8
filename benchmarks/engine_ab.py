"""A/B of two versions of the search code as the engine sees them: each version's engine requests for the same
queries, recorded once, then replayed alternating query by query, so the machine's other work falls on both alike.

    # in a checkout of each version (the same database and index):
    .venv/bin/python benchmarks/engine_ab.py record /tmp/before.pkl --database-url postgres://…/skills_bench100k --index-prefix bench100k
    .venv/bin/python benchmarks/engine_ab.py record /tmp/after.pkl  --database-url postgres://…/skills_bench100k --index-prefix bench100k
    .venv/bin/python benchmarks/engine_ab.py compare /tmp/before.pkl /tmp/after.pkl

Records the mix's first 300 distinct queries that parse (benchmarks/query_mix.py; autocomplete left out), every
request a results page sends for each (scale_benchmark.record_engine_calls). Prints p50 / p95 wall time per query
shape; the first of --rounds rounds only warms the engine's caches (with --cold, all but its request cache, which
is emptied before each query, as a query's first asking finds it).
"""

import argparse
import collections
import json
import os
import pickle
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def record(args) -> None:
    os.environ.update(
        DJANGO_SETTINGS_MODULE="benchmarks.bench_settings", DATABASE_URL=args.database_url,
        SEARCH_URL=args.search_url, SEARCH_INDEX_PREFIX=args.index_prefix,
    )
    import django

    django.setup()
    from benchmarks.query_mix import distinct_queries
    from benchmarks.scale_benchmark import record_engine_calls
    from search.params import parse

    queries = [query for query in distinct_queries() if not query.is_autocomplete and not parse(query.as_dict())[1]][: args.queries]
    calls = record_engine_calls(queries)
    # Dates in the bodies become strings, as the client would send them.
    recorded = [(query.shape, json.loads(json.dumps(calls[query][0], default=str))) for query in queries]  # as first asked
    Path(args.file).write_bytes(pickle.dumps(recorded))
    print(f"{len(recorded)} queries recorded in {args.file}")


def compare(args) -> None:
    from opensearchpy import OpenSearch

    from benchmarks.search_benchmark import percentile

    before, after = (pickle.loads(Path(name).read_bytes()) for name in (args.before, args.after))
    if [shape for shape, _ in before] != [shape for shape, _ in after]:
        raise SystemExit("The two recordings are not of the same queries")
    client = OpenSearch(args.search_url.split(","), timeout=60)

    def send(calls) -> float:
        if args.cold:  # as a query's first asking finds it: nothing in the shard request cache
            client.indices.clear_cache(request=True)
        started = time.perf_counter()
        for method, arguments in calls:
            getattr(client, method)(**arguments)
        return (time.perf_counter() - started) * 1000

    timings = collections.defaultdict(list)
    for round_number in range(args.rounds):
        for (shape, first), (_, second) in zip(before, after):
            took = send(first), send(second)
            if round_number:
                for key in (shape, "all"):
                    timings["before", key].append(took[0])
                    timings["after", key].append(took[1])

    print(f"load average {os.getloadavg()[0]:.1f}")
    for shape in sorted({key for _, key in timings}):
        first, second = timings["before", shape], timings["after", shape]
        print(
            f"{shape:25s} n={len(first):4d}  before p50/p95 {percentile(first, .5):6.1f} / {percentile(first, .95):6.1f} ms"
            f"  after {percentile(second, .5):6.1f} / {percentile(second, .95):6.1f} ms"
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--search-url", default="http://127.0.0.1:9200")
    commands = parser.add_subparsers(dest="command", required=True)
    recording = commands.add_parser("record")
    recording.add_argument("file")
    recording.add_argument("--database-url", required=True)
    recording.add_argument("--index-prefix", required=True)
    recording.add_argument("--queries", type=int, default=300)
    comparing = commands.add_parser("compare")
    comparing.add_argument("before")
    comparing.add_argument("after")
    comparing.add_argument("--rounds", type=int, default=2)
    comparing.add_argument("--cold", action="store_true", help="empty the engine's request cache before each query's requests")
    args = parser.parse_args()
    record(args) if args.command == "record" else compare(args)


if __name__ == "__main__":
    main()
