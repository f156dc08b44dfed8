"""Background tasks travel through Redis to a real worker process."""

import os

from skills_site.celery import app, worker_echo


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
