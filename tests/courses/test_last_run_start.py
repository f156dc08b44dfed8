"""While the search engine is down, the basic search offers a programme only while it can still be started: its
runs' dates are read from a date PostgreSQL keeps on the programme (courses.last_run_start), whichever way the
runs change."""

import datetime

import pytest
from django.db import connection
from django.utils import timezone

from courses.models import ProgrammeRun
from publishing.models import Status
from search.basic import basic_search
from search.params import SearchParams
from tests.courses.factories import ProgrammeFactory

TODAY = timezone.localdate()
LAST_YEAR = (TODAY - datetime.timedelta(days=365), TODAY - datetime.timedelta(days=300))
NEXT_MONTH = (TODAY + datetime.timedelta(days=30), TODAY + datetime.timedelta(days=60))


def offered() -> set[str]:
    return {hit.title for hit in basic_search(SearchParams(q="welding")).hits}


@pytest.fixture
def finished(db):
    """A programme whose only run started last year."""
    return ProgrammeFactory(title="Welding taster", status=Status.PUBLISHED, runs=[LAST_YEAR])


def test_a_programme_whose_runs_have_all_started_is_not_offered(finished):
    assert offered() == set()


def test_a_new_run_offers_it_again_and_removing_the_run_withdraws_it(finished):
    run = ProgrammeRun.objects.create(programme=finished, starts_on=NEXT_MONTH[0], ends_on=NEXT_MONTH[1])
    assert offered() == {"Welding taster"}

    run.delete()
    assert offered() == set()


def test_runs_added_in_bulk_and_moved_between_programmes_are_counted(finished):
    other = ProgrammeFactory(title="Welding for beginners", status=Status.PUBLISHED, runs=[LAST_YEAR])
    ProgrammeRun.objects.bulk_create([ProgrammeRun(programme=finished, starts_on=NEXT_MONTH[0])])  # as imports do
    assert offered() == {"Welding taster"}

    ProgrammeRun.objects.filter(programme=finished, starts_on=NEXT_MONTH[0]).update(programme=other)
    assert offered() == {"Welding for beginners"}

    ProgrammeRun.objects.filter(programme=other).update(starts_on=LAST_YEAR[0])  # a correction: it ran last year
    assert offered() == set()


def test_a_programme_that_starts_any_time_needs_no_runs(db):
    ProgrammeFactory(title="Welding drop-in", status=Status.PUBLISHED, starts_any_time=True, runs=[])
    assert offered() == {"Welding drop-in"}


def test_the_date_is_kept_by_the_database_not_by_the_models(finished):
    with connection.cursor() as cursor:
        cursor.execute("INSERT INTO courses_programmerun (programme_id, starts_on, note) VALUES (%s, %s, '')", [finished.pk, NEXT_MONTH[0]])
    assert offered() == {"Welding taster"}
