"""Index integrity under faults (issue 12): races, an unreachable or busy engine, a broker outage, a rebuild under
load, against the real PostgreSQL, Redis and OpenSearch. Figures, not assertions: the quick versions in
tests/faults/test_index_integrity.py assert the zeros; this script runs the long versions and prints the figures
that go in benchmarks/FAULTS.md.

    .venv/bin/python -m benchmarks.faults integrity      # or: integrity 1 3 (any of 1, 2, 3, 5, 7)
    (needs `make services`; uses the database skills_faults_integrity and index prefix "faultsintegrity")

Each scenario function takes its sizes, so the tests run the same code small.
"""

import os
import random
import socket
import subprocess
import tempfile
import threading
import time
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

from benchmarks.databases import create_database_if_missing
from tests.helpers import celery_broker, free_port

ROOT = Path(__file__).resolve().parents[2]
HELP = "scenarios 1, 2, 3, 5, 7: races, an unreachable or busy engine, a broker outage, a rebuild under load"


# Shared machinery -----------------------------------------------------------------------------------------


@contextmanager
def drain_workers(count: int = 2, *, batch: int = 50, pause: float = 0.02):
    """Real drain workers: threads with their own database connections, each draining small batches in a loop,
    as several Celery workers would."""
    from django.db import connection

    from search import indexing

    stop, errors = threading.Event(), []

    def work():
        try:
            while not stop.is_set():
                try:
                    indexing.drain_outbox(limit=batch)
                except Exception as error:  # noqa: BLE001 - recorded: the figures say what failed
                    errors.append(error)
                time.sleep(pause)
        finally:
            connection.close()

    threads = [threading.Thread(target=work, daemon=True) for _ in range(count)]
    for thread in threads:
        thread.start()
    try:
        yield errors
    finally:
        stop.set()
        for thread in threads:
            thread.join()


@contextmanager
def backoff_cap(seconds: float):
    """Quick versions cap the retry back-off so they settle in seconds; the long ones keep the real cap."""
    from search import indexing

    saved = indexing.MAX_BACKOFF
    indexing.MAX_BACKOFF = timedelta(seconds=seconds)
    try:
        yield
    finally:
        indexing.MAX_BACKOFF = saved


def settle(*, timeout: float = 900.0) -> float:
    """Drain until nothing waits (honouring back-off), then refresh; the seconds it took."""
    from search import indexing
    from search.models import IndexOutboxEntry
    from tests.search.helpers import refresh

    started = time.monotonic()
    while IndexOutboxEntry.objects.filter(rejected=False).exists():
        assert time.monotonic() - started < timeout, "the outbox did not empty"
        if not indexing.drain_outbox()["sent"]:
            time.sleep(0.2)
    refresh()
    return time.monotonic() - started


def published_programmes(count: int, title: str) -> list:
    """In one transaction, as an import would: one drain task for all of them, not one per save."""
    from django.db import transaction

    from publishing.models import Status
    from tests.courses.factories import ProgrammeFactory, ProviderFactory

    with transaction.atomic():
        provider = ProviderFactory()
        return [ProgrammeFactory(provider=provider, title=f"{title} {number}", status=Status.PUBLISHED) for number in range(count)]


def lost_updates(programmes) -> int:
    """Programmes whose document is not what the database says now: missing, stale, or present though gone."""
    from courses.models import Programme
    from search.connection import get_client, index_name
    from search.documents import OPPORTUNITY_INDEX
    from search.sources import programme_queryset

    ids = [programme.pk for programme in programmes]
    searchable = dict(programme_queryset().filter(pk__in=ids).values_list("pk", "title"))
    held = get_client().mget(index=index_name(OPPORTUNITY_INDEX), body={"ids": [f"programme-{pk}" for pk in ids]})["docs"]
    lost = 0
    for pk, doc in zip(ids, held):
        indexed = doc["_source"]["title"] if doc.get("found") else None
        lost += indexed != searchable.get(pk)
    assert Programme.objects.filter(pk__in=ids).count() == len(ids)
    return lost


def edit(programme, title: str) -> None:
    programme.title = title
    programme.save()


# Scenarios -----------------------------------------------------------------------------------------------


