"""Celery tasks: thin shells around services.py."""

from celery import shared_task

from . import services


# acks_late: a run whose worker died is run again. That is safe: each row is claimed before it is sent, and a row
# that was being sent when the worker died is marked uncertain, never sent again by itself (services.py).
@shared_task(name="outbox.send_emails", ignore_result=True, acks_late=True)
def send_emails_task() -> dict:
    """Every minute from beat, and after a job queues emails: send what is due; then find dead workers' rows."""
    counts = services.emails_send()
    counts["abandoned"] = services.abandoned_mark()
    return counts


@shared_task(name="outbox.delete_old_emails", ignore_result=True)
def delete_old_emails_task() -> int:
    return services.old_emails_delete()
