"""Celery tasks: thin shells around the services and emails."""

from smtplib import SMTPException

from celery import shared_task

from . import emails, services

CLOSING_REMINDER_DAYS = 3


# A mail server that is briefly down: try again later rather than lose the moderator's reason.
@shared_task(
    name="publishing.send_decision_email",
    ignore_result=True,
    autoretry_for=(OSError, SMTPException),
    retry_backoff=60,
    max_retries=5,
)
def send_decision_email_task(change_id: int) -> int:
    """Tell the organisation's members what a moderator decided, and why."""
    return emails.send_decision(change_id=change_id)


@shared_task(name="publishing.close_expired", ignore_result=True)
def close_expired_task() -> int:
    """Every 15 minutes from beat: items whose closing date has passed close and leave search."""
    return services.items_close_expired()


@shared_task(name="publishing.closing_reminders", ignore_result=True)
def closing_reminders_task() -> int:
    """Daily from beat: tell organisations which of their postings close in the next few days."""
    return emails.send_closing_reminders(within_days=CLOSING_REMINDER_DAYS)
