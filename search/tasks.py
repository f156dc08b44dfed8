"""Celery tasks: thin shells around indexing.py."""

from celery import shared_task

from . import indexing


@shared_task(name="search.drain_outbox", ignore_result=True)
def drain_outbox_task() -> dict:
    """Send pending changes to the engine; also runs every 30 seconds from beat to catch up."""
    return indexing.drain_outbox()


@shared_task(name="search.remove_expired", ignore_result=True)
def remove_expired_task() -> int:
    from .connection import EngineError, EngineUnavailable

    try:
        return indexing.remove_expired()
    except (*EngineUnavailable, EngineError):
        return 0  # next hour's run tries again
