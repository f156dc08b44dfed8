"""Index integrity under faults, quick versions of `python -m benchmarks.faults integrity` against the real
PostgreSQL, Redis and OpenSearch: whatever goes wrong on the way, the index ends up as the database says.

The drains run in threads with their own database connections, so the data is committed for real
(transactional test database)."""

import pytest

from benchmarks.faults.integrity import (
    backoff_cap,
    scenario_1_race,
    scenario_2_engine_down,
    scenario_3_busy,
    scenario_5_broker_down,
    scenario_7_rebuild_under_load,
)



@pytest.fixture
def celery_join_flag_kept():
    """Celery's eager mode keeps "inside a task" in one process-wide flag that it sets and resets around each task;
    the scenarios' threads run eager tasks at the same time, which can leave it set and make a later test's
    result.get() refuse to wait. Put it back as it was."""
    from celery._state import _set_task_join_will_block, task_join_will_block

    before = task_join_will_block()
    yield
    _set_task_join_will_block(before)


pytestmark = [
    pytest.mark.engine,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("search_indices", "celery_join_flag_kept"),
]


def test_scenario_1_an_item_taken_down_just_after_an_edit_stays_down_while_two_workers_race():
    figures = scenario_1_race(items=8, background=40)

    assert figures["stale documents"] == 0
    assert figures["drain errors"] == 0


def test_scenario_2_changes_made_while_the_engine_is_unreachable_all_arrive_once_it_is_back():
    with backoff_cap(0.5):
        figures = scenario_2_engine_down(changes=60, outage=1.0)

    assert figures["lost updates"] == 0


def test_scenario_3_items_the_engine_is_too_busy_for_are_sent_again_until_they_land():
    with backoff_cap(0.5):
        figures = scenario_3_busy(changes=60, share=0.3)

    assert figures["items answered 429"] > 0
    assert figures["lost updates"] == 0


def test_scenario_5_edits_made_while_the_broker_is_down_reach_the_index_once_it_is_back():
    figures = scenario_5_broker_down(edits=10, outage=0.5)

    assert figures["changes waiting in the outbox"] >= 10
    assert figures["lost updates"] == 0


def test_scenario_7_a_rebuild_under_searches_and_edits_fails_no_search_and_loses_no_update():
    figures = scenario_7_rebuild_under_load(items=60, seconds_of_edits=0.3)

    assert figures["failed searches"] == 0 and figures["basic-mode answers"] == 0
    assert figures["edits during the rebuild"] > 0
    assert figures["updates missing after the swap"] == 0
