"""Celery tasks: thin shells around the services."""

from celery import shared_task

from . import services


# Nightly from beat (CELERY_BEAT_SCHEDULE). The files stream from the database, so their size sets the time
# taken, not the memory used: a longer limit than the default, for a big region.
@shared_task(name="opendata.publish_datasets", ignore_result=True, time_limit=60 * 60, soft_time_limit=55 * 60)
def publish_datasets_task() -> int:
    """Write the open-data files; returns how many datasets."""
    return len(services.datasets_publish())
