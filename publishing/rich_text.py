"""Rich text from any source (admin, portal, import, API) is cleaned to the same small set of tags."""

import html
import re
from functools import lru_cache

from django.core.exceptions import ValidationError
from django.utils.html import escape, strip_tags

# The most text a description, "how to apply" or a profile's "about you" may hold: room for any real course or
# job (a long one is some 1,500 words, about 10,000 characters), while one posting can never grow big enough
# to stall indexing for everyone. Rich text may carry its formatting on top, up to RICH_TEXT_MAX_MARKUP.
LONG_TEXT_MAX_CHARACTERS = 20_000
RICH_TEXT_MAX_MARKUP = 3 * LONG_TEXT_MAX_CHARACTERS

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


def _too_long(length: int) -> ValidationError:
    return ValidationError(
        f"This is {length:,} characters long: the most we take is {LONG_TEXT_MAX_CHARACTERS:,}. Shorten it, or "
        "link to a page of your own with the rest.",
        code="too_long",
    )


def validate_long_text(value: str) -> None:
    if len(value or "") > LONG_TEXT_MAX_CHARACTERS:
        raise _too_long(len(value))


def _too_much_formatting(length: int) -> ValidationError:
    return ValidationError(
        f"This has too much formatting: with it, it is {length:,} characters long, and the most we take is "
        f"{RICH_TEXT_MAX_MARKUP:,}. Use fewer headings, lists and links, or shorten it.",
        code="too_long",
    )


def validate_rich_text_length(value: str) -> None:
    """The text a reader sees, and the formatting that comes with it."""
    text = html.unescape(strip_tags(value or ""))
    if len(text) > LONG_TEXT_MAX_CHARACTERS:
        raise _too_long(len(text))
    if len(value or "") > RICH_TEXT_MAX_MARKUP:
        raise _too_much_formatting(len(value))


def validate_rich_text_input(value: str) -> None:
    """What a person typed or a file held, before it is cleaned: refused at once when far too long, so a huge
    value is never parsed. What passes is checked again, as stored, by validate_rich_text_length."""
    if len(value or "") > RICH_TEXT_MAX_MARKUP:
        raise _too_much_formatting(len(value)) if _TAG.search(value[:RICH_TEXT_MAX_MARKUP]) else _too_long(len(value))


def has_unsafe_markup(text: str) -> bool:
    """Scripts, styles, frames, event handlers or javascript: links, which cleaning removes."""
    return bool(_UNSAFE.search(text or ""))
