"""The daily chart of a reach report, drawn as inline SVG by the platform: no script, no third party.

One small bar chart per measure, stacked, each on its own scale (search impressions run to hundreds a day, apply
clicks to a few), and told apart by their labels, not by colour. The SVG is an image with a title and a
description that gives each measure's total and busiest day; the report's "By day" table beside it holds every
figure (https://www.w3.org/WAI/tutorials/images/complex/).
"""

import datetime
from dataclasses import dataclass

WIDTH = 460  # about the width of half the page, so its text shows at about its own size
LABEL_HEIGHT = 22
PANEL_HEIGHT = 64
PANEL_GAP = 18
AXIS_HEIGHT = 22


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class Panel:
    label: str
    label_y: float
    baseline_y: float
    bars: tuple[Bar, ...]


@dataclass(frozen=True)
class DailyChart:
    id: str  # prefix of the title's and description's element ids, unique on the page
    title: str
    description: str
    width: int
    height: int
    panels: tuple[Panel, ...]
    first_day: str
    last_day: str
    axis_y: float


def long_date(day: datetime.date) -> str:
    return f"{day.day} {day:%B %Y}"


def _summary(heading: str, values: list[int], days: list[datetime.date]) -> str:
    total = sum(values)
    if not total:
        return f"{heading}: none."
    most = max(values)
    busiest = days[values.index(most)]
    return f"{heading}: {total} in all, most on {long_date(busiest)} ({most})."


def daily_chart(*, id: str, title: str, days: list[datetime.date], series: dict[str, list[int]], headings: dict[str, str]) -> DailyChart:
    """A panel of bars per measure (series and headings by measure, in the order to draw), one bar a day."""
    slot = WIDTH / max(len(days), 1)
    bar_width = round(max(slot * 0.8, 1), 2)
    panels = []
    top = 0.0
    for measure, heading in headings.items():
        values = series[measure]
        most = max(values, default=0)
        baseline = top + LABEL_HEIGHT + PANEL_HEIGHT
        bars = tuple(
            Bar(round(number * slot, 2), round(baseline - value / most * PANEL_HEIGHT, 2), bar_width, round(value / most * PANEL_HEIGHT, 2))
            for number, value in enumerate(values)
            if value
        )
        label = f"{heading}: {sum(values)} in all, at most {most} a day" if most else f"{heading}: none"
        panels.append(Panel(label, top + LABEL_HEIGHT - 6, baseline, bars))
        top = baseline + PANEL_GAP
    description = " ".join(
        [f"Bar charts of {', '.join(headings.values()).lower()}, one bar a day from {long_date(days[0])} to {long_date(days[-1])}, each on its own scale."]
        + [_summary(heading, series[measure], days) for measure, heading in headings.items()]
        + ["The table “By day” gives every figure."]
    )
    axis_y = top - PANEL_GAP + AXIS_HEIGHT - 6
    return DailyChart(
        id=id,
        title=title,
        description=description,
        width=WIDTH,
        height=round(top - PANEL_GAP + AXIS_HEIGHT),
        panels=tuple(panels),
        first_day=f"{days[0].day} {days[0]:%b}",
        last_day=f"{days[-1].day} {days[-1]:%b}",
        axis_y=axis_y,
    )
