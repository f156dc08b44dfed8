"""search_index --rebuild and --check against the real engine."""

import threading

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from careers.models import SponsoredOpportunity
from courses.models import Programme
from publishing.models import Status
from search import indexing
from search.connection import get_client, index_name
from search.documents import OPPORTUNITY_INDEX
from search.params import parse
from search.service import search_opportunities
from search.sources import sources_for
from tests.careers.factories import ApprenticeshipVacancyFactory, SponsoredOpportunityFactory, in_days
from tests.courses.factories import ProgrammeFactory, VenueFactory, skill_area
from tests.search.helpers import sync_now

pytestmark = [pytest.mark.engine, pytest.mark.usefixtures("search_indices")]


def live_index() -> str:
    return next(iter(get_client().indices.get_alias(name=index_name(OPPORTUNITY_INDEX))))


def test_rebuild_swaps_the_alias_and_keeps_the_last_two_indices(capsys):
    for number in range(5):
        ProgrammeFactory(title=f"Rebuild course {number}", status=Status.PUBLISHED)
    first = live_index()

    call_command("search_index", "--rebuild", "--index", "opportunities")
    second = live_index()
    call_command("search_index", "--rebuild", "--index", "opportunities")
    third = live_index()

    assert len({first, second, third}) == 3
    assert indexing.physical_indices(OPPORTUNITY_INDEX) == [second, third]
    assert "opportunities: 5 documents" in capsys.readouterr().out
    params, _ = parse({"q": "rebuild course"})
    assert search_opportunities(params).total == 5


def test_rebuild_refuses_to_swap_when_the_count_falls_too_far():
    programmes = [ProgrammeFactory(title=f"Count course {n}", status=Status.PUBLISHED) for n in range(10)]
    call_command("search_index", "--rebuild", "--index", "opportunities")
    before = live_index()
    Programme.objects.filter(pk__in=[p.pk for p in programmes[:5]]).update(status=Status.DRAFT)  # no signals

    with pytest.raises(CommandError, match="a fall of more than 20%: the alias was not swapped"):
        call_command("search_index", "--rebuild", "--index", "opportunities")

    assert live_index() == before
    call_command("search_index", "--rebuild", "--index", "opportunities", "--max-drop", "0.6")
    assert live_index() != before


def test_searches_keep_answering_during_a_rebuild():
    for number in range(200):
        ProgrammeFactory(title=f"Always available course {number}", status=Status.PUBLISHED)
    sync_now()
    params, _ = parse({"q": "always available"})
    answers, failures, stop = [], [], threading.Event()

    def keep_searching():
        while not stop.is_set():
            try:
                answers.append(search_opportunities(params, with_facets=False))
            except Exception as error:  # noqa: BLE001 - any failure is what this test looks for
                failures.append(error)

    searcher = threading.Thread(target=keep_searching)
    searcher.start()
    try:
        indexing.rebuild(OPPORTUNITY_INDEX)
    finally:
        stop.set()
        searcher.join()

    assert not failures
    assert len(answers) > 3
    assert all(answer.mode == "full" and answer.total == 200 for answer in answers)


def test_check_finds_and_repairs_drift(capsys):
    kept = ProgrammeFactory(title="Kept course", status=Status.PUBLISHED)
    gone = ProgrammeFactory(title="Gone course", status=Status.PUBLISHED)
    sync_now()
    Programme.objects.filter(pk=gone.pk).update(status=Status.ARCHIVED)  # without signals: drift
    # A write lost on the way (the engine restored from a snapshot, say): its document is gone.
    held = get_client().get(index=index_name(OPPORTUNITY_INDEX), id=f"programme-{kept.pk}")
    get_client().delete(
        index=index_name(OPPORTUNITY_INDEX), id=f"programme-{kept.pk}",
        params={"version": held["_version"], "version_type": "external_gte", "refresh": "true"},
    )

    call_command("search_index", "--check", "--dry-run", "--index", "opportunities")
    assert "missing 1, extra 1, stale 0, unversioned 0: out of step" in capsys.readouterr().out
    call_command("search_index", "--check", "--index", "opportunities")
    assert "repaired" in capsys.readouterr().out

    result = indexing.check(OPPORTUNITY_INDEX)
    assert (result["missing"], result["extra"], result["stale"]) == ([], [], [])


