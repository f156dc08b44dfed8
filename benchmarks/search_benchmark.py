"""Search latency and throughput, measured, not asserted.

Generates N opportunities with the deterministic generator, rebuilds the index (timed), then runs a fixed
query mix (a) straight against the engine, (b) through the platform's JSON API and (c) through the basic
database search (the API with the engine out of reach), at concurrency 1 and 16. Writes RESULTS.md.

    .venv/bin/python benchmarks/search_benchmark.py --count 100000
    (needs `make services`; uses the database skills_bench and index prefix "bench")
"""

import argparse
import http.client
import json
import os
import platform
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.helpers import free_port  # noqa: E402

QUERY_MIX = {
    "keyword": {"q": "python"},
    "keyword + 3 filters": {"q": "data", "tier": "advanced", "free": "on", "kind": "programme"},
    "location + radius + distance sort": {"near": "LS1 4AP", "radius": "10", "sort": "distance"},
    "autocomplete": {"autocomplete": "digi"},
}


def environment(args) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "benchmarks.bench_settings",
        "DATABASE_URL": args.database_url,
        "SEARCH_URL": args.search_url,
        "SEARCH_INDEX_PREFIX": getattr(args, "index_prefix", "bench"),
        "PYTHONPATH": str(ROOT),
    }


def manage(args, *command) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=environment(args), check=True)
    return time.perf_counter() - started


def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def run_load(send, *, concurrency: int, requests: int) -> dict:
    """`send()` makes one request on a connection of its own thread; returns latency stats in ms."""
    latencies, errors, lock = [], [], threading.Lock()
    per_thread = max(1, requests // concurrency)

    def worker():
        connection_state = {}
        for _ in range(per_thread):
            started = time.perf_counter()
            try:
                send(connection_state)
            except Exception as error:  # noqa: BLE001 - counted and reported
                with lock:
                    errors.append(repr(error))
                continue
            with lock:
                latencies.append((time.perf_counter() - started) * 1000)

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    return {
        "requests": len(latencies),
        "errors": len(errors),
        "median": statistics.median(latencies),
        "p95": percentile(latencies, 0.95),
        "p99": percentile(latencies, 0.99),
        "rps": len(latencies) / elapsed,
    }


def http_sender(base_url: str, method: str, path: str, body: bytes | None = None):
    parts = urlsplit(base_url)

    def send(state):
        connection = state.get("connection")
        if connection is None:
            connection = state["connection"] = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
        headers = {"Content-Type": "application/json"} if body else {}
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        payload = response.read()
        if response.status != 200:
            raise RuntimeError(f"{response.status}: {payload[:200]!r}")

    return send


def engine_requests(args) -> dict:
    """The exact bodies the platform would send, built by search.queries, posted straight to the engine."""
    os.environ.update(environment(args))
    import django

    django.setup()
    from search.connection import index_name
    from search.documents import OPPORTUNITY_INDEX
    from search.params import parse
    from search.queries import autocomplete_search, opportunity_search

    requests = {}
    for name, query in QUERY_MIX.items():
        if "autocomplete" in query:
            search = autocomplete_search(query["autocomplete"])
        else:
            params, problems = parse(query)
            assert not problems, problems
            search = opportunity_search(params)
        requests[name] = (f"/{index_name(OPPORTUNITY_INDEX)}/_search", json.dumps(search.to_dict(), default=str).encode())
    return requests


def api_path(query: dict) -> str:
    if "autocomplete" in query:
        return "/api/v1/search/autocomplete/?" + urlencode({"q": query["autocomplete"]})
    return "/api/v1/search/?" + urlencode(query)


def start_api(args, *, search_url: str) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = {**environment(args), "SEARCH_URL": search_url}
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "skills_site.wsgi", "-b", f"127.0.0.1:{port}", "-w", str(args.workers),
         "--threads", "4", "--log-level", "warning", "-e", "DJANGO_SETTINGS_MODULE=benchmarks.bench_settings"],
        cwd=ROOT, env=env,
    )
    for _ in range(100):
        try:
            http_sender(f"http://127.0.0.1:{port}", "GET", "/api/v1/search/?q=warmup")({})
            return process, f"http://127.0.0.1:{port}"
        except (OSError, RuntimeError, http.client.HTTPException):
            time.sleep(0.3)
    process.terminate()
    raise SystemExit("the API server did not start")


