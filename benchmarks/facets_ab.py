"""A/B: the results page's facets counted in its own search (cacheable) or inside the page's search, measured.

Records each query's engine requests as the search service makes them (the facets a size-0 search of their own,
sent with the page's search in one _msearch), then replays the mix two ways, alternating request by request (each
going first half the time) so both see the same machine: B as recorded; A with the facet aggregations put back into the page's search (one
search, as before). Prints p50 / p95 / p99 of the whole page's engine requests for each.

    .venv/bin/python benchmarks/facets_ab.py --database-url …/skills_bench100k --index-prefix bench100k --requests 1000
"""

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import search_benchmark as bench  # noqa: E402
from benchmarks.query_mix import distinct_queries, zipf_sequence  # noqa: E402
from benchmarks.scale_benchmark import LoadWatch, record_engine_calls  # noqa: E402


def inline_facets(calls: list[tuple[str, dict]]) -> list[tuple[str, dict]]:
    """The page's msearch of [hits, facets] as one search with the facets' aggregations in it."""
    inlined = []
    for method, arguments in calls:
        lines = arguments.get("body") if method == "msearch" else None
        lines = lines and [json.loads(line) if isinstance(line, str) else line for line in lines]  # bodies may be sent as JSON
        if lines and len(lines) == 4 and lines[3].get("size") == 0 and "aggs" in lines[3]:
            inlined.append(("search", {"index": lines[0]["index"], "body": {**lines[1], "aggs": lines[3]["aggs"]}}))
        else:
            inlined.append((method, arguments))
    return inlined


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--index-prefix", required=True)
    parser.add_argument("--search-url", default="http://127.0.0.1:9200")
    parser.add_argument("--requests", type=int, default=1000)
    args = parser.parse_args()
    os.environ.update(bench.environment(args))

    sequence = zipf_sequence(distinct_queries(), args.requests)
    recorded = {query: first for query, (first, _) in record_engine_calls(list(dict.fromkeys(sequence))).items()}  # as first asked
    variants = {"A: facets inside the page's search": {q: inline_facets(c) for q, c in recorded.items()}, "B: facets a cacheable search of their own": recorded}

    from opensearchpy import OpenSearch

    client = OpenSearch(args.search_url.split(","), timeout=30)
    client.indices.clear_cache(index=f"{args.index_prefix}-*", request=True)
    timings = {name: [] for name in variants}
    by_shape = {name: {} for name in variants}
    with LoadWatch() as load:
        for number, query in enumerate(sequence):
            order = list(variants.items()) if number % 2 else list(variants.items())[::-1]  # neither warms the other's way
            for name, calls in order:
                started = time.perf_counter()
                for method, arguments in calls[query]:
                    getattr(client, method)(**arguments)
                timings[name].append((time.perf_counter() - started) * 1000)
                by_shape[name].setdefault(query.shape, []).append(timings[name][-1])
    print(f"{len(sequence)} requests each, alternating; load average {load.summary()}")
    for name, samples in timings.items():
        print(f"{name}: p50 {bench.percentile(samples, 0.5):.1f}  p95 {bench.percentile(samples, 0.95):.1f}  p99 {bench.percentile(samples, 0.99):.1f} ms")
        for shape, shaped in by_shape[name].items():
            print(f"    {shape}: p50 {bench.percentile(shaped, 0.5):.1f}  p95 {bench.percentile(shaped, 0.95):.1f} ms ({len(shaped)})")


if __name__ == "__main__":
    main()
