import datetime
import math

from django import template
from django.utils.dateformat import format as date_format

register = template.Library()

TIER_COLOURS = {"inclusion": "govuk-tag--green", "general": "govuk-tag--blue", "advanced": "govuk-tag--purple"}


@register.filter
def tier_colour(code: str) -> str:
    return TIER_COLOURS.get(code, "govuk-tag--grey")


@register.filter
def iso_date(value: str) -> str:
    """"2026-03-02" (as plans keep dates) → "2 March 2026"."""
    try:
        return date_format(datetime.date.fromisoformat(value), "j F Y")
    except (TypeError, ValueError):
        return ""


@register.filter
def miles_count(value: float) -> int:
    """The whole number that picks "mile" or "miles" (and the other plural forms of each language) for a distance:
    1 is the only distance said in the singular in English, so 0.5 counts as more than one."""
    return 1 if value == 1 else max(2, math.ceil(value))
