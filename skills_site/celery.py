import os
import socket

from celery import Celery

# The settings module was chosen by the package (skills_site/__init__.py) before this runs.
app = Celery("skills_site")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.task(name="skills_site.worker_echo")
def worker_echo(message: str) -> dict:
    """Answer with the worker's identity, so a caller can tell a real worker ran it."""
    return {"message": message, "worker_pid": os.getpid(), "host": socket.gethostname()}
