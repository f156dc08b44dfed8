"""Rich text from any source (admin, portal, import, API) is cleaned to the same small set of tags."""

from functools import lru_cache

# Headings, emphasis, lists and links: enough to describe a course or a job, nothing that runs.
FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link"]


@lru_cache(maxsize=1)
def _converter():
    # Imported here: Wagtail's converters need the app registry, and models import this module.
    from wagtail.admin.rich_text.converters.editor_html import EditorHTMLConverter

    return EditorHTMLConverter(features=FEATURES)


def clean_rich_text(html: str) -> str:
    """Drop scripts, styles, event handlers and unsafe links; keep the text."""
    return _converter().whitelister.clean(html or "").strip()
