"""Writing to the search engine: bulk upsert and delete by record, the outbox drain, the rebuild that builds a
new versioned index and swaps the alias in one atomic call, and the check that finds and mends drift.

Every document carries its record's IndexVersion as an external version (version_type=external_gte), so when
two workers send the same record the engine keeps the newer one, whichever lands last; index.gc_deletes keeps a
delete's tombstone long enough for a stale write still in flight to be refused.
"""

import logging
import os
import socket
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from itertools import islice

from django.db import IntegrityError, transaction
from django.db.models import CharField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Cast
from django.utils import timezone
from opensearchpy.exceptions import RequestError
from opensearchpy.helpers import bulk

from .connection import EngineError, EngineUnavailable, get_client, index_changed, index_name
from .documents import CAMPAIGN_INDEX, OPPORTUNITY_INDEX, index_definition, live_settings
from .models import IndexOutboxEntry, IndexRebuild, IndexVersion
from .sources import SOURCES, SOURCES_BY_LABEL, Source, sources_for

logger = logging.getLogger(__name__)

BATCH_SIZE = 500
# The rebuild reads records this many at a time (one server-side cursor fetch, and a query per related list) and sends
# bulk requests of up to SEND_BYTES from SENDERS threads, so the engine indexes one request while the next is built.
LOAD_CHUNK = 2000
SEND_BYTES = 5 * 2**20
SENDERS = 3
LOADING_SETTINGS = {"number_of_replicas": 0, "refresh_interval": "-1"}
CHECK_CHUNK = 5000
MAX_BACKOFF = timedelta(minutes=10)
KEEP_INDICES = 2
# The first physical index of an alias has a fixed name, so two processes creating it at once create one index.
FIRST_INDEX = "v00000000000000000000"  # as wide as the timestamps of rebuilt ones, and sorts before them
INDEXES = tuple(dict.fromkeys(source.index for source in SOURCES))  # opportunities, then campaign content


class RebuildRefused(Exception):
    """The new index would lose too much: the alias was not swapped."""


class RebuildRunning(Exception):
    """Another rebuild of the same index holds the lock."""


# Index lifecycle -----------------------------------------------------------------------------------


def building_alias(name: str) -> str:
    """The alias on the index a rebuild is loading (drains write through it too while the rebuild runs), and
    afterwards on the live index. It never goes missing: a delete sent through a missing alias would make the
    engine create a plain index of that name, and the next rebuild could not take the alias."""
    return f"{index_name(name)}-building"


def physical_indices(name: str) -> list[str]:
    """Physical indices behind an alias name, oldest first (names carry a sortable timestamp)."""
    alias = index_name(name)
    found = get_client().indices.get(index=f"{alias}-v*", ignore_unavailable=True, allow_no_indices=True)
    return sorted(found)


def create_physical_index(name: str, *, physical: str | None = None, aliases: tuple[str, ...] = (), loading: bool = False) -> str:
    """A new physical index. One made for loading has no replicas and no refresh until the load is done (set_live):
    each document is then analysed once, on one node, and no segment is written for searches nobody makes."""
    physical = physical or f"{index_name(name)}-v{timezone.now():%Y%m%d%H%M%S%f}"
    body = index_definition(name, physical).to_dict()
    if loading:
        body["settings"].update(LOADING_SETTINGS)
    body["aliases"] = {alias: {} for alias in aliases}
    get_client().indices.create(index=physical, body=body)
    return physical


def ensure_indices() -> None:
    """Create each alias with an empty index the first time the platform writes to it.

    Safe when several processes start at once: the first index has a fixed name and carries the alias in its
    creation request, so the engine creates it (and the alias) once, and the others get "already exists".
    """
    client = get_client()
    for name in INDEXES:
        alias = index_name(name)
        if client.indices.exists_alias(name=alias):
            continue
        first = f"{alias}-{FIRST_INDEX}"
        try:
            create_physical_index(name, physical=first, aliases=(alias, building_alias(name)))
        except RequestError as error:
            if error.error != "resource_already_exists_exception":
                raise
            if not client.indices.exists_alias(name=alias):
                client.indices.put_alias(index=first, name=alias)  # the alias alone was removed by hand


