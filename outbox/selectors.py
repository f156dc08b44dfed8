"""Reads: the emails a person should look at."""

from .models import OutgoingEmail


def emails_not_sent(*, limit: int = 200):
    """Failed and uncertain emails, newest first."""
    return OutgoingEmail.objects.filter(state__in=[OutgoingEmail.State.FAILED, OutgoingEmail.State.UNCERTAIN]).order_by(
        "-created_at"
    )[:limit]