def scenario_1_race(*, items: int = 50, background: int = 200, seed: int = 1) -> dict:
    """An import keeps two drain workers busy while items are edited and then taken down within 200 ms."""
    from django.db import connection, transaction

    from publishing.models import Status
    from search.signals import record_changes
    from search.sources import PROGRAMME

    rng = random.Random(seed)
    subjects = published_programmes(items, "Race subject")
    others = [programme.pk for programme in published_programmes(background, "Race background")]
    settle()
    importing = threading.Event()

    def keep_importing():
        try:
            while not importing.is_set():
                with transaction.atomic():
                    record_changes(PROGRAMME, others)
                time.sleep(0.05)
        finally:
            connection.close()

    importer = threading.Thread(target=keep_importing, daemon=True)
    started = time.monotonic()
    with drain_workers(2, batch=25) as errors:
        importer.start()
        for programme in subjects:
            edit(programme, f"{programme.title} edited")
            time.sleep(rng.uniform(0, 0.2))
            programme.status = Status.WITHDRAWN
            programme.save()
        importing.set()
        importer.join()
    took = time.monotonic() - started
    settle()
    return {"take-downs": items, "stale documents": lost_updates(subjects), "drain errors": len(errors), "seconds": round(took, 1)}


def scenario_2_engine_down(*, changes: int = 5000, outage: float = 30.0) -> dict:
    """The engine is unreachable while a bulk load of changes is made and drained; then it is back."""
    from django.conf import settings
    from django.db import transaction

    from benchmarks.faults.proxy import EngineProxy
    from courses.models import Programme
    from search.signals import record_changes
    from search.sources import PROGRAMME

    programmes = published_programmes(changes, "Outage course")
    settle()
    saved_url = settings.SEARCH_URL
    with EngineProxy(saved_url) as proxy:
        settings.SEARCH_URL = proxy.url
        try:
            proxy.down = True
            with drain_workers(2, batch=500):
                for start in range(0, changes, 500):
                    chunk = [programme.pk for programme in programmes[start : start + 500]]
                    with transaction.atomic():  # as an import writes: a chunk of records and their outbox rows
                        for programme in Programme.objects.filter(pk__in=chunk):
                            programme.title = f"{programme.title} revised"
                            programme.save(update_fields=["title"])
                        record_changes(PROGRAMME, chunk)
                time.sleep(outage)
            proxy.heal()
            caught_up = settle()
        finally:
            settings.SEARCH_URL = saved_url
    for programme in programmes:
        programme.refresh_from_db()
    return {"changes": changes, "outage seconds": outage, "lost updates": lost_updates(programmes), "catch-up seconds": round(caught_up, 1)}


