"""Open data: tombstones of what the API stopped listing (/api/v1/removed/), so a harvester that copies the
lists with `updated_since` can remove what was withdrawn, closed, deleted or whose organisation is no longer
verified since it last asked."""

import django_filters
from rest_framework import serializers

from api.filters import ReferenceCodeFilter, UpdatedSinceFilter
from api.views import OpenDataListViewSet

from . import selectors
from .models import Removal


class RemovalSerializer(serializers.ModelSerializer):
    class Meta:
        model = Removal
        fields = ["kind", "slug", "removed_at", "reason"]
        extra_kwargs = {
            "kind": {"help_text": "Which list it left: programme, apprenticeship, opportunity, provider or employer"},
            "slug": {"help_text": "Its identifier in that list (/api/v1/<kind>s/<slug>/)"},
            "removed_at": {"help_text": "When it stopped being public (ISO 8601)"},
            "reason": {
                "help_text": (
                    "withdrawn, closed (its closing date passed), unpublished (back to draft or waiting for a moderator), "
                    "archived, deleted, or organisation_unverified"
                )
            },
        }


class RemovalFilterSet(django_filters.FilterSet):
    kind = ReferenceCodeFilter(
        field_name="kind",
        codes=lambda: Removal.Kind.values,
        noun="kind",
        help_text="Only removals from one list: programme, apprenticeship, opportunity, provider or employer.",
    )
    updated_since = UpdatedSinceFilter(
        field_name="removed_at",
        lookup_expr="gte",
        help_text=(
            "Only what stopped being public at or after this moment: the same value you pass to the lists' "
            "updated_since, e.g. 2025-09-01T09:30:00Z (encode + as %2B)."
        ),
    )


class RemovalViewSet(OpenDataListViewSet):
    """What stopped being public, oldest first: remove these from your copy. An item that is public again is
    not listed here; it is back in its list, with a new updated_at."""

    serializer_class = RemovalSerializer
    filterset_class = RemovalFilterSet

    def get_queryset(self):
        return selectors.removals()
