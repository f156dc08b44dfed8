"""Moving an item between statuses. Every change is checked against who is asking, and recorded.

Publishing runs the automated checks first (publishing/posting_checks.py). An item then goes live at once only
when its organisation is verified and trusted (something of theirs has been public before) and no check
flagged it; otherwise it waits in the moderators' queue, and the poster sees why.
"""

import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from accounts.selectors import is_active_member
from accounts.services import profile_website_hold

from . import posting_checks, registry
from .models import ClosingReminder, Publishable, Removal, Status, StatusChange

MODERATOR_PERMISSION = "accounts.verify_organisation"

UNVERIFIED_REASON = "Your organisation is not verified yet: a moderator will check it, and this posting, first."
FIRST_POSTING_REASON = "A moderator checks an organisation's first posting before it goes live."
CLOSED_REASON = "The closing date passed."
HELD_REASON = "A moderator stopped this posting before, so a moderator checks it again before it goes live."
CHANGED_SINCE_SEEN = "It has changed since you opened it, so nothing was done. Read it again as it is now, then decide."
PUBLISHABLE_FROM = {Status.DRAFT, Status.PENDING_REVIEW, Status.WITHDRAWN, Status.CLOSED}
# What the portal offers to withdraw: anything residents can see or a moderator is about to read.
WITHDRAWABLE_FROM = {Status.PUBLISHED, Status.PENDING_REVIEW, Status.CLOSED}


def can_publish(item: Publishable) -> bool:
    return item.status in PUBLISHABLE_FROM


def can_withdraw(item: Publishable) -> bool:
    return item.status in WITHDRAWABLE_FROM


def is_moderator(user) -> bool:
    return user is not None and user.is_authenticated and user.has_perm(MODERATOR_PERMISSION)


def _require_member_or_moderator(item: Publishable, user) -> None:
    if not (is_moderator(user) or is_active_member(user=user, organisation=item.owner_organisation)):
        raise PermissionDenied("Only the organisation's members or a moderator can change this")


def require_member(*, organisation, user) -> None:
    if not is_active_member(user=user, organisation=organisation):
        raise PermissionDenied("Only the organisation's members can change this")


def _require_moderator(user) -> None:
    if not is_moderator(user):
        raise PermissionDenied("Only moderators can do this")


def _move(item: Publishable, to_status: str, *, by, reason: str = "", held: bool | None = None) -> Publishable:
    """Change the status and record it; `held` sets or clears a moderator's hold (None leaves it). Leaving the
    open-data API leaves a tombstone for its harvesters; coming back removes it."""
    from_status = item.status
    was_listed = is_listed(item)
    item.status = to_status
    item.status_reason = reason
    fields = ["status", "status_reason", "updated_at"]
    if held is not None:
        item.held_by_moderator = held
        fields.append("held_by_moderator")
    if to_status == Status.PUBLISHED:
        item.published_at = item.published_at or timezone.now()
        fields.append("published_at")
    item.save(update_fields=fields)
    change = StatusChange.objects.create(
        content_type=ContentType.objects.get_for_model(item),
        object_id=item.pk,
        from_status=from_status,
        to_status=to_status,
        by=by,
        reason=reason,
    )
    item.last_change = change
    if was_listed and to_status != Status.PUBLISHED:
        removal_record(kind=item.public_kind, slug=item.slug, reason=STATUS_REMOVALS[to_status])
    elif is_listed(item):
        Removal.objects.filter(kind=item.public_kind, slug=item.slug).delete()
    return item


def _require_no_problems(report: posting_checks.CheckReport) -> None:
    if report.problems:
        raise ValidationError(report.problem_messages)


def review_reasons(item: Publishable, report: posting_checks.CheckReport) -> list[str]:
    """Why a member's item must wait for a moderator; none when it may go live at once."""
    held = [HELD_REASON] if item.held_by_moderator else []
    organisation = item.owner_organisation
    if not organisation.is_verified:
        return held + [UNVERIFIED_REASON]
    first = [] if registry.has_published_before(organisation) else [FIRST_POSTING_REASON]
    return held + first + report.flag_messages


