"""Celery tasks: thin shells around services.py."""

from celery import shared_task

from outbox.services import send_soon

from . import services


# Sent straight away, not through the outbox: the person asked for it just now, and the address is used once
# and kept nowhere (an outbox row would keep it).
@shared_task(name="pathways.email_plan", ignore_result=True)
def email_plan_task(plan_id: int, to: str, include_link: bool, language: str = "") -> None:
    services.pathway_plan_email(plan_id=plan_id, to=to, include_link=include_link, language=language)


@shared_task(name="pathways.refresh_plans", ignore_result=True)
def refresh_plans_task() -> dict:
    """Daily from beat: new matches for saved plans, and an email to those who asked for one."""
    counts = services.saved_plans_refresh()
    send_soon()
    return counts


@shared_task(name="pathways.delete_forgotten_plans", ignore_result=True)
def delete_forgotten_plans_task() -> int:
    return services.forgotten_plans_delete()
