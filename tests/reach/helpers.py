"""Reading a reach report as a person does: its tables (caption, headings, rows of cell text), its chart, its CSV."""

import csv
import io
from html.parser import HTMLParser


class _Tables(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tables, self.svgs = [], []
        self._table = self._row = self._cell = None
        self._svg = None

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self._table = {"caption": "", "headings": [], "rows": []}
        elif tag == "caption" and self._table is not None:
            self._cell = []
        elif tag == "tr" and self._table is not None:
            self._row = []
        elif tag in {"th", "td"} and self._row is not None:
            self._cell = []
        elif tag == "br" and self._cell is not None:
            self._cell.append(" ")
        elif tag == "svg":
            self._svg = {"attrs": dict(attrs), "title": "", "desc": "", "rects": 0, "_in": None}
        elif self._svg is not None and tag in {"title", "desc"}:
            self._svg["_in"] = tag
        elif self._svg is not None and tag == "rect":
            self._svg["rects"] += 1

    def handle_endtag(self, tag):
        if tag == "caption" and self._table is not None and self._cell is not None:
            self._table["caption"] = " ".join("".join(self._cell).split())
            self._cell = None
        elif tag in {"th", "td"} and self._cell is not None and self._row is not None:
            self._row.append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            if self._table["headings"]:
                self._table["rows"].append(self._row)
            else:
                self._table["headings"] = self._row
            self._row = None
        elif tag == "table" and self._table is not None:
            self.tables.append(self._table)
            self._table = None
        elif tag in {"title", "desc"} and self._svg is not None:
            self._svg["_in"] = None
        elif tag == "svg" and self._svg is not None:
            self.svgs.append(self._svg)
            self._svg = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)
        if self._svg is not None and self._svg["_in"]:
            self._svg[self._svg["_in"]] += data


def page_tables(response) -> dict[str, dict]:
    """{caption: {"headings": [...], "rows": [[...], ...]}} of every table on the page."""
    parser = _Tables()
    parser.feed(response.content.decode())
    return {table["caption"]: {"headings": table["headings"], "rows": table["rows"]} for table in parser.tables}


def charts(response) -> list[dict]:
    parser = _Tables()
    parser.feed(response.content.decode())
    return parser.svgs


def column(table: dict, heading: str) -> dict[str, str]:
    """{row's first cell: its cell under the heading}."""
    index = table["headings"].index(heading)
    return {row[0]: row[index] for row in table["rows"]}


def csv_rows(response) -> list[dict[str, str]]:
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(response.content.decode())))


REPORT_TABLES = ("By sponsor", "By tier", "By local authority", "By day")


def as_csv_would(tables: dict[str, dict]) -> list[dict[str, str]]:
    """The report's tables on the page as the CSV's rows hold them: caption, first cell, then each figure under
    its heading. (The admin has tables of its own, such as its keyboard shortcuts.)"""
    return [
        {"Table": caption, "Group": row[0], **dict(zip(table["headings"][1:], row[1:]))}
        for caption, table in tables.items()
        if caption in REPORT_TABLES
        for row in table["rows"]
    ]


def without_blanks(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    return [{heading: cell for heading, cell in row.items() if cell != ""} for row in rows]
