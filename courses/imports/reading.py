"""Reading an uploaded file (CSV or JSON, in any common encoding) into rows of raw values."""

import codecs
import csv
import difflib
import io
import json
import re
from dataclasses import dataclass, field

from django.conf import settings

from .columns import COLUMNS, REQUIRED_COLUMNS


class FileProblem(Exception):
    """The file cannot be imported at all; the messages say why, for the provider."""

    def __init__(self, *messages: str):
        super().__init__(" ".join(messages))
        self.messages = list(messages)


@dataclass(frozen=True)
class RowError:
    line: int
    field: str
    message: str

    def as_dict(self) -> dict:
        return {"line": self.line, "field": self.field, "message": self.message}


@dataclass
class Row:
    line: int  # where the record starts in the file (the header is line 1 of a CSV file)
    values: dict  # column → value: strings from CSV; strings, numbers, booleans or lists from JSON
    errors: list[RowError] = field(default_factory=list)  # found while reading


@dataclass
class ParsedFile:
    rows: list[Row]
    encoding: str
    notes: list[RowError] = field(default_factory=list)


def decode(data: bytes) -> tuple[str, str, str]:
    """(text, encoding name, a note for the provider or "")."""
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[len(codecs.BOM_UTF8) :].decode("utf-8"), "UTF-8 (with byte order mark)", ""
        except UnicodeDecodeError as error:
            raise FileProblem(f"The file says it is UTF-8 but byte {error.start + 4} is not: save it again as \"CSV UTF-8\".") from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "UTF-16", ""
        except UnicodeDecodeError:
            raise FileProblem("The file says it is UTF-16 but is damaged: save it again as \"CSV UTF-8\".") from None
    if data.startswith(b"PK\x03\x04"):
        raise FileProblem(
            "This is an Excel workbook (or another zipped file), not CSV or JSON. In Excel, choose "
            "File, Save as, and the type \"CSV UTF-8 (Comma delimited)\", then upload that file."
        )
    sample = data[:4000]
    if sample.count(b"\x00") > len(sample) // 4:
        # UTF-16 without a byte order mark: ASCII letters leave a zero byte beside each one.
        little_endian = sample[1::2].count(b"\x00") > sample[0::2].count(b"\x00")
        try:
            return data.decode("utf-16-le" if little_endian else "utf-16-be"), "UTF-16", ""
        except UnicodeDecodeError:
            raise FileProblem("This does not look like a text file. Upload a CSV or JSON file.") from None
    try:
        return data.decode("utf-8"), "UTF-8", ""
    except UnicodeDecodeError:
        pass
    note = (
        "Your file is not UTF-8, so we read it as Windows-1252 (Western European), the encoding older versions "
        "of Excel use. Check that letters such as é and £ look right on the public pages; next time, save as "
        "\"CSV UTF-8\"."
    )
    try:
        return data.decode("cp1252"), "Windows-1252", note
    except UnicodeDecodeError:
        return data.decode("latin-1"), "ISO-8859-1 (Latin-1)", note.replace("Windows-1252 (Western European)", "Latin-1")


def normalise_column(name: str) -> str:
    return re.sub(r"[\s\-]+", "_", str(name).strip().lstrip("\ufeff").lower())


def _suggestion(name: str) -> str:
    close = difflib.get_close_matches(name, COLUMNS, n=1, cutoff=0.6)
    return f' (did you mean "{close[0]}"?)' if close else ""


def check_columns(names: list[str], *, line: int | None = None) -> list[str]:
    """Problems with a header (CSV) or a record's keys (JSON): unknown, missing or repeated columns."""
    where = f" on line {line}" if line else ""
    problems = []
    unknown = [name for name in names if name not in COLUMNS]
    for name in unknown:
        problems.append(f'"{name}"{where} is not a column we know{_suggestion(name)}.')
    missing = [name for name in REQUIRED_COLUMNS if name not in names]
    if missing:
        problems.append(f"The required column{'s' if len(missing) > 1 else ''} {', '.join(missing)} {'are' if len(missing) > 1 else 'is'} missing{where}.")
    repeated = sorted({name for name in names if names.count(name) > 1})
    if repeated:
        problems.append(f"The column{'s' if len(repeated) > 1 else ''} {', '.join(repeated)} appear{'' if len(repeated) > 1 else 's'} more than once{where}.")
    return problems