# Versions --------------------------------------------------------------------------------------------


def with_versions(source: Source, queryset: QuerySet | None = None) -> QuerySet:
    """The source's records with their IndexVersion read in the same statement, so each record's content is at
    least as new as the version it is sent with (a change commits its content and its new version together)."""
    versions = IndexVersion.objects.filter(label=source.label, object_id=Cast(OuterRef("pk"), CharField())).values("version")
    return (queryset if queryset is not None else source.get_queryset()).annotate(index_version=Subquery(versions[:1]))


def versions_of(label: str, object_ids: list[str]) -> dict[str, int]:
    return dict(IndexVersion.objects.filter(label=label, object_id__in=object_ids).values_list("object_id", "version"))


def _versioned(action: dict, version: int | None) -> dict:
    return {**action, "version": version or 0, "version_type": "external_gte"}


# Writing documents ----------------------------------------------------------------------------------


@dataclass
class SyncResult:
    indexed: int = 0
    rejected: dict = field(default_factory=dict)  # (label, id) -> the engine's reason: it will never accept it
    retry: dict = field(default_factory=dict)  # (label, id) -> what went wrong: busy or failing, try again later


def read_batch(source: Source, ids: list[str]) -> list[dict]:
    """Actions that bring these records' documents in line with the database as it is now: an upsert for each
    record still searchable, a delete for the rest, each with its version and without a target index yet."""
    # Read before the records: whatever absence the next statement sees is at least this new.
    earlier = versions_of(source.label, ids)
    found = {str(obj.pk): obj for obj in with_versions(source).filter(pk__in=ids)}
    actions = []
    for object_id in ids:
        obj = found.get(object_id)
        if obj is None:
            actions.append(_versioned({"_op_type": "delete", "_id": source.doc_id(object_id)}, earlier.get(object_id)))
        else:
            action = {"_op_type": "index", "_id": source.doc_id(object_id), "_source": source.document(obj)}
            actions.append(_versioned(action, obj.index_version))
    return actions


def write_targets(name: str) -> list[str]:
    """Where a drain writes: the alias, and while a rebuild runs, the index it is loading.

    Asked after the batch was read: a drain that finds no rebuild here read its records before a rebuild
    that starts now can read them, so that rebuild's load has them at least as new."""
    targets = [index_name(name)]
    if IndexRebuild.objects.filter(index=name, loading=True).exists():
        targets.append(building_alias(name))
    return targets


def _outcome(operation: str, detail: dict, building: str) -> str:
    """ok, retry or reject, for one item of a bulk answer that was not a plain success."""
    status = detail.get("status", 500)
    kind = (detail.get("error") or {}).get("type", "")
    if status == 409:
        return "ok"  # the index already holds a newer version
    if status == 404 and (operation == "delete" and not kind or detail.get("_index") == building):
        return "ok"  # already gone, or the rebuild this drain also wrote for has finished (or died)
    if status == 429 or status >= 500 or kind == "index_not_found_exception":
        return "retry"  # busy, failing, or the alias is being created again: the engine will take it later
    return "reject"


def send_batch(source: Source, actions: list[dict], targets: list[str], result: SyncResult) -> None:
    """One bulk request for the batch to every target, so an alias swap happens before or after all of it."""
    building = building_alias(source.index)
    _, errors = bulk(
        get_client(timeout=30),
        [{**action, "_index": target} for target in targets for action in actions],
        raise_on_error=False,
        raise_on_exception=True,
        refresh=False,
        # Writing through an alias must never auto-create a plain index of the same name.
        require_alias=True,
    )
    failed = set()
    for error in errors:
        operation, detail = next(iter(error.items()))
        outcome = _outcome(operation, detail, building)
        if outcome == "ok":
            continue
        object_id = detail["_id"].split("-", 1)[1]
        key = (source.label, object_id)
        failed.add(object_id)
        kind = (detail.get("error") or {}).get("type", f"status {detail.get('status')}")
        if outcome == "reject":
            result.retry.pop(key, None)
            # The reason may quote a field's value (personal text): it stays on the row for staff, not in the log.
            result.rejected[key] = str(detail.get("error", detail))[:2000]
            logger.error("The search engine rejected %s %s (%s): see the search index problems report", source.label, object_id, kind)
        elif key not in result.rejected:
            result.retry[key] = kind
    result.indexed += sum(1 for action in actions if action["_id"].split("-", 1)[1] not in failed)


