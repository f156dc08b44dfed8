"""How good are search results? A judged set of residents' queries, run through the search API against the
demo data, scored with nDCG@10, precision@10 and recall@50. Run by hand; results are committed.

    .venv/bin/python benchmarks/relevance.py                 # fresh database and index (about 80 s); writes
                                                             # RELEVANCE.md and relevance_last.json
    .venv/bin/python benchmarks/relevance.py --keep          # reuse them (15 to 35 s here, most of it the API)
    .venv/bin/python benchmarks/relevance.py --keep --only apprentice
    .venv/bin/python benchmarks/relevance.py --keep --explain "python course keighley"
    (needs `make services`; uses the database skills_relevance, or --database-url sqlite:///file, and the
    index prefix "relevance")

The queries and their rules are in benchmarks/relevance_queries.toml; benchmarks/relevance_judging.py grades
items and computes the metrics. The truth is read from the database's records, not from the search
documents, so a mistake in how documents are built shows up as lost relevance instead of moving the yardstick.
Which records are searchable comes from search.sources (the platform's one definition of searchable).

With --keep, the database and index are reused, but the index is rebuilt when the mapping, the analysis
(synonyms) or any document would differ from what this script indexed last, when something else has rebuilt
it since, or when its ids differ from the searchable records; the demo data are reloaded when the last load
was on another day (its dates move with today) and migrations are applied when any are pending. State is
kept in .cache/relevance_state.json.
"""

import argparse
import datetime
import hashlib
import io
import json
import os
import platform
import statistics
import subprocess
import sys
import time
import tomllib
from html import unescape
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.relevance_judging import (  # noqa: E402
    QUERIES_FILE,
    TAGS,
    TIERS,
    Item,
    Outcome,
    Query,
    load_queries,
)

HERE = ROOT / "benchmarks"
REPORT = HERE / "RELEVANCE.md"
LAST = HERE / "relevance_last.json"
# Why a query got worse in the run being committed: written by hand, shown beside each regression.
REASONS = HERE / "relevance_reasons.toml"
STATE = ROOT / ".cache" / "relevance_state.json"
PREFIX = "relevance"
DEPTH = 50  # results read per query: the API's largest page
TARGET_NDCG = 0.90
REGRESSION = 0.01  # an nDCG@10 drop larger than this is reported


# Setting up -------------------------------------------------------------------------------------


def configure(args) -> None:
    """This process's settings, before Django loads: the benchmark's own database and index prefix."""
    os.environ.pop("DJANGO_ENV", None)
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "benchmarks.bench_settings",
            "DATABASE_URL": args.database_url,
            "SEARCH_URL": args.search_url,
            "SEARCH_INDEX_PREFIX": PREFIX,
        }
    )


def _server_url(database_url: str) -> tuple[str, str]:
    """The maintenance database's URL on the same PostgreSQL server, and our database's name."""
    parts = urlsplit(database_url)
    return urlunsplit(parts._replace(path="/postgres")), parts.path.lstrip("/")


def _sqlite_file(database_url: str) -> Path:
    import dj_database_url

    return Path(dj_database_url.parse(database_url)["NAME"])


def database_exists(database_url: str) -> bool:
    if database_url.startswith("sqlite"):
        return _sqlite_file(database_url).exists()
    import psycopg

    server, name = _server_url(database_url)
    with psycopg.connect(server, autocommit=True) as connection:
        return connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone() is not None


def database_recreate(database_url: str) -> None:
    if database_url.startswith("sqlite"):
        _sqlite_file(database_url).unlink(missing_ok=True)
        return
    import psycopg
    from psycopg import sql

    server, name = _server_url(database_url)
    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def command(*words: str) -> None:
    """Run a management command in this process and show the last line it printed."""
    from django.core.management import call_command

    out = io.StringIO()
    started = time.perf_counter()
    call_command(*words, stdout=out, stderr=out)
    last = (out.getvalue().strip().splitlines() or [""])[-1]
    print(f"  {' '.join(words)} ({time.perf_counter() - started:.1f}s): {last}")


def migrations_pending() -> bool:
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    return bool(executor.migration_plan(executor.loader.graph.leaf_nodes()))


