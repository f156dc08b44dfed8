"""Importing programmes from a CSV or JSON file (the format: docs/import-format.md).

A file is read (any common encoding), its columns checked, then each row becomes a programme, updated in
place when the provider already has one with the row's reference. Each row is validated by the same model
rules as the portal's forms (full_clean), and, when it is to be published, by the same automated checks.
Errors are reported by line number and column.

- "Valid rows": rows are saved as they pass, in batches (one transaction each, each row in a savepoint), so
  progress shows and a bad row leaves nothing of itself behind.
- "All or nothing": every row is first tried and rolled back; only if all pass are they saved, together,
  in one transaction. Nothing is half-imported.
"""

import codecs
import csv
import datetime
import difflib
import io
import json
import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.utils import timezone
from kombu.exceptions import OperationalError as KombuOperationalError

from pathways.models import SkillArea, Tier
from places.postcodes import PostcodeError, normalise
from publishing import services as publishing
from publishing.models import Status
from publishing.rich_text import has_unsafe_markup, rich_text_from_input, validate_rich_text_input

from .models import NEEDS_CONTACT, NEEDS_START, NEEDS_VENUE, Programme, ProgrammeImport, ProgrammeRun, Venue

logger = logging.getLogger(__name__)

REQUIRED_COLUMNS = ["reference", "title", "summary", "tier", "skill_areas", "delivery_mode", "cost"]
OPTIONAL_COLUMNS = [
    "kind", "description", "level", "cost_amount", "funding_eligibility", "duration", "hours_per_week",
    "starts_any_time", "runs", "venue_name", "venue_address", "venue_town", "venue_postcode",
    "venue_step_free_access", "how_to_apply", "enquiry_url", "enquiry_email", "enquiry_phone",
    "free_device_loan", "free_data", "other_languages", "step_free_access", "drop_in", "publish",
]  # fmt: skip
COLUMNS = REQUIRED_COLUMNS + OPTIONAL_COLUMNS
TEXT_COLUMNS = [
    "title", "summary", "funding_eligibility", "duration", "how_to_apply", "enquiry_url", "enquiry_email",
    "enquiry_phone", "other_languages",
]  # fmt: skip
BOOLEAN_COLUMNS = ["starts_any_time", "free_device_loan", "free_data", "step_free_access", "drop_in"]
EMPTY_MESSAGES = {
    "reference": "Give each programme your own reference, so a re-import updates it instead of adding a copy.",
    "skill_areas": "Give at least one skill area code, such as EDS-C or ADV-DATA.",
}
PROBLEM_COLUMNS = {NEEDS_START: "runs", NEEDS_VENUE: "venue_name", NEEDS_CONTACT: "how_to_apply"}
BATCH_SIZE = 25
PROGRESS_INTERVAL = 0.5  # seconds between progress writes


# Reading the file -----------------------------------------------------------------------------------


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


# Reading values -------------------------------------------------------------------------------------


class ValueProblem(ValueError):
    pass


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value).strip()


def parse_bool(value) -> bool:
    if isinstance(value, bool):
        return value
    text = _text(value).lower()
    if text in {"", "no", "n", "false", "0"}:
        return False
    if text in {"yes", "y", "true", "1"}:
        return True
    raise ValueProblem(f'"{_text(value)}" is not yes or no.')


def parse_decimal(value) -> Decimal | None:
    text = _text(value).replace("£", "").replace(",", "")
    if not text:
        return None
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise ValueProblem(f'"{_text(value)}" is not a number: write it like 120 or 120.50.') from None
    if not number.is_finite():
        raise ValueProblem(f'"{_text(value)}" is not a number: write it like 120 or 120.50.')
    return number


def parse_date(value) -> datetime.date:
    text = _text(value)
    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueProblem(f'"{text}" is not a date we can read: write it as YYYY-MM-DD, like 2026-09-07, or as 07/09/2026.')


def parse_choice(value, choices) -> str:
    text = _text(value)
    for code, label in choices:
        if text.lower() in {str(code).lower(), str(label).lower()}:
            return code
    options = ", ".join(str(code) for code, _ in choices)
    raise ValueProblem(f'"{text}" is not one of: {options}.')


def parse_list(value) -> list:
    if isinstance(value, list):
        return value
    return [part.strip() for part in re.split(r"[;|\n]", _text(value)) if part.strip()]


def parse_codes(value) -> list[str]:
    if isinstance(value, list):
        return [_text(item) for item in value if _text(item)]
    return [part.strip() for part in re.split(r"[;,|\n]", _text(value)) if part.strip()]


