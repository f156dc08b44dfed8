"""Helpers the search tests share: wait for the sync, search as the page does, make a published programme."""

from courses.models import Programme
from publishing.models import Status
from search import indexing
from search.connection import get_client, index_name
from search.params import SearchParams
from search.service import search_opportunities
from search.tasks import drain_outbox_task
from tests.courses.factories import ProgrammeFactory, VenueFactory


def refresh() -> None:
    for name in indexing.INDEXES:
        get_client().indices.refresh(index=index_name(name))


def sync_now() -> dict:
    """Drain the outbox as the Celery task does, then make the changes visible to searches."""
    result = drain_outbox_task()
    refresh()
    return result


def search(**query):
    params, problems = SearchParams.from_query(query)
    assert not problems, problems
    return search_opportunities(params, with_further=True)


def programme(title, *, postcode=None, **fields):
    item = ProgrammeFactory(title=title, status=Status.PUBLISHED, **fields)
    if postcode:
        item.delivery_mode = Programme.DeliveryMode.IN_PERSON
        item.save()
        item.venues.add(VenueFactory(provider=item.provider, postcode=postcode))
    return item
