"""Live sync that loses nothing: every change reaches the index after commit, even if the engine or the
broker was down when it happened."""


import pytest

from publishing import services as publishing
from publishing.models import Status
from search import indexing
from search.connection import get_client, index_name
from search.documents import OPPORTUNITY_INDEX
from search.models import IndexOutboxEntry
from search.params import parse
from search.service import search_opportunities
from search.sources import SOURCES_BY_LABEL, Source
from tests.accounts.factories import MembershipFactory
from tests.careers.factories import SponsoredOpportunityFactory
from tests.helpers import celery_broker, closed_port_url
from tests.courses.factories import ProgrammeFactory, ProviderFactory
from tests.publishing.helpers import established
from tests.search.helpers import refresh, sync_now

pytestmark = [pytest.mark.engine, pytest.mark.usefixtures("search_indices")]


def found(q: str) -> set[str]:
    params, _ = parse({"q": q})
    return {hit.title for hit in search_opportunities(params, with_facets=False).hits}


def test_saving_publishing_unpublishing_and_deleting_reach_the_index_after_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        programme = ProgrammeFactory(title="Podcasting for beginners")
        established(programme)  # an organisation's first posting would wait for a moderator
    member = MembershipFactory(organisation=programme.provider.organisation).user
    refresh()
    assert found("podcasting") == set()  # a draft

    with django_capture_on_commit_callbacks(execute=True):
        publishing.item_publish(item=programme, by=member)
    refresh()
    assert found("podcasting") == {"Podcasting for beginners"}

    with django_capture_on_commit_callbacks(execute=True):
        programme.title = "Podcasting and audio for beginners"
        programme.save()
    refresh()
    assert found("audio") == {"Podcasting and audio for beginners"}

    with django_capture_on_commit_callbacks(execute=True):
        publishing.item_withdraw(item=programme, by=member)
    refresh()
    assert found("podcasting") == set()

    with django_capture_on_commit_callbacks(execute=True):
        publishing.item_publish(item=programme, by=member)
    with django_capture_on_commit_callbacks(execute=True):
        programme.delete()
    refresh()
    assert found("podcasting") == set()
    assert not IndexOutboxEntry.objects.exists()


