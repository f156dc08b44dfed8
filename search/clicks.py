"""Which search results residents follow, anonymously, so the unmet-demand report can tell "found nothing" from
"found results but followed none"; and how long the search log is kept.

A result link on /search/ goes to /search/go/<token>/. The token is signed with its own salt
(https://docs.djangoproject.com/en/5.2/topics/signing/), so nobody can make or change one; it carries the
search record, the result's position and its document id, and never a web address: the item's page is found
from its id, so the link cannot send anyone to another site. Following it adds one row, with nothing about who
followed it.
"""

import datetime
import logging
from dataclasses import dataclass

from django.apps import apps
from django.core import signing
from django.db import DatabaseError
from django.urls import reverse
from django.utils import timezone

from .documents import OPPORTUNITY_INDEX
from .models import ResultClick, SearchRecord
from .results import Hit
from .sources import parse_doc_id

logger = logging.getLogger(__name__)

SALT = "search.result-click"
# A link followed long after its search (bookmarked, shared, reopened from history) says nothing about that search.
COUNTED_FOR = datetime.timedelta(days=1)


class BadClickToken(Exception):
    pass


@dataclass(frozen=True)
class Click:
    search_record_id: int
    position: int  # 1 for the first result, counted across pages
    document_id: str  # "programme-42"
    searched_at: datetime.datetime

    @property
    def kind(self) -> str:
        return parse_doc_id(self.document_id)[0].kind


def click_token(*, record: SearchRecord, position: int, document_id: str) -> str:
    payload = [record.pk, position, document_id, int(record.searched_at.timestamp())]
    return signing.Signer(salt=SALT).sign_object(payload)


def read_click_token(token: str) -> Click:
    """The click a token describes; BadClickToken if it was not made here or was changed."""
    try:
        record_id, position, document_id, searched_at = signing.Signer(salt=SALT).unsign_object(token)
    except signing.BadSignature:
        raise BadClickToken from None
    return Click(record_id, position, document_id, datetime.datetime.fromtimestamp(searched_at, tz=datetime.timezone.utc))


def result_links(record: SearchRecord | None, hits: list[Hit], *, first_position: int) -> dict[str, str]:
    """Each result's link through the click counter, by document id; none when the search was not recorded,
    so the page links straight to the items."""
    if record is None:
        return {}
    return {
        hit.id: reverse("search:result", kwargs={"token": click_token(record=record, position=first_position + number, document_id=hit.id)})
        for number, hit in enumerate(hits)
    }


def result_url(document_id: str) -> str | None:
    """The item's own page (a path on this site) from its search document id; None if the item is gone."""
    try:
        source, pk = parse_doc_id(document_id)
    except ValueError:
        return None
    if source.index != OPPORTUNITY_INDEX:
        return None
    item = apps.get_model(source.label)._default_manager.filter(pk=pk).only("slug").first()
    return item.get_absolute_url() if item else None


def result_click_record(click: Click) -> ResultClick | None:
    """Count a followed result if its search was recent: one insert. None if it was not counted."""
    if timezone.now() - click.searched_at > COUNTED_FOR:
        return None
    try:
        return ResultClick.objects.create(
            search_record_id=click.search_record_id, position=click.position, kind=click.kind, document_id=click.document_id
        )
    except DatabaseError:
        # As with the search itself, a count we cannot save must not stop the resident reaching the item.
        logger.warning("Could not record a result click for analytics")
        return None


def search_log_delete_old(*, older_than_days: int) -> dict[str, int]:
    """Delete searches older than the retention period, with the clicks on their results."""
    cutoff = timezone.now() - datetime.timedelta(days=older_than_days)
    _, deleted = SearchRecord.objects.filter(searched_at__lt=cutoff).delete()
    return {"searches": deleted.get("search.SearchRecord", 0), "clicks": deleted.get("search.ResultClick", 0)}