def index_fingerprint() -> str:
    """What the index would hold if rebuilt now: its definition (mapping, analysis, synonyms) and every
    document as search.sources builds it."""
    from search.documents import OPPORTUNITY_INDEX, index_definition
    from search.sources import sources_for

    digest = hashlib.sha256(json.dumps(index_definition(OPPORTUNITY_INDEX, "probe").to_dict(), sort_keys=True).encode())
    for source in sources_for(OPPORTUNITY_INDEX):
        for record in source.get_queryset().order_by("pk"):
            digest.update(json.dumps([source.doc_id(record.pk), source.document(record)], sort_keys=True, default=str).encode())
    return digest.hexdigest()


def indexed_ids() -> set[str] | None:
    from opensearchpy import NotFoundError, helpers

    from search.connection import get_client
    from search.documents import OPPORTUNITY_INDEX, index_name

    client = get_client(timeout=30)
    try:
        client.indices.refresh(index=index_name(OPPORTUNITY_INDEX))
        return {hit["_id"] for hit in helpers.scan(client, index=index_name(OPPORTUNITY_INDEX), query={"query": {"match_all": {}}}, _source=False)}
    except NotFoundError:
        return None


def physical_index() -> str | None:
    """The versioned index the alias points at; a rebuild by anything else changes it."""
    from opensearchpy import NotFoundError

    from search.connection import get_client
    from search.documents import OPPORTUNITY_INDEX, index_name

    try:
        return next(iter(get_client(timeout=30).indices.get_alias(name=index_name(OPPORTUNITY_INDEX))), None)
    except NotFoundError:
        return None


def prepare(args) -> list[str]:
    """Database, demo data and index ready to query; returns what was done, for the report."""
    fresh = not args.keep or not database_exists(args.database_url)
    done = []
    if fresh:
        print(f"Setting up {args.database_url} and index prefix {PREFIX!r} from scratch")
        database_recreate(args.database_url)
    import django

    django.setup()
    from courses.models import Programme

    state = json.loads(STATE.read_text()) if STATE.exists() and not fresh else {}
    where = {"database": args.database_url, "search": args.search_url, "prefix": PREFIX}
    if state.get("where") != where:
        state = {}
    today = datetime.date.today().isoformat()
    if fresh or migrations_pending():
        command("migrate", "--noinput")
        done.append("migrated")
    if fresh or state.get("loaded_on") != today or not Programme.objects.filter(is_demo=True).exists():
        command("load_demo_data")
        done.append("loaded the demo data")
    fingerprint = index_fingerprint()
    searchable = searchable_ids()
    reasons = ["fresh database"] if fresh else [
        reason
        for reason, applies in [
            ("asked to (--reindex)", args.reindex),
            ("mapping, analysis or documents changed", state.get("fingerprint") != fingerprint),
            ("index rebuilt by something else since", state.get("index") != physical_index()),
            ("index out of step with the database", indexed_ids() != searchable),
        ]
        if applies
    ]
    if reasons:
        print(f"Rebuilding the index: {', '.join(reasons)}")
        command("search_index", "--rebuild", "--index", "opportunities", "--max-drop", "1")
        done.append(f"rebuilt the index ({', '.join(reasons)})")
        if indexed_ids() != searchable:
            raise SystemExit("After a rebuild the index still differs from the searchable records: see search_index --check")
    STATE.parent.mkdir(exist_ok=True)
    state = {"where": where, "loaded_on": today, "fingerprint": fingerprint, "index": physical_index()}
    STATE.write_text(json.dumps(state, indent=1))
    return done or ["reused the database and index as they were"]


# The truth --------------------------------------------------------------------------------------


def _text(*parts) -> str:
    from django.utils.html import strip_tags

    return " ".join(unescape(strip_tags(str(part))) for part in parts if part)


def _hours(value) -> float | None:
    return float(value) if value is not None else None


def _programme(doc_id: str, programme) -> Item:
    venues = list(programme.venues.all())
    notes = [run.note for run in programme.runs.all()]
    return Item(
        id=doc_id,
        kind="programme",
        title=programme.title,
        summary=programme.summary,
        text=_text(
            programme.title, programme.summary, programme.description, programme.provider.name, programme.duration,
            *notes, programme.funding_eligibility, *(f"{venue.name} {venue.town}" for venue in venues),
        ),
        tier=programme.tier.code,
        skill_areas=frozenset(area.code for area in programme.skill_areas.all()),
        free=programme.cost in {"free", "funded"},
        online=programme.delivery_mode == "online",
        delivery_mode=programme.delivery_mode,
        level=0 if programme.level == "entry" else int(programme.level),
        hours_per_week=_hours(programme.hours_per_week),
        locations=tuple((venue.latitude, venue.longitude) for venue in venues if venue.latitude is not None),
    )