def sync_objects(changes: dict[str, list[str]]) -> SyncResult:
    """Bring the index in line with the database for these records, in one bulk request per source and batch.

    Raises EngineUnavailable when the engine cannot be reached; per-document refusals are returned.
    """
    result = SyncResult()
    for label, ids in changes.items():
        source = SOURCES_BY_LABEL[label]
        ids = [str(object_id) for object_id in dict.fromkeys(ids)]
        for start in range(0, len(ids), BATCH_SIZE):
            actions = read_batch(source, ids[start : start + BATCH_SIZE])
            send_batch(source, actions, write_targets(source.index), result)
    return result


def _back_off(entries: list[IndexOutboxEntry], now, reason) -> None:
    for entry in entries:
        entry.attempts += 1
        entry.next_attempt_at = now + min(timedelta(seconds=2**entry.attempts), MAX_BACKOFF)
        entry.last_error = reason(entry) if callable(reason) else reason
    IndexOutboxEntry.objects.bulk_update(entries, ["attempts", "next_attempt_at", "last_error"])


def drain_outbox(*, limit: int = 5000) -> dict:
    """Send what the outbox holds to the engine. Safe to run at any time, from any number of workers."""
    now = timezone.now()
    with transaction.atomic():
        entries = list(
            IndexOutboxEntry.objects.select_for_update(skip_locked=True)
            .filter(rejected=False, next_attempt_at__lte=now)
            .order_by("id")[:limit]
        )
        if not entries:
            return {"sent": 0, "rejected": 0, "waiting": 0}
        changes: dict[str, list[str]] = {}
        for entry in entries:
            changes.setdefault(entry.label, []).append(entry.object_id)
        try:
            ensure_indices()
            result = sync_objects(changes)
        except (*EngineUnavailable, EngineError) as error:
            _back_off(entries, now, f"{type(error).__name__}: engine unavailable")
            logger.warning("Search engine unavailable; %d outbox entries wait for a retry", len(entries))
            return {"sent": 0, "rejected": 0, "waiting": len(entries)}
        rejected = [e for e in entries if (e.label, e.object_id) in result.rejected]
        for entry in rejected:
            entry.rejected, entry.rejected_at = True, now
            entry.attempts += 1
            entry.last_error = result.rejected[(entry.label, entry.object_id)]
        IndexOutboxEntry.objects.bulk_update(rejected, ["rejected", "rejected_at", "attempts", "last_error"])
        waiting = [e for e in entries if (e.label, e.object_id) in result.retry]
        _back_off(waiting, now, lambda entry: f"{result.retry[(entry.label, entry.object_id)]}: the engine will be asked again")
        if waiting:
            logger.warning("The search engine was busy or failing for %d documents; they wait for a retry", len(waiting))
        kept = {e.pk for e in rejected + waiting}
        IndexOutboxEntry.objects.filter(pk__in=[e.pk for e in entries if e.pk not in kept]).delete()
    return {"sent": result.indexed, "rejected": len(result.rejected), "waiting": len(waiting)}


def rejected_entries() -> QuerySet:
    """What the engine refused and will not be sent again until someone tries it again, newest first."""
    return IndexOutboxEntry.objects.filter(rejected=True).order_by("-rejected_at", "-id")


def retry_rejected(*, entry_ids: list[int]) -> int:
    """Staff fixed the cause (a mapping, the record): send these again with the next drain."""
    with transaction.atomic():
        count = IndexOutboxEntry.objects.filter(pk__in=entry_ids, rejected=True).update(
            rejected=False, rejected_at=None, attempts=0, next_attempt_at=timezone.now()
        )
        if count:
            from .tasks import drain_outbox_task

            transaction.on_commit(_queue_drain(drain_outbox_task))
    return count