def parse_runs(value) -> list[tuple[datetime.date, datetime.date | None, str]]:
    """Runs as "2026-09-07 to 2026-12-14; 2027-01-11", or, in JSON, a list of such strings or of objects
    {"starts_on": …, "ends_on": …, "note": …}."""
    runs = []
    for item in parse_list(value):
        if isinstance(item, dict):
            if not _text(item.get("starts_on")):
                raise ValueProblem("Each run needs a starts_on date.")
            ends = _text(item.get("ends_on"))
            runs.append((parse_date(item["starts_on"]), parse_date(ends) if ends else None, _text(item.get("note"))))
            continue
        parts = re.split(r"\s+to\s+|\s+[–—]\s+", _text(item))
        if len(parts) > 2:
            raise ValueProblem(f'"{_text(item)}" is not a run: write a start date, or "start to end".')
        runs.append((parse_date(parts[0]), parse_date(parts[1]) if len(parts) == 2 else None, ""))
    return runs


# One row --------------------------------------------------------------------------------------------


class RowInvalid(Exception):
    def __init__(self, errors: list[RowError]):
        super().__init__(f"{len(errors)} problems")
        self.errors = errors


def _errors_from(error: ValidationError, line: int, *, prefix: str = "", fields=None) -> list[RowError]:
    if not hasattr(error, "error_dict"):
        return [RowError(line, PROBLEM_COLUMNS.get(message, ""), message) for message in error.messages]
    found = []
    for name, errors in error.message_dict.items():
        column = "" if name == NON_FIELD_ERRORS else f"{prefix}{name}"
        if fields is not None and name not in fields and name != NON_FIELD_ERRORS:
            column = ""
        found += [RowError(line, column, message) for message in errors]
    return found


class RowImporter:
    """Turns rows into programmes of one provider, remembering look-ups between rows."""

    def __init__(self, *, provider, by=None):
        self.provider = provider
        self.by = by
        self.tiers = {tier.code: tier for tier in Tier.objects.all()}
        self.tier_names = {tier.name.lower(): tier for tier in self.tiers.values()}
        self.skill_areas = {area.code.upper(): area for area in SkillArea.objects.all()}

    def _tier(self, value):
        text = _text(value).lower()
        tier = self.tiers.get(text) or self.tier_names.get(text)
        if tier is None:
            raise ValueProblem(f'"{_text(value)}" is not a level of digital skill: use {", ".join(self.tiers)}.')
        return tier

    def _skill_areas(self, value):
        codes = parse_codes(value)
        if not codes:
            raise ValueProblem("Give at least one skill area code, such as EDS-C or ADV-DATA.")
        unknown = [code for code in codes if code.upper() not in self.skill_areas]
        if unknown:
            raise ValueProblem(f"{', '.join(unknown)} {'are not skill area codes' if len(unknown) > 1 else 'is not a skill area code'}: see the list in the format guide.")
        return [self.skill_areas[code.upper()] for code in codes]

    def _venue(self, values, errors, line):
        name, postcode = _text(values.get("venue_name")), _text(values.get("venue_postcode"))
        if not (name or postcode):
            return None
        if not postcode:
            errors.append(RowError(line, "venue_postcode", "Give the venue's postcode."))
            return None
        if not name:
            errors.append(RowError(line, "venue_name", "Give the venue's name."))
            return None
        try:
            _, full_postcode = normalise(postcode)
        except PostcodeError as error:
            errors.append(RowError(line, "venue_postcode", str(error)))
            return None
        venue = Venue.objects.filter(provider=self.provider, name__iexact=name, postcode=full_postcode).first()
        venue = venue or Venue(provider=self.provider, name=name, postcode=postcode)
        for column, attribute in [("venue_address", "address"), ("venue_town", "town")]:
            if column in values:
                setattr(venue, attribute, _text(values[column]))
        if "venue_step_free_access" in values:
            try:
                venue.step_free_access = parse_bool(values["venue_step_free_access"])
            except ValueProblem as problem:
                errors.append(RowError(line, "venue_step_free_access", str(problem)))
        try:
            venue.full_clean(exclude=["provider"])
        except ValidationError as error:
            errors += _errors_from(error, line, prefix="venue_")
            return None
        return venue

    def apply(self, row: Row) -> tuple[Programme, bool, list[RowError]]:
        """Create or update the row's programme. Raises RowInvalid, leaving the caller to roll back."""
        line, values = row.line, row.values
        errors = list(row.errors)
        notes = []
        if errors:
            raise RowInvalid(errors)
        empty = [column for column in REQUIRED_COLUMNS if column in values and not _text(values[column]) and values[column] != []]
        if empty:
            raise RowInvalid([RowError(line, column, EMPTY_MESSAGES.get(column, f"The {column.replace('_', ' ')} is empty: every programme needs one.")) for column in empty])
        reference = _text(values.get("reference"))
        existing = Programme.objects.filter(provider=self.provider, reference=reference).first()
        programme = existing or Programme(provider=self.provider, reference=reference)
        parsed = {}

        def read(column, parser):
            if column not in values:
                return
            try:
                parsed[column] = parser(values[column])
            except ValueProblem as problem:
                errors.append(RowError(line, column, str(problem)))

        for column in TEXT_COLUMNS:
            read(column, _text)
        for column in BOOLEAN_COLUMNS + ["publish"]:
            read(column, parse_bool)
        read("kind", lambda value: parse_choice(value, Programme.Kind.choices) if _text(value) else Programme.Kind.COURSE)
        read("level", lambda value: parse_choice(value, Programme.Level.choices) if _text(value) else Programme.Level.ENTRY)
        read("delivery_mode", lambda value: parse_choice(value, Programme.DeliveryMode.choices))
        read("cost", lambda value: parse_choice(value, Programme.Cost.choices))
        read("cost_amount", parse_decimal)
        read("hours_per_week", parse_decimal)
        read("tier", self._tier)
        read("skill_areas", self._skill_areas)
        read("runs", parse_runs)
        if "description" in values:
            description = _text(values["description"])
            try:
                validate_rich_text_input(description)  # before parsing: a huge value is never parsed
            except ValidationError as error:
                errors += [RowError(line, "description", message) for message in error.messages]
            else:
                parsed["description"] = rich_text_from_input(description)
                if has_unsafe_markup(description):
                    notes.append(RowError(line, "description", "We removed scripts, styles or unsafe links from the description."))
        venue = self._venue(values, errors, line)

        for column, value in parsed.items():
            if column not in {"skill_areas", "runs", "publish"}:
                setattr(programme, column, value)
        if not programme.slug:
            programme.slug = publishing.unique_slug(Programme, programme.title or reference)
        runs = parsed.get("runs")
        for starts_on, ends_on, _ in runs or []:
            if ends_on and ends_on < starts_on:
                errors.append(RowError(line, "runs", f"The run starting {starts_on:%Y-%m-%d} ends before it starts."))
        # Whether a public programme may stay public is checked once its runs and venue are saved (below).
        status, programme.status = programme.status, Status.DRAFT
        try:
            programme.full_clean(exclude=["provider", "slug", *[name for name in {e.field for e in errors} if name]])
        except ValidationError as error:
            errors += _errors_from(error, line, fields=COLUMNS)
        finally:
            programme.status = status
        if errors:
            raise RowInvalid(errors)

        created = programme.pk is None
        programme.save()
        if "skill_areas" in parsed:
            programme.skill_areas.set(parsed["skill_areas"])
        if venue is not None:
            venue.save()
            programme.venues.set([venue])
        if runs is not None:
            self._replace_runs(programme, runs, venue)
        try:
            if parsed.get("publish") and programme.status not in {Status.PUBLISHED, Status.PENDING_REVIEW}:
                if self.by is None:
                    publishing.item_publish_from_feed(item=programme)
                else:
                    publishing.item_publish(item=programme, by=self.by)
            else:
                publishing.item_edited(item=programme, by=self.by)
        except ValidationError as error:
            raise RowInvalid(_errors_from(error, line)) from None
        return programme, created, notes

    def _replace_runs(self, programme, runs, venue):
        kept = []
        for starts_on, ends_on, note in runs:
            run, _ = ProgrammeRun.objects.update_or_create(
                programme=programme, starts_on=starts_on, defaults={"ends_on": ends_on, "note": note}
            )
            kept.append(run.pk)
        programme.runs.exclude(pk__in=kept).delete()


