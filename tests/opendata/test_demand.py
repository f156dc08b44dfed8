"""What residents searched for is published without small numbers: counts under 10 are left empty, and words
appear only when at least 10 different searches used them."""

import csv
import datetime
import json

import pytest
from django.utils import timezone

from opendata.services import datasets_publish
from search.models import SearchRecord

pytestmark = pytest.mark.django_db

LEEDS, BRADFORD = "E08000035", "E08000032"


def searches(count: int, query: str, *, local_authority=LEEDS, tier="", result_count=3, day=datetime.date(2026, 10, 14)):
    at = timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))
    SearchRecord.objects.bulk_create(
        [SearchRecord(searched_at=at, query=query, local_authority=local_authority, tier=tier, result_count=result_count) for _ in range(count)]
    )


def demand_rows(root):
    with (root / "search-demand.csv").open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_words_ten_searches_used_are_published_with_their_counts(datasets_root):
    searches(6, "Python course", result_count=0)
    searches(4, "  python   COURSE ", result_count=0)  # the same words, however typed

    datasets_publish()

    assert demand_rows(datasets_root) == [
        {"month": "2026-10", "local_authority": LEEDS, "tier": "", "words": "python course", "searches": "10", "searches_with_no_results": "10"}
    ]


def test_words_nine_searches_used_are_not_published_and_a_count_of_nine_is_left_empty(datasets_root):
    searches(9, "excel for my job at Smith's Bakery")

    datasets_publish()

    text = (datasets_root / "search-demand.csv").read_text() + (datasets_root / "search-demand.json").read_text()
    assert "bakery" not in text.lower()
    assert demand_rows(datasets_root) == [
        {"month": "2026-10", "local_authority": LEEDS, "tier": "", "words": "", "searches": "", "searches_with_no_results": ""}
    ]


def test_rare_words_are_counted_together_without_their_words(datasets_root):
    searches(10, "cyber security", tier="advanced", result_count=0)
    for query in ("ethical hacking", "penetration testing", "cloud"):
        searches(4, query, tier="advanced", result_count=2)  # 12 searches, none of their words used by 10
    searches(9, "", local_authority=BRADFORD)

    datasets_publish()

    rows = demand_rows(datasets_root)
    assert rows == [
        {"month": "2026-10", "local_authority": BRADFORD, "tier": "", "words": "", "searches": "", "searches_with_no_results": ""},
        {"month": "2026-10", "local_authority": LEEDS, "tier": "advanced", "words": "cyber security", "searches": "10", "searches_with_no_results": "10"},
        {"month": "2026-10", "local_authority": LEEDS, "tier": "advanced", "words": "", "searches": "12", "searches_with_no_results": ""},
    ]


def test_the_data_dictionary_says_small_counts_are_left_empty(datasets_root):
    datasets_publish()

    metadata = json.loads((datasets_root / "search-demand.csv-metadata.json").read_text())
    columns = {column["name"]: column for column in metadata["tableSchema"]["columns"]}
    assert "Empty when fewer than 10" in columns["searches"]["dc:description"]
    assert "Empty when fewer than 10" in columns["searches_with_no_results"]["dc:description"]
