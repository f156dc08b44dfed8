"""Exactly one beat sends the periodic tasks, even when two were started by mistake: the other stands by, marking
each job as run without sending it, and takes over when the first one stops. Two real schedulers, as
`celery beat` builds them, send through the real Redis broker."""

import datetime
import json
import threading

import pytest
from django.conf import settings
from redis import Redis

from skills_site import beat
from tests.helpers import celery_broker

QUEUE = "test-beat"


@pytest.fixture
def app(monkeypatch):
    """The Celery app sending to Redis for real, with one hourly job that goes to a queue of this test's own."""
    monkeypatch.setattr(beat, "CHECK_EVERY", 0)  # each tick asks Redis for the lock, not once a second
    with celery_broker(settings.CELERY_BROKER_URL) as app:
        saved = app.conf.beat_schedule
        app.conf.beat_schedule = {
            "echo-hourly": {"task": "skills_site.worker_echo", "schedule": 3600.0, "args": ["tick"], "options": {"queue": QUEUE}}
        }
        redis().delete(QUEUE, beat.LOCK_KEY)
        try:
            yield app
        finally:
            app.conf.beat_schedule = saved
            redis().delete(QUEUE, beat.LOCK_KEY)


def redis() -> Redis:
    return Redis.from_url(settings.CELERY_BROKER_URL)


def sent() -> list[str]:
    return [json.loads(message)["headers"]["task"] for message in redis().lrange(QUEUE, 0, -1)]


def started_beat(app, tmp_path, name):
    return beat.SingleBeatScheduler(app=app, schedule_filename=str(tmp_path / name))


def hour_passes(*beats):
    for scheduler in beats:
        for entry in scheduler.schedule.values():
            entry.last_run_at = scheduler.app.now() - datetime.timedelta(hours=1, minutes=1)
        scheduler._heap = None  # beat notices added or removed entries, not changed ones: read them all again


def tick_together(*beats):
    start = threading.Barrier(len(beats))

    def tick(scheduler):
        start.wait()
        scheduler.tick()

    threads = [threading.Thread(target=tick, args=(scheduler,)) for scheduler in beats]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def test_two_beats_ticking_at_once_send_a_due_job_once(app, tmp_path):
    first, second = started_beat(app, tmp_path, "first"), started_beat(app, tmp_path, "second")
    hour_passes(first, second)

    tick_together(first, second)
    tick_together(first, second)

    assert sent() == ["skills_site.worker_echo"]
    assert sorted([first.leads(), second.leads()]) == [False, True]
    first.close()
    second.close()


def test_the_standby_beat_takes_over_when_the_first_stops_without_sending_again_what_was_sent(app, tmp_path):
    first, second = started_beat(app, tmp_path, "first"), started_beat(app, tmp_path, "second")
    hour_passes(first, second)
    first.tick()
    second.tick()  # stands by: the job is marked as run here too
    assert sent() == ["skills_site.worker_echo"]

    first.close()  # stopped: the lock is released
    second.tick()
    assert sent() == ["skills_site.worker_echo"]  # nothing due: the standby stepped through the schedule

    hour_passes(second)
    second.tick()
    assert sent() == ["skills_site.worker_echo"] * 2
    second.close()
