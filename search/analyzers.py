"""Text analysis shared by every index: English stemming, ASCII folding, domain synonyms, autocomplete.

Synonyms come from synonyms.txt beside this module, read when an index is defined, never at import.
"""

from pathlib import Path

from elasticsearch_dsl import analyzer, token_filter, tokenizer

SYNONYMS_FILE = Path(__file__).with_name("synonyms.txt")


def read_synonyms(path: Path = SYNONYMS_FILE) -> list[str]:
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def _english_filters() -> list:
    """Lower case, fold accents, stem: what searching and indexing English text share."""
    return [
        "lowercase",
        "asciifolding",
        token_filter("english_possessive", "stemmer", language="possessive_english"),
        token_filter("english_stemmer", "stemmer", language="english"),
    ]


def english_text_analyzer(synonyms: list[str]):
    """For searching: lower case, fold accents, stem, then expand synonyms.

    Synonyms come last so that OpenSearch stems the synonym rules with the same chain:
    "beginners" and "beginner" both meet the rule for "beginner".
    """
    synonym_filter = token_filter("digital_synonyms", "synonym_graph", synonyms=synonyms, lenient=True)
    return analyzer("english_text", tokenizer="standard", filter=[*_english_filters(), synonym_filter])


def english_index_analyzer():
    """For indexing: the same without synonyms (synonym_graph belongs at query time)."""
    return analyzer("english_index", tokenizer="standard", filter=_english_filters())


def autocomplete_analyzer():
    """Edge n-grams of each word, so "progr" finds "Programming"."""
    return analyzer(
        "autocomplete",
        tokenizer=tokenizer("autocomplete_edge", "edge_ngram", min_gram=2, max_gram=15, token_chars=["letter", "digit"]),
        filter=["lowercase", "asciifolding"],
    )