@transaction.atomic
def item_publish(*, item: Publishable, by, licence_agreed: bool = False) -> Publishable:
    """Publish after the automated checks, or send to the moderators' queue (see review_reasons). When the poster
    agreed to the open licence as they published, that is recorded with the time (undone if publishing fails)."""
    _require_member_or_moderator(item, by)
    if licence_agreed:
        licence_agree(item=item, at=timezone.now())
    return _publish_or_queue(item, by)


def licence_agree(*, item: Publishable, at: datetime.datetime) -> None:
    """Record that the poster agreed, at `at`, to publish the item under the open licence (opendata/)."""
    item.licence_agreed_at = at
    item.save(update_fields=["licence_agreed_at"])


@transaction.atomic
def item_publish_from_feed(*, item: Publishable) -> Publishable:
    """For an organisation's scheduled feed, which the operator runs (manage.py import_programmes): the
    same checks and the same way through review as a member's publishing, recorded with no person."""
    return _publish_or_queue(item, None)


def _publish_or_queue(item: Publishable, by) -> Publishable:
    if not can_publish(item):
        raise ValidationError(f"A {item.get_status_display().lower()} item cannot be published")
    report = posting_checks.run_checks(item)
    _require_no_problems(report)
    if is_moderator(by):
        return _move(item, Status.PUBLISHED, by=by, held=False)
    reasons = review_reasons(item, report)
    if reasons:
        _require_room_in_queue(item)
        return _move(item, Status.PENDING_REVIEW, by=by, reason=" ".join(reasons))
    return _move(item, Status.PUBLISHED, by=by)


def _require_room_in_queue(item: Publishable) -> None:
    """An organisation that is not verified yet may have only so many postings waiting for a moderator."""
    organisation = item.owner_organisation
    if organisation.is_verified or item.status == Status.PENDING_REVIEW:
        return
    limit = settings.REVIEW_QUEUE_LIMIT_UNVERIFIED
    waiting = sum(
        postings.filter(status=Status.PENDING_REVIEW).count() for postings in registry.organisation_postings(organisation)
    )
    if waiting >= limit:
        raise ValidationError(
            f"Your organisation already has {limit} postings waiting for a moderator, the most it can have "
            "until it is verified. Send more once a moderator has checked those."
        )


@transaction.atomic
def item_edited(*, item: Publishable, by) -> Publishable:
    """After a member changes an item: a public one must still pass the checks (the caller's transaction is
    rolled back if not), and a newly flagged one goes back to the moderators."""
    if item.status != Status.PUBLISHED:
        return item
    report = posting_checks.run_checks(item)
    _require_no_problems(report)
    if report.flags and not is_moderator(by):
        return _move(item, Status.PENDING_REVIEW, by=by, reason=" ".join(report.flag_messages))
    return item


def _tell_organisation(item: Publishable) -> None:
    """Queue the decision's emails in the decision's own transaction, so one is never without the other."""
    from outbox.services import send_soon

    from .emails import send_decision  # emails.py uses this module

    send_decision(change_id=item.last_change.pk)
    transaction.on_commit(send_soon)


def _require_unchanged(item: Publishable, version: str | None) -> None:
    """A decision is about the version the moderator read (None: a decision made outside the queue)."""
    if version is not None and version != item.content_version():
        raise ValidationError(CHANGED_SINCE_SEEN)


@transaction.atomic
def item_approve(*, item: Publishable, by, version: str | None = None) -> Publishable:
    _require_moderator(by)
    if item.status != Status.PENDING_REVIEW:
        raise ValidationError("Only an item waiting for review can be approved")
    _require_unchanged(item, version)
    _require_no_problems(posting_checks.run_checks(item))
    _move(item, Status.PUBLISHED, by=by, held=False)
    _tell_organisation(item)
    return item


@dataclass(frozen=True)
class Stop:
    """A moderator stopping an item, with a reason its organisation reads; it stays held until approved."""

    from_status: str
    to_status: str
    wrong_status: str
    needs_reason: str


REJECT = Stop(
    Status.PENDING_REVIEW,
    Status.DRAFT,
    wrong_status="Only an item waiting for review can be rejected",
    needs_reason="Give a reason, so the poster knows what to change",
)
TAKE_DOWN = Stop(
    Status.PUBLISHED,
    Status.WITHDRAWN,
    wrong_status="Only a published item can be taken down",
    needs_reason="Give a reason for taking this down",
)


