"""What every open-data endpoint under /api/v1/ shares: pagination, the CSV renderer, validated filters, the
representation of places and organisations, and the read-only viewset they plug into."""

import csv
import datetime
import io
import re

import django_filters
from django import forms
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers, viewsets
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.permissions import AllowAny
from rest_framework.renderers import BaseRenderer, JSONRenderer

from accounts.limits import ClientRateThrottle
from pathways.models import SkillArea, Tier
from places.models import LocalAuthority

# Pagination


class OpenDataPagination(PageNumberPagination):
    """`{count, next, previous, results}`; a malformed page or page size is a 400, a page past the end a 404."""

    page_size = 20
    max_page_size = 100
    page_size_query_param = "page_size"
    page_query_description = 'Page number, from 1 (or "last").'
    page_size_query_description = f"Items per page: 1 to {max_page_size}, default {page_size}; more is capped."

    def get_page_size(self, request):
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        if not re.fullmatch(r"[0-9]{1,12}", raw) or int(raw) < 1:
            raise ValidationError({"page_size": [f"Enter a whole number from 1 to {self.max_page_size}."]})
        return min(int(raw), self.max_page_size)

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        paginator = self.django_paginator_class(queryset, self.get_page_size(request))
        raw = request.query_params.get(self.page_query_param, "1")
        if raw in self.last_page_strings:
            number = paginator.num_pages
        elif re.fullmatch(r"[1-9][0-9]{0,11}", raw):
            number = int(raw)
        else:
            raise ValidationError({"page": ['Enter a whole number from 1, or "last".']})
        if number > paginator.num_pages:
            raise NotFound(f"There is no page {number}: the last page is {paginator.num_pages}.")
        self.page = paginator.page(number)
        return list(self.page)


# CSV

LIST_SEPARATOR = "; "
# Spreadsheets run a cell that starts with one of these as a formula; text from posters must not.
# https://owasp.org/www-community/attacks/CSV_Injection
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return "'" + value if value.startswith(FORMULA_STARTS) else value
    return str(value)


def csv_columns(serializer, prefix: str = "") -> list[str]:
    """One column per scalar; a nested object or list of objects contributes `<name>_<field>` columns."""
    columns = []
    for name, field in serializer.fields.items():
        if isinstance(field, serializers.ListSerializer):
            field = field.child
        if isinstance(field, serializers.Serializer):
            columns += csv_columns(field, f"{prefix}{name}_")
        else:
            columns.append(prefix + name)
    return columns


def csv_cells(item: dict, prefix: str = "") -> dict[str, str]:
    """Flatten one item: lists are joined with "; ", and a list of objects is joined field by field."""
    cells = {}
    for name, value in item.items():
        key = prefix + name
        if isinstance(value, dict):
            cells.update(csv_cells(value, f"{key}_"))
        elif isinstance(value, list) and any(isinstance(element, dict) for element in value):
            flattened = [csv_cells(element or {}, f"{key}_") for element in value]
            for column in dict.fromkeys(column for element in flattened for column in element):
                cells[column] = LIST_SEPARATOR.join(element.get(column, "") for element in flattened)
        elif isinstance(value, list):
            cells[key] = LIST_SEPARATOR.join(csv_cell(element) for element in value)
        else:
            cells[key] = csv_cell(value)
    return cells


class CSVRenderer(BaseRenderer):
    """The items of one page (or one item), a header row first; the columns come from the serializer, so an
    empty page still has them."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        view = renderer_context["view"]
        items = data["results"] if "results" in data else [data]
        output = io.StringIO()
        writer = csv.DictWriter(output, fieldnames=csv_columns(view.get_serializer()), extrasaction="ignore")
        writer.writeheader()
        writer.writerows(csv_cells(item) for item in items)
        renderer_context["response"]["Content-Disposition"] = f'attachment; filename="{view.basename}.csv"'
        return output.getvalue().encode(self.charset)


# Filters


class ReferenceCodeField(forms.CharField):
    """A code from reference data; an unknown one is refused with the list of known codes."""

    def __init__(self, *, codes, noun, **kwargs):
        self.codes, self.noun = codes, noun
        super().__init__(**kwargs)

    def validate(self, value):
        super().validate(value)
        if value:
            known = list(self.codes())
            if value not in known:
                raise forms.ValidationError(f"Unknown {self.noun}: use one of {', '.join(known)}.")


class ReferenceCodeFilter(django_filters.CharFilter):
    field_class = ReferenceCodeField


class DateOrDateTimeField(forms.Field):
    """An ISO 8601 date (from midnight, UK time) or date and time (UK time unless it gives an offset)."""

    message = "Enter an ISO 8601 date or date and time, such as 2025-09-01 or 2025-09-01T09:30:00Z."

    def to_python(self, value):
        if value in self.empty_values:
            return None
        # An unencoded "+" in a query string arrives as a space: 2025-09-01T09:30:00 01:00.
        text = re.sub(r"(T[0-9:.]+) ([0-9]{2}:?[0-9]{2})$", r"\1+\2", value.strip())
        try:
            moment = parse_datetime(text)  # Python 3.11 reads a plain date as midnight
            if moment is None:
                raise forms.ValidationError(self.message)
            if timezone.is_naive(moment):
                moment = timezone.make_aware(moment)
            # Out of range once in UTC (year 1 or 9999 with an offset) would otherwise fail in the database.
            return moment.astimezone(datetime.UTC)
        except (ValueError, OverflowError):
            raise forms.ValidationError(self.message) from None


class UpdatedSinceFilter(django_filters.CharFilter):  # a string in the schema: a date or a date and time
    field_class = DateOrDateTimeField


def local_authority_filter(**kwargs) -> ReferenceCodeFilter:
    return ReferenceCodeFilter(
        codes=lambda: LocalAuthority.objects.values_list("code", flat=True),
        noun="local authority code",
        help_text="ONS local authority code, e.g. E08000035 for Leeds.",
        **kwargs,
    )


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
        field_name="updated_at",
        lookup_expr="gte",
        help_text=(
            "Only items changed at or after this moment: an ISO 8601 date (from midnight UK time) or date and "
            "time (UK time unless it ends in Z or an offset; encode + as %2B), e.g. 2025-09-01T09:30:00Z."
        ),
    )


# Shared representations


@extend_schema_field(OpenApiTypes.URI)
class PublicPageURLField(serializers.Field):
    """The absolute address of the item's page on the site."""

    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", "Its public page on this site")
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, value):
        return self.context["request"].build_absolute_uri(value.get_absolute_url())


