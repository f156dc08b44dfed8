"""Celery tasks: thin shells around the services."""

import logging

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.utils import timezone

from . import feeds, imports
from .models import ProgrammeFeed, ProgrammeImport

logger = logging.getLogger(__name__)


# A big file takes longer than the default task limit; it runs on the "imports" queue (CELERY_TASK_ROUTES),
# whose own worker keeps index sync and emails moving meanwhile. A worker that dies leaves the job for
# stop_abandoned_imports_task to mark stopped.
@shared_task(name="courses.import_programmes", ignore_result=True, time_limit=60 * 60, soft_time_limit=55 * 60)
def import_programmes_task(job_id: int) -> None:
    job = ProgrammeImport.objects.select_related("provider__organisation", "created_by").filter(pk=job_id).first()
    if job is None or job.state != ProgrammeImport.State.QUEUED:
        return  # run_import checks again, atomically: this only saves reading the file
    try:
        imports.run_import(job)
    except SoftTimeLimitExceeded:
        _failed(job_id, "The import took longer than an hour and was stopped. Split the file into smaller ones.")
    except Exception:
        logger.exception("Programme import %s failed", job_id)
        _failed(job_id, "Something went wrong on our side. Nothing more was imported; please try again later.")
        raise


def _failed(job_id: int, message: str) -> None:
    ProgrammeImport.objects.filter(pk=job_id).update(
        state=ProgrammeImport.State.FAILED, file_errors=[message], finished_at=timezone.now(), content=b""
    )


@shared_task(name="courses.stop_abandoned_imports", ignore_result=True)
def stop_abandoned_imports_task() -> int:
    """Every 5 minutes from beat: imports whose worker died are marked stopped, so the provider can retry."""
    return imports.abandoned_imports_stop()


@shared_task(name="courses.pull_feeds", ignore_result=True)
def pull_feeds_task() -> int:
    """Hourly from beat: providers' feeds not checked in the last hour are fetched, and imported if changed."""
    return feeds.due_feeds_pull()


@shared_task(name="courses.pull_feed", ignore_result=True)
def pull_feed_task(feed_id: int) -> None:
    """One feed, now: just registered, or its provider pressed "Check now"."""
    feed = ProgrammeFeed.objects.select_related("provider__organisation", "licence_agreed_by").filter(pk=feed_id).first()
    if feed is not None:
        feeds.feed_pull(feed=feed)