def _vacancy(doc_id: str, vacancy) -> Item:
    return Item(
        id=doc_id,
        kind="apprenticeship",
        title=vacancy.title,
        summary=vacancy.summary,
        text=_text(vacancy.title, vacancy.summary, vacancy.description, vacancy.standard.title, vacancy.employer.name, vacancy.town),
        tier=vacancy.tier.code,
        skill_areas=frozenset(area.code for area in vacancy.skill_areas.all()),
        free=True,  # apprentices are paid and their training costs them nothing
        level=vacancy.standard.level,
        degree=vacancy.standard.is_degree,
        hours_per_week=_hours(vacancy.hours_per_week),
        locations=((vacancy.latitude, vacancy.longitude),) if vacancy.latitude is not None else (),
        standard_title=vacancy.standard.title,
    )


def _sponsored(doc_id: str, opportunity) -> Item:
    return Item(
        id=doc_id,
        kind="sponsored",
        title=opportunity.title,
        summary=opportunity.summary,
        text=_text(
            opportunity.title, opportunity.summary, opportunity.description, opportunity.get_kind_display(),
            opportunity.pay, opportunity.sponsor.name, opportunity.town,
        ),
        tier=opportunity.tier.code,
        skill_areas=frozenset(area.code for area in opportunity.skill_areas.all()),
        free=True,
        online=opportunity.is_remote,
        delivery_mode="online" if opportunity.is_remote else "in_person",
        opportunity_type=opportunity.kind,
        locations=((opportunity.latitude, opportunity.longitude),) if opportunity.latitude is not None else (),
    )


ITEM_BUILDERS = {"programme": _programme, "apprenticeship": _vacancy, "sponsored": _sponsored}


def searchable_items() -> list[Item]:
    """Every item a resident may find, read from its record."""
    from search.documents import OPPORTUNITY_INDEX
    from search.sources import sources_for

    return [
        ITEM_BUILDERS[source.kind](source.doc_id(record.pk), record)
        for source in sources_for(OPPORTUNITY_INDEX)
        for record in source.get_queryset()
    ]


def searchable_ids() -> set[str]:
    from search.documents import OPPORTUNITY_INDEX
    from search.sources import sources_for

    return {source.doc_id(pk) for source in sources_for(OPPORTUNITY_INDEX) for pk in source.get_queryset().values_list("pk", flat=True)}


# Asking -----------------------------------------------------------------------------------------


def ask(client, q: str) -> tuple[int, list[str]]:
    """The search API's total and the ids of its first DEPTH results, for the words alone: the results, then
    those further away (as the page shows them) when fewer than a page were near the place."""
    response = client.get("/api/v1/search/", {"q": q, "page_size": DEPTH})
    if response.status_code != 200:
        raise SystemExit(f"The search API answered {response.status_code} to {q!r}: {response.content[:300]!r}")
    body = response.json()
    if body["mode"] != "full":
        raise SystemExit(f"The search API answered {q!r} in {body['mode']} mode: is OpenSearch at {os.environ['SEARCH_URL']} up?")
    further = body["further_away"]["results"] if body["further_away"] else []
    return body["total"], [hit["id"] for hit in body["results"] + further]


def run(queries: list[Query], items: list[Item]) -> list[Outcome]:
    from django.test import Client

    client = Client(HTTP_HOST="localhost")
    searchable = {item.id for item in items}
    outcomes = []
    for query in queries:
        judged = {item.id: grade for item in items if (grade := query.judge(item)[0])}
        total, returned = ask(client, query.q)
        strays = [doc_id for doc_id in returned if doc_id not in searchable]
        if strays:
            print(f"Note: {query.q!r} returned {len(strays)} items that are not searchable records ({', '.join(strays[:3])}): a stale index?")
        grades = [judged.get(doc_id, 0) for doc_id in returned]
        outcomes.append(Outcome(query=query, total=total, returned=returned, grades=grades, judged=judged))
    return outcomes


# Reporting --------------------------------------------------------------------------------------


