"""Which language a resident reads a page in. Addresses carry no language: a page is found in the English tree,
then served in the resident's language (chosen with the language switcher, or their browser's) when an editor has
published a translation of it, and in English otherwise. English is the fallback, never a "not found".
"""

from wagtail.models import Locale, Page


def reader_translation(page: Page) -> Page:
    """`page` in the active language if its translation is live and as open as the page itself, else `page`."""
    translation = page.localized  # the live translation in the active language, or page itself
    if translation.pk == page.pk:
        return page
    # A translation kept private (a view restriction the English page has not) is not shown to residents.
    if translation.get_view_restrictions().exists() and not page.get_view_restrictions().exists():
        return page
    return translation.specific


def default_tree_root(root: Page) -> Page:
    """The English version of a site's root page, whose tree gives every page its address."""
    if root.locale_id == Locale.get_default().pk:
        return root
    return root.get_translation_or_none(Locale.get_default()) or root
