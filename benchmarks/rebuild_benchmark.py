"""How fast `search_index --rebuild` loads the opportunities index, and how much memory it takes, by size: measured,
not asserted (issue 13).

For each database named (created when missing, migrated, filled with `generate_opportunities --count N` when it holds
none yet), the rebuild runs in a process of its own, so the peak resident memory (getrusage) is the rebuild's alone.
Writes RESULTS.md's "Rebuild speed and memory" section only. Other work on the machine slows it: the load average
before and during each run is reported beside it.

    .venv/bin/python benchmarks/rebuild_benchmark.py \\
        --run 10000=postgres://skills:skills@127.0.0.1:5432/skills_rb10k \\
        --run 100000=postgres://skills:skills@127.0.0.1:5432/skills_rb100k --note "…"
"""

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.databases import create_database_if_missing  # noqa: E402
from benchmarks.results import write_section  # noqa: E402

SECTION = "## Rebuild speed and memory"
PREFIX = "rbench"


def environment(database_url: str, search_url: str) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "benchmarks.bench_settings",
        "DATABASE_URL": database_url,
        "SEARCH_URL": search_url,
        "SEARCH_INDEX_PREFIX": PREFIX,
        "PYTHONPATH": str(ROOT),
    }


def prepare(count: int, database_url: str, search_url: str) -> None:
    env = environment(database_url, search_url)
    create_database_if_missing(database_url)
    subprocess.run([sys.executable, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
    made = subprocess.run(
        [sys.executable, "manage.py", "generate_opportunities", "--count", str(count)], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if made.returncode and "already exist" not in made.stderr:
        raise SystemExit(made.stderr)


def measure() -> dict:
    """In the child process: one rebuild of the opportunities index, timed, with its peak memory."""
    import django

    django.setup()
    from search import indexing
    from search.connection import get_client
    from search.documents import OPPORTUNITY_INDEX

    indexing.ensure_indices()
    loads, done = [], threading.Event()

    def watch_load():
        while not done.wait(1.0):
            loads.append(os.getloadavg()[0])

    watcher = threading.Thread(target=watch_load, daemon=True)
    before = os.getloadavg()[0]
    watcher.start()
    started, cpu = time.perf_counter(), time.process_time()
    result = indexing.rebuild(OPPORTUNITY_INDEX, max_drop=1)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    done.set()
    store = get_client().indices.stats(index=result["index"], metric="store")["indices"][result["index"]]["primaries"]["store"]
    return {
        "documents": result["documents"],
        "seconds": seconds,
        "cpu_seconds": cpu,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "index_mb": store["size_in_bytes"] / 2**20,
        "load_before": before,
        "load_during": max(loads, default=before),
    }


def run(database_url: str, search_url: str) -> dict:
    answer = subprocess.run(
        [sys.executable, "-m", "benchmarks.rebuild_benchmark", "--measure"],
        cwd=ROOT, env=environment(database_url, search_url), check=True, capture_output=True, text=True,
    )
    return json.loads(answer.stdout.strip().splitlines()[-1])


def section(rows: list[dict], note: str) -> str:
    memory = round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30)
    lines = [
        "| documents | seconds | documents/s | CPU seconds of the rebuild process | peak RSS MB | index MB | load before | highest load during |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        lines.append(
            f"| {row['documents']:,} | {row['seconds']:.1f} | {row['documents'] / row['seconds']:,.0f} | {row['cpu_seconds']:.1f} | "
            f"{row['peak_rss_mb']:.0f} | {row['index_mb']:.0f} | {row['load_before']:.1f} | {row['load_during']:.1f} |"
        )
    table = "\n".join(lines)
    return f"""{SECTION}

Produced by `.venv/bin/python benchmarks/rebuild_benchmark.py {' '.join(sys.argv[1:])}` on
{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}. Machine: {os.cpu_count()} cores, {memory} GiB memory, {platform.platform()},
Python {platform.python_version()}; PostgreSQL 15 and OpenSearch 2.19 (one node) on the same machine. Each row is
one `indexing.rebuild("opportunities")` in a process of its own, from taking the lock to the alias swap and the
document-by-document check after it, over generated opportunities (seed 1). The index is the new one's primary
store just after the swap (merges may still shrink it). Load is the 1-minute load average: on 2 cores, anything
above 2 means other work was waiting for the same cores.

{table}

Targets: at least 5,000 documents a second (100,000 in at most 20 s, 1,000,000 in at most 4 minutes) on this
machine, and peak memory that does not grow with the count.

{note}
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--run", action="append", default=[], metavar="COUNT=DATABASE_URL", help="a size and its database; repeat")
    parser.add_argument("--search-url", default="http://127.0.0.1:9200")
    parser.add_argument("--note", default="", help="what else ran on the machine meanwhile")
    parser.add_argument("--output", default=str(ROOT / "benchmarks" / "RESULTS.md"))
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)  # the child process
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure()))
        return
    if not args.run:
        parser.error("name at least one --run COUNT=DATABASE_URL")

    rows = []
    for size in args.run:
        count, database_url = size.split("=", 1)
        prepare(int(count), database_url, args.search_url)
        rows.append(run(database_url, args.search_url))
        print(rows[-1])
    write_section(SECTION, section(rows, args.note), Path(args.output))
    print(section(rows, args.note))


if __name__ == "__main__":
    main()
