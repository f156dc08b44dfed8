"""Plausible reach for the demo postings over the last 30 days (shown in search results, page views, apply clicks,
saves), so the reach reports in the admin and the portals have something to show after `make run`.

Each posting's figures come from a seed made of the posting and the day, so they are the same whenever they are
planned. Loading adds only the days a posting has no figures for yet: running it again writes nothing, and counts
made by people trying the site are kept.
"""

import datetime
import random

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from publishing.activity import APPLY_CLICKS, IMPRESSIONS, SAVES, VIEWS, activity_add
from publishing.models import PostingActivity

from .employers import demo_opportunities, demo_vacancies
from .providers import demo_programmes

SEED = 20251202
DAYS = 30


def day_figures(*, label: str, pk: int, day: datetime.date, popularity: float) -> dict[str, int]:
    """One day of one posting: fewer at weekends; about one in eight shown opens it, a fifth of those click to
    apply and a sixteenth save it."""
    rng = random.Random(f"{SEED}:{label}:{pk}:{day.isoformat()}")
    weekday = 0.6 if day.weekday() >= 5 else 1.0
    impressions = round(popularity * weekday * rng.uniform(0.5, 1.5))
    views = round(impressions * rng.uniform(0.06, 0.2))
    return {
        IMPRESSIONS: impressions,
        VIEWS: views,
        APPLY_CLICKS: round(views * rng.uniform(0.1, 0.3)),
        SAVES: round(views * rng.uniform(0.02, 0.1)),
    }


def popularity(*, label: str, pk: int, sponsored: bool) -> float:
    """A posting's usual impressions a day: most a few dozen, a few in the hundreds; sponsored ones rank higher."""
    rng = random.Random(f"{SEED}:{label}:{pk}")
    return rng.lognormvariate(3.0, 0.8) * (1.3 if sponsored else 1.0)


def load(*, today: datetime.date | None = None) -> dict[str, int]:
    """Add the figures of the last DAYS days that the demo postings do not have yet."""
    today = today or timezone.localdate()
    days = [today - datetime.timedelta(days=n) for n in range(DAYS)]
    counts = {}
    for queryset, sponsored in ((demo_programmes(), False), (demo_vacancies(), False), (demo_opportunities(), True)):
        model = queryset.model
        label, content_type = model._meta.label_lower, ContentType.objects.get_for_model(model)
        pks = list(queryset.values_list("pk", flat=True))
        have = set(
            PostingActivity.objects.filter(content_type=content_type, object_id__in=pks, day__gte=days[-1]).values_list("object_id", "day")
        )
        for pk in pks:
            usual = popularity(label=label, pk=pk, sponsored=sponsored)
            for day in days:
                if (pk, day) not in have:
                    counts[content_type.pk, pk, day] = day_figures(label=label, pk=pk, day=day, popularity=usual)
    activity_add(counts=counts)
    return {"postings' days of reach": len(counts)} if counts else {}
