"""A worker process for the fault tests, which kills itself (SIGKILL: no clean-up, no rollback by Python) at a
chosen point, as the kernel's OOM killer or a lost machine would.

    python -m tests.faults.worker import JOB_ID KILL_AFTER   # run the import task, die after KILL_AFTER rows saved
    python -m tests.faults.worker send MAIL_DIR              # send the outbox; die once the server took a message
"""

import os
import signal
import sys

import django


def die():
    os.kill(os.getpid(), signal.SIGKILL)


def run_import(job_id: int, kill_after: int) -> None:
    from courses.imports.rows import RowImporter
    from courses.models import ProgrammeImport
    from courses.tasks import import_programmes_task

    total = bytes(ProgrammeImport.objects.get(pk=job_id).content).count(b"\n") - 1
    apply = RowImporter.apply
    calls = 0

    def apply_then_maybe_die(self, row):
        nonlocal calls
        calls += 1
        if calls > total + kill_after:  # every row was checked (total calls); kill_after rows are saved
            die()
        return apply(self, row)

    RowImporter.apply = apply_then_maybe_die
    import_programmes_task(job_id)


def send(mail_dir: str) -> None:
    from django.conf import settings
    from django.core.mail.backends.filebased import EmailBackend

    from outbox.services import emails_send

    class AcceptsThenDies(EmailBackend):
        """Writes the message (the server has accepted it), then the worker dies before recording that."""

        def send_messages(self, messages):
            sent = super().send_messages(messages)
            die()
            return sent

    settings.EMAIL_FILE_PATH = mail_dir
    sys.modules[__name__].AcceptsThenDies = AcceptsThenDies
    settings.EMAIL_BACKEND = f"{__name__}.AcceptsThenDies"
    emails_send()


if __name__ == "__main__":
    django.setup()
    if sys.argv[1] == "import":
        run_import(int(sys.argv[2]), int(sys.argv[3]))
    else:
        send(sys.argv[2])
