"""Celery tasks: thin shells around indexing.py, alerts.py and clicks.py."""

from celery import shared_task

from . import indexing
from .connection import index_changed


# acks_late: a drain whose worker died is run again. That is safe: the outbox rows go only once the engine has the
# documents, and each goes with its version, so sending one twice changes nothing.
@shared_task(name="search.drain_outbox", ignore_result=True, acks_late=True)
def drain_outbox_task() -> dict:
    """Send pending changes to the engine; also runs every 30 seconds from beat to catch up."""
    result = indexing.drain_outbox()
    if result.get("sent"):
        index_changed()  # pathway plans built from the old contents are built again
    return result


@shared_task(name="search.reconcile_index", ignore_result=True, acks_late=True)
def reconcile_index_task() -> dict:
    """Hourly from beat: compare each document with the database (by version) and mend drift."""
    from .connection import EngineError, EngineUnavailable

    try:
        return indexing.reconcile()
    except (*EngineUnavailable, EngineError):
        return {}  # next hour's run tries again


@shared_task(name="search.remove_expired", ignore_result=True, acks_late=True)
def remove_expired_task() -> int:
    from .connection import EngineError, EngineUnavailable

    try:
        removed = indexing.remove_expired()
    except (*EngineUnavailable, EngineError):
        return 0  # next hour's run tries again
    if removed:
        index_changed()
    return removed


@shared_task(name="search.send_alerts", ignore_result=True)
def send_alerts_task() -> dict:
    """Hourly from beat: email saved searches' new matches, each search daily or weekly."""
    from outbox.services import send_soon

    from . import alerts

    counts = alerts.send_due_alerts()
    send_soon()
    return counts


@shared_task(name="search.saved_item_reminders", ignore_result=True)
def saved_item_reminders_task() -> int:
    """Daily from beat: remind residents of saved items that close in the next few days."""
    from outbox.services import send_soon

    from . import alerts

    reminded = alerts.send_saved_item_reminders()
    send_soon()
    return reminded


@shared_task(name="search.delete_old_search_log", ignore_result=True)
def delete_old_search_log_task() -> dict:
    """Daily from beat: searches (and the clicks on their results) older than SEARCH_LOG_RETENTION_DAYS go."""
    from django.conf import settings

    from . import clicks

    return clicks.search_log_delete_old(older_than_days=settings.SEARCH_LOG_RETENTION_DAYS)
