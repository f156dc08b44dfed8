"""search_index --rebuild and --check against the real engine."""

import threading

import pytest
from django.core.management import CommandError, call_command

from courses.models import Programme
from publishing.models import Status
from search import indexing
from search.connection import get_client, index_name
from search.documents import OPPORTUNITY_INDEX
from search.params import parse
from search.service import search_opportunities
from tests.courses.factories import ProgrammeFactory
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
