import json

from django import template
from django.utils.safestring import mark_safe

from publishing.activity import EVENTS

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


@register.simple_tag
def portal_links(user) -> list[tuple[str, str]]:
    """(label, URL) of the portals of the organisations this person is an active member of, and for digital
    helpers, their list of people helped."""
    from django.urls import reverse

    from accounts.models import Organisation
    from accounts.selectors import organisations_of

    kinds = set(organisations_of(user=user).values_list("kind", flat=True))
    portals = [
        (Organisation.Kind.PROVIDER, "Your courses", "provider_portal:home"),
        (Organisation.Kind.EMPLOYER, "Your job postings", "employer_portal:home"),
    ]
    # Digital helpers at partner organisations have no portal: their link is to the people they helped.
    helper = [("People we helped", reverse("pathways:helping"))] if Organisation.Kind.PARTNER in kinds else []
    kinds.discard(Organisation.Kind.PARTNER)
    if len(kinds) == 1:
        return [("Your organisation", reverse(name)) for kind, _, name in portals if kind in kinds] + helper
    return [(label, reverse(name)) for kind, label, name in portals if kind in kinds] + helper


@register.filter
def activity_of(totals: dict, item) -> dict:
    """This item's counts from publishing.selectors.activity_totals."""
    return totals.get((item._meta.label_lower, item.pk), dict.fromkeys(EVENTS, 0))