# The job --------------------------------------------------------------------------------------------


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
        ProgrammeImport.objects.filter(pk=self.job.pk).update(**{name: getattr(self.job, name) for name in fields})
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
        job.state, job.started_at = ProgrammeImport.State.CHECKING, timezone.now()
        self._write("state", "started_at", force=True)
        try:
            parsed = read_file(bytes(job.content), job.filename)
        except FileProblem as problem:
            job.file_errors = problem.messages
            return self._finish(ProgrammeImport.State.FAILED)
        job.encoding, job.total_rows = parsed.encoding, len(parsed.rows)
        self.notes += parsed.notes
        self._write("encoding", "total_rows", force=True)
        self._mark_duplicates(parsed.rows)
        importer = RowImporter(provider=job.provider, by=job.created_by)
        if job.all_or_nothing:
            self._all_or_nothing(importer, parsed.rows)
        else:
            self._valid_rows(importer, parsed.rows)
        return self._finish(ProgrammeImport.State.FINISHED)

    def _mark_duplicates(self, rows: list[Row]) -> None:
        first_line = {}
        for row in rows:
            reference = _text(row.values.get("reference"))
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


def import_create(*, provider, by, filename: str, content: bytes, all_or_nothing: bool) -> ProgrammeImport:
    """Record an upload and queue it; the Celery task runs it after the upload's transaction commits."""
    from .tasks import import_programmes_task

    if by is not None:
        publishing.require_member(organisation=provider.organisation, user=by)
    job = ProgrammeImport.objects.create(
        provider=provider, created_by=by, filename=filename[:255], content=content, all_or_nothing=all_or_nothing
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