def _queue_drain(task):
    def queue():
        try:
            task.delay()
        except Exception:  # broker down: the periodic drain picks the rows up
            logger.warning("Could not queue the search sync task; the outbox keeps the change", exc_info=True)

    return queue


def remove_expired() -> int:
    """Dates pass at midnight without any save. Re-send, from the database, items the index holds past their
    closing date, events that have ended, and programmes whose next start has gone by (the next run takes
    over, or the programme leaves). Deletes carry versions like any other, so a stale write cannot undo them."""
    client = get_client(timeout=30)
    today = timezone.localdate().isoformat()
    due = {
        OPPORTUNITY_INDEX: [
            {"range": {"closing_date": {"lt": today}}},
            {"bool": {"filter": [{"term": {"kind": "programme"}}, {"range": {"next_start": {"lt": today}}}]}},
        ],
        CAMPAIGN_INDEX: [{"range": {"event_ends": {"lt": timezone.now().isoformat()}}}],
    }
    changes: dict[str, list[str]] = {}
    for name, queries in due.items():
        kinds = {source.kind: source.label for source in sources_for(name)}
        body = {"query": {"bool": {"should": queries, "minimum_should_match": 1}}, "_source": False, "size": 10_000}
        for hit in client.search(index=index_name(name), body=body)["hits"]["hits"]:
            kind, object_id = hit["_id"].split("-", 1)
            changes.setdefault(kinds[kind], []).append(object_id)
    if changes:
        sync_objects(changes)
        for name in due:
            client.indices.refresh(index=index_name(name))
    return sum(len(ids) for ids in changes.values())


# Rebuild and check -------------------------------------------------------------------------------------


@contextmanager
def rebuild_lock(name: str):
    """One rebuild of an index at a time, across processes and hosts: a row with a unique name. The row is
    also the marker drains read to write to the new index as well (write_targets)."""
    try:
        with transaction.atomic():
            lock = IndexRebuild.objects.create(index=name, started_by=f"{socket.gethostname()} pid {os.getpid()}")
    except IntegrityError:
        held = IndexRebuild.objects.filter(index=name).first()
        since = f"since {timezone.localtime(held.started_at):%Y-%m-%d %H:%M} ({held.started_by})" if held else "just now"
        raise RebuildRunning(
            f"A rebuild of the {name} index is already running, started {since}. Wait for it to finish; if that "
            f"process has died, run `manage.py search_index --unlock --index {name}` and rebuild again."
        ) from None
    try:
        yield lock
    finally:
        IndexRebuild.objects.filter(pk=lock.pk).delete()


def _move_building_alias(name: str, to: str | None) -> None:
    """Put the building alias on one index (or none), in one call, so no write finds it missing."""
    client = get_client(timeout=60)
    building = building_alias(name)
    if client.indices.exists(index=building) and not client.indices.exists_alias(name=building):
        client.indices.delete(index=building)  # a plain index a delete created when the alias was missing
    actions = [{"remove": {"index": held, "alias": building}} for held in _holding(building) if held != to]
    if to:
        actions.append({"add": {"index": to, "alias": building}})
    if actions:
        client.indices.update_aliases(body={"actions": actions})


def _holding(alias: str) -> list[str]:
    client = get_client(timeout=60)
    return list(client.indices.get_alias(name=alias)) if client.indices.exists_alias(name=alias) else []


def unlock(name: str) -> str:
    """The way out when a rebuild died holding the lock: drop its half-built index and the lock."""
    client = get_client(timeout=60)
    live = _holding(index_name(name))
    dropped = [physical for physical in _holding(building_alias(name)) if physical not in live]
    _move_building_alias(name, live[0] if live else None)
    for physical in dropped:
        client.indices.delete(index=physical)
    held = IndexRebuild.objects.filter(index=name).first()
    IndexRebuild.objects.filter(index=name).delete()
    if held is None:
        return f"{name}: no rebuild held the lock" + (f"; dropped {', '.join(dropped)}" if dropped else "")
    return f"{name}: released the lock of the rebuild started by {held.started_by}" + (
        f" and dropped its half-built index {', '.join(dropped)}" if dropped else ""
    )