class OrganisationReferenceSerializer(serializers.Serializer):
    """A provider or an employer, as other items refer to it."""

    name = serializers.CharField(help_text="The organisation's name")
    slug = serializers.SlugField(help_text="Its identifier here: /providers/<slug>/ or /employers/<slug>/")
    url = PublicPageURLField()


class VerifiedOrganisationReferenceSerializer(OrganisationReferenceSerializer):
    """A reference shown only while the organisation is verified (null otherwise)."""

    def get_attribute(self, instance):
        profile = super().get_attribute(instance)
        return profile if profile is not None and profile.organisation.is_verified else None


class LocalAuthoritySerializer(serializers.Serializer):
    code = serializers.CharField(help_text="ONS local authority code, e.g. E08000035")
    name = serializers.CharField(help_text="e.g. Leeds")


class LocationSerializer(serializers.Serializer):
    """Where something happens. The coordinates are its postcode's point (about 15 addresses), or the centre of
    the postcode district when we do not hold the full postcode."""

    town = serializers.CharField(help_text="Town or city")
    postcode = serializers.CharField(help_text="Full postcode, e.g. LS1 4AP")
    local_authority = LocalAuthoritySerializer(allow_null=True, help_text="The local authority it is in, if known")
    latitude = serializers.FloatField(allow_null=True, help_text="WGS84 latitude of the postcode (or its district's centre)")
    longitude = serializers.FloatField(allow_null=True, help_text="WGS84 longitude of the postcode (or its district's centre)")


def help_texts(**texts: str) -> dict:
    """ModelSerializer extra_kwargs giving each named field its schema description."""
    return {name: {"help_text": text} for name, text in texts.items()}


COMMON_HELP = {
    "slug": "Its identifier here; the detail endpoint is <list endpoint>/<slug>/",
    "title": "Title",
    "summary": "One or two plain sentences",
    "description": "Description as HTML, limited to headings, paragraphs, emphasis, lists and links",
    "updated_at": "When it last changed (ISO 8601)",
    "published_at": "When it was published (ISO 8601)",
    "is_demo": "Demonstration content, not a real offer",
    "how_to_apply": "How to apply, in plain text",
}


def tier_code_field() -> serializers.SlugRelatedField:
    return serializers.SlugRelatedField(
        slug_field="code", read_only=True, help_text="Tier code: inclusion, general or advanced"
    )


def skill_area_codes_field() -> serializers.ManyRelatedField:
    return serializers.SlugRelatedField(
        slug_field="code",
        read_only=True,
        many=True,
        help_text="Skill area codes (UK Essential Digital Skills, DigComp 2.2, advanced specialisms)",
    )


# Views


class OpenDataAnonThrottle(ClientRateThrottle):
    scope = "open_data"


class OpenDataSchema(AutoSchema):
    def _get_response_for_code(self, *args, **kwargs):
        # The CSV of a response is text, one row per item, not the JSON shape drf-spectacular would repeat.
        response = super()._get_response_for_code(*args, **kwargs)
        if CSVRenderer.media_type in response.get("content", {}):
            response["content"][CSVRenderer.media_type] = {
                "schema": {
                    "type": "string",
                    "description": "A header row, then one row per item; nested fields flattened (docs/api.md)",
                }
            }
        return response


class OpenDataViewSet(viewsets.ReadOnlyModelViewSet):
    """Anonymous and read-only; JSON or CSV (`?format=csv` or `Accept: text/csv`); errors are always JSON."""

    # Open data does not depend on who asks: no sessions or passwords here, and everyone is throttled alike.
    authentication_classes = []
    permission_classes = [AllowAny]
    throttle_classes = [OpenDataAnonThrottle]
    renderer_classes = [JSONRenderer, CSVRenderer]
    pagination_class = OpenDataPagination
    filter_backends = [DjangoFilterBackend]
    schema = OpenDataSchema()
    lookup_field = "slug"
    lookup_value_regex = r"[-a-zA-Z0-9_]+"

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if response.status_code >= 400 and isinstance(response.accepted_renderer, CSVRenderer):
            response.accepted_renderer, response.accepted_media_type = JSONRenderer(), JSONRenderer.media_type
        # Anyone's page may read open data; nothing here uses cookies or credentials.
        response["Access-Control-Allow-Origin"] = "*"
        return response


def public_api_endpoints(endpoints):
    """drf-spectacular preprocessing hook: the schema describes /api/v1/ only, not the Wagtail admin's API."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]
