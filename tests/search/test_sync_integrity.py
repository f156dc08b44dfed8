"""The index stays true to the database: writes land in order, busy moments are retried, refused documents are
shown to staff, rebuilds lose nothing and run one at a time, drift is found document by document and mended,
private pages leave search, and two processes starting at once create one index."""

import logging
import threading

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.models import PageViewRestriction

from benchmarks.faults.proxy import EngineProxy
from courses.models import Programme
from publishing.models import Status
from search import indexing
from search.admin_views import INDEX_PROBLEMS_PERMISSION
from search.connection import get_client, index_name
from search.documents import OPPORTUNITY_INDEX
from search.models import IndexOutboxEntry, IndexRebuild
from search.params import parse
from search.service import campaign_content, search_opportunities
from search.signals import record_changes
from search.sources import PROGRAMME, SOURCES_BY_LABEL, Source
from search.tasks import reconcile_index_task
from tests.accounts.factories import UserFactory
from tests.careers.helpers import sign_in_with_totp
from tests.careers.page_factories import CampaignPageFactory, StoryPageFactory
from tests.courses.factories import ProgrammeFactory
from tests.search.helpers import refresh, sync_now

pytestmark = [pytest.mark.engine, pytest.mark.usefixtures("search_indices")]


def found(q: str) -> set[str]:
    params, _ = parse({"q": q})
    return {hit.title for hit in search_opportunities(params, with_facets=False).hits}


# Ordered writes -------------------------------------------------------------------------------------


def test_a_stale_write_that_lands_after_a_take_down_does_not_bring_the_item_back():
    programme = ProgrammeFactory(title="Taken down course", status=Status.PUBLISHED)
    sync_now()
    source = SOURCES_BY_LABEL[PROGRAMME]
    # One worker reads the published programme, then stalls before sending it.
    stale = indexing.read_batch(source, [str(programme.pk)])

    programme.status = Status.WITHDRAWN
    programme.save()
    sync_now()  # another worker sends the take-down
    assert found("taken down") == set()

    result = indexing.SyncResult()
    indexing.send_batch(source, stale, indexing.write_targets(source.index), result)  # the first worker wakes
    refresh()

    assert found("taken down") == set()
    assert (result.rejected, result.retry) == ({}, {})  # "something newer is there" is not a failure


def test_each_change_gives_the_record_a_higher_version_in_the_index():
    programme = ProgrammeFactory(title="Versioned course", status=Status.PUBLISHED)
    sync_now()
    first = get_client().get(index=index_name(OPPORTUNITY_INDEX), id=f"programme-{programme.pk}")["_version"]

    programme.title = "Versioned course, second edition"
    programme.save()
    sync_now()

    held = get_client().get(index=index_name(OPPORTUNITY_INDEX), id=f"programme-{programme.pk}")
    assert held["_version"] > first
    assert held["_source"]["title"] == "Versioned course, second edition"


# Retries and refusals ---------------------------------------------------------------------------------


def test_items_the_engine_is_too_busy_for_wait_and_arrive_later(settings):
    ProgrammeFactory(title="Busy day course", status=Status.PUBLISHED)
    with EngineProxy(settings.SEARCH_URL) as proxy:
        settings.SEARCH_URL = proxy.url
        proxy.bulk_busy_share = 1.0

        assert indexing.drain_outbox()["waiting"] >= 1
        entry = IndexOutboxEntry.objects.filter(label=PROGRAMME).first()
        assert not entry.rejected and entry.attempts == 1 and entry.next_attempt_at > entry.enqueued_at
        assert "es_rejected_execution_exception" in entry.last_error

        proxy.heal()
        IndexOutboxEntry.objects.update(next_attempt_at=entry.enqueued_at)  # the back-off has passed
        sync_now()

    assert found("busy day") == {"Busy day course"}
    assert not IndexOutboxEntry.objects.exists()


