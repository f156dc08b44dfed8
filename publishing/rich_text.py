"""Rich text from any source (admin, portal, import, API) is cleaned to the same small set of tags."""

import re
from functools import lru_cache

from django.utils.html import escape

# Headings, emphasis, lists and links: enough to describe a course or a job, nothing that runs.
FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link"]


@lru_cache(maxsize=1)
def _converter():
    # Imported here: Wagtail's converters need the app registry, and models import this module.
    from wagtail.admin.rich_text.converters.editor_html import EditorHTMLConverter

    return EditorHTMLConverter(features=FEATURES)


# Their contents are code, not words for a reader: they go with the tags.
_SCRIPT_OR_STYLE = re.compile(r"<\s*(script|style)\b[^>]*>.*?(?:<\s*/\s*\1\s*>|$)", re.IGNORECASE | re.DOTALL)


def clean_rich_text(html: str) -> str:
    """Drop scripts and styles (with their contents), event handlers and unsafe links; keep the text."""
    return _converter().whitelister.clean(_SCRIPT_OR_STYLE.sub("", html or "")).strip()


_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>")
_UNSAFE = re.compile(r"<\s*(script|style|iframe|object|embed|form|input|svg|math|link|meta)\b|\son\w+\s*=|javascript\s*:", re.IGNORECASE)


def rich_text_from_input(text: str) -> str:
    """What a person typed or a file held, as clean rich text: plain paragraphs become <p>s."""
    text = (text or "").strip()
    if not text:
        return ""
    if not _TAG.search(text):
        paragraphs = [" ".join(part.split()) for part in re.split(r"\n\s*\n", text)]
        return "".join(f"<p>{escape(part)}</p>" for part in paragraphs if part)
    return clean_rich_text(text)


def has_unsafe_markup(text: str) -> bool:
    """Scripts, styles, frames, event handlers or javascript: links, which cleaning removes."""
    return bool(_UNSAFE.search(text or ""))
