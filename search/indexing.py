"""Writing to the search engine: bulk upsert and delete by record, the outbox drain, and the rebuild
that builds a new versioned index and swaps the alias in one atomic call."""

import logging
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from opensearchpy.helpers import bulk

from .connection import EngineError, EngineUnavailable, get_client, index_name
from .documents import CAMPAIGN_INDEX, OPPORTUNITY_INDEX, index_definition
from .models import IndexOutboxEntry
from .sources import PAGE, SOURCES, SOURCES_BY_LABEL, Source, sources_for

logger = logging.getLogger(__name__)

BATCH_SIZE = 500
LOAD_CHUNK = 2000
MAX_BACKOFF = timedelta(minutes=10)
KEEP_INDICES = 2
INDEXES = tuple(dict.fromkeys(source.index for source in SOURCES))  # opportunities, then campaign content


class RebuildRefused(Exception):
    """The new index would lose too much: the alias was not swapped."""


# Index lifecycle -----------------------------------------------------------------------------------


def physical_indices(name: str) -> list[str]:
    """Physical indices behind an alias name, oldest first (names carry a sortable timestamp)."""
    alias = index_name(name)
    found = get_client().indices.get(index=f"{alias}-v*", ignore_unavailable=True, allow_no_indices=True)
    return sorted(found)


def create_physical_index(name: str) -> str:
    physical = f"{index_name(name)}-v{timezone.now():%Y%m%d%H%M%S%f}"
    get_client().indices.create(index=physical, body=index_definition(name, physical).to_dict())
    return physical


def ensure_indices() -> None:
    """Create each alias with an empty index the first time the platform writes to it."""
    client = get_client()
    for name in INDEXES:
        if not client.indices.exists_alias(name=index_name(name)):
            physical = create_physical_index(name)
            client.indices.put_alias(index=physical, name=index_name(name))


# Writing documents ----------------------------------------------------------------------------------


@dataclass
class SyncResult:
    indexed: int = 0
    rejected: dict = field(default_factory=dict)  # (label, id) -> engine's reason


def _actions(source: Source, ids: list[str], target: str):
    """Upserts for the ids still searchable, deletes for the rest."""
    found = {str(obj.pk): obj for obj in source.get_queryset().filter(pk__in=ids)}
    for object_id in ids:
        obj = found.get(object_id)
        if obj is None:
            yield {"_op_type": "delete", "_index": target, "_id": source.doc_id(object_id)}
        else:
            yield {"_op_type": "index", "_index": target, "_id": source.doc_id(object_id), "_source": source.document(obj)}


def sync_objects(changes: dict[str, list[str]], *, target: str | None = None) -> SyncResult:
    """Bring the index in line with the database for these records, in one bulk request per source.

    Raises EngineUnavailable when the engine cannot be reached; per-document refusals are returned.
    """
    result = SyncResult()
    for label, ids in changes.items():
        source = SOURCES_BY_LABEL[label]
        ids = [str(object_id) for object_id in ids]
        for start in range(0, len(ids), BATCH_SIZE):
            batch = ids[start : start + BATCH_SIZE]
            _, errors = bulk(
                get_client(timeout=30),
                _actions(source, batch, target or index_name(source.index)),
                raise_on_error=False,
                raise_on_exception=True,
                refresh=False,
                # Writing through the alias must never auto-create a plain index of the same name.
                require_alias=target is None,
            )
            failed = set()
            for error in errors:
                operation, detail = next(iter(error.items()))
                if operation == "delete" and detail.get("status") == 404:
                    continue  # already gone: what we wanted
                object_id = detail["_id"].split("-", 1)[1]
                failed.add(object_id)
                result.rejected[(label, object_id)] = str(detail.get("error", detail))[:2000]
            for action_id in batch:
                if action_id not in failed:
                    result.indexed += 1
    return result


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
            ids = changes.setdefault(entry.label, [])
            if entry.object_id not in ids:
                ids.append(entry.object_id)
        try:
            ensure_indices()
            result = sync_objects(changes)
        except (*EngineUnavailable, EngineError) as error:
            for entry in entries:
                entry.attempts += 1
                entry.next_attempt_at = now + min(timedelta(seconds=2**entry.attempts), MAX_BACKOFF)
                entry.last_error = f"{type(error).__name__}: engine unavailable"
            IndexOutboxEntry.objects.bulk_update(entries, ["attempts", "next_attempt_at", "last_error"])
            logger.warning("Search engine unavailable; %d outbox entries wait for a retry", len(entries))
            return {"sent": 0, "rejected": 0, "waiting": len(entries)}
        rejected = [e for e in entries if (e.label, e.object_id) in result.rejected]
        for entry in rejected:
            entry.rejected = True
            entry.attempts += 1
            entry.last_error = result.rejected[(entry.label, entry.object_id)]
        IndexOutboxEntry.objects.bulk_update(rejected, ["rejected", "attempts", "last_error"])
        IndexOutboxEntry.objects.filter(pk__in=[e.pk for e in entries if e not in rejected]).delete()
    return {"sent": result.indexed, "rejected": len(result.rejected), "waiting": 0}