@pytest.fixture
def refused_programme(monkeypatch):
    """A published programme whose document the engine cannot read (a location that is not a point)."""
    programme = ProgrammeFactory(title="Unreadable course", status=Status.PUBLISHED)
    source = SOURCES_BY_LABEL[PROGRAMME]

    def broken(obj):
        document = source.document(obj)
        if obj.pk == programme.pk:
            document["locations"] = [{"lat": 999, "lon": "Flat 2, 10 Private Road"}]
        return document

    monkeypatch.setitem(SOURCES_BY_LABEL, PROGRAMME, Source(source.label, source.index, source.kind, source.get_queryset, broken))
    return programme


def test_a_refused_document_is_logged_without_its_contents(refused_programme, caplog):
    with caplog.at_level(logging.ERROR, logger="search.indexing"):
        assert sync_now()["rejected"] == 1

    logged = caplog.text
    assert f"{PROGRAMME} {refused_programme.pk}" in logged and "mapper_parsing_exception" in logged
    assert "Private Road" not in logged
    entry = IndexOutboxEntry.objects.filter(object_id=str(refused_programme.pk)).first()
    assert entry.rejected and entry.rejected_at and "Private Road" in entry.last_error  # for staff, in the report


def test_staff_see_refused_documents_and_try_them_again(client, refused_programme, monkeypatch):
    sync_now()
    admin = UserFactory(is_staff=True, is_superuser=True)
    sign_in_with_totp(client, admin)

    assert "Search index problems" in client.get(reverse("wagtailadmin_home")).content.decode()  # in the Reports menu
    page = client.get(reverse("search_index_problems")).content.decode()
    assert PROGRAMME in page and str(refused_programme.pk) in page and "mapper_parsing_exception" in page

    monkeypatch.undo()  # the cause is fixed
    entries = IndexOutboxEntry.objects.filter(object_id=str(refused_programme.pk))
    response = client.post(reverse("search_index_problems"), {"entry": [entry.pk for entry in entries]})
    assert response.status_code == 302
    sync_now()

    assert found("unreadable") == {"Unreadable course"}
    assert "refused nothing" in client.get(reverse("search_index_problems")).content.decode()


def test_only_those_allowed_see_the_index_problems(client, moderator):
    sign_in_with_totp(client, moderator)
    assert not moderator.has_perm(INDEX_PROBLEMS_PERMISSION)

    # Wagtail's admin answers a refusal by sending people back to its dashboard.
    assert client.get(reverse("search_index_problems")).status_code in {302, 403}
    assert client.post(reverse("search_index_problems"), {"all": "1"}).status_code in {302, 403}
    assert "Search index problems" not in client.get(reverse("wagtailadmin_home")).content.decode()


# Rebuilds ------------------------------------------------------------------------------------------------


def test_changes_drained_while_a_rebuild_loads_reach_the_new_index(monkeypatch):
    edited = ProgrammeFactory(title="Weekday course", status=Status.PUBLISHED)
    taken_down = ProgrammeFactory(title="Soon withdrawn course", status=Status.PUBLISHED)
    sync_now()
    real_load = indexing._load_all

    def load_then_edit(name, target):
        loaded = real_load(name, target)
        # After the load read the database: a run's note changes (the programme's updated_at does not) and
        # another programme is withdrawn; a drain sends both before the alias swap.
        run = edited.runs.first()
        run.note = "Saturday mornings"
        run.save()
        taken_down.status = Status.WITHDRAWN
        taken_down.save()
        sync_now()
        return loaded

    monkeypatch.setattr(indexing, "_load_all", load_then_edit)
    result = indexing.rebuild(OPPORTUNITY_INDEX)
    refresh()

    assert result["repaired"] == 0  # the new index had them before the check looked
    shown = get_client().get(index=index_name(OPPORTUNITY_INDEX), id=f"programme-{edited.pk}")["_source"]
    assert "Saturday mornings" in shown["schedule"]
    assert found("withdrawn") == set()
    # The building alias stays on the live index: a drain's late delete through it cannot create a stray index.
    assert list(get_client().indices.get_alias(name=indexing.building_alias(OPPORTUNITY_INDEX))) == [result["index"]]


