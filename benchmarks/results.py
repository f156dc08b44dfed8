"""RESULTS.md is shared: each benchmark writes its own section and leaves the others as they are."""

from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"


def write_section(heading: str, text: str, path: Path = RESULTS) -> None:
    """Replace the section that starts with `heading` (up to the next "## " heading), or add it at the end."""
    current = path.read_text(encoding="utf-8") if path.exists() else ""
    start = current.find(heading + "\n")
    if start == -1:
        updated = current.rstrip("\n") + "\n\n" + text
    else:
        following = current.find("\n## ", start + len(heading))
        updated = current[:start] + text.rstrip("\n") + "\n" + (current[following:] if following != -1 else "")
    path.write_text(updated.rstrip("\n") + "\n", encoding="utf-8")
