"""How a dataset is described: its columns (its data dictionary, published as CSV on the Web metadata) and how a
value is written in each format."""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any


@dataclass(frozen=True)
class Column:
    """One column: its CSV header (`name`), a human title, its CSV on the Web datatype and what it means."""

    name: str
    title: str
    datatype: str  # https://www.w3.org/TR/tabular-metadata/#datatypes: string, integer, decimal, boolean, date…
    description: str
    value: Callable[[Any], Any]
    separator: str = ""  # a list of values in one cell, separated by this


@dataclass(frozen=True)
class Dataset:
    name: str  # the files' stem: <name>.csv, <name>.json, <name>.csv-metadata.json
    title: str
    description: str
    columns: tuple[Column, ...]
    rows: Callable[[], Iterable]
    primary_key: str = ""
    notes: tuple[str, ...] = field(default_factory=tuple)


def attribute(path: str) -> Callable[[Any], Any]:
    """A value read along a dotted path; None if anything on the way is None."""

    def read(item):
        for name in path.split("."):
            item = getattr(item, name)
            if item is None:
                return None
        return item

    return read


def text(path: str) -> Callable[[Any], str]:
    read = attribute(path)
    return lambda item: read(item) or ""


def csv_cell(column: Column, value) -> str:
    """A value as CSV on the Web reads it with the column's datatype: empty for none, true/false, ISO dates."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return column.separator.join(str(item) for item in value)
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return str(value)


def json_value(value):
    """A value for the JSON file: numbers as numbers, dates as ISO 8601 strings, none as null."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return value
