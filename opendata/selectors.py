"""Reading what the nightly job last published: the catalogue's record of each dataset and its files."""

import datetime
import json
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from .columns import Dataset
from .datasets import DATASETS

MANIFEST = "catalogue.json"  # written last by services.datasets_publish; never served itself
PUBLISHER = "Digital Skills Leeds City Region"
FORMATS = {"csv": "CSV", "json": "JSON", "metadata": "Data dictionary (CSV on the Web, JSON)"}


def manifest_read(*, root: Path | None = None) -> dict | None:
    """The catalogue's record as the job last wrote it; None before the first run."""
    path = Path(root or settings.DATASETS_ROOT) / MANIFEST
    try:
        return json.loads(path.read_bytes())
    except FileNotFoundError:
        return None


@dataclass(frozen=True)
class PublishedFile:
    kind: str  # csv, json or metadata
    filename: str
    media_type: str
    bytes: int
    sha256: str

    @property
    def format(self) -> str:
        return FORMATS[self.kind]


@dataclass(frozen=True)
class PublishedDataset:
    dataset: Dataset
    rows: int
    modified: datetime.datetime
    files: list[PublishedFile]

    def file(self, kind: str) -> PublishedFile:
        return next(published for published in self.files if published.kind == kind)


def published_datasets() -> list[PublishedDataset]:
    """The datasets as last published, in the catalogue's order; those not written yet are left out."""
    manifest = manifest_read() or {"datasets": []}
    entries = {entry["name"]: entry for entry in manifest["datasets"]}
    return [
        PublishedDataset(
            dataset=dataset,
            rows=entries[dataset.name]["rows"],
            modified=datetime.datetime.fromisoformat(entries[dataset.name]["modified"]),
            files=[PublishedFile(**published) for published in entries[dataset.name]["files"]],
        )
        for dataset in DATASETS
        if dataset.name in entries
    ]


def published_file(filename: str) -> PublishedFile | None:
    """One file the catalogue lists, by name; None for any other name (nothing else in the directory is served)."""
    for published in published_datasets():
        for candidate in published.files:
            if candidate.filename == filename:
                return candidate
    return None
