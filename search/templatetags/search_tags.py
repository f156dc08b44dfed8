from django import template

register = template.Library()


@register.filter
def get(mapping, key):
    return mapping.get(key, "") if mapping else ""


@register.filter
def label_of(names: dict, code):
    """The words for a code (a tier, a skill area); the code itself if we have none."""
    return names.get(code, code) if names else code
