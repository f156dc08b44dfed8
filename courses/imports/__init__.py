"""Importing programmes from a CSV or JSON file (the format: docs/import-format.md).

A file is read (any common encoding), its columns checked, then each row becomes a programme, updated in
place when the provider already has one with the row's reference. Each row is validated by the same model
rules as the portal's forms (full_clean), and, when it is to be published, by the same automated checks.
Errors are reported by line number and column.

- "Valid rows": rows are saved as they pass, in batches (one transaction each, each row in a savepoint), so
  progress shows and a bad row leaves nothing of itself behind.
- "All or nothing": every row is first tried and rolled back; only if all pass are they saved, together,
  in one transaction. Nothing is half-imported.

The parts, in the order a file meets them: reading.py (the file into rows), values.py (a cell into a value),
rows.py (a row into a programme), job.py (the job and its progress; courses/tasks.py runs it); columns.py names the
columns of the format.
"""

from .job import abandoned_imports_stop, import_create, import_retry, run_import

__all__ = ["abandoned_imports_stop", "import_create", "import_retry", "run_import"]
