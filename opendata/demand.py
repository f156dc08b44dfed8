"""What residents searched for, month by month: read from the anonymous search log (search.models.SearchRecord,
which keeps no person, address or session, and no place finer than a postcode district's local authority).

Small numbers could point to someone, so nothing under SMALL_NUMBER is published: a search's words appear only
when at least that many searches used them (the others are counted together, with no words), and a count under
it is left empty, as official statistics suppress small cells.
"""

from collections import defaultdict
from itertools import groupby

from django.db.models import Count, Q
from django.db.models.functions import Lower, TruncMonth

from search.models import SearchRecord

from .columns import Column, Dataset

SMALL_NUMBER = 10
CHUNK = 2000


def words_of(query: str) -> str:
    """Searches that differ only in capitals or spaces count as the same words."""
    return " ".join(query.split())


def shown(count: int) -> int | None:
    return count if count >= SMALL_NUMBER else None


def demand_rows():
    """One row for each month, local authority, level and the words searched; words fewer than SMALL_NUMBER
    searches used are counted in the row with no words. Streamed: only one month, place and level at a time
    is held."""
    groups = (
        SearchRecord.objects.annotate(month=TruncMonth("searched_at"), words=Lower("query"))
        .values("month", "local_authority", "tier", "words")
        .annotate(searches=Count("pk"), no_results=Count("pk", filter=Q(result_count=0)))
        .order_by("month", "local_authority", "tier")
        .iterator(chunk_size=CHUNK)
    )
    for (month, local_authority, tier), rows in groupby(groups, key=lambda row: (row["month"], row["local_authority"], row["tier"])):
        counts = defaultdict(lambda: [0, 0])
        for row in rows:
            total = counts[words_of(row["words"])]
            total[0] += row["searches"]
            total[1] += row["no_results"]
        other = counts.pop("", [0, 0])
        published = {}
        for words, (searches, no_results) in counts.items():
            if searches >= SMALL_NUMBER:
                published[words] = (searches, no_results)
            else:
                other[0] += searches
                other[1] += no_results
        rows_out = sorted(published.items())
        if other[0]:
            rows_out.append(("", tuple(other)))
        for words, (searches, no_results) in rows_out:
            yield {
                "month": month.strftime("%Y-%m"),
                "local_authority": local_authority,
                "tier": tier,
                "words": words,
                "searches": shown(searches),
                "searches_with_no_results": shown(no_results),
            }


def key(name: str):
    return lambda row: row[name]


SUPPRESSED = f"Empty when fewer than {SMALL_NUMBER}, so that no one can be picked out."

DEMAND = Dataset(
    name="search-demand",
    title="What residents searched for",
    description=(
        "How many searches residents made on this site each month, by local authority, by the level of digital "
        "skill they chose and by the words they searched for: what people are looking for, and where nothing "
        "was found. Anonymous: words only when at least 10 searches used them, and no count under 10."
    ),
    columns=(
        Column("month", "Month", "gYearMonth", "The month of the searches, as YYYY-MM", key("month")),
        Column(
            "local_authority", "Local authority", "string",
            "ONS code of the local authority searched in (from the postcode district or the filter); empty when none was given",
            key("local_authority"),
        ),
        Column("tier", "Level of digital skill", "string", "The level chosen: inclusion, general or advanced; empty when none", key("tier")),
        Column(
            "words", "Words searched", "string",
            f"The words searched for, in small letters. Empty for searches with no words, and for words fewer than "
            f"{SMALL_NUMBER} searches used that month there, which are counted together in this row",
            key("words"),
        ),
        Column("searches", "Searches", "integer", f"How many searches. {SUPPRESSED}", key("searches")),
        Column(
            "searches_with_no_results", "Searches that found nothing", "integer",
            f"How many of those searches found nothing. {SUPPRESSED}", key("searches_with_no_results"),
        ),
    ),
    rows=demand_rows,
    notes=(
        f"Words are published only when at least {SMALL_NUMBER} different searches used them, and counts under "
        f"{SMALL_NUMBER} are left empty.",
        "The search log is kept for about 13 months, so the file covers about that long.",
    ),
)  # fmt: skip
