"""Basic mode (the database search that answers while the engine is unreachable) under load, measured, not asserted.

Runs the search benchmark's query mix through the JSON API with the engine out of reach, at concurrency 1 and 16,
against a database of generated opportunities, and writes the figures into RESULTS.md's "Basic mode" section
(replacing that section only: the engine's figures stay as their own run left them).

    .venv/bin/python benchmarks/basic_benchmark.py --database-url postgres://…/skills_bench --note "…"
    (generate the items first: `manage.py generate_opportunities --count 100000`, then `migrate`)
"""

import argparse
import itertools
import json
import os
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import search_benchmark as bench  # noqa: E402
from benchmarks.results import write_section  # noqa: E402
from tests.helpers import free_port  # noqa: E402

SECTION = "## Basic mode on PostgreSQL full-text search"
QUERIES = {name: query for name, query in bench.QUERY_MIX.items() if "autocomplete" not in query}  # no basic autocomplete
PLAN = "pathway plan (POST /api/v1/pathways/plan)"
PLAN_OUTCODES = ("LS1", "LS6", "BD1", "WF1", "HX1", "HD1")


def plan_sender(args, base: str):
    """Answers that differ each time (outcode, cost, how they learn); a plan the basic search built is never kept."""
    os.environ.update(bench.environment(args))  # the test's answers name the question bank's codes: Django loads them
    import django

    django.setup()
    from tests.pathways.test_api import ANSWERS

    bodies = itertools.cycle(
        json.dumps({**ANSWERS, "postcode": outcode, "cost": cost, "learning": learning}).encode()
        for outcode, cost, learning in itertools.product(PLAN_OUTCODES, ("any", "free"), ("either", "in_person", "online"))
    )

    def send(state):
        bench.http_sender(base, "POST", "/api/v1/pathways/plan", next(bodies))(state)

    return send


def section(args, rows, note: str) -> str:
    memory = round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30)
    lines = ["| query | concurrency | requests | errors | median ms | p95 ms | p99 ms | req/s |", "|---|---|---|---|---|---|---|---|"]
    for name, concurrency, stats in rows:
        lines.append(
            f"| {name} | {concurrency} | {stats['requests']} | {stats['errors']} | {stats['median']:.1f} | {stats['p95']:.1f} | "
            f"{stats['p99']:.1f} | {stats['rps']:.1f} |"
        )
    table = "\n".join(lines)
    return f"""{SECTION}

Produced by `.venv/bin/python benchmarks/basic_benchmark.py {' '.join(sys.argv[1:])}` on
{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}. Machine: {os.cpu_count()} cores, {memory} GiB memory, {platform.platform()},
Python {platform.python_version()}; PostgreSQL 15 and the API under gunicorn ({args.workers} workers × 4 threads) on the same
machine, the engine's address closed so every request takes the basic search (search.basic.fulltext). 100,000
generated opportunities (seed 1). Each search figure is a request through `/api/v1/search/`: words, filters, a total
counted up to 1,000 ("more than 1,000" past it), facets and the page's documents. Each plan figure is a whole
pathway plan through `/api/v1/pathways/plan` (four or five steps, each a basic search of five rows and a total
counted up to 100), with answers that differ each time (outcode, cost, how they learn).

{table}

Targets: p95 at most 300 ms at concurrency 1; no errors at concurrency 16.

{note}
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=100, help="per query and concurrency")
    parser.add_argument("--plan-requests", type=int, default=32, help="pathway plans per concurrency")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--database-url", default="postgres://skills:skills@127.0.0.1:5432/skills_bench")
    parser.add_argument("--note", default="", help="what else ran on the machine meanwhile")
    parser.add_argument("--output", default=str(ROOT / "benchmarks" / "RESULTS.md"))
    args = parser.parse_args()
    args.search_url = f"http://127.0.0.1:{free_port()}"  # closed: nothing listens there

    rows = []
    server, base = bench.start_api(args, search_url=args.search_url)
    try:
        for concurrency in (1, 16):
            for name, query in QUERIES.items():
                send = bench.http_sender(base, "GET", bench.api_path(query))
                send({})  # warm the worker's connection
                rows.append((name, concurrency, bench.run_load(send, concurrency=concurrency, requests=args.requests)))
                print(rows[-1])
            send = plan_sender(args, base)
            send({})
            rows.append((PLAN, concurrency, bench.run_load(send, concurrency=concurrency, requests=args.plan_requests)))
            print(rows[-1])
    finally:
        server.terminate()
        server.wait()

    write_section(SECTION, section(args, rows, args.note), Path(args.output))
    print(section(args, rows, args.note))


if __name__ == "__main__":
    main()
