"""A report as a page's context (its chart and its tables) or as a CSV file holding the same tables."""

import csv
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpResponse
from django.utils.text import slugify

from api.spreadsheets import safe_cell

from .charts import daily_chart, long_date
from .reports import MEASURE_HEADINGS, Report

# One row per row of the page's tables: its table's caption, its first cell, then its figures under the page's
# own headings (empty where that table has no such column).
CSV_HEADINGS = ("Table", "Group", "Postings", "Places pledged", "Places offered", *MEASURE_HEADINGS.values())


def csv_response(report: Report) -> HttpResponse:
    filename = f"reach-{slugify(report.title)[:80]}-{report.period.since}-{report.period.until}.csv"
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    writer = csv.writer(response)
    writer.writerow(CSV_HEADINGS)
    for table in report.tables:
        for row in table.rows:
            figures = dict(zip(table.headings[1:], row[1:]))
            # Names come from posters and editors: quoted, so a spreadsheet shows a formula instead of running it.
            writer.writerow([safe_cell(table.caption), safe_cell(row[0]), *(figures.get(heading, "") for heading in CSV_HEADINGS[2:])])
    return response


def report_context(report: Report, *, query: dict) -> dict:
    """The chart and tables of a report, and the link to its CSV (the same query, as CSV)."""
    return {
        "report": report,
        "chart": daily_chart(
            id="reach-chart",
            title=f"{report.title}, day by day from {long_date(report.period.since)} to {long_date(report.period.until)}",
            days=report.period.days,
            series=report.daily,
            headings=MEASURE_HEADINGS,
        ),
        "csv_url": "?" + urlencode({**query, "format": "csv"}),
        "repeat_minutes": repeat_minutes(),
    }


def repeat_minutes() -> int:
    """The repeat window (publishing/activity.py) in minutes, for the notes under the figures."""
    return settings.ACTIVITY_REPEAT_SECONDS // 60