def remove_expired() -> int:
    """Dates pass at midnight without any save. Take items past their closing date out of the index, and
    events that have ended out of the campaign index, and re-send programmes whose next start has gone by
    (the next run takes over, or the programme leaves)."""
    client = get_client(timeout=30)
    today = timezone.localdate().isoformat()
    response = client.delete_by_query(
        index=index_name(OPPORTUNITY_INDEX),
        body={"query": {"range": {"closing_date": {"lt": today}}}},
        params={"conflicts": "proceed", "refresh": "true"},
    )
    ended = client.delete_by_query(
        index=index_name(CAMPAIGN_INDEX),
        body={"query": {"range": {"event_ends": {"lt": timezone.now().isoformat()}}}},
        params={"conflicts": "proceed", "refresh": "true"},
    )
    started = client.search(
        index=index_name(OPPORTUNITY_INDEX),
        body={
            "query": {"bool": {"filter": [{"term": {"kind": "programme"}}, {"range": {"next_start": {"lt": today}}}]}},
            "_source": False,
            "size": 10_000,
        },
    )
    ids = [hit["_id"].split("-", 1)[1] for hit in started["hits"]["hits"]]
    if ids:
        sync_objects({"courses.programme": ids})
        client.indices.refresh(index=index_name(OPPORTUNITY_INDEX))
    return response.get("deleted", 0) + ended.get("deleted", 0) + len(ids)


# Rebuild and check -------------------------------------------------------------------------------------


def _send_chunk(actions: list[dict]) -> None:
    _, errors = bulk(get_client(timeout=120), actions, raise_on_error=False, refresh=False)
    if errors:
        raise RebuildRefused(f"The engine refused {len(errors)} documents, e.g. {str(errors[0])[:500]}")


def _load_all(name: str, target: str, *, since=None) -> int:
    """Stream every searchable record into the target index.

    Documents are built here, in the thread that owns the database connection, while one sender thread
    posts the previous chunk, so Python and the engine work at the same time.
    """
    count = 0
    with ThreadPoolExecutor(max_workers=1) as sender:
        pending = None
        for source in sources_for(name):
            queryset = source.get_queryset().order_by("pk")
            if since is not None:
                field = "last_published_at" if source.label == PAGE else "updated_at"
                queryset = queryset.filter(**{f"{field}__gte": since})
            chunk = []
            for obj in queryset.iterator(chunk_size=LOAD_CHUNK):
                chunk.append({"_op_type": "index", "_index": target, "_id": source.doc_id(obj.pk), "_source": source.document(obj)})
                if len(chunk) == LOAD_CHUNK:
                    if pending:
                        pending.result()
                    pending, chunk = sender.submit(_send_chunk, chunk), []
                    count += LOAD_CHUNK
            if chunk:
                if pending:
                    pending.result()
                pending = sender.submit(_send_chunk, chunk)
                count += len(chunk)
        if pending:
            pending.result()
    return count