@transaction.atomic
def item_stop(*, item: Publishable, by, stop: Stop, reason: str, version: str | None = None) -> Publishable:
    _require_moderator(by)
    if not reason.strip():
        raise ValidationError(stop.needs_reason)
    if item.status != stop.from_status:
        raise ValidationError(stop.wrong_status)
    _require_unchanged(item, version)
    _move(item, stop.to_status, by=by, reason=reason.strip(), held=True)
    _tell_organisation(item)
    return item


def item_reject(*, item: Publishable, by, reason: str, version: str | None = None) -> Publishable:
    """Send a waiting item back to its organisation as a draft."""
    return item_stop(item=item, by=by, stop=REJECT, reason=reason, version=version)


def item_take_down(*, item: Publishable, by, reason: str) -> Publishable:
    """Withdraw a published item."""
    return item_stop(item=item, by=by, stop=TAKE_DOWN, reason=reason)


@transaction.atomic
def item_withdraw(*, item: Publishable, by) -> Publishable:
    _require_member_or_moderator(item, by)
    if item.status in {Status.WITHDRAWN, Status.ARCHIVED}:
        return item
    return _move(item, Status.WITHDRAWN, by=by)


# Saving and copying -------------------------------------------------------------------------------


@transaction.atomic
def item_save(*, item: Publishable, by, relations: dict[str, Iterable]) -> Publishable:
    """Create or change a validated item of any kind, for its organisation's members only. `relations` sets
    its many-to-many fields by name. A public item must still pass the checks (see item_edited)."""
    require_member(organisation=item.owner_organisation, user=by)
    if not item.slug:
        item.slug = unique_slug(type(item), item.title)
    item.save()
    for name, values in relations.items():
        getattr(item, name).set(values)
    return item_edited(item=item, by=by)


