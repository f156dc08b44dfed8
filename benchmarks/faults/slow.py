"""Scenario 4, by hand: `.venv/bin/python -m benchmarks.faults slow` (the engine answers 4 s late); the figures
go in benchmarks/FAULTS.md.

Scenario 4 points the site (gunicorn, 2 workers × 4 threads, sharing a Redis cache as production does) at
benchmarks/faults/proxy.py in front of the real engine and measures /search/ and a pathway plan, one client at a
time and 8 at once: with a healthy engine, with the engine 4 s late (budget and circuit breaker on), with the
breaker off (the budget alone), and with neither (each call waits up to its own 5 s timeout, as before).
"""

import itertools
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.databases import create_database_if_missing
from benchmarks.faults.proxy import EngineProxy
from benchmarks.search_benchmark import http_sender, run_load
from tests.helpers import free_port

ROOT = Path(__file__).resolve().parents[2]
HELP = "scenario 4: the engine answers 4 s late"

SEARCH_PATH = "/search/?q=python+course&near=LS1"
PLAN_PATH = "/api/v1/pathways/plan"


def environment(args, **extra) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "benchmarks.faults_settings",
        "DATABASE_URL": args.database_url,
        "SEARCH_URL": args.search_url,
        "SEARCH_INDEX_PREFIX": "faults",
        "CACHE_URL": args.cache_url,
        "PYTHONPATH": str(ROOT),
        **extra,
    }


def manage(args, *command) -> str:
    return subprocess.run(
        [sys.executable, "manage.py", *command], cwd=ROOT, env=environment(args), check=True, capture_output=True, text=True
    ).stdout


def prepare(args) -> list[str]:
    """A database and index of generated opportunities; the outcodes a plan may be asked for."""
    create_database_if_missing(args.database_url)
    manage(args, "migrate", "--noinput", "-v0")
    if not args.skip_generate:
        manage(args, "generate_opportunities", "--count", str(args.count), "--seed", "1")
    manage(args, "search_index", "--rebuild", "--index", "opportunities", "--max-drop", "1")
    manage(args, "search_index", "--rebuild", "--index", "campaign", "--max-drop", "1")
    os.environ.update(environment(args))
    import django

    django.setup()
    from places.models import PostcodeDistrict

    return list(PostcodeDistrict.objects.filter(in_use=True).values_list("outcode", flat=True))


def plan_bodies(outcodes: list[str]):
    """Answers that differ each time (outcode, cost, how they learn), so every plan is built, none kept."""
    from tests.pathways.test_api import ANSWERS

    for outcode, cost, learning in itertools.cycle(itertools.product(outcodes, ("any", "free"), ("either", "in_person", "online"))):
        yield json.dumps({**ANSWERS, "postcode": outcode, "cost": cost, "learning": learning}).encode()


def plan_sender(base: str, bodies):
    def send(state):
        http_sender(base, "POST", PLAN_PATH, next(bodies))(state)

    return send


def start_site(args, *, search_url: str, **settings) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = environment(args, SEARCH_URL=search_url, **settings)
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "skills_site.wsgi", "-b", f"127.0.0.1:{port}", "-w", "2", "--threads", "4",
         "--timeout", "120", "--log-level", "warning"],
        cwd=ROOT, env=env,
    )
    for _ in range(100):
        try:
            http_sender(f"http://127.0.0.1:{port}", "GET", "/healthz/live")({})
            return process, f"http://127.0.0.1:{port}"
        except Exception:  # noqa: BLE001 - not up yet
            time.sleep(0.3)
    process.terminate()
    raise SystemExit("the site did not start")


def clear_breaker(args) -> None:
    """Each configuration starts with a closed circuit (the state is in the shared cache)."""
    import redis

    client = redis.Redis.from_url(args.cache_url)
    for key in client.scan_iter("*search-breaker*"):
        client.delete(key)