def rebuild(name: str, *, max_drop: float = 0.2, stdout=None) -> dict:
    """Build a new versioned index, check it, swap the alias atomically, keep the last two indices."""
    client = get_client(timeout=120)
    alias = index_name(name)
    started = timezone.now()
    physical = create_physical_index(name)
    client.indices.put_settings(index=physical, body={"index": {"refresh_interval": "-1"}})
    loaded = _load_all(name, physical)
    # Records changed while we loaded: send them again so the new index misses nothing.
    _load_all(name, physical, since=started)
    client.indices.put_settings(index=physical, body={"index": {"refresh_interval": "1s"}})
    client.indices.refresh(index=physical)
    new_count = client.count(index=physical)["count"]
    expected = sum(source.get_queryset().count() for source in sources_for(name))
    current = client.count(index=alias)["count"] if client.indices.exists_alias(name=alias) else 0
    for baseline, what in ((expected, "searchable records in the database"), (current, "documents in the live index")):
        if baseline and new_count < baseline * (1 - max_drop):
            client.indices.delete(index=physical)
            raise RebuildRefused(
                f"The new {name} index has {new_count} documents against {baseline} {what}, "
                f"a fall of more than {max_drop:.0%}: the alias was not swapped. Check the database, "
                f"or pass a larger --max-drop if the fall is expected."
            )
    actions = [{"add": {"index": physical, "alias": alias}}]
    for old in physical_indices(name):
        if old != physical and client.indices.exists_alias(name=alias, index=old):
            actions.append({"remove": {"index": old, "alias": alias}})
    client.indices.update_aliases(body={"actions": actions})
    for old in physical_indices(name)[:-KEEP_INDICES]:
        client.indices.delete(index=old)
    # Anything unpublished or deleted while we loaded went to the old index: mend it here.
    drift = check(name, repair=True)
    return {
        "index": physical,
        "documents": new_count,
        "expected": expected,
        "loaded": loaded,
        "previous": current,
        "repaired": len(drift["missing"]) + len(drift["extra"]),
    }


def check(name: str, *, repair: bool = False) -> dict:
    """Compare database and index by id; with repair, fix the drift."""
    client = get_client(timeout=60)
    alias = index_name(name)
    ensure_indices()
    client.indices.refresh(index=alias)
    indexed = set()
    body = {"query": {"match_all": {}}, "_source": False, "size": 5000, "sort": ["_doc"]}
    response = client.search(index=alias, body=body, params={"scroll": "1m"})
    while response["hits"]["hits"]:
        indexed.update(hit["_id"] for hit in response["hits"]["hits"])
        response = client.scroll(body={"scroll_id": response["_scroll_id"], "scroll": "1m"})
    client.clear_scroll(body={"scroll_id": response["_scroll_id"]})
    wanted = {}
    for source in sources_for(name):
        for pk in source.get_queryset().values_list("pk", flat=True):
            wanted[source.doc_id(pk)] = (source.label, str(pk))
    missing = sorted(set(wanted) - indexed)
    extra = sorted(indexed - set(wanted))
    if repair and (missing or extra):
        changes: dict[str, list[str]] = {}
        for doc_id in missing:
            label, pk = wanted[doc_id]
            changes.setdefault(label, []).append(pk)
        by_kind = {source.kind: source for source in sources_for(name)}
        for doc_id in extra:
            kind, pk = doc_id.split("-", 1)
            changes.setdefault(by_kind[kind].label, []).append(pk)
        sync_objects(changes)
        client.indices.refresh(index=alias)
    return {"database": len(wanted), "index": len(indexed), "missing": missing, "extra": extra}

