"""The open-data filters that programmes, apprenticeships and sponsored opportunities share (/api/v1/)."""

import django_filters
from django.db.models import Q

from api.filters import ReferenceCodeFilter, UpdatedSinceFilter
from places.filters import local_authority_filter

from .models import SkillArea, Tier


class OpportunityFilterSet(django_filters.FilterSet):
    """The filters of programmes, apprenticeships and sponsored opportunities; each value is checked first."""

    tier = ReferenceCodeFilter(
        field_name="tier__code",
        codes=lambda: Tier.objects.values_list("code", flat=True),
        noun="tier",
        help_text="Tier code: inclusion, general or advanced.",
    )
    skill_area = ReferenceCodeFilter(
        field_name="skill_areas__code",
        codes=lambda: SkillArea.objects.values_list("code", flat=True),
        noun="skill area",
        help_text="Skill area code, e.g. EDS-H (UK Essential Digital Skills), DC-1 (DigComp 2.2) or ADV-DATA.",
    )
    local_authority = local_authority_filter(field_name="local_authority__code")
    updated_since = UpdatedSinceFilter(
        method="changed_or_public_again_since",
        help_text=(
            "Only items changed at or after this moment, or public again since (their organisation verified "
            "again): an ISO 8601 date (from midnight UK time) or date and time (UK time unless it ends in Z or an "
            "offset; encode + as %2B), e.g. 2025-09-01T09:30:00Z. What stopped being public since is at /api/v1/removed/."
        ),
    )

    def changed_or_public_again_since(self, queryset, name, value):
        # An organisation verified again brings back postings that did not change: a harvester that removed them
        # (/api/v1/removed/) must see them again.
        verified_since = {f"{queryset.model.organisation_field}__verified_at__gte": value}
        return queryset.filter(Q(updated_at__gte=value) | Q(**verified_since))
