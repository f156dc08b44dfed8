"""Moving an item between statuses. Every change is checked against who is asking, and recorded."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from accounts.selectors import is_active_member

from .models import Publishable, Status, StatusChange

MODERATOR_PERMISSION = "accounts.verify_organisation"


def is_moderator(user) -> bool:
    return user.is_authenticated and user.has_perm(MODERATOR_PERMISSION)


def _require_member_or_moderator(item: Publishable, user) -> None:
    if not (is_moderator(user) or is_active_member(user=user, organisation=item.owner_organisation)):
        raise PermissionDenied("Only the organisation's members or a moderator can change this")


def _require_moderator(user) -> None:
    if not is_moderator(user):
        raise PermissionDenied("Only moderators can do this")


def _move(item: Publishable, to_status: str, *, by, reason: str = "") -> Publishable:
    from_status = item.status
    item.status = to_status
    item.status_reason = reason
    fields = ["status", "status_reason", "updated_at"]
    if to_status == Status.PUBLISHED:
        item.published_at = item.published_at or timezone.now()
        fields.append("published_at")
    item.save(update_fields=fields)
    StatusChange.objects.create(
        content_type=ContentType.objects.get_for_model(item),
        object_id=item.pk,
        from_status=from_status,
        to_status=to_status,
        by=by,
        reason=reason,
    )
    return item


def _require_publishable(item: Publishable) -> None:
    problems = item.publication_problems()
    if problems:
        raise ValidationError(problems)


@transaction.atomic
def item_publish(*, item: Publishable, by) -> Publishable:
    """Publish, or, for an organisation that is not verified yet, send to the moderators' queue."""
    _require_member_or_moderator(item, by)
    if item.status not in {Status.DRAFT, Status.PENDING_REVIEW, Status.WITHDRAWN}:
        raise ValidationError(f"A {item.get_status_display().lower()} item cannot be published")
    _require_publishable(item)
    if is_moderator(by) or item.owner_organisation.is_verified:
        return _move(item, Status.PUBLISHED, by=by)
    return _move(item, Status.PENDING_REVIEW, by=by)


@transaction.atomic
def item_approve(*, item: Publishable, by) -> Publishable:
    _require_moderator(by)
    if item.status != Status.PENDING_REVIEW:
        raise ValidationError("Only an item waiting for review can be approved")
    _require_publishable(item)
    return _move(item, Status.PUBLISHED, by=by)


@transaction.atomic
def item_reject(*, item: Publishable, by, reason: str) -> Publishable:
    _require_moderator(by)
    if not reason.strip():
        raise ValidationError("Give a reason, so the poster knows what to change")
    if item.status != Status.PENDING_REVIEW:
        raise ValidationError("Only an item waiting for review can be rejected")
    return _move(item, Status.DRAFT, by=by, reason=reason.strip())


@transaction.atomic
def item_take_down(*, item: Publishable, by, reason: str) -> Publishable:
    _require_moderator(by)
    if not reason.strip():
        raise ValidationError("Give a reason for taking this down")
    if item.status != Status.PUBLISHED:
        raise ValidationError("Only a published item can be taken down")
    return _move(item, Status.WITHDRAWN, by=by, reason=reason.strip())


@transaction.atomic
def item_withdraw(*, item: Publishable, by) -> Publishable:
    _require_member_or_moderator(item, by)
    if item.status in {Status.WITHDRAWN, Status.ARCHIVED}:
        return item
    return _move(item, Status.WITHDRAWN, by=by)


@transaction.atomic
def item_archive(*, item: Publishable, by) -> Publishable:
    _require_member_or_moderator(item, by)
    return _move(item, Status.ARCHIVED, by=by)
