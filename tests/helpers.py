"""Helpers any test may import: where the repository is, and ports where nothing (yet) listens."""

import socket
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def closed_port_url(scheme: str) -> str:
    """A loopback URL where nothing listens: a service that is down."""
    return f"{scheme}://127.0.0.1:{free_port()}"
