"""Text analysis shared by every index: English stemming, ASCII folding, domain synonyms, autocomplete.

Synonyms come from synonyms.txt beside this module, and the words residents type in our other languages from
synonyms/<language>.txt; both are read when an index is defined, never at import.
"""

from pathlib import Path

from elasticsearch_dsl import analyzer, char_filter, token_filter, tokenizer

SYNONYMS_FILE = Path(__file__).with_name("synonyms.txt")
# Urdu, Polish and Romanian words for common needs, each mapped to the English words our items use.
LANGUAGE_SYNONYMS_DIR = Path(__file__).with_name("synonyms")

# Urdu typed on an Arabic keyboard gives Arabic yeh and kaf for Urdu's own letters; short vowel marks, the
# elongation stroke and zero-width joiners change how a word looks, not which word it is. Evened out before
# words are split, so "كمپيوٹر" meets the rule for "کمپیوٹر". One mapping (a lookup per character): a regular
# expression for the marks, run over every character of every English text, cost a rebuild's load a fifth of its
# time (13.6 → 11.0 s at 100,000 items).
ARABIC_SCRIPT_MAPPINGS = ["\u064A => \u06CC", "\u0649 => \u06CC", "\u0643 => \u06A9"]
ARABIC_SCRIPT_MARKS = [*map(chr, range(0x064B, 0x0660)), "\u0670", "\u0640", "\u200C", "\u200D"]


def read_synonyms(path: Path = SYNONYMS_FILE) -> list[str]:
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def read_language_synonyms(directory: Path = LANGUAGE_SYNONYMS_DIR) -> list[str]:
    """Every rule of every language's file ("komputer, komputera => computer"), in file name order."""
    return [rule for path in sorted(directory.glob("*.txt")) for rule in read_synonyms(path)]


def _arabic_script_filters() -> list:
    marks_dropped = [f"{mark} => " for mark in ARABIC_SCRIPT_MARKS]
    return [char_filter("arabic_script", "mapping", mappings=[*ARABIC_SCRIPT_MAPPINGS, *marks_dropped])]


def _english_filters() -> list:
    """Lower case, fold accents, stem: what searching and indexing English text share."""
    return [
        "lowercase",
        "asciifolding",
        token_filter("english_possessive", "stemmer", language="possessive_english"),
        token_filter("english_stemmer", "stemmer", language="english"),
    ]


def english_text_analyzer(synonyms: list[str], language_synonyms: list[str] = ()):
    """For searching: lower case, fold accents, stem, then expand synonyms.

    Synonyms come last so that OpenSearch stems the synonym rules with the same chain:
    "beginners" and "beginner" both meet the rule for "beginner". Another language's words are first turned into
    English ("komputera" into "computer"), which the English synonyms then widen as usual.
    """
    filters = _english_filters()
    if language_synonyms:
        filters.append(token_filter("language_synonyms", "synonym_graph", synonyms=list(language_synonyms), lenient=True))
    synonym_filter = token_filter("digital_synonyms", "synonym_graph", synonyms=synonyms, lenient=True)
    return analyzer("english_text", tokenizer="standard", char_filter=_arabic_script_filters(), filter=[*filters, synonym_filter])


def english_index_analyzer():
    """For indexing: the same without synonyms (synonym_graph belongs at query time)."""
    return analyzer("english_index", tokenizer="standard", char_filter=_arabic_script_filters(), filter=_english_filters())


def autocomplete_analyzer():
    """Edge n-grams of each word, so "progr" finds "Programming"."""
    return analyzer(
        "autocomplete",
        tokenizer=tokenizer("autocomplete_edge", "edge_ngram", min_gram=2, max_gram=15, token_chars=["letter", "digit"]),
        filter=["lowercase", "asciifolding"],
    )
