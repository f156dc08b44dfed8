import json

from django import template
from django.utils.safestring import mark_safe

register = template.Library()

_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


@register.filter
def json_ld(data: dict) -> str:
    """A schema.org JSON-LD script element; text from posters cannot close the script."""
    body = json.dumps(data, ensure_ascii=False, indent=None).translate(_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{body}</script>')


@register.filter
def money(amount) -> str:
    """£320.00 or £1,250.00; empty for no amount."""
    if amount in (None, ""):
        return ""
    return f"£{amount:,.2f}"
