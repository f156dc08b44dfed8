"""Turning a cell of the file into a value: text, yes or no, a number, a date, a choice, a list, runs."""

import datetime
import re
from decimal import Decimal, InvalidOperation


class ValueProblem(ValueError):
    pass


def as_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value).strip()


def parse_bool(value) -> bool:
    if isinstance(value, bool):
        return value
    text = as_text(value).lower()
    if text in {"", "no", "n", "false", "0"}:
        return False
    if text in {"yes", "y", "true", "1"}:
        return True
    raise ValueProblem(f'"{as_text(value)}" is not yes or no.')


def parse_decimal(value) -> Decimal | None:
    text = as_text(value).replace("£", "").replace(",", "")
    if not text:
        return None
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise ValueProblem(f'"{as_text(value)}" is not a number: write it like 120 or 120.50.') from None
    if not number.is_finite():
        raise ValueProblem(f'"{as_text(value)}" is not a number: write it like 120 or 120.50.')
    return number


def parse_count(value) -> int | None:
    """A whole number of one or more, or None when the cell is empty."""
    text = as_text(value).replace(",", "")
    if not text:
        return None
    if not text.isdigit() or int(text) < 1:
        raise ValueProblem(f'"{as_text(value)}" is not a number of places: write a whole number, like 12.')
    return int(text)


def parse_date(value) -> datetime.date:
    text = as_text(value)
    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueProblem(f'"{text}" is not a date we can read: write it as YYYY-MM-DD, like 2026-09-07, or as 07/09/2026.')


def parse_choice(value, choices) -> str:
    text = as_text(value)
    for code, label in choices:
        if text.lower() in {str(code).lower(), str(label).lower()}:
            return code
    options = ", ".join(str(code) for code, _ in choices)
    raise ValueProblem(f'"{text}" is not one of: {options}.')


def parse_list(value) -> list:
    if isinstance(value, list):
        return value
    return [part.strip() for part in re.split(r"[;|\n]", as_text(value)) if part.strip()]


def parse_codes(value) -> list[str]:
    if isinstance(value, list):
        return [as_text(item) for item in value if as_text(item)]
    return [part.strip() for part in re.split(r"[;,|\n]", as_text(value)) if part.strip()]


def parse_runs(value) -> list[tuple[datetime.date, datetime.date | None, str]]:
    """Runs as "2026-09-07 to 2026-12-14; 2027-01-11", or, in JSON, a list of such strings or of objects
    {"starts_on": …, "ends_on": …, "note": …}."""
    runs = []
    for item in parse_list(value):
        if isinstance(item, dict):
            if not as_text(item.get("starts_on")):
                raise ValueProblem("Each run needs a starts_on date.")
            ends = as_text(item.get("ends_on"))
            runs.append((parse_date(item["starts_on"]), parse_date(ends) if ends else None, as_text(item.get("note"))))
            continue
        parts = re.split(r"\s+to\s+|\s+[–—]\s+", as_text(item))
        if len(parts) > 2:
            raise ValueProblem(f'"{as_text(item)}" is not a run: write a start date, or "start to end".')
        runs.append((parse_date(parts[0]), parse_date(parts[1]) if len(parts) == 2 else None, ""))
    return runs
