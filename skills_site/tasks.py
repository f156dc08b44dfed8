import os
import socket

from celery import shared_task


@shared_task(name="skills_site.worker_echo")
def worker_echo(message: str) -> dict:
    """Answer with the worker's identity, so a caller can tell a real worker ran it."""
    return {"message": message, "worker_pid": os.getpid(), "host": socket.gethostname()}
