"""A crowd of visitors on the production recipe (issue 13): N visitors at once, each a browser of its own, for a
while; errors (which must be none) and p50/p95 per kind of page, throughput, and the machine's load, written to
their own section of benchmarks/RESULTS.md.

    .venv/bin/python -m benchmarks.load_test [--visitors 50] [--duration 600] [--think 1.0] [--keep]
    (needs `make services`: PostgreSQL, Redis and the OpenSearch node; uses the database skills_loadtest, index
    prefix "loadtest", and gunicorn on a free loopback port under DJANGO_ENV=production)

The site is booted as scripts/production_check.py boots it: collectstatic, migrate, the demo data and a search
index rebuild (skipped with --keep once done), then gunicorn with production settings. Each visitor keeps its own
cookies and, on each visit, does one of: reads the home page, searches (the relevance benchmark's residents'
queries, some near a postcode) and opens a result through its link; answers the self-assessment (GET each
question, POST a random answer with the form's CSRF token) and reads its plan, sometimes keeping it behind a
private link and opening that; or asks the API (search, autocomplete, open data). Visitors pause a little
between pages (--think, uniform between half and one and a half times it), as people do.

Rate limits count per client address, behind exactly one proxy (production's NUM_PROXIES and
ALLAUTH_TRUSTED_PROXY_COUNT): the proxy adds the address it saw to X-Forwarded-For. There is no proxy on loopback,
so this script plays it, and gives each visitor an address of its own, as a crowd has. Production's limits stay
as they are; nothing is switched off, so no switch can be left on. A visitor keeps well inside every per-client
limit at the default pace; with --think 0 one visitor may reach the search page's 60 a minute, and its 429s count
as errors.
"""

import argparse
import datetime
import html
import http.client
import json
import os
import platform
import random
import re
import secrets
import socket
import statistics
import subprocess
import sys
import textwrap
import threading
import time
import tomllib
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from benchmarks.databases import create_database_if_missing
from benchmarks.results import RESULTS, write_section
from tests.helpers import free_port

ROOT = Path(__file__).resolve().parents[1]
SECTION = "## Load test: a crowd of visitors"
HOST = "127.0.0.1"
POSTCODES = ["LS6 3HG", "LS1 3AB", "BD7 1DP", "BD21 3RU", "HX1 1UJ", "HD1 2TA", "WF1 2EE", "LS27", "BD1", "HG1", "YO1", "LS11"]
# The kinds of page, in the order the report lists them.
KINDS = [
    "home", "search", "result link", "detail", "assessment (GET)", "assessment (POST)", "check answers", "plan",
    "keep plan (POST)", "kept plan", "API search", "API autocomplete", "API open data",
]


def production_environment(args) -> dict:
    env = {key: value for key, value in os.environ.items() if key not in {"DJANGO_SETTINGS_MODULE", "DEBUG"}}
    env.update({
        "DJANGO_ENV": "production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": HOST,
        "DATABASE_URL": args.database_url,
        "CELERY_BROKER_URL": args.redis_url,
        "CACHE_URL": args.redis_url,
        "EMAIL_URL": "smtp://127.0.0.1:2525",  # nothing is emailed on these pages
        "WAGTAILADMIN_BASE_URL": f"https://{HOST}",
        "SEARCH_URL": args.search_url,
        "SEARCH_INDEX_PREFIX": "loadtest",
    })
    return env


def manage(env: dict, *arguments: str) -> None:
    result = subprocess.run([sys.executable, "manage.py", *arguments], cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"manage.py {' '.join(arguments)} failed:\n{result.stdout[-2000:]}{result.stderr[-3000:]}")
    print(f"  manage.py {' '.join(arguments)}", flush=True)


def prepare(env: dict, args) -> None:
    create_database_if_missing(args.database_url)
    manage(env, "collectstatic", "--noinput")
    manage(env, "migrate", "--noinput")
    if not args.keep:
        manage(env, "load_demo_data")
        manage(env, "search_index", "--rebuild", "--max-drop", "1")


