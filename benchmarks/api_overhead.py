"""The API's own work per search, apart from the engine's: Python function calls and CPU time in the web process.

Sends every distinct non-autocomplete query of the varied mix (benchmarks/query_mix.py) through /api/v1/search/ in
this process (Django's test client, the benchmark settings), after 30 to warm up: each first asked (nothing
remembered from an earlier asking) and then asked again. Function calls are counted by
cProfile: unlike milliseconds, the machine's other work cannot change them, so levers can be compared while the
machine is shared. CPU time is the process's own (waiting for the engine is not counted), measured without the
profiler.

    .venv/bin/python benchmarks/api_overhead.py --database-url postgres://skills:skills@127.0.0.1:5432/skills_bench100k \\
        --index-prefix bench100k [--queries 300] [--top 30]
"""

import argparse
import cProfile
import os
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--index-prefix", required=True)
    parser.add_argument("--search-url", default="http://127.0.0.1:9200")
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--top", type=int, default=0, help="also list the functions with the most time of their own")
    args = parser.parse_args()
    os.environ.update(
        DJANGO_SETTINGS_MODULE="benchmarks.bench_settings", DATABASE_URL=args.database_url,
        SEARCH_URL=args.search_url, SEARCH_INDEX_PREFIX=args.index_prefix,
    )
    import django

    django.setup()
    from django.test import Client

    from benchmarks.query_mix import distinct_queries
    from benchmarks.search_benchmark import api_path, percentile

    paths = [api_path(query.as_dict()) for query in distinct_queries() if not query.is_autocomplete][: args.queries]
    client = Client(HTTP_HOST="127.0.0.1")

    def get(path):
        response = client.get(path)
        if response.status_code != 200:
            raise SystemExit(f"{path}: {response.status_code}")

    from search.connection import index_changed
    from search.service import page_requests

    def forget():
        """What the web process remembers of searches already asked (search.connection, search.service)."""
        index_changed()
        page_requests.cache_clear()

    for path in paths[:30]:
        get(path)
    # Each path twice: first asked (nothing remembered), then asked again, as residents repeat searches.
    for label, before in (("first asked", forget), ("asked again", lambda: None)):
        before()
        cpu = []
        for path in paths:
            started = time.process_time()
            get(path)
            cpu.append((time.process_time() - started) * 1000)
        before()
        profile = cProfile.Profile()
        profile.enable()
        for path in paths:
            get(path)
        profile.disable()
        stats = pstats.Stats(profile)
        print(
            f"{len(paths)} searches, {label}: {stats.total_calls / len(paths):,.0f} Python function calls each; CPU ms p50 "
            f"{percentile(cpu, 0.5):.1f} / p95 {percentile(cpu, 0.95):.1f} (load average {os.getloadavg()[0]:.1f})"
        )
        if args.top:
            stats.sort_stats(os.environ.get("PROFILE_SORT", "tottime")).print_stats(args.top)


if __name__ == "__main__":
    main()
