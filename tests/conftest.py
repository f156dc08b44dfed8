"""Shared fixtures: people of each role, and the real services that `make test` starts."""

import os
import socket
import subprocess
import sys
import time
from types import SimpleNamespace

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.utils.translation.reloader import translation_file_changed

from accounts import limits, services
from accounts.limits import PERIODS
from accounts.models import User
from search import indexing
from search.connection import get_client, index_changed, index_name
from tests.accounts.factories import MembershipFactory, OrganisationFactory, UserFactory
from tests.accounts.helpers import sign_in_with_totp
from tests.helpers import REPO, free_port



@pytest.fixture
def compiled_messages():
    """The .mo files Django reads, built from the .po files as `make install` does."""
    call_command("compilemessages", ignore_patterns=[".venv", "node_modules", "search/engine"], verbosity=0)
    translation_file_changed(sender=None, file_path=REPO / "locale" / "django.mo")  # forget catalogues read before


@pytest.fixture
def resident(db):
    return UserFactory(role=User.Role.RESIDENT)


@pytest.fixture
def employer_member(db):
    """An active member of an unverified employer."""
    return MembershipFactory(organisation=OrganisationFactory(kind="employer")).user


@pytest.fixture
def moderator(db):
    return services.moderator_add(user=UserFactory(email="moderator@example.org"))


@pytest.fixture
def moderator_with_totp(moderator):
    """A moderator with an authenticator app set up, and its secret to make codes from."""
    secret = generate_totp_secret()
    TOTP.activate(moderator, secret)
    return moderator, secret


@pytest.fixture
def moderator_client(client, moderator_with_totp):
    """A client signed in as a moderator, through both steps."""
    sign_in_with_totp(client, *moderator_with_totp)
    return client


@pytest.fixture
def clear_limits(monkeypatch):
    """Rate-limit counts live in the cache, which outlives a test; each test that counts starts from zero.

    The pages' limits count in fixed windows, so a test that crossed a minute's end would see its count start
    again: the limits' clock is started one second into a day and runs at the real pace from there."""
    started = time.time()
    day_start = started - started % PERIODS["day"] + 1
    monkeypatch.setattr(limits, "time", SimpleNamespace(time=lambda: day_start + time.time() - started))
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="session")
def search_engine():
    """The real OpenSearch node. Its absence is a failure of the test run, never a skip."""
    from search.connection import engine_health

    health = engine_health(timeout=5)
    assert health["status"] in {"green", "yellow"}, f"OpenSearch at {settings.SEARCH_URL} is {health['status']}"
    return settings.SEARCH_URL


SERVE_WSGI = """
import sys
from wsgiref.simple_server import make_server
from django.core.wsgi import get_wsgi_application
make_server("127.0.0.1", int(sys.argv[1]), get_wsgi_application()).serve_forever()
"""


@pytest.fixture
def serve_site():
    """Run the site in a separate process with some environment changed; yields a function returning its URL."""
    processes = []

    def start(**environment):
        port = free_port()
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "skills_site.settings.test", **environment}
        process = subprocess.Popen(
            # A plain WSGI server: runserver would stop at start-up if the database is down.
            [sys.executable, "-c", SERVE_WSGI, str(port)],
            cwd=REPO,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        processes.append(process)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            assert process.poll() is None, process.stderr.read().decode()
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", port)) == 0:
                    return f"http://127.0.0.1:{port}"
            time.sleep(0.2)
        raise AssertionError("the site did not start within 30 seconds")

    yield start
    for process in processes:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def celery_worker_process():
    """A real Celery worker, in its own process, consuming from the Redis broker of the test settings."""
    from skills_site.celery import app

    assert settings.CELERY_BROKER_URL, "make test sets CELERY_BROKER_URL to the Redis it starts"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "skills_site.settings.test"}
    hostname = f"test-worker-{os.getpid()}@localhost"
    process = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "skills_site", "worker", "--pool=solo", "-n", hostname, "--loglevel=WARNING"],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while not app.control.ping(destination=[hostname], timeout=1):
        assert process.poll() is None, process.stderr.read().decode()
        assert time.monotonic() < deadline, "the Celery worker did not answer within 60 seconds"
    yield hostname
    process.terminate()
    process.wait(timeout=20)


# Fresh indices on the real OpenSearch node, for any test that searches.
@pytest.fixture
def search_indices(search_engine, db):
    client = get_client()
    for name in indexing.INDEXES:
        for physical in indexing.physical_indices(name):
            client.indices.delete(index=physical)
        client.indices.delete(index=index_name(name), ignore_unavailable=True)
    indexing.ensure_indices()
    index_changed()  # answers kept from the indices of an earlier test are out of date
    yield
    for name in indexing.INDEXES:
        for physical in indexing.physical_indices(name):
            client.indices.delete(index=physical)
