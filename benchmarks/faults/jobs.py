"""Scenario 6, by hand: `.venv/bin/python -m benchmarks.faults jobs [--rows 1000] [--emails 500]`
(needs `make services`; uses the database skills_faults_jobs, created afresh and migrated here). Writes its
figures to stdout for benchmarks/FAULTS.md.

Scenario 6: an all-or-nothing import of --rows rows whose worker is SIGKILLed half-way through saving,
then the sweeper and a retry; and an outbox of --emails emails sent through a mail server that refuses one
address, then a worker killed right after the server accepted a message.
"""

import datetime
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

HELP = "scenario 6: a worker killed mid-import, and mid-send"


def setup(database_url: str) -> dict:
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "benchmarks.bench_settings",
        "DATABASE_URL": database_url,
        "CELERY_BROKER_URL": "",
        "SEARCH_INDEX_PREFIX": "faults",
    }
    os.environ.update(environment)
    import django
    from django.core.management import call_command

    django.setup()
    from django.db import connection

    with connection._nodb_cursor() as cursor:  # a fresh database each run: factories number from 0 again
        name = connection.settings_dict["NAME"]
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    call_command("migrate", verbosity=0)
    return environment


def worker(environment: dict, *arguments: str) -> tuple[int, float]:
    started = time.perf_counter()
    process = subprocess.run([sys.executable, "-m", "tests.faults.worker", *arguments], cwd=ROOT, env=environment, capture_output=True)
    return process.returncode, time.perf_counter() - started


def jobs(args, environment: dict) -> None:
    from django.core import mail
    from django.test.utils import setup_test_environment
    from django.utils import timezone

    from courses import imports
    from courses.imports.job import ABANDONED_AFTER
    from courses.models import Programme, ProgrammeImport
    from outbox import services as outbox
    from outbox.models import OutgoingEmail
    from tests.courses.factories import ProviderFactory, csv_bytes, row
    from tests.outbox import mail_servers

    setup_test_environment()  # the locmem mail backend stands for the mail server
    provider = ProviderFactory()
    job = ProgrammeImport.objects.create(
        provider=provider, filename="feed.csv", all_or_nothing=True,
        content=csv_bytes([row(reference=f"R{n}") for n in range(args.rows)]),
    )
    code, took = worker(environment, "import", str(job.pk), str(args.rows // 2))
    job.refresh_from_db()
    print(f"import of {args.rows} rows, all or nothing, worker SIGKILLed after {args.rows // 2} rows saved:")
    print(f"  worker exit code {code}, ran {took:.1f} s; job left '{job.state}'")
    print(f"  programmes in the database after the kill: {Programme.objects.filter(provider=provider).count()}")
    print(f"  sweeper at once: {imports.abandoned_imports_stop()} stopped")
    started = time.perf_counter()
    stopped = imports.abandoned_imports_stop(now=timezone.now() + ABANDONED_AFTER + datetime.timedelta(seconds=1))
    print(f"  sweeper {ABANDONED_AFTER} later: {stopped} stopped in {1000 * (time.perf_counter() - started):.0f} ms")
    job.refresh_from_db()
    print(f"  the provider reads: {job.file_errors[0]}")
    retry_started = time.perf_counter()
    retry = imports.import_retry(job=job, by=None)
    retry = imports.run_import(retry)
    print(f"  retry: {retry.state}, {retry.created_count} created in {time.perf_counter() - retry_started:.1f} s")

    from django.conf import settings

    OutgoingEmail.objects.all().delete()
    settings.EMAIL_BACKEND = "tests.outbox.mail_servers.RefusingServer"
    mail_servers.REFUSED["refused-7@example.org"] = 550
    for n in range(args.emails):
        outbox.email_queue(key=f"bench:{n}", to=f"refused-{n}@example.org" if n == 7 else f"person-{n}@example.org", subject="Closes soon", body="Apply by Friday")
    started = time.perf_counter()
    counts = outbox.emails_send()
    took = time.perf_counter() - started
    print(f"outbox of {args.emails} emails, one address refused (550):")
    print(f"  one run: {counts} in {took:.1f} s ({args.emails / took:.0f} emails/s); accepted by the server: {len(mail.outbox)}")

    OutgoingEmail.objects.all().delete()
    outbox.email_queue(key="bench:crash", to="person@example.org", subject="New matches", body="Three new courses")
    with tempfile.TemporaryDirectory() as directory:
        code, _ = worker(environment, "send", directory)
        accepted = len(os.listdir(directory))
    state_after_kill = OutgoingEmail.objects.get().state
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    mail.outbox = []
    outbox.emails_send()
    later = timezone.now() + outbox.ABANDONED_AFTER + datetime.timedelta(seconds=1)
    marked = outbox.abandoned_mark(now=later)
    outbox.emails_send(now=later + datetime.timedelta(days=1))
    print("sender SIGKILLed right after the server accepted a message:")
    print(f"  exit code {code}; accepted {accepted}; row left '{state_after_kill}'; marked uncertain {marked};"
          f" sent again by later runs: {len(mail.outbox)}")


def add_arguments(parser) -> None:
    parser.add_argument("--database-url", default="postgres://skills:skills@127.0.0.1:5432/skills_faults_jobs")
    parser.add_argument("--rows", type=int, default=1000)
    parser.add_argument("--emails", type=int, default=500)


def run(args) -> None:
    jobs(args, setup(args.database_url))
