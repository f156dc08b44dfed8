"""Scenario 6 and its email counterpart: a worker killed mid-job. An all-or-nothing import killed while saving
leaves no programme behind, and the sweeper tells the provider it stopped; an email the mail server accepted
just before its worker died is never sent twice. Each worker is a real process that SIGKILLs itself."""

import datetime
import os
import signal
import subprocess
import sys
import threading

import pytest
from django.core import mail
from django.db import connection, connections, transaction
from django.urls import reverse
from django.utils import timezone

from courses import imports
from courses.imports.job import ABANDONED_AFTER as IMPORT_ABANDONED_AFTER
from courses.models import Programme, ProgrammeImport
from outbox.models import OutgoingEmail
from outbox.services import ABANDONED_AFTER as EMAIL_ABANDONED_AFTER
from outbox.services import abandoned_mark, email_queue, emails_send
from tests.accounts.factories import member
from tests.courses.factories import ProviderFactory, csv_bytes, row
from tests.helpers import REPO

# The worker process must see committed rows; reference data (tiers, skill areas) comes back after an
# earlier transactional test emptied the database.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ROWS = 40


def run_worker(*arguments: str) -> subprocess.CompletedProcess:
    """The worker in its own process, on the test database."""
    db = connection.settings_dict
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "skills_site.settings.test",
        "DATABASE_URL": f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
    }
    return subprocess.run(
        [sys.executable, "-m", "tests.faults.worker", *arguments], cwd=REPO, env=environment, capture_output=True, timeout=120
    )


def test_a_worker_killed_mid_import_leaves_no_partial_rows_and_the_provider_can_try_again(client):
    provider = ProviderFactory()
    job = ProgrammeImport.objects.create(
        provider=provider, filename="feed.csv", content=csv_bytes([row(reference=f"R{n}") for n in range(ROWS)]), all_or_nothing=True
    )

    worker = run_worker("import", str(job.pk), str(ROWS // 2))

    assert worker.returncode == -signal.SIGKILL, worker.stderr.decode()[-2000:]
    job.refresh_from_db()
    assert job.state == ProgrammeImport.State.SAVING  # as the dead worker left it
    assert not Programme.objects.filter(provider=provider).exists()  # its saving transaction died with it

    assert imports.abandoned_imports_stop() == 0  # not silent for long enough yet
    assert imports.abandoned_imports_stop(now=timezone.now() + IMPORT_ABANDONED_AFTER + datetime.timedelta(minutes=1)) == 1

    client.force_login(member(provider))
    page = client.get(reverse("provider_portal:import", kwargs={"organisation": provider.organisation.slug, "pk": job.pk})).content.decode()
    assert "This import stopped before it finished" in page
    assert "Nothing was imported: no programme was added or changed." in page
    assert "Try the import again" in page

    response = client.post(reverse("provider_portal:import_retry", kwargs={"organisation": provider.organisation.slug, "pk": job.pk}))

    retry = ProgrammeImport.objects.exclude(pk=job.pk).get()  # it ran on commit (tasks run in-process here)
    assert response["Location"].endswith(f"/imports/{retry.pk}/")
    assert (retry.state, retry.created_count) == ("finished", ROWS)
    assert Programme.objects.filter(provider=provider).count() == ROWS


def test_a_long_saving_transaction_is_not_mistaken_for_a_dead_worker():
    job = ProgrammeImport.objects.create(
        provider=ProviderFactory(), filename="feed.csv", state="saving", heartbeat_at=timezone.now() - IMPORT_ABANDONED_AFTER * 2
    )
    saving, swept = threading.Event(), threading.Event()

    def live_worker():  # holds the job's row, as run_import does while it saves
        with transaction.atomic():
            ProgrammeImport.objects.select_for_update().get(pk=job.pk)
            saving.set()
            swept.wait(timeout=30)
        connections.close_all()

    thread = threading.Thread(target=live_worker)
    thread.start()
    saving.wait(timeout=30)
    assert imports.abandoned_imports_stop() == 0
    swept.set()
    thread.join()

    assert imports.abandoned_imports_stop() == 1  # once nobody holds it
    assert ProgrammeImport.objects.get(pk=job.pk).state == "stopped"


def test_an_email_the_server_accepted_before_its_worker_died_is_not_sent_twice(tmp_path):
    email_queue(key="alert:1:abc", to="ada@example.org", subject="New matches", body="Three new courses")

    worker = run_worker("send", str(tmp_path))

    assert worker.returncode == -signal.SIGKILL, worker.stderr.decode()[-2000:]
    assert len(list(tmp_path.iterdir())) == 1  # the server has it
    assert OutgoingEmail.objects.get().state == OutgoingEmail.State.SENDING

    emails_send()  # the next run, by another worker
    later = timezone.now() + EMAIL_ABANDONED_AFTER + datetime.timedelta(minutes=1)
    assert abandoned_mark(now=later) == 1
    emails_send(now=later + datetime.timedelta(days=1))

    assert mail.outbox == []  # never sent again by itself
    assert OutgoingEmail.objects.get().state == OutgoingEmail.State.UNCERTAIN


def test_one_recipient_the_server_refuses_does_not_block_the_others(settings, monkeypatch):
    from tests.outbox import mail_servers

    settings.EMAIL_BACKEND = "tests.outbox.mail_servers.RefusingServer"
    monkeypatch.setattr(mail_servers, "REFUSED", {"b@example.org": 550})
    for name in "abc":
        email_queue(key=f"reminder:{name}", to=f"{name}@example.org", subject="Closes soon", body="Apply by Friday")

    emails_send()

    assert sorted(message.to[0] for message in mail.outbox) == ["a@example.org", "c@example.org"]
    assert OutgoingEmail.objects.get(to="b@example.org").state == OutgoingEmail.State.FAILED
