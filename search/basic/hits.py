"""Hits from the sources' own documents, so a basic search's results look the same to a resident as the engine's."""

import datetime


def as_json(document: dict) -> dict:
    """Documents hold dates; the engine's answers hold ISO strings. Hits are made from the latter."""
    return {key: value.isoformat() if isinstance(value, (datetime.date, datetime.datetime)) else value for key, value in document.items()}
