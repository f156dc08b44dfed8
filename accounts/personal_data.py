"""Other apps add what they hold about a person to their data download by registering a section here
(from their AppConfig.ready()), so accounts never needs to import them."""

from collections.abc import Callable

_sections: dict[str, Callable] = {}


def register_section(name: str, export: Callable) -> None:
    """export(user) -> JSON-ready data about that person, shown under `name` in the download."""
    _sections[name] = export


def sections() -> dict[str, Callable]:
    return dict(_sections)