def mean(values) -> float | None:
    values = [value for value in values if value is not None]
    return statistics.fmean(values) if values else None


def summary(outcomes: list[Outcome]) -> dict:
    answerable = [o for o in outcomes if o.relevant_in_data]
    nothing = [o for o in outcomes if not o.relevant_in_data]
    return {
        "queries": len(outcomes),
        "answerable": len(answerable),
        "mean_ndcg10": mean(o.figures["ndcg10"] for o in answerable),
        "mean_precision10": mean(o.figures["precision10"] for o in answerable),
        "mean_recall50": mean(o.figures["recall50"] for o in answerable),
        "zero_result_rate": sum(o.total == 0 for o in outcomes) / len(outcomes) if outcomes else None,
        "answerable_with_none": sum(o.total == 0 for o in answerable),
        "nothing_queries": len(nothing),
        "nothing_mean_quiet10": mean(o.figures["quiet10"] for o in nothing),
        "nothing_returning_results": sum(o.total > 0 for o in nothing),
    }


def groups(outcomes: list[Outcome]) -> list[tuple[str, list[Outcome]]]:
    answerable = [o for o in outcomes if o.relevant_in_data]
    found = [(f"tier: {tier}", [o for o in answerable if o.query.tier == tier]) for tier in TIERS]
    found += [(f"tag: {tag}", [o for o in answerable if tag in o.query.tags]) for tag in TAGS if tag != "nothing"]
    return [(name, members) for name, members in found if members]


def fmt(value, digits: int = 3, *, sign: bool = False) -> str:
    return "–" if value is None else f"{value:{'+' if sign else ''}.{digits}f}"


def cell(text: str) -> str:
    return text.replace("|", "\\|")


def changes(outcomes: list[Outcome], previous: dict) -> tuple[list[str], list[str], list[str]]:
    """Per query, against the previous run: regressions, improvements, and queries whose rules changed (their
    figures are not compared: the yardstick moved, not the engine)."""
    before = previous.get("queries", {})
    worse, better, rejudged = [], [], []
    for outcome in outcomes:
        q, old, new = outcome.query.q, before.get(outcome.query.q), outcome.figures
        if old is None:
            continue
        if old.get("rules") != outcome.query.fingerprint:
            rejudged.append(q)
            continue
        if new["ndcg10"] is not None and old.get("ndcg10") is not None:
            delta = new["ndcg10"] - old["ndcg10"]
            line = f"{q!r}: nDCG@10 {old['ndcg10']:.3f} → {new['ndcg10']:.3f} ({delta:+.3f})"
            if abs(delta) > REGRESSION:
                (worse if delta < 0 else better).append(line)
        if new["zero"] and not old.get("zero") and outcome.relevant_in_data:
            worse.append(f"{q!r}: now returns nothing (returned {old.get('total')})")
        if new["quiet10"] is not None and old.get("quiet10") is not None and new["quiet10"] != old["quiet10"]:
            line = f"{q!r} (nothing relevant in the data): {old.get('total')} → {new['total']} results"
            (worse if new["quiet10"] < old["quiet10"] else better).append(line)
    return worse, better, rejudged


def written_reasons() -> dict[str, str]:
    if not REASONS.exists():
        return {}
    with open(REASONS, "rb") as file:
        return tomllib.load(file)


def reason_for(line: str, reasons: dict[str, str]) -> str:
    """The written reason for a regression line (which starts with the query's repr), or a flag that none is."""
    reason = next((why for q, why in reasons.items() if line.startswith(repr(q))), None)
    return f"Why: {reason}" if reason else "**No written reason** (add one to `benchmarks/relevance_reasons.toml`)."


def git_state() -> str:
    def git(*words):
        return subprocess.run(["git", *words], cwd=ROOT, capture_output=True, text=True).stdout.strip()

    commit = git("rev-parse", "--short", "HEAD") or "unknown"
    ours = {str(path.relative_to(ROOT)) for path in (REPORT, LAST)}
    changed = sorted({line[3:] for line in git("status", "--porcelain", "--untracked-files=all").splitlines()} - ours)
    if not changed:
        return f"commit {commit}"
    searching = sum(path.startswith("search/") for path in changed)
    return f"commit {commit} with uncommitted changes to {len(changed)} files ({searching} of them under search/)"


