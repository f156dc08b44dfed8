"""Who may see an item that is not public yet."""

from accounts.selectors import is_active_member

from .models import Publishable, Status
from .services import is_moderator


def can_view(*, item: Publishable, user) -> bool:
    """Published items are public (a closed one shows as closed); others only to their owners and moderators."""
    if item.status == Status.PUBLISHED and item.owner_organisation.is_verified:
        return True
    if not user.is_authenticated:
        return False
    return is_moderator(user) or is_active_member(user=user, organisation=item.owner_organisation)


def can_view_organisation(*, organisation, user) -> bool:
    if organisation.is_verified:
        return True
    return user.is_authenticated and (is_moderator(user) or is_active_member(user=user, organisation=organisation))