def test_many_changes_go_in_one_drain(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        for number in range(30):
            ProgrammeFactory(title=f"Bulk course {number}", status=Status.PUBLISHED)

    assert IndexOutboxEntry.objects.count() >= 30
    result = sync_now()

    assert result["sent"] >= 30
    assert len(callbacks) == 1  # one task for the whole transaction
    params, _ = parse({"q": "bulk course", "page_size": "50"})
    assert search_opportunities(params).total == 30


def test_a_change_made_while_the_engine_is_down_arrives_when_it_is_back(settings):
    settings.SEARCH_URL = closed_port_url("http")
    programme = ProgrammeFactory(title="Games design course", status=Status.PUBLISHED)

    assert indexing.drain_outbox()["waiting"] >= 1
    entry = IndexOutboxEntry.objects.filter(object_id=str(programme.pk)).first()
    assert entry.attempts == 1 and entry.next_attempt_at > entry.enqueued_at

    settings.SEARCH_URL = "http://127.0.0.1:9200"
    IndexOutboxEntry.objects.update(next_attempt_at=entry.enqueued_at)  # the back-off has passed
    sync_now()

    assert found("games design") == {"Games design course"}
    assert not IndexOutboxEntry.objects.exists()


def broker_down():
    """The Celery app really sends to a closed port."""
    return celery_broker(closed_port_url("redis"))


def test_a_change_made_while_the_broker_is_down_waits_in_the_outbox(django_capture_on_commit_callbacks):
    with broker_down(), django_capture_on_commit_callbacks(execute=True):
        ProgrammeFactory(title="Robotics club", status=Status.PUBLISHED)

    assert IndexOutboxEntry.objects.filter(label="courses.programme").exists()
    sync_now()  # what the periodic drain does once the broker is back
    assert found("robotics") == {"Robotics club"}


def test_a_document_the_engine_rejects_is_recorded_with_its_reason_and_not_retried(monkeypatch):
    programme = ProgrammeFactory(title="Broken document", status=Status.PUBLISHED)
    good = ProgrammeFactory(title="Good document", status=Status.PUBLISHED)
    source = SOURCES_BY_LABEL["courses.programme"]

    def broken(obj):
        document = source.document(obj)
        if obj.pk == programme.pk:
            document["locations"] = [{"lat": 999, "lon": "not a number"}]
        return document

    monkeypatch.setitem(SOURCES_BY_LABEL, "courses.programme", Source(source.label, source.index, source.kind, source.get_queryset, broken))
    result = sync_now()

    assert result["rejected"] == 1
    entry = IndexOutboxEntry.objects.filter(object_id=str(programme.pk)).first()
    assert entry.rejected
    assert "locations" in entry.last_error or "parse" in entry.last_error
    assert found("document") == {"Good document"}
    assert indexing.drain_outbox()["sent"] == 0  # not retried
    assert good.pk


def test_verifying_an_organisation_makes_its_published_items_findable():
    provider = ProviderFactory(verified=False)
    ProgrammeFactory(provider=provider, title="Knitting with microcontrollers", status=Status.PUBLISHED)
    sync_now()
    assert found("microcontrollers") == set()

    provider.organisation.verified_at = provider.organisation.created_at
    provider.organisation.save()
    sync_now()

    assert found("microcontrollers") == {"Knitting with microcontrollers"}


def written_yesterday(doc_id: str, **fields) -> None:
    """The document as the index holds it, with these fields as they were when it was written: dates that have
    passed since, at the same version (nothing was saved)."""
    client = get_client()
    held = client.get(index=index_name(OPPORTUNITY_INDEX), id=doc_id)
    client.index(
        index=index_name(OPPORTUNITY_INDEX), id=doc_id, body={**held["_source"], **fields},
        params={"version": held["_version"], "version_type": "external_gte", "refresh": "true"},
    )


def test_expired_items_leave_the_index_without_being_saved(db):
    from careers.models import SponsoredOpportunity
    from tests.careers.factories import in_days

    opportunity = SponsoredOpportunityFactory(title="Last chance bootcamp", status=Status.PUBLISHED)
    sync_now()
    assert found("last chance") == {"Last chance bootcamp"}

    # Time passes: the closing date is now in the past, and nothing was saved.
    SponsoredOpportunity.objects.filter(pk=opportunity.pk).update(closing_date=in_days(-1))
    written_yesterday(f"sponsored-{opportunity.pk}", closing_date=in_days(-1).isoformat())

    assert indexing.remove_expired() == 1
    assert found("last chance") == set()


def test_a_programme_whose_start_date_has_passed_moves_to_its_next_run_or_leaves():
    from courses.models import Programme, ProgrammeRun
    from tests.careers.factories import in_days

    ProgrammeFactory(title="Two runs course", status=Status.PUBLISHED, runs=[(in_days(2), in_days(9)), (in_days(30), in_days(40))])
    ProgrammeFactory(title="One run course", status=Status.PUBLISHED, runs=[(in_days(2), in_days(9))])
    sync_now()
    params, _ = parse({"q": "course", "kind": "programme"})
    assert {hit.title for hit in search_opportunities(params, with_facets=False).hits} == {"Two runs course", "One run course"}

    # Time passes: the first runs start, and nothing is saved.
    ProgrammeRun.objects.filter(starts_on=in_days(2)).update(starts_on=in_days(-1))
    for programme in Programme.objects.all():
        written_yesterday(f"programme-{programme.pk}", next_start=in_days(-1).isoformat())
    indexing.remove_expired()

    hits = {hit.title: hit for hit in search_opportunities(params, with_facets=False).hits}
    assert set(hits) == {"Two runs course"}
    assert hits["Two runs course"].next_start == in_days(30)