def test_a_second_rebuild_of_the_same_index_is_refused_with_a_way_out(capsys):
    ProgrammeFactory(title="Locked course", status=Status.PUBLISHED)
    with indexing.rebuild_lock(OPPORTUNITY_INDEX):
        with pytest.raises(CommandError, match="already running.*--unlock --index opportunities"):
            call_command("search_index", "--rebuild", "--index", "opportunities")

    # A rebuild that died holding the lock (its process was killed) leaves the row behind.
    IndexRebuild.objects.create(index=OPPORTUNITY_INDEX, started_by="worker-3 pid 4242")
    with pytest.raises(CommandError, match=r"worker-3 pid 4242"):
        call_command("search_index", "--rebuild", "--index", "opportunities")
    call_command("search_index", "--unlock", "--index", "opportunities")
    assert "released the lock of the rebuild started by worker-3 pid 4242" in capsys.readouterr().out

    call_command("search_index", "--rebuild", "--index", "opportunities")
    assert found("locked") == {"Locked course"}
    assert not IndexRebuild.objects.exists()


# Reconciliation ---------------------------------------------------------------------------------------------


def test_the_scheduled_check_finds_a_stale_document_and_mends_it(capsys):
    programme = ProgrammeFactory(title="Original title course", status=Status.PUBLISHED)
    sync_now()
    # A change whose outbox row was lost (removed by hand, say): the index holds an older version.
    Programme.objects.filter(pk=programme.pk).update(title="Corrected title course")
    record_changes(PROGRAMME, [programme.pk])
    IndexOutboxEntry.objects.all().delete()

    call_command("search_index", "--check", "--dry-run", "--index", "opportunities")
    assert "missing 0, extra 0, stale 1, unversioned 0: out of step" in capsys.readouterr().out

    report = reconcile_index_task()
    refresh()

    assert report[OPPORTUNITY_INDEX] == {"missing": 0, "extra": 0, "stale": 1, "ahead": 0}
    assert found("corrected") == {"Corrected title course"}
    assert reconcile_index_task()[OPPORTUNITY_INDEX]["stale"] == 0


def test_documents_written_before_versions_were_kept_are_brought_under_versions():
    programme = ProgrammeFactory(title="Old deployment course", status=Status.PUBLISHED)
    sync_now()
    # As an index from before the upgrade: internal versions, higher than the database knows.
    held = get_client().get(index=index_name(OPPORTUNITY_INDEX), id=f"programme-{programme.pk}")
    for _ in range(3):
        get_client().index(index=index_name(OPPORTUNITY_INDEX), id=held["_id"], body=held["_source"], refresh=True)

    assert len(indexing.check(OPPORTUNITY_INDEX, repair=True)["ahead"]) == 1
    programme.title = "Upgraded deployment course"
    programme.save()
    sync_now()

    assert found("upgraded") == {"Upgraded deployment course"}


# Private pages -----------------------------------------------------------------------------------------------


def test_making_a_page_private_takes_it_and_its_children_out_of_search(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        campaign = CampaignPageFactory(title="Members only campaign")
        StoryPageFactory(title="Members only story", parent=campaign)
    refresh()
    assert {hit.title for hit in campaign_content("members only")} == {"Members only campaign", "Members only story"}

    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(page=campaign, restriction_type=PageViewRestriction.LOGIN)
    refresh()
    assert list(campaign_content("members only")) == []

    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    refresh()
    assert {hit.title for hit in campaign_content("members only")} == {"Members only campaign", "Members only story"}


# Starting up -------------------------------------------------------------------------------------------------


def test_two_processes_creating_the_indices_at_once_make_one_index_each():
    client = get_client()
    for _ in range(5):
        for name in indexing.INDEXES:
            for physical in indexing.physical_indices(name):
                client.indices.delete(index=physical)
        start, failures = threading.Barrier(2), []

        def starting():
            start.wait()
            try:
                indexing.ensure_indices()
            except Exception as error:  # noqa: BLE001 - any failure is what this test looks for
                failures.append(error)

        threads = [threading.Thread(target=starting) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

        assert failures == []
        for name in indexing.INDEXES:
            assert len(indexing.physical_indices(name)) == 1
            assert len(client.indices.get_alias(name=index_name(name))) == 1