def test_a_closed_engine_gives_a_clear_message_not_a_traceback(settings):
    from tests.helpers import closed_port_url

    settings.SEARCH_URL = closed_port_url("http")

    with pytest.raises(CommandError, match="The search engine did not answer"):
        call_command("search_index", "--check")


# Speed and layout ---------------------------------------------------------------------------------------


def make_opportunities(each: int) -> None:
    """Programmes with two venues and two runs, apprenticeships with a training provider, sponsored returner places,
    `each` of each: everything a document reads from other tables."""
    for number in range(each):
        programme = ProgrammeFactory(
            title=f"Bulk read course {number}",
            status=Status.PUBLISHED,
            delivery_mode=Programme.DeliveryMode.IN_PERSON,
            hours_per_week=2.5,
            runs=[(in_days(10), in_days(40)), (in_days(70), None)],
            skill_areas=[skill_area("EDS-H"), skill_area("EDS-F")],
        )
        programme.venues.add(VenueFactory(provider=programme.provider), VenueFactory(provider=programme.provider, name="Annexe", postcode="BD1 1AA"))
        ApprenticeshipVacancyFactory(title=f"Bulk read apprentice {number}", status=Status.PUBLISHED, training_provider=programme.provider.organisation)
        SponsoredOpportunityFactory(title=f"Bulk read returner place {number}", status=Status.PUBLISHED, kind=SponsoredOpportunity.Kind.RETURNER)


def test_a_rebuild_reads_the_database_in_the_same_few_queries_for_20_items_or_60():
    queries = {}
    for items, more in ((21, 7), (60, 13)):
        make_opportunities(more)
        with CaptureQueriesContext(connection) as captured:
            assert indexing.rebuild(OPPORTUNITY_INDEX, max_drop=1)["documents"] == items
        queries[items] = len(captured)

    assert queries[21] == queries[60]
    params, _ = parse({"q": "bulk read"})
    assert search_opportunities(params).total == 60


def test_the_rebuild_builds_each_document_as_the_sync_does():
    make_opportunities(3)
    for source in sources_for(OPPORTUNITY_INDEX):
        synced = {obj.pk: source.document(obj) for obj in source.get_queryset()}
        rebuilt = {pk: document for pk, _, document in source.documents(indexing.with_versions(source), chunk_size=2)}
        assert rebuilt == synced and synced, source.label


def test_the_index_takes_its_layout_from_settings_and_loads_without_replicas_or_refresh(settings, monkeypatch):
    settings.SEARCH_SHARDS = 2
    settings.SEARCH_REPLICAS = 1
    settings.SEARCH_REFRESH_INTERVAL = "3s"
    ProgrammeFactory(title="Layout course", status=Status.PUBLISHED)
    while_loading = {}
    real_load = indexing._load_all

    def load_and_look(name, target):
        while_loading.update(index_settings(target))
        return real_load(name, target)

    monkeypatch.setattr(indexing, "_load_all", load_and_look)
    indexing.rebuild(OPPORTUNITY_INDEX)

    assert (while_loading["number_of_replicas"], while_loading["refresh_interval"]) == ("0", "-1")
    live = index_settings(live_index())
    assert (live["number_of_shards"], live["number_of_replicas"], live["refresh_interval"]) == ("2", "1", "3s")
    params, _ = parse({"q": "layout course"})
    assert search_opportunities(params).total == 1


def index_settings(physical: str) -> dict:
    return get_client().indices.get_settings(index=physical)[physical]["settings"]["index"]
