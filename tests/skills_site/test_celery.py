"""Background tasks travel through Redis to a real worker process, each on its own kind of work's queue."""

import json
import os

import pytest
from django.conf import settings
from redis import Redis

from courses.tasks import import_programmes_task
from outbox.tasks import send_emails_task
from pathways.tasks import email_plan_task
from publishing.tasks import close_expired_task
from search.tasks import drain_outbox_task, reconcile_index_task
from skills_site.celery import app, worker_echo
from tests.helpers import celery_broker


def test_a_task_sent_through_redis_is_run_by_a_separate_worker(celery_worker_process):
    assert app.conf.task_always_eager, "the test settings run tasks in-process unless a test says otherwise"
    app.conf.task_always_eager = False
    try:
        result = worker_echo.apply_async(args=["hello from the tests"])
        answer = result.get(timeout=30)
    finally:
        app.conf.task_always_eager = True

    assert answer["message"] == "hello from the tests"
    assert answer["worker_pid"] != os.getpid()


@pytest.mark.parametrize(
    "send, queue",
    [
        (lambda: drain_outbox_task.delay(), "index"),
        (lambda: reconcile_index_task.delay(), "index"),
        (lambda: import_programmes_task.delay(0), "imports"),
        (lambda: send_emails_task.delay(), "email"),
        (lambda: email_plan_task.delay(0, "ada@example.org", False), "email"),
        (lambda: close_expired_task.delay(), "celery"),
    ],
)
def test_a_task_sent_goes_to_the_queue_of_its_kind_of_work(send, queue):
    broker = Redis.from_url(settings.CELERY_BROKER_URL)
    with celery_broker(settings.CELERY_BROKER_URL):
        task_id = send().id

    found = []
    for name in ("index", "imports", "email", "celery"):
        for raw in broker.lrange(name, 0, -1):
            if json.loads(raw)["headers"]["id"] == task_id:
                found.append(name)
                broker.lrem(name, 1, raw)  # no worker of this test takes it
    assert found == [queue]
