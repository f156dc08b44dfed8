"""The import job: reading the file, saving its rows (valid rows, or all or nothing), and its progress.

A job runs once: starting it moves it from queued to checking in one conditional update, so a second delivery
of the task (or a second worker) finds it started and does nothing. While it runs, each progress write is also
a heartbeat; `abandoned_imports_stop` (beat, every few minutes) marks a job whose heartbeat stopped, and
whose row no transaction holds, as stopped, so the provider reads what happened and may try again.
"""

import datetime
import logging
import time
from collections.abc import Callable

from django.db import transaction
from django.utils import timezone
from kombu.exceptions import OperationalError as KombuOperationalError

from publishing import services as publishing

from ..models import ProgrammeImport
from .reading import FileProblem, Row, RowError, read_file
from .rows import RowImporter, RowInvalid
from .values import as_text

logger = logging.getLogger(__name__)

BATCH_SIZE = 25
PROGRESS_INTERVAL = 0.5  # seconds between progress writes
# No progress for this long means the worker died: a batch of rows, or a row's checks, takes seconds.
ABANDONED_AFTER = datetime.timedelta(minutes=10)


class _DryRun(Exception):
    pass


class ImportRunner:
    def __init__(self, job: ProgrammeImport, *, on_progress: Callable[[ProgrammeImport], None] | None = None):
        self.job = job
        self.on_progress = on_progress
        self.last_write = 0.0

    def _write(self, *fields: str, force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self.last_write < PROGRESS_INTERVAL:
            return
        self.last_write = now
        self.job.heartbeat_at = timezone.now()
        ProgrammeImport.objects.filter(pk=self.job.pk).update(**{name: getattr(self.job, name) for name in (*fields, "heartbeat_at")})
        if self.on_progress:
            self.on_progress(self.job)

    def _finish(self, state: str) -> ProgrammeImport:
        job = self.job
        job.state, job.finished_at, job.content = state, timezone.now(), b""
        job.row_errors = [error.as_dict() for error in sorted(self.errors, key=lambda error: (error.line, error.field))]
        job.failed_count = len({error.line for error in self.errors})
        job.notes = [note.as_dict() for note in self.notes]
        job.save()
        if self.on_progress:
            self.on_progress(job)
        return job

    def run(self) -> ProgrammeImport:
        job = self.job
        self.errors: list[RowError] = []
        self.notes: list[RowError] = []
        now = timezone.now()
        started = ProgrammeImport.objects.filter(pk=job.pk, state=ProgrammeImport.State.QUEUED).update(
            state=ProgrammeImport.State.CHECKING, started_at=now, heartbeat_at=now
        )
        if not started:  # another worker has it, or it has run: a task delivered twice does nothing
            job.refresh_from_db()
            return job
        job.state, job.started_at, job.heartbeat_at = ProgrammeImport.State.CHECKING, now, now
        try:
            parsed = read_file(bytes(job.content), job.filename)
        except FileProblem as problem:
            job.file_errors = problem.messages
            return self._finish(ProgrammeImport.State.FAILED)
        job.encoding, job.total_rows = parsed.encoding, len(parsed.rows)
        self.notes += parsed.notes
        self._write("encoding", "total_rows", force=True)
        self._mark_duplicates(parsed.rows)
        importer = RowImporter(provider=job.provider, by=job.created_by, licence_agreed_at=job.licence_agreed_at)
        if job.all_or_nothing:
            self._all_or_nothing(importer, parsed.rows)
        else:
            self._valid_rows(importer, parsed.rows)
        return self._finish(ProgrammeImport.State.FINISHED)

    def _mark_duplicates(self, rows: list[Row]) -> None:
        first_line = {}
        for row in rows:
            reference = as_text(row.values.get("reference"))
            if not reference:
                continue
            if reference in first_line:
                row.errors.append(
                    RowError(row.line, "reference", f"The reference {reference} is also on line {first_line[reference]}: give each programme its own reference.")
                )
            else:
                first_line[reference] = row.line

    def _count(self, created: bool) -> None:
        if created:
            self.job.created_count += 1
        else:
            self.job.updated_count += 1

    def _valid_rows(self, importer: RowImporter, rows: list[Row]) -> None:
        job = self.job
        for start in range(0, len(rows), BATCH_SIZE):
            with transaction.atomic():  # one search sync per batch, not per row
                for row in rows[start : start + BATCH_SIZE]:
                    try:
                        with transaction.atomic():
                            _, created, notes = importer.apply(row)
                    except RowInvalid as invalid:
                        self.errors += invalid.errors
                    else:
                        self._count(created)
                        self.notes += notes
                        job.rows_saved += 1
                    job.rows_checked += 1
            self._write("rows_checked", "rows_saved", "created_count", "updated_count", force=True)

    def _all_or_nothing(self, importer: RowImporter, rows: list[Row]) -> None:
        job = self.job
        for row in rows:
            try:
                with transaction.atomic():
                    importer.apply(row)
                    raise _DryRun
            except RowInvalid as invalid:
                self.errors += invalid.errors
            except _DryRun:
                pass
            job.rows_checked += 1
            self._write("rows_checked")
        self._write("rows_checked", force=True)
        if self.errors:
            return
        job.state = ProgrammeImport.State.SAVING
        self._write("state", force=True)
        try:
            with transaction.atomic():
                # Held until the rows commit: the sweeper skips a locked job, however long the saving takes.
                ProgrammeImport.objects.select_for_update().filter(pk=job.pk).get()
                for row in rows:
                    _, created, notes = importer.apply(row)
                    self._count(created)
                    self.notes += notes
                    job.rows_saved += 1
        except RowInvalid as invalid:  # something changed since the check: still nothing is saved
            self.errors += invalid.errors
            job.rows_saved = job.created_count = job.updated_count = 0
            self.notes = [note for note in self.notes if note.field == ""]


def run_import(job: ProgrammeImport, *, on_progress=None) -> ProgrammeImport:
    return ImportRunner(job, on_progress=on_progress).run()


def abandoned_imports_stop(*, now: datetime.datetime | None = None) -> int:
    """Running imports with no progress for a while, whose row no live transaction holds, lost their worker.

    Mark them stopped, saying what was saved: in all-or-nothing mode nothing (the saving transaction died with
    the worker), otherwise the batches saved before the last progress write. The file is kept for a retry."""
    now = now or timezone.now()
    with transaction.atomic():
        stopped = list(
            ProgrammeImport.objects.select_for_update(skip_locked=True).filter(
                state__in=[ProgrammeImport.State.CHECKING, ProgrammeImport.State.SAVING],
                heartbeat_at__lt=now - ABANDONED_AFTER,
            )
        )
        for job in stopped:
            job.state, job.finished_at = ProgrammeImport.State.STOPPED, now
            job.file_errors = [_stopped_message(job)]
            job.save(update_fields=["state", "finished_at", "file_errors"])
    for job in stopped:
        logger.warning("Programme import %s stopped: no progress since %s", job.pk, job.heartbeat_at.isoformat())
    return len(stopped)


def _stopped_message(job: ProgrammeImport) -> str:
    cause = "The import stopped before it finished, because of a problem on our side."
    if job.all_or_nothing or job.rows_saved == 0:
        return f"{cause} Nothing was imported: no programme was added or changed."
    return (
        f"{cause} The first {job.rows_saved} row{'s' if job.rows_saved != 1 else ''} of {job.total_rows} "
        f"{'were' if job.rows_saved != 1 else 'was'} saved; the rest were not."
    )


def import_retry(*, job: ProgrammeImport, by) -> ProgrammeImport:
    """Run a stopped import's file again, as a new job. Rows saved the first time are updated in place (each
    programme has the provider's own reference), never added twice."""
    with transaction.atomic():
        job = ProgrammeImport.objects.select_for_update().get(pk=job.pk)
        if not job.can_retry:
            raise ValueError("Only a stopped import can be tried again")
        retry = import_create(
            provider=job.provider,
            by=by,
            filename=job.filename,
            content=bytes(job.content),
            all_or_nothing=job.all_or_nothing,
            licence_agreed_at=job.licence_agreed_at,
        )
        job.content = b""  # the new job has the file now
        job.save(update_fields=["content"])
    return retry


def import_create(
    *, provider, by, filename: str, content: bytes, all_or_nothing: bool, licence_agreed_at: datetime.datetime | None = None
) -> ProgrammeImport:
    """Record an upload and queue it; the Celery task runs it after the upload's transaction commits.
    `licence_agreed_at`: when the uploader agreed to the open licence for the whole file (recorded on each
    programme it saves)."""
    from ..tasks import import_programmes_task

    if by is not None:
        publishing.require_member(organisation=provider.organisation, user=by)
    job = ProgrammeImport.objects.create(
        provider=provider,
        created_by=by,
        filename=filename[:255],
        content=content,
        all_or_nothing=all_or_nothing,
        licence_agreed_at=licence_agreed_at,
    )

    def queue():
        try:
            import_programmes_task.delay(job.pk)
        except KombuOperationalError:  # the broker is down: say so on the status page instead of waiting forever
            logger.error("Could not queue programme import %s", job.pk, exc_info=True)
            ProgrammeImport.objects.filter(pk=job.pk).update(
                state=ProgrammeImport.State.FAILED,
                file_errors=["We could not start the import just now. Nothing was imported: please try again in a few minutes."],
                finished_at=timezone.now(),
                content=b"",
            )

    transaction.on_commit(queue)
    return job