def engine_version() -> str:
    from search.connection import get_client

    return get_client(timeout=10).info()["version"]["number"]


def machine() -> str:
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{os.cpu_count()} cores, {memory:.0f} GiB memory, {platform.platform()}, Python {platform.python_version()}"


def report(outcomes: list[Outcome], items: list[Item], previous: dict, *, setup: list[str], seconds: float) -> str:
    now = summary(outcomes)
    was = previous.get("summary", {})
    worse, better, rejudged = changes(outcomes, previous)
    kinds = {kind: sum(item.kind == kind for item in items) for kind in ("programme", "apprenticeship", "sponsored")}
    answerable = [o for o in outcomes if o.relevant_in_data]
    nothing = [o for o in outcomes if not o.relevant_in_data]

    def row(label, key, digits=3):
        new, old = now[key], was.get(key)
        delta = fmt(new - old, digits, sign=True) if new is not None and old is not None else "–"
        return f"| {label} | {fmt(new, digits)} | {fmt(old, digits)} | {delta} |"

    lines = [
        "# Search relevance",
        "",
        f"Produced by `{' '.join(['.venv/bin/python', 'benchmarks/relevance.py', *sys.argv[1:]])}` on "
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} at {git_state()}.",
        f"Machine: {machine()}. OpenSearch {engine_version()} (single node), the database and the platform in this process "
        f"(Django's test client against `/api/v1/search/`), all on this machine. Setup: {'; '.join(setup)}; "
        f"the whole run took {seconds:.0f} s.",
        "",
        f"Data: the demo data (`manage.py load_demo_data`), {len(items)} searchable opportunities "
        f"({kinds['programme']} programmes, {kinds['apprenticeship']} apprenticeship vacancies, {kinds['sponsored']} "
        f"sponsored opportunities). Judged set: `benchmarks/relevance_queries.toml`, {len(outcomes)} queries, each "
        f"sent as the words alone (`q`, {DEPTH} results), as a resident types them in the one search box, and read "
        f"as the page shows them: the results (related ones included), then those *further away* when fewer than "
        f"a page were near a place; "
        f"{len(answerable)} have relevant items in the data, {len(nothing)} have none.",
        "",
        "## Summary",
        "",
        "| | this run | previous run | change |",
        "|---|---|---|---|",
        row("mean nDCG@10 (queries with relevant items in the data)", "mean_ndcg10"),
        row("mean precision@10", "mean_precision10"),
        row("mean recall@50", "mean_recall50"),
        row("zero-result rate (all queries)", "zero_result_rate"),
        row("queries with relevant items in the data that returned none", "answerable_with_none", 0),
        row("queries with nothing relevant in the data: mean quiet@10", "nothing_mean_quiet10"),
        row("queries with nothing relevant in the data that returned results", "nothing_returning_results", 0),
        "",
        f"Targets: mean nDCG@10 at least {TARGET_NDCG:.2f}; no query with relevant items in the data returns none.",
        "",
        "## By kind of query",
        "",
        "Queries with relevant items in the data, grouped by the resident's tier and by what the query tests.",
        "",
        "| group | queries | mean nDCG@10 | mean precision@10 | mean recall@50 | returned none |",
        "|---|---|---|---|---|---|",
    ]
    for name, members in groups(outcomes):
        lines.append(
            f"| {name} | {len(members)} | {fmt(mean(o.figures['ndcg10'] for o in members))} | "
            f"{fmt(mean(o.figures['precision10'] for o in members))} | {fmt(mean(o.figures['recall50'] for o in members))} | "
            f"{sum(o.total == 0 for o in members)} |"
        )
    worst = sorted(answerable, key=lambda o: (o.figures["ndcg10"], o.query.q))[:10]
    before = previous.get("queries", {})
    lines += ["", "## The worst 10", "", f"| query | {COLUMNS} |", "|---|---|---|---|---|---|---|"]
    lines += [_query_row(o, before, with_tier=False) for o in worst]
    lines += ["", "## Changes since the previous run", ""]
    if not previous:
        lines.append("No previous run was recorded (`benchmarks/relevance_last.json`).")
    else:
        lines.append(f"Against the run of {previous.get('run', {}).get('date', 'unknown date')} ({previous.get('run', {}).get('git', '')}).")
        lines.append("")
        reasons = written_reasons()
        lines += [f"- Regression: {line}. {reason_for(line, reasons)}" for line in worse] or ["- No regressions."]
        lines += [f"- Better: {line}" for line in better] or ["- No query improved."]
        added = [o.query.q for o in outcomes if o.query.q not in previous.get("queries", {})]
        if added or rejudged:
            lines.append(
                f"- The judged set changed: {len(added)} queries new, {len(rejudged)} judged by changed rules "
                f"({', '.join(repr(q) for q in rejudged[:5])}{' …' if len(rejudged) > 5 else ''}); their figures are not "
                "compared, and the means above include them."
            )
    lines += [
        "",
        "## Every query with relevant items in the data",
        "",
        f"| query | tier | {COLUMNS} |",
        "|---|---|---|---|---|---|---|---|",
    ]
    lines += [_query_row(o, before) for o in answerable]
    lines += [
        "",
        "## Queries with nothing relevant in the data",
        "",
        "Scored on not flooding, apart from the means above: quiet@10 is 1 when nothing comes back and falls by 0.1 "
        "for each result on the first page.",
        "",
        "| query | results | quiet@10 |",
        "|---|---|---|",
    ]
    lines += [f"| {cell(o.query.q)} | {o.total} | {fmt(o.figures['quiet10'], 1)} |" for o in nothing]
    lines += ["", METHOD]
    return "\n".join(lines) + "\n"