def serve(env: dict, args) -> tuple[subprocess.Popen, int]:
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "skills_site.wsgi", "--bind", f"{HOST}:{port}", "--workers", str(args.workers),
         "--threads", str(args.threads), "--timeout", "60", "--keep-alive", "5"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"gunicorn stopped at start-up:\n{server.stderr.read()[-3000:]}")
        with socket.socket() as sock:
            if sock.connect_ex((HOST, port)) == 0:
                return server, port
        time.sleep(0.3)
    raise SystemExit("gunicorn did not answer within 60 seconds")


# One visitor ------------------------------------------------------------------------------------------------


class Failure(Exception):
    """What a visitor saw that a resident would call broken: an error page, no answer, a form that refused."""


class TimeUp(Exception):
    """The run's time is up: the visitor leaves, mid-visit if need be."""


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.latencies = defaultdict(list)
        self.errors = defaultdict(int)
        self.examples = []
        self.basic_mode = 0
        self.fresh_connections = 0
        self.visits = 0
        self.recording = False

    def record(self, kind: str, seconds: float, error: str | None = None) -> None:
        if not self.recording:
            return
        with self.lock:
            self.latencies[kind].append(seconds)
            if error:
                self.errors[kind] += 1
                if len(self.examples) < 10:
                    self.examples.append(f"{kind}: {error}")


