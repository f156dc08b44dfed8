import datetime

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