def _load_all(name: str, target: str) -> int:
    """Stream every searchable record, with its version, into the target index.

    Documents are built and serialised here, in the thread that owns the database connection (and sees what it
    sees), from a server-side cursor read a chunk at a time; SENDERS threads post the requests already built, so
    the engine indexes while the next request is built. No more than SENDERS + 1 requests wait at a time, so memory
    stays flat whatever the count."""
    client = get_client(timeout=120)
    count = 0
    with ThreadPoolExecutor(max_workers=SENDERS) as senders:
        pending: deque[Future] = deque()
        for body, documents in _bulk_bodies(name, target, client.transport.serializer):
            if len(pending) > SENDERS:
                _refuse_unless_accepted(pending.popleft().result())
            pending.append(senders.submit(_send_body, client, body))
            count += documents
        while pending:
            _refuse_unless_accepted(pending.popleft().result())
    return count


def _bulk_bodies(name: str, target: str, serializer) -> Iterator[tuple[bytes, int]]:
    """Bulk request bodies (newline-delimited JSON) of up to SEND_BYTES each, and how many documents each holds."""
    lines, size = [], 0
    for source in sources_for(name):
        for pk, version, document in source.documents(with_versions(source), chunk_size=LOAD_CHUNK):
            action = {"index": {"_index": target, "_id": source.doc_id(pk), "version": version or 0, "version_type": "external_gte"}}
            line = f"{serializer.dumps(action)}\n{serializer.dumps(document)}\n".encode()
            if lines and size + len(line) > SEND_BYTES:
                yield b"".join(lines), len(lines)
                lines, size = [], 0
            lines.append(line)
            size += len(line)
    if lines:
        yield b"".join(lines), len(lines)


def _send_body(client, body: bytes) -> list[dict]:
    """Post one bulk request; what the engine refused (a 409 means a drain already sent a newer version: not refused)."""
    answer = client.bulk(body=body, params={"refresh": "false"})
    if not answer["errors"]:
        return []
    return [item for item in answer["items"] if next(iter(item.values())).get("status", 500) not in {200, 201, 409}]


def _refuse_unless_accepted(refused: list[dict]) -> None:
    if refused:
        raise RebuildRefused(f"The engine refused {len(refused)} documents, e.g. {str(refused[0])[:500]}")


def set_live(physical: str) -> None:
    """Give a loaded index the replicas and refresh interval it serves with, and make what it holds searchable."""
    client = get_client(timeout=120)
    wanted = live_settings()
    client.indices.put_settings(index=physical, body={"index": wanted})
    client.indices.refresh(index=physical)
    if not wanted["number_of_replicas"]:
        return
    # Copy the shards before the alias moves, so the new index is as safe as the one it replaces; a cluster with too
    # few nodes to hold every copy never gets there (its live index is no safer), so it is not waited for.
    if client.cluster.health()["number_of_data_nodes"] <= wanted["number_of_replicas"]:
        logger.warning("Too few search nodes for %d replicas of %s: its copies wait for more nodes", wanted["number_of_replicas"], physical)
        return
    health = client.cluster.health(index=physical, wait_for_status="green", timeout="120s", params={"request_timeout": 130})
    if health.get("timed_out"):
        logger.warning("The replicas of %s were not all placed within 2 minutes; swapping the alias anyway", physical)


def rebuild(name: str, *, max_drop: float = 0.2, stdout=None) -> dict:
    """Build a new versioned index, check it, swap the alias atomically, keep the last two indices.

    Nothing changed during the rebuild is lost: from the moment the lock is taken, drains write every change to
    the new index as well as the live one (write_targets), whether or not it touched updated_at; versions
    keep the newer of a drain's and the load's document."""
    with rebuild_lock(name):
        return _rebuild(name, max_drop=max_drop)