def unique_slug(model, text: str, *, exclude_pk=None) -> str:
    base = slugify(text)[:200] or "posting"
    taken = model.objects.filter(slug__startswith=base)
    if exclude_pk:
        taken = taken.exclude(pk=exclude_pk)
    taken = set(taken.values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def copy_reference(model, reference: str, **owner) -> str:
    """A reference for a copy, unique among the owner's items: "DATA-1" → "DATA-1-copy", "DATA-1-copy-2"."""
    if not reference:
        return ""
    base = f"{re.sub(r'-copy(-[0-9]+)?$', '', reference)[:50]}-copy"
    taken = set(model.objects.filter(reference__startswith=base, **owner).values_list("reference", flat=True))
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


@transaction.atomic
def item_duplicate(*, item: Publishable, by) -> Publishable:
    """A draft copy of an item with its many-to-many choices and a reference of its own (not its runs,
    statistics or history), for the member to edit. A copy of an item a moderator stopped stays held:
    otherwise copying would get round the moderator."""
    _require_member_or_moderator(item, by)
    model = type(item)
    owner = registry.owner_field(model)
    copy = model.objects.get(pk=item.pk)
    copy.pk = copy.id = None
    copy._state.adding = True
    copy.status, copy.status_reason, copy.published_at, copy.is_demo = Status.DRAFT, "", None, False
    copy.licence_agreed_at = None  # a new posting: agreed to when it is published
    campaign = getattr(copy, "sponsor_campaign", None)
    if campaign is not None and not campaign.is_live():
        # A new posting joins only a campaign that is running (careers' SponsorCampaign.tagging_refusal).
        copy.sponsor_campaign = None
    copy.reference = copy_reference(model, item.reference, **{owner: getattr(item, owner)})
    copy.slug = unique_slug(model, copy.title)
    copy.save()
    for name in registry.many_to_many(model):
        getattr(copy, name).set(getattr(item, name).all())
    return copy


# Organisation profiles ----------------------------------------------------------------------------


def profile_new(*, model, organisation):
    """An unsaved public profile (a provider's or an employer's) for an organisation that has none yet."""
    return model(organisation=organisation, website=organisation.website)


@transaction.atomic
def profile_save(*, profile, by):
    """Save the profile; a new website waits for a moderator (accounts.services.profile_website_hold)."""
    require_member(organisation=profile.organisation, user=by)
    profile_website_hold(profile=profile)
    profile.save()
    return profile


# Expiry -------------------------------------------------------------------------------------------


def items_close_expired(*, today: datetime.date | None = None) -> int:
    """Close every published item whose closing date has passed; each change is recorded and leaves search."""
    today = today or timezone.localdate()
    closed = 0
    for model in registry.models_with_closing_dates():
        for item in model.objects.filter(status=Status.PUBLISHED, closing_date__lt=today):
            with transaction.atomic():
                _move(item, Status.CLOSED, by=None, reason=CLOSED_REASON)
            closed += 1
    return closed


def items_closing_soon(*, within_days: int, today: datetime.date | None = None) -> list[Publishable]:
    """Published items closing in the next few days that nobody has been reminded about for that date."""
    today = today or timezone.localdate()
    found = []
    for model in registry.models_with_closing_dates():
        content_type = ContentType.objects.get_for_model(model)
        reminded = set(
            ClosingReminder.objects.filter(content_type=content_type, closing_date__gte=today).values_list(
                "object_id", "closing_date"
            )
        )
        queryset = model.objects.filter(
            status=Status.PUBLISHED, closing_date__gte=today, closing_date__lte=today + datetime.timedelta(days=within_days)
        ).select_related(model.organisation_field)
        found += [item for item in queryset if (item.pk, item.closing_date) not in reminded]
    return found


def closing_reminder_record(*, item: Publishable) -> None:
    ClosingReminder.objects.get_or_create(
        content_type=ContentType.objects.get_for_model(item), object_id=item.pk, closing_date=item.closing_date
    )


# Tombstones: what the open-data API stopped listing (/api/v1/removed/) --------------------------------

STATUS_REMOVALS = {
    Status.WITHDRAWN: Removal.Reason.WITHDRAWN,
    Status.CLOSED: Removal.Reason.CLOSED,
    Status.ARCHIVED: Removal.Reason.ARCHIVED,
    Status.DRAFT: Removal.Reason.UNPUBLISHED,
    Status.PENDING_REVIEW: Removal.Reason.UNPUBLISHED,
}


def is_listed(item: Publishable) -> bool:
    """Whether the open-data API lists the posting: published by a verified organisation. Its closing date is
    left aside: the API stops listing it at midnight, and its tombstone is written when items_close_expired
    closes it (within 15 minutes)."""
    return item.status == Status.PUBLISHED and item.owner_organisation.is_verified


def removal_record(*, kind: str, slug: str, reason: str) -> Removal:
    """Record (or move to now) that the item of this kind and slug stopped being public, and why."""
    removal, _ = Removal.objects.update_or_create(
        kind=kind, slug=slug, defaults={"reason": reason, "removed_at": timezone.now()}
    )
    return removal


def on_deleting(sender, instance, **kwargs):
    """pre_delete of postings and profiles (connected in PublishingConfig.ready()): a listed one leaves a
    tombstone. A signal, not a service, because deletes also come from the admin and from cascades (an
    organisation deleted with its profile and postings); it runs in the delete's own transaction."""
    if isinstance(instance, Publishable):
        listed = is_listed(instance)
    else:
        listed = instance.organisation.is_verified
    if listed:
        removal_record(kind=instance.public_kind, slug=instance.slug, reason=Removal.Reason.DELETED)


@transaction.atomic
def organisation_unverify(*, organisation, by):
    """A moderator withdraws an organisation's verification (it was not who it said, or it has closed): its
    profile and postings stop being public at once and leave tombstones. Verifying it again
    (accounts.services.organisation_verify) brings back what is still published."""
    _require_moderator(by)
    if not organisation.is_verified:
        return organisation
    listed = [
        (posting.public_kind, posting.slug)
        for postings in registry.organisation_postings(organisation)
        for posting in postings.published()
    ]
    profile = organisation.profile
    if profile is not None:
        listed.append((profile.public_kind, profile.slug))
    organisation.verified_at, organisation.verified_by = None, None
    organisation.save(update_fields=["verified_at", "verified_by"])
    for kind, slug in listed:
        removal_record(kind=kind, slug=slug, reason=Removal.Reason.UNVERIFIED)
    return organisation