COLUMNS = "nDCG@10 | change | precision@10 | recall@50 | results | relevant in data (grade 2)"


def _query_row(outcome: Outcome, before: dict, *, with_tier: bool = True) -> str:
    f, old = outcome.figures, before.get(outcome.query.q, {})
    comparable = old.get("rules") == outcome.query.fingerprint and old.get("ndcg10") is not None
    change = fmt(f["ndcg10"] - old["ndcg10"], sign=True) if comparable and f["ndcg10"] is not None else "–"
    tier = f" {outcome.query.tier} |" if with_tier else ""
    zero = " **none returned**" if f["zero"] else ""
    return (
        f"| {cell(outcome.query.q)} |{tier} {fmt(f['ndcg10'])} | {change} | {fmt(f['precision10'], 2)} | "
        f"{fmt(f['recall50'], 2)} | {f['total']}{zero} | {f['relevant_in_data']} ({f['grade2_in_data']}) |"
    )


METHOD = """## How it is measured

- **Judging.** Each query carries rules over an item's fields, written for what a resident who typed it
  would want: `grade2` rules for what they asked for, `grade1` rules for what would partly help; an item
  gets the highest grade whose rules it meets, otherwise 0. Rules test the kind, tier, skill area codes,
  free (free or free if eligible), online, delivery mode, level, degree, sponsored type, hours a week, words
  in the title (`title_any`), the title, summary or apprenticeship standard (`words_*`) or anywhere on the
  item's page (`text_any`),
  and the distance from a named place to the nearest place the item happens (`near`, `within_miles`,
  `or_online` to let online items count). Every searchable item in the data is judged, so recall and the
  ideal ranking come from the data, not from what the engine returned.
- **Places** are resolved by the benchmark from `data/reference/postcode_districts.csv` alone: a postcode or
  outcode is its district; a town or area name is the districts that list it as an area (Halifax: HX1), or
  failing that its post town's districts (Selby: YO8); the point is their middle.
- **nDCG@10**: discounted cumulative gain of the first ten results, gain 2^grade − 1 (3 for grade 2, 1 for
  grade 1) discounted by log2(rank + 1), divided by the same for the best possible ten from the data.
  A query with relevant items that returns nothing scores 0.
- **precision@10**: share of the first ten results (fewer, if fewer came back) with grade 1 or 2; not
  defined when nothing came back.
- **recall@50**: share of the data's relevant items (grade 1 or 2) found in the first 50 results, out of
  all of them or 50 if there are more.
- **Queries with nothing relevant in the data** (no item has grade 1 or 2) are kept out of the means and
  scored on quiet@10 instead.
- `--explain "<query>"` prints the first ten results with their grades and the reason for each, and the
  best items the engine missed."""


