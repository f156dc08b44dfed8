"""Reads for the authority's view of unmet demand: searches that found nothing, or little."""

import datetime

from django.db.models import Avg, Count, QuerySet
from django.db.models.functions import Lower

from .models import SearchRecord

LOW_RESULTS = 3


def unmet_demand(*, since: datetime.date, until: datetime.date, zero_only: bool = False) -> QuerySet:
    """Searches with no or few results, grouped by words, local authority and tier, most frequent first."""
    records = SearchRecord.objects.filter(searched_at__date__gte=since, searched_at__date__lte=until)
    records = records.filter(result_count=0) if zero_only else records.filter(result_count__lte=LOW_RESULTS)
    return (
        records.annotate(words=Lower("query"))
        .values("words", "local_authority", "tier")
        .annotate(searches=Count("id"), average_results=Avg("result_count"))
        .order_by("-searches", "words")
    )