def _rebuild(name: str, *, max_drop: float) -> dict:
    client = get_client(timeout=120)
    alias = index_name(name)
    physical = create_physical_index(name, loading=True)
    _move_building_alias(name, physical)
    # Only now, with the alias in place, may drains write through it; from here on the load reads after them.
    IndexRebuild.objects.filter(index=name).update(loading=True)
    loaded = _load_all(name, physical)
    set_live(physical)
    new_count = client.count(index=physical)["count"]
    expected = sum(source.get_queryset().count() for source in sources_for(name))
    current = client.count(index=alias)["count"] if client.indices.exists_alias(name=alias) else 0
    for baseline, what in ((expected, "searchable records in the database"), (current, "documents in the live index")):
        if baseline and new_count < baseline * (1 - max_drop):
            live = _holding(alias)
            _move_building_alias(name, live[0] if live else None)
            client.indices.delete(index=physical)
            raise RebuildRefused(
                f"The new {name} index has {new_count} documents against {baseline} {what}, "
                f"a fall of more than {max_drop:.0%}: the alias was not swapped. Check the database, "
                f"or pass a larger --max-drop if the fall is expected."
            )
    # One call: a drain's bulk request that resolves the aliases before it reaches the new index through the building
    # alias, one after reaches it through both (the building alias stays on the live index until the next rebuild).
    actions = [{"add": {"index": physical, "alias": alias}}]
    for old in physical_indices(name):
        if old != physical and client.indices.exists_alias(name=alias, index=old):
            actions.append({"remove": {"index": old, "alias": alias}})
    client.indices.update_aliases(body={"actions": actions})
    for old in physical_indices(name)[:-KEEP_INDICES]:
        client.indices.delete(index=old)
    drift = check(name, repair=True)
    index_changed()  # answers remembered from the old index are out of date
    return {
        "index": physical,
        "documents": new_count,
        "expected": expected,
        "loaded": loaded,
        "previous": current,
        "repaired": sum(len(drift[kind]) for kind in ("missing", "extra", "stale", "ahead")),
    }


def check(name: str, *, repair: bool = False) -> dict:
    """Compare database and index document by document: ids, and the version each document holds against its
    record's IndexVersion. With repair, re-send what is missing, extra or stale.

    "ahead" counts documents holding a newer version than the database knows, written before versions were kept
    (an index from before the upgrade): the engine would refuse every change to them, so repair first raises
    their records' versions past the document's."""
    client = get_client(timeout=60)
    alias = index_name(name)
    ensure_indices()
    client.indices.refresh(index=alias)
    in_index = client.count(index=alias)["count"]
    # A chunk of records at a time, the index read before the database as a drain would see them, so memory holds a
    # chunk whatever the count: what drifted is all that is kept.
    wanted: dict[str, tuple[str, str, int]] = {}  # what drifted: doc id -> (label, pk, version in the database)
    indexed: dict[str, int] = {}  # what drifted: doc id -> version in the index
    missing, stale, ahead, database, matched = [], [], [], 0, 0
    for source in sources_for(name):
        for chunk, held in _chunks_held(client, alias, source):
            records = with_versions(source).filter(pk__gte=chunk[0], pk__lte=chunk[-1]).values_list("pk", "index_version")
            for pk, version in records:
                doc_id, version = source.doc_id(pk), version or 0
                database += 1
                if doc_id in held:
                    matched += 1
                    if held[doc_id] == version:
                        continue
                    (stale if held[doc_id] < version else ahead).append(doc_id)
                    indexed[doc_id] = held[doc_id]
                else:
                    missing.append(doc_id)
                wanted[doc_id] = (source.label, str(pk), version)
    extra = _extra(client, alias, name) if in_index > matched else []
    missing, extra, stale, ahead = sorted(missing), sorted(extra), sorted(stale), sorted(ahead)
    if repair and (missing or extra or stale or ahead):
        changes: dict[str, list[str]] = {}
        for doc_id in ahead:
            label, pk, _ = wanted[doc_id]
            _raise_version(label, pk, above=indexed[doc_id])
        for doc_id in missing + stale + ahead:
            label, pk, _ = wanted[doc_id]
            changes.setdefault(label, []).append(pk)
        by_kind = {source.kind: source for source in sources_for(name)}
        for doc_id in extra:
            kind, pk = doc_id.split("-", 1)
            changes.setdefault(by_kind[kind].label, []).append(pk)
        sync_objects(changes)
        client.indices.refresh(index=alias)
    return {"database": database, "index": in_index, "missing": missing, "extra": extra, "stale": stale, "ahead": ahead}


