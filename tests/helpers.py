"""Helpers any test (or fault-injection script) may import: where the repository is, ports where nothing (yet)
listens, and the Celery app sending to a broker of the test's choosing."""

import socket
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def closed_port_url(scheme: str) -> str:
    """A loopback URL where nothing listens: a service that is down."""
    return f"{scheme}://127.0.0.1:{free_port()}"


@contextmanager
def celery_broker(url: str):
    """The Celery app sends to this broker for real (not eagerly), giving up at once when it is down; then it
    gets its own broker and a fresh pool back."""
    from skills_site.celery import app

    changes = {
        "task_always_eager": False,
        "broker_url": url,
        # The settings name the write (and read) URL too, and Celery prefers it to broker_url.
        "broker_write_url": url,
        "broker_read_url": url,
        "broker_connection_retry": False,
        "broker_connection_max_retries": 0,
        "broker_transport_options": {"max_retries": 0, "socket_connect_timeout": 1},
    }
    saved = {name: app.conf[name] for name in changes}

    def fresh_pools():
        # Set aside, not closed: other parts of the app (its control mailbox) keep references to them.
        app._pool = None
        app.amqp._producer_pool = None

    app.conf.update(changes)
    fresh_pools()
    try:
        yield app
    finally:
        app.conf.update(saved)
        fresh_pools()