class Visitor:
    """A browser: its own connection (kept alive), cookies and client address."""

    def __init__(self, port: int, address: str, stats: Stats, rng: random.Random, queries: list, think: float):
        self.port, self.address, self.stats, self.rng, self.queries, self.think = port, address, stats, rng, queries, think
        self.connection = None
        self.cookies = {}
        self.deadline = float("inf")

    def pause(self) -> None:
        if self.think:
            time.sleep(self.rng.uniform(0.5, 1.5) * self.think)
        if time.monotonic() >= self.deadline:
            raise TimeUp

    def _send(self, method: str, path: str, body: bytes | None, headers: dict):
        for attempt in (1, 2):
            if self.connection is None:
                self.connection = http.client.HTTPConnection(HOST, self.port, timeout=60)
                reused = False
            else:
                reused = True
            try:
                self.connection.request(method, path, body=body, headers=headers)
                response = self.connection.getresponse()
                return response, response.read()
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                self.connection.close()
                self.connection = None
                if not reused or attempt == 2:
                    raise
                # The server closed an idle kept-alive connection as we reused it: browsers send again on a new one.
                with self.stats.lock:
                    self.stats.fresh_connections += 1

    def request(self, kind: str, method: str, path: str, *, form: dict | None = None, expect=(200,)) -> tuple[int, dict, str]:
        headers = {
            "Host": HOST,
            "X-Forwarded-Proto": "https",  # what the load balancer says of the visitor's connection
            "X-Forwarded-For": self.address,  # and who the visitor is (see the module's docstring)
            "User-Agent": "skills-load-test",
            "Accept": "text/html,application/json",
        }
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode(form, doseq=True).encode()
            headers.update({
                "Content-Type": "application/x-www-form-urlencoded",
                "Origin": f"https://{HOST}",
                "Referer": f"https://{HOST}{path}",
            })
        started = time.monotonic()
        try:
            response, raw = self._send(method, path, body, headers)
        except (OSError, http.client.HTTPException) as error:
            self.stats.record(kind, time.monotonic() - started, f"{type(error).__name__}: {error}")
            raise Failure(kind) from error
        seconds = time.monotonic() - started
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name.strip()] = rest.split(";", 1)[0]
        text = raw.decode("utf-8", "replace")
        if response.status not in expect:
            self.stats.record(kind, seconds, f"{method} {path.split('?')[0]} answered {response.status}")
            raise Failure(kind)
        self.stats.record(kind, seconds)
        if 'id="basic-mode-title"' in text or '"mode":"basic"' in text.replace(" ", ""):
            with self.stats.lock:
                self.stats.basic_mode += self.stats.recording
        return response.status, {name.lower(): value for name, value in response.getheaders()}, text

    def follow(self, kind: str, location: str) -> tuple[int, dict, str]:
        parts = urlsplit(location)
        return self.request(kind, "GET", parts.path + (f"?{parts.query}" if parts.query else ""))

    # The visits ----------------------------------------------------------------------------------------------

    def visit(self) -> None:
        choice = self.rng.random()
        if choice < 0.15:
            self.request("home", "GET", "/")
        elif choice < 0.6:
            self.search_and_open()
        elif choice < 0.8:
            self.assessment()
        else:
            self.api()

    def search_and_open(self) -> None:
        query = {"q": self.rng.choice(self.queries)}
        if self.rng.random() < 0.3:
            query.update(postcode=self.rng.choice(POSTCODES), radius=self.rng.choice(["3", "10", "25"]))
        _, _, page = self.request("search", "GET", "/search/?" + urlencode(query))
        links = re.findall(r'href="(/search/go/[^"]+)"', page)
        if not links:
            return
        self.pause()
        _, headers, _ = self.request("result link", "GET", html.unescape(self.rng.choice(links[:10])), expect=(302,))
        self.follow("detail", headers["location"])

    def assessment(self) -> None:
        _, _, page = self.request("assessment (GET)", "GET", "/pathways/")
        found = re.search(r'href="(/pathways/(?:questions/[^"]+|check/))"', page)
        if not found:
            raise Failure("the assessment's start page has no start link")
        path = found.group(1)
        for _ in range(60):
            if path.startswith("/pathways/check/"):
                break
            self.pause()
            _, _, page = self.request("assessment (GET)", "GET", path)
            self.pause()
            _, headers, _ = self.request("assessment (POST)", "POST", path, form=self.answer(page), expect=(302,))
            path = urlsplit(headers["location"]).path
        else:
            raise Failure("the assessment did not end")
        self.request("check answers", "GET", "/pathways/check/")
        self.pause()
        _, _, page = self.request("plan", "GET", "/pathways/plan/")
        if self.rng.random() < 0.3:
            self.pause()
            token = csrf_token(page, "/pathways/plan/keep/")
            form = {"csrfmiddlewaretoken": token, "outcode": self.rng.choice(["LS6", "BD7", "HX1", ""])}
            _, headers, _ = self.request("keep plan (POST)", "POST", "/pathways/plan/keep/", form=form, expect=(302,))
            self.follow("kept plan", headers["location"])

    def answer(self, page: str) -> dict:
        """A random answer to the question on the page, as a resident would tick it."""
        form = {"csrfmiddlewaretoken": csrf_token(page)}
        checkboxes = re.findall(r'name="answer" type="checkbox" value="([^"]+)"', page)
        radios = re.findall(r'name="answer" type="radio" value="([^"]+)"', page)
        if checkboxes:
            options = [value for value in checkboxes if value != "none"]
            chosen = self.rng.sample(options, self.rng.randint(0, len(options))) if options else []
            form["answer"] = [html.unescape(value) for value in chosen] or ["none"]
        elif radios:
            form["answer"] = html.unescape(self.rng.choice(radios))
        elif 'name="answer" type="text"' in page:
            form["answer"] = self.rng.choice(POSTCODES + [""])
        return form

    def api(self) -> None:
        self.request("API search", "GET", "/api/v1/search/?" + urlencode({"q": self.rng.choice(self.queries)}))
        self.pause()
        typed = self.rng.choice(self.queries)[: self.rng.randint(2, 5)]
        self.request("API autocomplete", "GET", "/api/v1/search/autocomplete/?" + urlencode({"q": typed}))
        self.pause()
        listing = self.rng.choice(["programmes", "apprenticeships", "opportunities", "providers", "employers"])
        _, _, body = self.request("API open data", "GET", f"/api/v1/{listing}/")
        following = json.loads(body).get("next")
        if following and self.rng.random() < 0.5:  # the next page, as a partner's import reads them all
            self.pause()
            self.follow("API open data", following)

    def run(self, deadline: float) -> None:
        self.deadline = deadline
        try:
            while True:
                try:
                    self.visit()
                    with self.stats.lock:
                        self.stats.visits += self.stats.recording
                except Failure:
                    self.cookies.clear()  # start again as a new visitor would
                self.pause()
        except TimeUp:
            pass
        finally:
            if self.connection is not None:
                self.connection.close()