def _chunks_held(client, alias: str, source: Source) -> Iterator[tuple[list, dict[str, int]]]:
    """The source's records' pks a chunk at a time, each chunk with the versions the index holds for them. The next
    chunk's are read from the index (in a thread) while the caller reads this one's from the database, so the two
    waits overlap (a third off the check a rebuild ends with); each chunk is still read from the index first."""
    pks = source.get_queryset().order_by("pk").values_list("pk", flat=True).iterator(chunk_size=CHECK_CHUNK)
    with ThreadPoolExecutor(max_workers=1) as index_reader:

        def read(chunk: list) -> Future | None:
            return index_reader.submit(_versions_held, client, alias, [source.doc_id(pk) for pk in chunk]) if chunk else None

        chunk = list(islice(pks, CHECK_CHUNK))
        reading = read(chunk)
        while chunk:
            following = list(islice(pks, CHECK_CHUNK))
            following_reading = read(following)
            yield chunk, reading.result()
            chunk, reading = following, following_reading


def _versions_held(client, alias: str, doc_ids: list[str]) -> dict[str, int]:
    body = {"query": {"ids": {"values": doc_ids}}, "_source": False, "version": True, "size": len(doc_ids)}
    return {hit["_id"]: hit.get("_version", 0) for hit in client.search(index=alias, body=body)["hits"]["hits"]}


def _extra(client, alias: str, name: str) -> list[str]:
    """Documents whose record is gone or no longer searchable: the index read a page at a time, each page's ids
    looked up in the database."""
    by_kind = {source.kind: source for source in sources_for(name)}
    extra = []
    body = {"query": {"match_all": {}}, "_source": False, "size": CHECK_CHUNK, "sort": ["_doc"]}
    response = client.search(index=alias, body=body, params={"scroll": "1m"})
    while hits := response["hits"]["hits"]:
        pks: dict[str, list[int]] = {}
        for hit in hits:
            kind, _, pk = hit["_id"].rpartition("-")
            pks.setdefault(kind, []).append(int(pk))
        for kind, ids in pks.items():
            found = set(by_kind[kind].get_queryset().filter(pk__in=ids).values_list("pk", flat=True))
            extra.extend(f"{kind}-{pk}" for pk in ids if pk not in found)
        response = client.scroll(body={"scroll_id": response["_scroll_id"], "scroll": "1m"})
    client.clear_scroll(body={"scroll_id": response["_scroll_id"]})
    return extra


def _raise_version(label: str, object_id: str, *, above: int) -> None:
    with transaction.atomic():
        version, _ = IndexVersion.objects.select_for_update().get_or_create(label=label, object_id=object_id)
        if version.version <= above:
            version.version = above + 1
            version.save(update_fields=["version"])


def reconcile() -> dict:
    """The scheduled check: compare every document with the database, mend drift, say what was mended."""
    report = {}
    for name in INDEXES:
        drift = check(name, repair=True)
        report[name] = {kind: len(drift[kind]) for kind in ("missing", "extra", "stale", "ahead")}
        if any(report[name].values()):
            index_changed()
            logger.warning(
                "Search index %s drifted from the database: re-sent %d missing, %d extra, %d stale documents, and %d "
                "written before versions were kept",
                name, report[name]["missing"], report[name]["extra"], report[name]["stale"], report[name]["ahead"],
            )
        else:
            logger.info("Search index %s is in step with the database (%d documents)", name, drift["index"])
    return report
