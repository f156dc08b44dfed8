"""Writes: keeping, refreshing, emailing and deleting pathway plans."""

import datetime
import logging

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from kombu.exceptions import OperationalError

from accounts.selectors import helper_organisations
from outbox.services import email_key, email_queue

from . import selectors
from .answers import Answers
from .models import HelpedResident, PathwayPlan
from .models.plans import new_reference
from .placement import Bank
from .planning import opportunity_ids, plan_for

logger = logging.getLogger(__name__)

FORGOTTEN_AFTER = datetime.timedelta(days=365)


def pathway_plan_save(*, user, answers: Answers, plan_data: dict) -> PathwayPlan:
    """Keep a plan in the person's account."""
    return PathwayPlan.objects.create(
        user=user,
        answers=answers.as_dict(),
        snapshot=plan_data,
        seen_opportunities=opportunity_ids(plan_data),
        refreshed_at=timezone.now(),
    )


def pathway_plan_keep(*, answers: Answers, plan_data: dict, check_outcode: str = "") -> PathwayPlan:
    """Keep a plan without an account, behind a private link; with a reference code too when there is a second
    key (the first part of a postcode). It holds no name or email address."""
    for _ in range(5):
        try:
            with transaction.atomic():
                return PathwayPlan.objects.create(
                    answers=answers.as_dict(),
                    snapshot=plan_data,
                    seen_opportunities=opportunity_ids(plan_data),
                    refreshed_at=timezone.now(),
                    reference=new_reference() if check_outcode else None,
                    check_outcode=check_outcode,
                )
        except IntegrityError:  # a reference already in use: about one chance in a billion
            continue
    raise RuntimeError("Could not find an unused reference code")


def pathway_plan_refresh(*, plan: PathwayPlan, bank: Bank) -> tuple[dict, list[dict]]:
    """The plan for its answers, built again only when the index has changed since (planning.plan_for).
    Returns it, and the opportunities it has not shown before."""
    plan_data = plan_for(bank=bank, answers=Answers.from_dict(plan.answers))
    if plan_data == plan.snapshot:
        return plan_data, []
    seen = set(plan.seen_opportunities)
    new = [o for step in plan_data["steps"] for o in step["opportunities"] if o["id"] not in seen]
    plan.snapshot = plan_data
    plan.seen_opportunities = [*plan.seen_opportunities, *dict.fromkeys(o["id"] for o in new)]
    plan.refreshed_at = timezone.now()
    plan.save(update_fields=["snapshot", "seen_opportunities", "refreshed_at"])
    return plan_data, new


def pathway_plan_open(*, plan: PathwayPlan) -> None:
    plan.opened_at = timezone.now()
    plan.save(update_fields=["opened_at"])


def pathway_plan_notifications_set(*, plan: PathwayPlan, on: bool) -> None:
    plan.notify_new_matches = on and plan.user_id is not None
    plan.save(update_fields=["notify_new_matches"])


def pathway_plan_delete(*, plan: PathwayPlan) -> None:
    plan.delete()


def _require_helper(*, user, organisation) -> None:
    if not helper_organisations(user=user).filter(pk=organisation.pk).exists():
        raise PermissionDenied("Only digital helpers of this verified partner organisation can do that")


@transaction.atomic
def helped_resident_keep(*, organisation, by, answers: Answers, plan_data: dict, name: str, outcode: str) -> HelpedResident:
    """A digital helper keeps the plan of the resident they sat with, who agreed to it just now, in their
    organisation's "People we helped" list. The plan has no private link in use and no reference code: only the
    organisation's helpers open it."""
    _require_helper(user=by, organisation=organisation)
    now = timezone.now()
    plan = PathwayPlan.objects.create(
        answers=answers.as_dict(),
        snapshot=plan_data,
        seen_opportunities=opportunity_ids(plan_data),
        refreshed_at=now,
        opened_at=now,
    )
    return HelpedResident.objects.create(
        organisation=organisation, plan=plan, name=name, outcode=outcode, consent_at=now, helped_by=by, helped_at=now
    )