def read_csv(text: str) -> list[Row]:
    # Python's csv module refuses a value over 128 KB and with it the whole file; a file may be as big as an
    # upload, and a value that is too long is reported on its own row by the checks that follow.
    csv.field_size_limit(max(csv.field_size_limit(), settings.IMPORT_MAX_UPLOAD_SIZE))
    first_line = text.split("\n", 1)[0]
    delimiter = max([",", ";", "\t"], key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows, header, previous_line = [], None, 0
    try:
        for record in reader:
            line, previous_line = previous_line + 1, reader.line_num
            if not any(cell.strip() for cell in record):
                continue
            if header is None:
                header = [normalise_column(cell) for cell in record]
                problems = check_columns([name for name in header if name])
                if problems:
                    raise FileProblem(
                        *problems, "The first line must name the columns, as in our template: " + ", ".join(COLUMNS) + "."
                    )
                continue
            # A short line leaves its last columns empty, as a spreadsheet would.
            values = {name: record[index] if index < len(record) else "" for index, name in enumerate(header) if name}
            row = Row(line=line, values=values)
            if len(record) > len(header):
                row.errors.append(
                    RowError(line, "", f"This line has {len(record)} values but the first line names {len(header)} columns: check for a comma that needs quotes around its value.")
                )
            rows.append(row)
    except csv.Error as error:
        raise FileProblem(f"Line {reader.line_num} cannot be read as CSV: {error}.") from None
    if header is None:
        raise FileProblem("The file is empty.")
    return rows


def _skip_space(text: str, index: int) -> int:
    while index < len(text) and text[index] in " \t\r\n":
        index += 1
    return index


def _record_lines(text: str, wrapped: bool) -> list[int]:
    """The line where each record of the (already valid) JSON array starts, for error messages."""
    decoder = json.JSONDecoder()
    index = _skip_space(text, 0)
    if wrapped:  # walk the object's members to the value of "programmes"
        index += 1
        while True:
            index = _skip_space(text, index)
            key, index = decoder.raw_decode(text, index)
            index = _skip_space(text, index) + 1  # the colon
            index = _skip_space(text, index)
            if key == "programmes":
                break
            _, index = decoder.raw_decode(text, index)
            index = _skip_space(text, index) + 1  # the comma
    index += 1  # the opening bracket
    lines, line, counted_to = [], 1, 0
    while True:
        index = _skip_space(text, index)
        if text[index] == "]":
            return lines
        line += text.count("\n", counted_to, index)
        counted_to = index
        lines.append(line)
        _, index = decoder.raw_decode(text, index)
        index = _skip_space(text, index)
        if text[index] == ",":
            index += 1


def read_json(text: str) -> list[Row]:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise FileProblem(f"The JSON is not valid: {error.msg} at line {error.lineno}, column {error.colno}.") from None
    wrapped = isinstance(document, dict)
    records = document.get("programmes") if wrapped else document
    if not isinstance(records, list):
        raise FileProblem('The JSON must be a list of programmes, or an object with a "programmes" list.')
    rows = []
    for line, record in zip(_record_lines(text, wrapped), records):
        if not isinstance(record, dict):
            rows.append(Row(line, {}, [RowError(line, "", "Each programme must be an object, in braces { }.")]))
            continue
        values = {normalise_column(key): value for key, value in record.items()}
        row = Row(line, values)
        known = [name for name in values if name in COLUMNS]
        for name in values:
            if name not in COLUMNS:
                row.errors.append(RowError(line, name, f'"{name}" is not a field we know{_suggestion(name)}.'))
        for name in REQUIRED_COLUMNS:
            if name not in known:
                row.errors.append(RowError(line, name, f"The required field {name} is missing."))
        rows.append(row)
    return rows


def read_file(data: bytes, filename: str) -> ParsedFile:
    if not data.strip():
        raise FileProblem("The file is empty.")
    text, encoding, note = decode(data)
    looks_like_json = text.lstrip().startswith(("[", "{"))
    if filename.lower().endswith(".json") or (looks_like_json and not filename.lower().endswith(".csv")):
        rows = read_json(text)
    else:
        rows = read_csv(text)
    if not rows:
        raise FileProblem("The file has no programmes in it, only the column names.")
    return ParsedFile(rows=rows, encoding=encoding, notes=[RowError(1, "", note)] if note else [])