def explain(query: Query, items: list[Item]) -> None:
    from django.test import Client

    by_id = {item.id: item for item in items}
    total, returned = ask(Client(HTTP_HOST="localhost"), query.q)
    places = query.places
    print(f"{query.q!r} ({query.tier}; {', '.join(query.tags) or 'no tags'}): {total} results")
    if query.note:
        print(f"  note: {query.note}")

    def where(item: Item) -> str:
        if not places:
            return ""
        distance = item.distance(places[0])
        if distance is not None:
            return f", {distance:.1f} mi from {places[0].text}"
        return ", online" if item.online else ", no location"

    def line(rank, item: Item) -> str:
        grade, why = query.judge(item)
        return f"{rank:>4} [{grade}] {item.id:<20} {item.kind[:5]} {item.tier[:3]}{where(item)}: {item.title[:70]}\n            {why}"

    for rank, doc_id in enumerate(returned[:10], 1):
        print(line(rank, by_id[doc_id]) if doc_id in by_id else f"{rank:>4} [?] {doc_id}: not a searchable record")
    judged = sorted(((query.judge(item)[0], item) for item in items), key=lambda pair: -pair[0])
    missed = [(grade, item) for grade, item in judged if grade and item.id not in returned[:10]]
    grades = [grade for grade, _ in judged if grade]
    print(f"  in the data: {sum(g == 2 for g in grades)} at grade 2, {sum(g == 1 for g in grades)} at grade 1")
    if missed:
        print("  best in the data but not in the first ten:")
        for grade, item in missed[:8]:
            rank = returned.index(item.id) + 1 if item.id in returned else None
            print(line(f"#{rank}" if rank else "–", item))


def pick(queries: list[Query], text: str) -> Query:
    exact = [query for query in queries if query.q.lower() == text.lower()]
    near = [query for query in queries if text.lower() in query.q.lower()]
    found = exact or near
    if len(found) != 1:
        listed = "\n  ".join(query.q for query in found[:20])
        raise SystemExit(f"{len(found)} judged queries match {text!r}" + (f":\n  {listed}" if found else ""))
    return found[0]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--keep", action="store_true", help="reuse the database and index (rebuilt only when out of date)")
    parser.add_argument("--reindex", action="store_true", help="rebuild the index even with --keep")
    parser.add_argument("--only", metavar="TEXT", help="run only the queries containing TEXT (implies --no-write)")
    parser.add_argument("--explain", metavar="QUERY", help="show the first ten results of one judged query, graded, and why")
    parser.add_argument("--no-write", action="store_true", help=f"do not write {REPORT.name} or {LAST.name}")
    parser.add_argument("--queries", type=Path, default=QUERIES_FILE)
    parser.add_argument("--database-url", default="postgres://skills:skills@127.0.0.1:5432/skills_relevance")
    parser.add_argument("--search-url", default="http://127.0.0.1:9200")
    args = parser.parse_args()

    started = time.perf_counter()
    queries = load_queries(args.queries)
    if args.explain:
        queries = [pick(queries, args.explain)]
    elif args.only:
        queries = [query for query in queries if args.only.lower() in query.q.lower()]
        if not queries:
            raise SystemExit(f"No judged query contains {args.only!r}")
    configure(args)
    setup = prepare(args)
    items = searchable_items()
    if args.explain:
        explain(queries[0], items)
        return

    outcomes = run(queries, items)
    previous = json.loads(LAST.read_text()) if LAST.exists() else {}
    text = report(outcomes, items, previous, setup=setup, seconds=time.perf_counter() - started)
    print(text)
    for outcome in outcomes:
        if outcome.query.nothing_in_data and outcome.relevant_in_data:
            print(f"Note: {outcome.query.q!r} is marked nothing_in_data but the data hold {outcome.relevant_in_data} relevant items")
    worse, _, _ = changes(outcomes, previous)
    if worse:
        print(f"{len(worse)} regressions since the previous run:\n  " + "\n  ".join(worse))
    if args.no_write or args.only:
        print("Nothing written (--no-write or --only).")
        return
    REPORT.write_text(text, encoding="utf-8")
    LAST.write_text(
        json.dumps(
            {
                "run": {"date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "git": git_state(), "machine": machine()},
                "summary": summary(outcomes),
                "queries": {o.query.q: o.figures | {"rules": o.query.fingerprint, "returned10": o.returned[:10]} for o in outcomes},
            },
            indent=1,
            ensure_ascii=False,
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"Wrote {REPORT.relative_to(ROOT)} and {LAST.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
