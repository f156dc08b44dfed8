"""Emails to organisations about their postings: moderators' decisions, and postings about to close.

Both are queued in the email outbox in the same transaction as what they tell (the decision, the closing
date recorded as reminded), under a key that makes a second run queue nothing.
"""

from collections import defaultdict

from django.contrib.auth import get_user_model
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import override

from accounts.models import Membership, Organisation
from outbox.services import email_key

from . import notifications, services
from .models import Status, StatusChange


def recipients(*, organisation: Organisation, topic: str):
    """Active members who have not unsubscribed from this topic."""
    return (
        get_user_model()
        .objects.filter(memberships__organisation=organisation, memberships__status=Membership.Status.ACTIVE)
        .exclude(email_opt_outs__topic=topic)
        .order_by("email")
    )


def unsubscribe_path(*, organisation: Organisation, user, topic: str) -> str:
    namespace = "provider_portal" if organisation.kind == Organisation.Kind.PROVIDER else "employer_portal"
    token = notifications.unsubscribe_token(user=user, topic=topic)
    return reverse(f"{namespace}:unsubscribe", kwargs={"token": token})


def _queue_for_members(*, key: str, organisation, topic, subject, template, context) -> int:
    """Queue the email for each member; `key` names it, and each member's copy adds their id."""
    queued = 0
    with override(None):  # posters' emails are in English, as the portal is, whatever language the moderator reads
        for user in recipients(organisation=organisation, topic=topic):
            queued += notifications.queue(
                key=f"{key}:{user.pk}",
                user=user,
                subject=subject,
                body=render_to_string(template, {**context, "user": user, "organisation": organisation}),
                unsubscribe_path=unsubscribe_path(organisation=organisation, user=user, topic=topic),
                unsubscribe_words=notifications.TOPIC_DESCRIPTIONS[topic],
            )
    return queued


def decision_kind(change: StatusChange) -> str:
    if change.to_status == Status.PUBLISHED:
        return "approved"
    if change.from_status == Status.PUBLISHED and change.to_status == Status.WITHDRAWN:
        return "taken_down"
    return "rejected"


SUBJECTS = {
    "approved": "{title} is now live",
    "rejected": "Changes needed before {title} can go live",
    "taken_down": "We have taken down {title}",
}


def send_decision(*, change_id: int) -> int:
    change = StatusChange.objects.select_related("content_type").filter(pk=change_id).first()
    item = change.item if change else None
    if item is None:  # deleted since
        return 0
    kind = decision_kind(change)
    return _queue_for_members(
        key=f"decision:{change.pk}",
        organisation=item.owner_organisation,
        topic=notifications.POSTING_DECISIONS,
        subject=SUBJECTS[kind].format(title=item.title),
        template="publishing/email/decision.txt",
        context={
            "kind": kind,
            "item": item,
            "change": change,
            "portal_url": notifications.absolute(item.get_portal_url()),
            "public_url": notifications.absolute(item.get_absolute_url()),
        },
    )


def send_closing_reminders(*, within_days: int, today=None) -> int:
    """One email per organisation listing its postings that close soon; each posting once per closing date.
    The postings are recorded as reminded in the transaction that queues the emails."""
    by_organisation = defaultdict(list)
    for item in services.items_closing_soon(within_days=within_days, today=today):
        by_organisation[item.owner_organisation].append(item)
    for organisation, items in by_organisation.items():
        items.sort(key=lambda item: (item.closing_date, item.title))
        with transaction.atomic():
            for item in items:
                services.closing_reminder_record(item=item)
            _queue_for_members(
                key=email_key("closing", organisation.pk, [f"{item._meta.label_lower}-{item.pk}@{item.closing_date}" for item in items]),
                organisation=organisation,
                topic=notifications.CLOSING_REMINDERS,
                subject=f"{len(items)} of your postings close soon" if len(items) > 1 else f"{items[0].title} closes soon",
                template="publishing/email/closing_soon.txt",
                context={
                    "items": [(item, notifications.absolute(item.get_portal_url())) for item in items],
                },
            )
    return len(by_organisation)