def scenario_4_slow(args) -> None:
    outcodes = prepare(args)
    bodies = plan_bodies(outcodes)
    rows = []
    configurations = [
        ("healthy engine", 0.0, {}, args.requests),
        ("engine 4 s late: budget 2.5 s + circuit breaker", 4.0, {}, args.requests),
        ("engine 4 s late: budget only (breaker off)", 4.0, {"FAULTS_BREAKER_FAILURES": "1000000"}, args.slow_requests),
        ("engine 4 s late: neither (5 s per call, as before)", 4.0, {"FAULTS_BREAKER_FAILURES": "1000000", "FAULTS_REQUEST_BUDGET": "1000"}, 3),
    ]
    with EngineProxy(args.search_url) as proxy:
        for label, delay, settings, requests in configurations:
            clear_breaker(args)
            proxy.heal()
            server, base = start_site(args, search_url=proxy.url, **settings)
            try:
                http_sender(base, "GET", SEARCH_PATH)({})  # warm: the place names and labels are read once
                proxy.delay = delay
                for concurrency in (1, 8):
                    count = requests if concurrency == 1 else requests * 2
                    if label.endswith("as before)") and concurrency == 8:
                        count = 8
                    for name, send in (("/search/", http_sender(base, "GET", SEARCH_PATH)), ("pathway plan (API)", plan_sender(base, bodies))):
                        before = proxy.requests
                        stats = run_load(send, concurrency=concurrency, requests=count)
                        stats["engine_requests"] = proxy.requests - before
                        rows.append((label, name, concurrency, stats))
                        print(rows[-1], flush=True)
            finally:
                server.terminate()
                server.wait()
    write_report(args, rows)


def write_report(args, rows) -> None:
    lines = [
        "| engine | page | clients | requests | errors | median ms | p95 ms | req/s | requests reaching the engine |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for label, name, concurrency, stats in rows:
        lines.append(
            f"| {label} | {name} | {concurrency} | {stats['requests']} | {stats['errors']} | {stats['median']:.0f} | "
            f"{stats['p95']:.0f} | {stats['rps']:.1f} | {stats['engine_requests']} |"
        )
    load = os.getloadavg()
    section = f"""## Scenario 4 — slow engine

Produced by `.venv/bin/python -m benchmarks.faults slow` on {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}.
Machine: {os.cpu_count()} cores shared with other engineers' test runs (load average {load[0]:.1f} at the end),
{platform.platform()}, Python {platform.python_version()}. The site under gunicorn (2 workers × 4 threads) with a
Redis cache, OpenSearch 2.19 behind `benchmarks/faults/proxy.py`, {args.count:,} generated opportunities.
`/search/` is `{SEARCH_PATH}`; each plan has different answers (outcode, cost, how they learn), so none is kept.

{chr(10).join(lines)}
"""
    path = ROOT / "benchmarks" / "FAULTS.md"
    text = path.read_text(encoding="utf-8") if path.exists() else "# Fault injection\n\n"
    start = text.find("## Scenario 4 — slow engine")
    if start >= 0:
        end = text.find("\n## ", start + 1)
        text = text[:start] + section + (text[end + 1 :] if end >= 0 else "")
    else:
        text = text.rstrip("\n") + "\n\n" + section
    path.write_text(text, encoding="utf-8")
    print(section)


def add_arguments(parser) -> None:
    parser.add_argument("--count", type=int, default=5000)
    parser.add_argument("--requests", type=int, default=30, help="per page, sequentially; twice as many with 8 clients")
    parser.add_argument("--slow-requests", type=int, default=10, help="the same with the breaker off, where each costs the budget")
    parser.add_argument("--skip-generate", action="store_true")
    parser.add_argument("--database-url", default="postgres://skills:skills@127.0.0.1:5432/skills_faults")
    parser.add_argument("--search-url", default="http://127.0.0.1:9200")
    parser.add_argument("--cache-url", default="redis://127.0.0.1:6379/12")


run = scenario_4_slow
