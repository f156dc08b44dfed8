"""Celery tasks: thin shells around the services and emails."""

from celery import shared_task

from outbox.services import send_soon

from . import emails, services

CLOSING_REMINDER_DAYS = 3


# Decisions now queue their emails in their own transaction (services._tell_organisation); this stays for
# messages a worker may still receive from before. The outbox key makes a second run queue nothing.
@shared_task(name="publishing.send_decision_email", ignore_result=True)
def send_decision_email_task(change_id: int) -> int:
    """Tell the organisation's members what a moderator decided, and why."""
    queued = emails.send_decision(change_id=change_id)
    send_soon()
    return queued


@shared_task(name="publishing.close_expired", ignore_result=True)
def close_expired_task() -> int:
    """Every 15 minutes from beat: items whose closing date has passed close and leave search."""
    return services.items_close_expired()


@shared_task(name="publishing.closing_reminders", ignore_result=True)
def closing_reminders_task() -> int:
    """Daily from beat: tell organisations which of their postings close in the next few days."""
    organisations = emails.send_closing_reminders(within_days=CLOSING_REMINDER_DAYS)
    send_soon()
    return organisations