def csrf_token(page: str, action: str | None = None) -> str:
    """The CSRF token of the page's form (the one posting to `action`, if given)."""
    if action:
        form = page.find(f'action="{action}"')
        page = page[form:] if form != -1 else page
    found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    if not found:
        raise Failure("a form without a CSRF token")
    return found.group(1)


# The run ----------------------------------------------------------------------------------------------------


def queries() -> list[str]:
    with open(ROOT / "benchmarks" / "relevance_queries.toml", "rb") as file:
        return [query["q"] for query in tomllib.load(file)["query"]]


def load_average() -> float:
    return float(Path("/proc/loadavg").read_text().split()[0])


def cpu_seconds(pid: int) -> float:
    """CPU time (user and system) of a process and its children that are alive: gunicorn and its workers."""
    total = 0.0
    for task in [pid, *_children(pid)]:
        try:
            fields = Path(f"/proc/{task}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def _children(pid: int) -> list[int]:
    try:
        return [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def run_crowd(port: int, server_pid: int, args) -> dict:
    stats, pool = Stats(), queries()
    rng = random.Random(args.seed)
    # Warm every gunicorn worker up first (templates, the engine's connections): not counted.
    warm = Visitor(port, "10.255.0.1", stats, random.Random(0), pool, 0.0)
    for _ in range(4 * args.workers):
        for visit in (warm.search_and_open, warm.api):
            try:
                visit()
            except Failure:
                pass
    stats.recording = True
    load_before = load_average()
    cpu_before = cpu_seconds(server_pid)
    started = time.monotonic()
    deadline = started + args.duration
    visitors = [
        Visitor(port, f"10.{number // 250}.{number % 250}.{rng.randint(1, 254)}", stats, random.Random(rng.random()), pool, args.think)
        for number in range(args.visitors)
    ]
    threads = [threading.Thread(target=visitor.run, args=(deadline,), daemon=True) for visitor in visitors]
    samples = []
    for number, thread in enumerate(threads):  # arrive over the first few seconds, not all in one instant
        thread.start()
        time.sleep(min(5.0, args.duration / 10) / len(threads))
    while any(thread.is_alive() for thread in threads):
        samples.append(load_average())
        time.sleep(5)
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    stats.recording = False
    return {
        "stats": stats,
        "seconds": elapsed,
        "server cpu seconds": cpu_seconds(server_pid) - cpu_before,
        "load before": load_before,
        "load samples": samples,
    }


def percentile(values: list, share: int) -> float:
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[share - 1]


def report(result: dict, args) -> str:
    stats = result["stats"]
    requests = sum(len(values) for values in stats.latencies.values())
    errors = sum(stats.errors.values())
    samples = result["load samples"] or [0.0]
    rows = [
        "| Page | Requests | Errors | p50 | p95 | max |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for kind in KINDS:
        values = stats.latencies.get(kind)
        if not values:
            continue
        rows.append(
            f"| {kind} | {len(values)} | {stats.errors.get(kind, 0)} | {percentile(values, 50) * 1000:.0f} ms "
            f"| {percentile(values, 95) * 1000:.0f} ms | {max(values) * 1000:.0f} ms |"
        )
    everything = [seconds for values in stats.latencies.values() for seconds in values]
    rows.append(
        f"| **all** | {requests} | {errors} | {percentile(everything, 50) * 1000:.0f} ms "
        f"| {percentile(everything, 95) * 1000:.0f} ms | {max(everything) * 1000:.0f} ms |"
    )
    minutes = result["seconds"] / 60
    paragraphs = [
        f"`python -m benchmarks.load_test --visitors {args.visitors} --duration {args.duration:.0f} --think {args.think}` "
        f"on {datetime.date.today():%d %B %Y}: {args.visitors} visitors at once for {minutes:.1f} minutes against "
        f"gunicorn ({args.workers} workers × {args.threads} threads) under DJANGO_ENV=production on loopback, with "
        f"PostgreSQL 15, Redis and the single OpenSearch node of `make services`, the demo data, and the load "
        f"generator itself all on one machine ({os.cpu_count()} cores, {platform.machine()}). The machine was shared "
        f"with other engineers' work: the 1-minute load average was {result['load before']:.2f} just before the run "
        f"and {statistics.mean(samples):.2f} on average during it (highest {max(samples):.2f}, sampled every 5 s).",
        f"Each visitor is a browser of its own (cookies, a kept-alive connection, its own client address), pausing "
        f"{args.think / 2:.1f}–{args.think * 1.5:.1f} s between pages; a visit reads the home page (15%), searches "
        f"with one of the relevance benchmark's 115 residents' queries (30% of them near a postcode) and opens a "
        f"result through its link (45%), answers the whole self-assessment with random answers and reads the plan, "
        f"keeping it behind a private link three times in ten (20%), or asks the API (20%). When the time is up, "
        f"visitors leave mid-visit. An error is any answer "
        f"but the expected one (a 200, or the redirect a form or result link makes), or none within 60 s.",
        f"**{requests} requests, {errors} errors, {requests / result['seconds']:.1f} requests a second** "
        f"({stats.visits} visits completed); gunicorn used {result['server cpu seconds']:.0f} CPU seconds "
        f"({result['server cpu seconds'] * 1000 / max(requests, 1):.0f} ms a request). "
        f"{stats.basic_mode} answers came from the basic search (the engine's 2.5 s budget spent). "
        f"{stats.fresh_connections} requests were sent again on a new connection after the server closed an idle "
        f"kept-alive one as it was reused, as browsers do.",
    ]
    if stats.examples:
        paragraphs.append("Errors seen: " + "; ".join(stats.examples) + ".")
    paragraphs += [
        "Rate limits stay on: each visitor has its own client address in X-Forwarded-For, which production trusts "
        "from exactly one proxy (`REST_FRAMEWORK[\"NUM_PROXIES\"]`, `ALLAUTH_TRUSTED_PROXY_COUNT`); the load test "
        "plays that proxy."
        + ("" if args.duration == 600 else f" This was a {args.duration / 60:.0f}-minute run; the 10-minute run is `--duration 600`."),
    ]
    lines = [SECTION, ""]
    for paragraph in paragraphs:
        lines += [textwrap.fill(paragraph, width=115, break_long_words=False, break_on_hyphens=False), ""]
    return "\n".join(lines + rows) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--visitors", type=int, default=50)
    parser.add_argument("--duration", type=float, default=600.0, help="seconds (600: ten minutes)")
    parser.add_argument("--think", type=float, default=1.0, help="a visitor's mean pause between pages, in seconds")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn worker processes")
    parser.add_argument("--threads", type=int, default=4, help="threads in each gunicorn worker")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--database-url", default="postgres://skills:skills@127.0.0.1:5432/skills_loadtest")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/7", help="broker and cache")
    parser.add_argument("--search-url", default=os.environ.get("SEARCH_URL", "http://127.0.0.1:9200"))
    parser.add_argument("--keep", action="store_true", help="reuse the database, demo data and index of a last run")
    parser.add_argument("--no-write", dest="write", action="store_false", help="print the section instead of writing it")
    args = parser.parse_args()

    env = production_environment(args)
    print("Preparing the production recipe on loopback:", flush=True)
    prepare(env, args)
    server, port = serve(env, args)
    print(f"gunicorn on {HOST}:{port}; {args.visitors} visitors for {args.duration:.0f} s", flush=True)
    try:
        result = run_crowd(port, server.pid, args)
    finally:
        server.terminate()
        server.wait(timeout=30)
    text = report(result, args)
    print(text)
    if args.write:
        write_section(SECTION, text)
        print(f"Written to {RESULTS.relative_to(ROOT)} ({SECTION[3:]})")


if __name__ == "__main__":
    main()
