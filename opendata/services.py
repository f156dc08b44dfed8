"""Writing the open-data files into DATASETS_ROOT (nightly from beat, or manage.py publish_datasets).

For each dataset, one pass over its rows writes the CSV and the JSON file together; then its CSV on the Web
metadata (the data dictionary, https://www.w3.org/TR/tabular-metadata/) and, last, the catalogue's record of
every file's size and SHA-256 checksum. Each file is written beside its final name and renamed over it, so a
download gets the whole old file or the whole new one, never half of either. A file whose content did not
change is left as it was, so its Last-Modified and ETag stay the same and harvesters need not fetch it again.
"""

import csv
import datetime
import hashlib
import json
import os
import tempfile
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from publishing.models import OPEN_LICENCE_URL

from .columns import Dataset, csv_cell, json_value
from .datasets import DATASETS
from .selectors import MANIFEST, PUBLISHER, manifest_read

MEDIA_TYPES = {"csv": "text/csv", "json": "application/json", "metadata": "application/csvm+json"}


def file_names(name: str) -> dict[str, str]:
    """A dataset's files by kind."""
    return {"csv": f"{name}.csv", "json": f"{name}.json", "metadata": f"{name}.csv-metadata.json"}


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(block)
    return digest.hexdigest()


def _temporary(root: Path, name: str) -> Path:
    """An empty file beside `name`, hidden (a dot name) and never served: only manifest names are."""
    handle, path = tempfile.mkstemp(dir=root, prefix=f".{name}.", suffix=".part")
    os.close(handle)
    return Path(path)


def _install(temporary: Path, final: Path) -> bool:
    """Rename the finished file over the published one (atomic on one filesystem); keep the published one
    untouched if nothing changed. True when it changed."""
    if final.exists() and sha256_of(final) == sha256_of(temporary):
        temporary.unlink()
        return False
    temporary.chmod(0o644)  # mkstemp makes it private; web nodes may run as another user
    os.replace(temporary, final)
    return True


def write_atomically(path: Path, content: bytes) -> bool:
    temporary = _temporary(path.parent, path.name)
    try:
        with temporary.open("wb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        return _install(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def _write_rows(dataset: Dataset, csv_path: Path, json_path: Path) -> int:
    """Write the rows as CSV and as a JSON array, together, one row at a time. Returns how many."""
    count = 0
    with csv_path.open("w", newline="", encoding="utf-8") as csv_file, json_path.open("w", encoding="utf-8") as json_file:
        writer = csv.writer(csv_file)
        writer.writerow([column.name for column in dataset.columns])
        json_file.write("[")
        for item in dataset.rows():
            values = [(column, column.value(item)) for column in dataset.columns]
            writer.writerow([csv_cell(column, value) for column, value in values])
            record = {column.name: json_value(value) for column, value in values}
            json_file.write(("\n" if count == 0 else ",\n") + json.dumps(record, ensure_ascii=False))
            count += 1
        json_file.write("\n]\n")
        for handle in (csv_file, json_file):
            handle.flush()
            os.fsync(handle.fileno())
    return count


def csvw_metadata(dataset: Dataset, *, modified: str) -> dict:
    """The data dictionary: the CSV file's columns, their types and meaning, and its licence."""
    columns = []
    for column in dataset.columns:
        described = {"name": column.name, "titles": column.title, "datatype": column.datatype, "dc:description": column.description}
        if column.separator:
            described["separator"] = column.separator
        columns.append(described)
    schema = {"columns": columns}
    if dataset.primary_key:
        schema["primaryKey"] = dataset.primary_key
    return {
        "@context": ["http://www.w3.org/ns/csvw", {"@language": "en"}],
        "@type": "Table",
        "url": file_names(dataset.name)["csv"],
        "dc:title": dataset.title,
        "dc:description": dataset.description,
        "dc:publisher": PUBLISHER,
        "dc:license": {"@id": OPEN_LICENCE_URL},
        "dc:modified": {"@value": modified, "@type": "xsd:dateTime"},
        "dialect": {"header": True, "encoding": "utf-8"},
        "tableSchema": schema,
    }


def dataset_publish(*, dataset: Dataset, root: Path, now: datetime.datetime, previous: dict | None) -> dict:
    """Write one dataset's files; its record for the catalogue."""
    names = file_names(dataset.name)
    csv_temporary, json_temporary = _temporary(root, names["csv"]), _temporary(root, names["json"])
    try:
        count = _write_rows(dataset, csv_temporary, json_temporary)
        changed = _install(csv_temporary, root / names["csv"])
        changed = _install(json_temporary, root / names["json"]) or changed
    finally:
        csv_temporary.unlink(missing_ok=True)
        json_temporary.unlink(missing_ok=True)
    modified = previous["modified"] if previous and not changed else now.isoformat()
    metadata = csvw_metadata(dataset, modified=modified)
    write_atomically(root / names["metadata"], (json.dumps(metadata, ensure_ascii=False, indent=2) + "\n").encode())
    return {
        "name": dataset.name,
        "rows": count,
        "modified": modified,
        "files": [
            {
                "kind": kind,
                "filename": filename,
                "media_type": MEDIA_TYPES[kind],
                "bytes": (root / filename).stat().st_size,
                "sha256": sha256_of(root / filename),
            }
            for kind, filename in names.items()
        ],
    }


def datasets_publish(*, root: Path | None = None, now: datetime.datetime | None = None) -> list[dict]:
    """Write every dataset's files, then the catalogue's record of them. Returns the datasets' records."""
    root = Path(root or settings.DATASETS_ROOT)
    root.mkdir(parents=True, exist_ok=True)
    now = now or timezone.now()
    previous = {entry["name"]: entry for entry in (manifest_read(root=root) or {}).get("datasets", [])}
    entries = [
        dataset_publish(dataset=dataset, root=root, now=now, previous=previous.get(dataset.name)) for dataset in DATASETS
    ]
    manifest = {"published_at": now.isoformat(), "datasets": entries}
    write_atomically(root / MANIFEST, (json.dumps(manifest, indent=2) + "\n").encode())
    return entries
