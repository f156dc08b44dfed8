"""An import runs once, on a queue of its own; one whose worker died is marked stopped, says what was saved,
and can be tried again. (Killing a real worker mid-import: tests/faults/test_jobs_run_once.py.)"""

import pytest
from django.urls import reverse
from django.utils import timezone

from courses import imports
from courses.imports.job import ABANDONED_AFTER
from courses.models import Programme, ProgrammeImport
from courses.tasks import import_programmes_task, stop_abandoned_imports_task
from skills_site.celery import app
from tests.accounts.factories import member
from tests.courses.factories import ProviderFactory, csv_bytes, row

pytestmark = pytest.mark.django_db


@pytest.fixture
def provider():
    return ProviderFactory()


def queued(provider, rows: int, **kwargs) -> ProgrammeImport:
    content = csv_bytes([row(reference=f"R{n}") for n in range(rows)])
    return ProgrammeImport.objects.create(provider=provider, filename="feed.csv", content=content, **kwargs)


def test_a_task_delivered_twice_imports_once(provider):
    job = queued(provider, 3)

    import_programmes_task(job.pk)
    finished_at = ProgrammeImport.objects.get(pk=job.pk).finished_at
    import_programmes_task(job.pk)

    job.refresh_from_db()
    assert (job.state, job.created_count, job.finished_at) == ("finished", 3, finished_at)


def test_a_second_worker_finds_the_job_started_and_leaves_it(provider):
    job = queued(provider, 3)
    ProgrammeImport.objects.filter(pk=job.pk).update(state="checking", started_at=timezone.now())  # the first worker

    result = imports.run_import(job)

    assert result.state == "checking" and not Programme.objects.exists()


def test_a_stopped_valid_rows_import_says_what_was_saved_and_a_retry_finishes_it(client, provider, django_capture_on_commit_callbacks):
    job = queued(provider, 5)
    # A worker saved the first batch of two rows, then died.
    ProgrammeImport.objects.filter(pk=job.pk).update(
        state="checking", total_rows=5, rows_checked=2, rows_saved=2, heartbeat_at=timezone.now() - ABANDONED_AFTER * 2
    )
    fresh = queued(provider, 1, state="checking", heartbeat_at=timezone.now())

    assert stop_abandoned_imports_task.delay().get() == 1
    assert ProgrammeImport.objects.get(pk=fresh.pk).state == "checking"  # still making progress

    client.force_login(member(provider))
    slug = provider.organisation.slug
    listing = client.get(reverse("provider_portal:imports", kwargs={"organisation": slug})).content.decode()
    assert "Stopped part-way: you can try again" in listing
    page = client.get(reverse("provider_portal:import", kwargs={"organisation": slug, "pk": job.pk})).content.decode()
    assert "Only part of the file was imported" in page
    assert "The first 2 rows of 5 were saved; the rest were not." in page

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("provider_portal:import_retry", kwargs={"organisation": slug, "pk": job.pk}))
    again = client.post(reverse("provider_portal:import_retry", kwargs={"organisation": slug, "pk": job.pk}))

    retry = ProgrammeImport.objects.exclude(pk__in=[job.pk, fresh.pk]).get()  # the second click made nothing
    assert (retry.state, retry.created_count) == ("finished", 5)
    assert again["Location"].endswith(f"/imports/{job.pk}/")
    assert "It has been tried again" in client.get(again["Location"]).content.decode()


def test_imports_run_on_their_own_queue_apart_from_index_sync_and_emails():
    route = app.amqp.router.route({}, "courses.import_programmes")
    assert route["queue"].name == "imports"
    assert app.amqp.router.route({}, "search.drain_outbox")["queue"].name == "index"
    assert app.amqp.router.route({}, "outbox.send_emails")["queue"].name == "email"


def test_the_sweeper_is_scheduled():
    schedule = {entry["task"] for entry in app.conf.beat_schedule.values()}
    assert {"courses.stop_abandoned_imports", "outbox.send_emails"} <= schedule