@transaction.atomic
def helped_resident_update(*, record: HelpedResident, by, answers: Answers, plan_data: dict) -> HelpedResident:
    """At a later visit the helper ran the questions again with the resident: the plan follows their new answers."""
    _require_helper(user=by, organisation=record.organisation)
    now = timezone.now()
    plan = record.plan
    plan.answers = answers.as_dict()
    plan.snapshot = plan_data
    plan.seen_opportunities = list(dict.fromkeys([*plan.seen_opportunities, *opportunity_ids(plan_data)]))
    plan.refreshed_at = plan.opened_at = now
    plan.save(update_fields=["answers", "snapshot", "seen_opportunities", "refreshed_at", "opened_at"])
    record.helped_by, record.helped_at = by, now
    record.save(update_fields=["helped_by", "helped_at"])
    return record


def helped_resident_delete(*, record: HelpedResident, by) -> None:
    """The resident withdrew their consent: the plan and the record are deleted, not hidden."""
    _require_helper(user=by, organisation=record.organisation)
    record.plan.delete()


def plan_link(plan: PathwayPlan) -> str:
    """The plan's address: in the account for an account's plan, else its private link."""
    path = reverse("pathways:saved_plan", args=[plan.pk]) if plan.user_id else reverse("pathways:private_plan", args=[plan.token])
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def pathway_plan_email(*, plan_id: int, to: str, include_link: bool, language: str = "") -> None:
    """Send a plan to an address (the Celery task calls this), in the language the person asked in. The address
    is used once and not kept."""
    plan = PathwayPlan.objects.filter(pk=plan_id).first()
    if plan is None:
        return  # deleted before the email went out
    context = {
        "plan": plan.snapshot,
        "link": plan_link(plan) if include_link or plan.user_id else "",
        "reference": plan.reference_display,
        "site": settings.WAGTAILADMIN_BASE_URL.rstrip("/"),
    }
    with translation.override(language or settings.LANGUAGE_CODE):
        send_mail(gettext("Your digital skills plan"), render_to_string("pathways/email/plan.txt", context), None, [to])


def pathway_plan_email_send(*, plan: PathwayPlan, to: str, include_link: bool) -> bool:
    """Queue the email. False when the queue cannot be reached, so the person can be told to try later."""
    from .tasks import email_plan_task

    try:
        email_plan_task.delay(plan.pk, to, include_link, translation.get_language())
    except OperationalError:
        logger.warning("Could not queue a pathway plan email: the broker is unreachable")
        return False
    return True


def _notify_new_matches(*, plan: PathwayPlan, new: list[dict]) -> None:
    """Queue the email in the outbox; the caller's transaction also keeps the plan's new matches as seen."""
    context = {"new": new, "link": plan_link(plan), "site": settings.WAGTAILADMIN_BASE_URL.rstrip("/")}
    email_queue(
        key=email_key("plan-matches", plan.pk, [opportunity["id"] for opportunity in new]),
        user=plan.user,
        to=plan.user.email,
        subject=gettext("New courses and jobs for your digital skills plan"),
        body=render_to_string("pathways/email/new_matches.txt", context),
    )
    plan.notified_at = timezone.now()
    plan.save(update_fields=["notified_at"])


def saved_plans_refresh() -> dict:
    """Rebuild every saved plan's matches; email those who asked when something new appears. Beat runs this
    once a day (CELERY_BEAT_SCHEDULE), so nobody gets more than one such email a day. Each plan's new matches
    are kept as seen in the transaction that queues its email, so none is lost or told twice."""
    bank = selectors.question_bank()
    refreshed = notified = 0
    for plan in selectors.plans_to_refresh().select_related("user").iterator():
        with transaction.atomic():
            _, new = pathway_plan_refresh(plan=plan, bank=bank)
            if new and plan.notify_new_matches and plan.user_id:
                _notify_new_matches(plan=plan, new=new)
                notified += 1
        refreshed += 1
    return {"refreshed": refreshed, "notified": notified}


def forgotten_plans_delete() -> int:
    """Plans kept without an account that nobody has opened for a year are deleted, as the keep page says; so are
    plans digital helpers keep (with their record) when no helper has opened or updated them for a year."""
    cutoff = timezone.now() - FORGOTTEN_AFTER
    forgotten = PathwayPlan.objects.filter(user__isnull=True, created_at__lt=cutoff).exclude(opened_at__gte=cutoff)
    count, _ = forgotten.delete()
    return count
