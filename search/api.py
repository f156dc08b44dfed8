"""/api/v1/search/: the search page's parameters and answers as JSON, in the OpenAPI schema."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.limits import ClientRateThrottle

from .params import KINDS, LEVELS, MAX_PAGE_SIZE, MODES, SORTS, TIERS, parse
from .service import autocomplete, search_opportunities, search_record


class SearchThrottle(ClientRateThrottle):
    scope = "search"  # rate in REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]


class HitSerializer(serializers.Serializer):
    id = serializers.CharField(help_text='"kind-id", e.g. "programme-42"')
    kind = serializers.ChoiceField(choices=list(KINDS))
    title = serializers.CharField()
    summary = serializers.CharField()
    url = serializers.SerializerMethodField(help_text="The public page")
    tier = serializers.CharField()
    organisation = serializers.CharField(source="organisation_name", help_text="Provider or employer")
    online = serializers.BooleanField(help_text="Online course or remote role: no travel")
    sponsored = serializers.BooleanField()
    free = serializers.BooleanField(help_text="Free, or free for those who are eligible")
    cost = serializers.CharField()
    cost_amount = serializers.FloatField(allow_null=True)
    delivery_mode = serializers.CharField()
    next_start = serializers.DateField(allow_null=True)
    starts_any_time = serializers.BooleanField()
    closing_date = serializers.DateField(allow_null=True)
    weekly_wage = serializers.FloatField(allow_null=True)
    standard_title = serializers.CharField(help_text="Apprenticeships: the standard, e.g. Software developer")
    standard_level = serializers.IntegerField(allow_null=True, help_text="Apprenticeships: the standard's level (2–7)")
    skill_areas = serializers.ListField(child=serializers.CharField())
    local_authorities = serializers.ListField(child=serializers.CharField())
    distance = serializers.FloatField(allow_null=True, help_text="Miles to the nearest place it happens, when `near` is given")
    highlights = serializers.DictField(child=serializers.CharField(), help_text="HTML-escaped fragments with <mark> around matches")

    def get_url(self, hit) -> str:
        return self.context["request"].build_absolute_uri(hit.url)


class FacetValueSerializer(serializers.Serializer):
    value = serializers.CharField()
    count = serializers.IntegerField()


class SearchResponseSerializer(serializers.Serializer):
    total = serializers.IntegerField()
    page = serializers.IntegerField()
    page_size = serializers.IntegerField()
    results = HitSerializer(many=True)
    facets = serializers.DictField(child=FacetValueSerializer(many=True), allow_null=True, help_text="Absent in basic mode")
    suggestion = serializers.CharField(help_text='"Did you mean", or empty')
    mode = serializers.ChoiceField(choices=["full", "basic"], help_text="basic: the engine was unreachable; a simpler database search answered")


def _list(name, description, choices=None):
    return OpenApiParameter(name, OpenApiTypes.STR, many=True, description=description, enum=choices)


SEARCH_PARAMETERS = [
    OpenApiParameter("q", OpenApiTypes.STR, description="Words to look for (typos and synonyms are understood)"),
    _list("kind", "programme, apprenticeship or sponsored", list(KINDS)),
    _list("tier", "inclusion, general or advanced", TIERS),
    _list("skill", "Skill area code, e.g. ADV-SOFTWARE or EDS-C"),
    _list("level", "entry, or RQF level 1–8", LEVELS),
    _list("mode", "in_person, online or blended", list(MODES)),
    OpenApiParameter("free", OpenApiTypes.BOOL, description="Free, or free if eligible"),
    _list("authority", "Local authority ONS code, e.g. E08000035 (Leeds)"),
    OpenApiParameter("provider", OpenApiTypes.STR, description="Provider slug"),
    OpenApiParameter("employer", OpenApiTypes.STR, description="Employer slug"),
    OpenApiParameter("starts_within", OpenApiTypes.INT, description="Starts within this many weeks (1–104)"),
    OpenApiParameter("closing_within", OpenApiTypes.INT, description="Closes within this many days (1–365)"),
    OpenApiParameter("sponsored", OpenApiTypes.BOOL),
    OpenApiParameter("campaign", OpenApiTypes.STR, description="Sponsor campaign slug"),
    OpenApiParameter("disability_confident", OpenApiTypes.BOOL, description="Disability Confident employers only"),
    OpenApiParameter("near", OpenApiTypes.STR, description="A postcode or outcode, e.g. LS1 4AP or BD7"),
    OpenApiParameter("radius", OpenApiTypes.NUMBER, description="Miles from `near` (0.5–100, default 10)"),
    OpenApiParameter("in_person", OpenApiTypes.BOOL, description="Leave online and remote items out of a location search"),
    OpenApiParameter("prefer_tier", OpenApiTypes.STR, enum=TIERS, description="Rank this tier first"),
    OpenApiParameter("sort", OpenApiTypes.STR, enum=list(SORTS)),
    OpenApiParameter("page", OpenApiTypes.INT),
    OpenApiParameter("page_size", OpenApiTypes.INT, description=f"1–{MAX_PAGE_SIZE}, default 20"),
]


class SearchView(APIView):
    permission_classes = [AllowAny]
    throttle_classes = [SearchThrottle]

    @extend_schema(
        operation_id="search",
        summary="Search courses, apprenticeships and sponsored opportunities",
        parameters=SEARCH_PARAMETERS,
        responses={200: SearchResponseSerializer},
    )
    def get(self, request):
        params, problems = parse(request.query_params)
        if problems:
            return Response({"errors": problems}, status=400)
        results = search_opportunities(params)
        search_record(results)
        body = {
            "total": results.total,
            "page": params.page,
            "page_size": params.page_size,
            "results": HitSerializer(results.hits, many=True, context={"request": request}).data,
            "facets": (
                {name: [{"value": value, "count": count} for value, count in buckets] for name, buckets in results.facets.items()}
                if results.facets is not None
                else None
            ),
            "suggestion": results.suggestion,
            "mode": results.mode,
        }
        return Response(body)


class AutocompleteView(APIView):
    permission_classes = [AllowAny]
    throttle_classes = [SearchThrottle]

    @extend_schema(
        operation_id="search_autocomplete",
        summary="Titles that start with what has been typed so far",
        parameters=[OpenApiParameter("q", OpenApiTypes.STR, required=True)],
        responses={200: OpenApiTypes.OBJECT},
    )
    def get(self, request):
        return Response({"results": autocomplete(request.query_params.get("q", ""))})
