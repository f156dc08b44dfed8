"""Registering a provider's feed, and pulling it: a changed file becomes an import, exactly as an upload does."""

import datetime
import hashlib
import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from kombu.exceptions import OperationalError as KombuOperationalError

from accounts.selectors import is_active_member
from publishing import services as publishing

from ..imports import import_create
from ..models import ProgrammeFeed
from .fetching import FetchProblem, address_refusal, fetch

logger = logging.getLogger(__name__)

# Beat asks every hour; a feed checked less than this long ago waits for the next hour.
PULL_EVERY = datetime.timedelta(minutes=55)
ACCEPT = {ProgrammeFeed.Format.CSV: "text/csv, text/plain;q=0.5, */*;q=0.1", ProgrammeFeed.Format.JSON: "application/json, */*;q=0.1"}
LEFT_MESSAGE = (
    "The member who registered this feed is no longer part of your organisation, so nothing was fetched. "
    "Save the feed again to agree to the open licence yourself."
)


def feed_save(*, provider, by, url: str, format: str, all_or_nothing: bool) -> ProgrammeFeed:
    """Register or change the provider's feed; `by` agrees, now, to the open licence for what it will hold."""
    publishing.require_member(organisation=provider.organisation, user=by)
    refusal = address_refusal(url)
    if refusal:
        raise ValidationError({"url": refusal})
    feed = ProgrammeFeed.objects.filter(provider=provider).first() or ProgrammeFeed(provider=provider)
    if feed.url != url or feed.format != format:  # another file: its first pull imports it, whatever the old one said
        feed.etag = feed.last_modified = feed.content_sha256 = ""
    feed.url, feed.format, feed.all_or_nothing = url, format, all_or_nothing
    feed.licence_agreed_at, feed.licence_agreed_by = timezone.now(), by
    feed.full_clean()
    feed.save()
    feed_check_soon(feed=feed)
    return feed


def feed_check_soon(*, feed: ProgrammeFeed) -> None:
    """Pull the feed on the imports queue once this transaction commits, instead of at the next hour."""
    from ..tasks import pull_feed_task

    def queue():
        try:
            pull_feed_task.delay(feed.pk)
        except KombuOperationalError:  # the broker is down: beat's hourly pull will find the feed due
            logger.error("Could not queue a pull of programme feed %s", feed.pk, exc_info=True)

    transaction.on_commit(queue)


def feed_remove(*, feed: ProgrammeFeed, by) -> None:
    """Stop pulling. Programmes it imported stay, as an upload's do."""
    publishing.require_member(organisation=feed.provider.organisation, user=by)
    feed.delete()


def feed_pull(*, feed: ProgrammeFeed) -> ProgrammeFeed:
    """Fetch the feed (conditionally) and, if the file changed, import it; record what happened for the portal."""
    feed.checked_at = timezone.now()
    by = feed.licence_agreed_by
    if by is None or not is_active_member(user=by, organisation=feed.provider.organisation):
        return _record(feed, ProgrammeFeed.Outcome.FAILED, error=LEFT_MESSAGE)
    try:
        fetched = fetch(
            feed.url,
            max_bytes=settings.IMPORT_MAX_UPLOAD_SIZE,
            etag=feed.etag,
            last_modified=feed.last_modified,
            accept=ACCEPT[feed.format],
        )
    except FetchProblem as problem:
        logger.info("Programme feed %s not fetched: %s", feed.pk, problem)
        return _record(feed, ProgrammeFeed.Outcome.FAILED, error=str(problem))
    digest = hashlib.sha256(fetched.content).hexdigest()
    if not fetched.changed or digest == feed.content_sha256:
        return _record(feed, ProgrammeFeed.Outcome.NOT_CHANGED)
    with transaction.atomic():
        feed.last_import = import_create(
            provider=feed.provider,
            by=by,
            filename=feed.filename,
            content=fetched.content,
            all_or_nothing=feed.all_or_nothing,
            licence_agreed_at=feed.licence_agreed_at,
        )
        feed.etag, feed.last_modified, feed.content_sha256 = fetched.etag[:300], fetched.last_modified[:100], digest
        feed.changed_at = feed.checked_at
        return _record(feed, ProgrammeFeed.Outcome.IMPORTED)


def _record(feed: ProgrammeFeed, outcome: str, *, error: str = "") -> ProgrammeFeed:
    feed.last_outcome, feed.last_error = outcome, error
    feed.save()
    return feed


def due_feeds_pull(*, now: datetime.datetime | None = None) -> int:
    """Pull every feed not checked within the last hour, each claimed first so two workers never pull one twice."""
    now = now or timezone.now()
    due = Q(checked_at__isnull=True) | Q(checked_at__lt=now - PULL_EVERY)
    pulled = 0
    for feed in ProgrammeFeed.objects.filter(due).select_related("provider__organisation", "licence_agreed_by"):
        claimed = ProgrammeFeed.objects.filter(due, pk=feed.pk).update(checked_at=now)
        if claimed:
            feed_pull(feed=feed)
            pulled += 1
    return pulled