def scenario_3_busy(*, changes: int = 2000, share: float = 0.3) -> dict:
    """The engine answers 429 to a share of bulk items."""
    from django.conf import settings

    from benchmarks.faults.proxy import EngineProxy

    saved_url = settings.SEARCH_URL
    with EngineProxy(saved_url) as proxy:
        settings.SEARCH_URL = proxy.url
        try:
            proxy.bulk_busy_share = share
            started = time.monotonic()
            programmes = published_programmes(changes, "Busy engine course")
            with drain_workers(2, batch=200):
                for programme in programmes[: changes // 2]:
                    edit(programme, f"{programme.title} revised")
            took = settle()
            busy = proxy.busy_items
        finally:
            settings.SEARCH_URL = saved_url
    for programme in programmes:
        programme.refresh_from_db()
    return {
        "changes": changes,
        "busy share": share,
        "items answered 429": busy,
        "lost updates": lost_updates(programmes),
        "seconds": round(time.monotonic() - started, 1),
        "settle seconds": round(took, 1),
    }


@contextmanager
def own_redis():
    """A redis-server of our own on a free port (never the shared one), that the scenario may stop and start."""
    port, folder = free_port(), tempfile.mkdtemp(prefix="faults-redis-")
    server = {}

    def start():
        server["process"] = subprocess.Popen(
            ["redis-server", "--port", str(port), "--save", "", "--appendonly", "no", "--dir", folder],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", port)) == 0:
                    return
            time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop():
        server["process"].terminate()
        server["process"].wait(timeout=10)

    start()
    try:
        yield f"redis://127.0.0.1:{port}/0", start, stop
    finally:
        if server["process"].poll() is None:
            stop()


def scenario_5_broker_down(*, edits: int = 200, outage: float = 60.0) -> dict:
    """The broker is down for a while as items are edited: each edit's task cannot be queued; the outbox keeps
    the change, and the periodic drain sends it once the broker is back."""
    from search.models import IndexOutboxEntry

    programmes = published_programmes(edits, "Broker outage course")
    settle()
    with own_redis() as (url, start, stop), celery_broker(url) as app:
        stop()
        deadline, number = time.monotonic() + outage, 0
        while number < edits or time.monotonic() < deadline:
            if number < edits:
                edit(programmes[number], f"{programmes[number].title} revised")
                number += 1
            else:
                time.sleep(0.1)
        waiting = IndexOutboxEntry.objects.count()
        start()
        # The broker answers again: beat's next tick queues the drain, and a worker runs it, as settle() does here.
        with app.connection_for_write() as broker:
            broker.ensure_connection(max_retries=3)
        caught_up = settle()
    for programme in programmes:
        programme.refresh_from_db()
    return {
        "edits": edits,
        "outage seconds": outage,
        "changes waiting in the outbox": waiting,
        "lost updates": lost_updates(programmes),
        "catch-up seconds": round(caught_up, 1),
    }


def scenario_7_rebuild_under_load(*, items: int = 2000, seconds_of_edits: float = 0.0) -> dict:
    """Searches and edits (including take-downs) go on while the index is rebuilt."""
    from django.db import connection

    from publishing.models import Status
    from search import indexing
    from search.documents import OPPORTUNITY_INDEX
    from search.params import parse
    from search.service import search_opportunities

    programmes = published_programmes(items, "Rebuild load course")
    settle()
    params, _ = parse({"q": "rebuild load"})
    stop, answers, failures, edited = threading.Event(), [], [], []

    def search():
        while not stop.is_set():
            try:
                answers.append(search_opportunities(params, with_facets=False).mode)
            except Exception as error:  # noqa: BLE001 - counted: the figure is the number of failures
                failures.append(error)
        connection.close()

    def keep_editing():
        rng = random.Random(7)
        try:
            while not stop.is_set():
                programme = rng.choice(programmes)
                if rng.random() < 0.2:
                    programme.status = Status.WITHDRAWN
                edit(programme, f"Rebuild load course edited {len(edited)}")
                edited.append(programme.pk)
                time.sleep(0.01)
        finally:
            connection.close()

    threads = [threading.Thread(target=search, daemon=True), threading.Thread(target=keep_editing, daemon=True)]
    started = time.monotonic()
    with drain_workers(2, batch=100):
        for thread in threads:
            thread.start()
        result = indexing.rebuild(OPPORTUNITY_INDEX)
        time.sleep(seconds_of_edits)
        stop.set()
        for thread in threads:
            thread.join()
    took = time.monotonic() - started
    settle()
    for programme in programmes:
        programme.refresh_from_db()
    return {
        "documents": result["documents"],
        "edits during the rebuild": len(edited),
        "searches": len(answers),
        "failed searches": len(failures),
        "basic-mode answers": sum(1 for mode in answers if mode != "full"),
        "updates missing after the swap": lost_updates(programmes),
        "repaired by the final check": result["repaired"],
        "seconds": round(took, 1),
    }


SCENARIOS = {
    "1": lambda: scenario_1_race(items=50, background=500),
    "2": lambda: scenario_2_engine_down(changes=5000, outage=30.0),
    "3": lambda: scenario_3_busy(changes=2000, share=0.3),
    "5": lambda: scenario_5_broker_down(edits=200, outage=60.0),
    "7": lambda: scenario_7_rebuild_under_load(items=5000),
}


def add_arguments(parser) -> None:
    parser.add_argument("scenarios", nargs="*", help=f"which of {', '.join(SCENARIOS)} to run (all by default)")


def run(args) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.bench_settings")
    os.environ.setdefault("DATABASE_URL", "postgres://skills:skills@127.0.0.1:5432/skills_faults_integrity")
    os.environ.setdefault("SEARCH_URL", "http://127.0.0.1:9200")
    os.environ["SEARCH_INDEX_PREFIX"] = "faultsintegrity"
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from search import indexing
    from search.connection import get_client

    create_database_if_missing(os.environ["DATABASE_URL"])
    call_command("migrate", verbosity=0)
    unknown = set(args.scenarios) - set(SCENARIOS)
    if unknown:
        raise SystemExit(f"No scenario {', '.join(sorted(unknown))} here: choose from {', '.join(SCENARIOS)}")
    for number in args.scenarios or SCENARIOS:
        for name in indexing.INDEXES:  # each scenario starts from empty indices
            for physical in indexing.physical_indices(name):
                get_client().indices.delete(index=physical)
        indexing.ensure_indices()
        figures = SCENARIOS[number]()
        print(f"Scenario {number}: " + ", ".join(f"{key} {value}" for key, value in figures.items()), flush=True)