def table(rows: list[tuple]) -> str:
    lines = ["| path | query | concurrency | requests | errors | median ms | p95 ms | p99 ms | req/s |", "|---|---|---|---|---|---|---|---|---|"]
    for path, name, concurrency, stats in rows:
        lines.append(
            f"| {path} | {name} | {concurrency} | {stats['requests']} | {stats['errors']} | {stats['median']:.1f} | "
            f"{stats['p95']:.1f} | {stats['p99']:.1f} | {stats['rps']:.0f} |"
        )
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--requests", type=int, default=400, help="per query, path and concurrency")
    parser.add_argument("--basic-requests", type=int, default=48, help="the basic search is slow; fewer requests")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--skip-generate", action="store_true")
    parser.add_argument("--database-url", default="postgres://skills:skills@127.0.0.1:5432/skills_bench")
    parser.add_argument("--search-url", default="http://127.0.0.1:9200")
    parser.add_argument("--output", default=str(ROOT / "benchmarks" / "RESULTS.md"))
    args = parser.parse_args()

    subprocess.run(["runuser", "-u", "postgres", "--", "createdb", "-O", "skills", "skills_bench"], capture_output=True)
    manage(args, "migrate", "--noinput", "-v0")
    if not args.skip_generate:
        generated = manage(args, "generate_opportunities", "--count", str(args.count), "--seed", str(args.seed))
        print(f"generated {args.count} in {generated:.1f}s")
    rebuild_seconds = manage(args, "search_index", "--rebuild", "--index", "opportunities", "--max-drop", "1")
    print(f"rebuild: {rebuild_seconds:.1f}s")

    rows = []
    engine = engine_requests(args)
    for concurrency in (1, 16):
        for name, (path, body) in engine.items():
            rows.append(("engine", name, concurrency, run_load(http_sender(args.search_url, "POST", path, body), concurrency=concurrency, requests=args.requests)))
            print(rows[-1])

    server, base = start_api(args, search_url=args.search_url)
    try:
        for concurrency in (1, 16):
            for name, query in QUERY_MIX.items():
                rows.append(("API", name, concurrency, run_load(http_sender(base, "GET", api_path(query)), concurrency=concurrency, requests=args.requests)))
                print(rows[-1])
    finally:
        server.terminate()
        server.wait()

    closed = f"http://127.0.0.1:{free_port()}"
    server, base = start_api(args, search_url=closed)
    try:
        for concurrency in (1, 16):
            for name, query in QUERY_MIX.items():
                if "autocomplete" in query:
                    continue  # no basic autocomplete: it answers an empty list
                rows.append(("basic (database)", name, concurrency, run_load(http_sender(base, "GET", api_path(query)), concurrency=concurrency, requests=args.basic_requests)))
                print(rows[-1])
    finally:
        server.terminate()
        server.wait()

    by_key = {(path, name, concurrency): stats for path, name, concurrency, stats in rows}
    overhead = {name: by_key[("API", name, 1)]["p95"] - by_key[("engine", name, 1)]["p95"] for name in QUERY_MIX}
    speedup = {
        name: by_key[("basic (database)", name, 1)]["median"] / by_key[("API", name, 1)]["median"]
        for name in QUERY_MIX
        if ("basic (database)", name, 1) in by_key
    }
    memory = round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30)
    report = f"""# Benchmark results

Produced by `{' '.join(['.venv/bin/python', 'benchmarks/search_benchmark.py', *sys.argv[1:]])}` on
{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}. Machine: {os.cpu_count()} cores, {memory} GiB memory,
{platform.platform()}, Python {platform.python_version()}. OpenSearch 2.19 single node (1 GB heap) started by
`search/engine/node.py`, PostgreSQL 15 and the API under gunicorn ({args.workers} workers × 4 threads), all on this
machine, so the load generator competes with them for the 2 cores. Index of {args.count:,} generated
opportunities (seed {args.seed}).

## Rebuild

Bulk rebuild of the opportunities index ({args.count:,} documents, `search_index --rebuild`): **{rebuild_seconds:.1f} s**
(target: at most 60 s).

## Latency and throughput

{table(rows)}

## Against the targets

- API overhead over the engine's own p95 at concurrency 1 (target at most 15 ms):
{chr(10).join(f'  - {name}: {value:+.1f} ms' for name, value in overhead.items())}
- Engine path (through the API) against the basic database search, median at concurrency 1 (target at least 10×):
{chr(10).join(f'  - {name}: {value:.1f}×' for name, value in speedup.items())}
"""
    Path(args.output).write_text(report, encoding="utf-8")
    print(report)


if __name__ == "__main__":
    main()
