"""What the ORUK API may show: public inclusion support (help to get online) from verified providers, and the
skill areas that classify it."""

import datetime

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from courses.models import Programme, ProgrammeRun, Venue
from pathways.models import SkillArea


def service_list(*, search: str = "", modified_after: datetime.datetime | None = None, skill_area_ids=None) -> QuerySet:
    """Public inclusion support and its organisation, oldest key first so pages stay stable while records
    change."""
    services = (
        Programme.objects.public()
        .filter(kind=Programme.Kind.INCLUSION_SUPPORT)
        .select_related("provider__organisation")
        .order_by("pk")
    )
    if search:
        services = services.filter(Q(title__icontains=search) | Q(summary__icontains=search) | Q(provider__organisation__name__icontains=search))
    if modified_after is not None:
        services = services.filter(updated_at__gte=modified_after)
    if skill_area_ids is not None:
        services = services.filter(skill_areas__in=skill_area_ids).distinct()
    return services


def nested(services: QuerySet) -> QuerySet:
    """With everything a fully nested service shows: its skill areas, its runs still to come or under way,
    and its venues."""
    today = timezone.localdate()
    return services.prefetch_related(
        "skill_areas",
        Prefetch(
            "runs",
            queryset=ProgrammeRun.objects.filter(Q(ends_on__gte=today) | Q(ends_on__isnull=True, starts_on__gte=today)).order_by("starts_on", "pk"),
        ),
        Prefetch("venues", queryset=Venue.objects.select_related("local_authority", "district").order_by("name", "pk")),
    )


def service_get(*, pk: int) -> Programme | None:
    return nested(service_list()).filter(pk=pk).first()


def service_at_location_list(*, search: str = "") -> QuerySet:
    """Each public inclusion service at each of its venues, as (programme_id, venue_id) rows; a service only
    online has none."""
    return (
        Programme.venues.through.objects.filter(programme__in=service_list(search=search).values("pk"))
        .order_by("programme_id", "venue_id")
        .values_list("programme_id", "venue_id")
    )


def services_by_key(keys) -> dict[int, Programme]:
    return {programme.pk: programme for programme in nested(service_list()).filter(pk__in=set(keys))}


def skill_areas() -> QuerySet:
    return SkillArea.objects.order_by("framework", "position", "pk")


def frameworks() -> list[tuple[str, str]]:
    """The skill-area frameworks, each a taxonomy: (code, name)."""
    return list(SkillArea.Framework.choices)
