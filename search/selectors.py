"""Reads for the authority's view of unmet demand: searches that found nothing or little, and searches that
found results that nobody followed."""

import datetime

from django.db.models import Avg, Count, Exists, F, FloatField, OuterRef, Q, QuerySet
from django.db.models.functions import Cast, Lower, NullIf

from .models import ResultClick, SearchRecord

LOW_RESULTS = 3
# Which searches a report counts.
LITTLE, NOTHING, UNCLICKED, ALL = "little", "nothing", "unclicked", "all"


def unmet_demand(*, since: datetime.date, until: datetime.date, show: str = LITTLE) -> QuerySet:
    """Searches grouped by words, local authority and tier, most frequent first, with what came of them:

    - searches, found_nothing, average_results;
    - found_results_nothing_clicked: searches that found something but led to no result being followed;
    - click_through: of the searches that found something, the percentage that led to one being followed
      (None when none found anything).

    show picks the searches counted: LITTLE (LOW_RESULTS or fewer), NOTHING, ALL, or UNCLICKED (the searches
    that found something, for words, areas and tiers where at least one of them led nowhere; most such first).
    """
    records = SearchRecord.objects.filter(searched_at__date__gte=since, searched_at__date__lte=until)
    records = {
        LITTLE: records.filter(result_count__lte=LOW_RESULTS),
        NOTHING: records.filter(result_count=0),
        UNCLICKED: records.filter(result_count__gt=0, source="page"),
        ALL: records,
    }[show]
    followed = Exists(ResultClick.objects.filter(search_record=OuterRef("pk")))
    rows = (
        records.annotate(words=Lower("query"))
        .values("words", "local_authority", "tier")
        .annotate(
            searches=Count("id"),
            found_nothing=Count("id", filter=Q(result_count=0)),
            # Click-through counts the search page only: API results are linked to directly.
            found_results=Count("id", filter=Q(result_count__gt=0, source="page")),
            followed=Count("id", filter=followed),
            average_results=Avg("result_count"),
        )
        .annotate(
            found_results_nothing_clicked=F("found_results") - F("followed"),
            click_through=Cast("followed", FloatField()) * 100 / NullIf("found_results", 0),
        )
    )
    if show == UNCLICKED:
        return rows.filter(found_results_nothing_clicked__gt=0).order_by("-found_results_nothing_clicked", "-searches", "words")
    return rows.order_by("-searches", "words")
