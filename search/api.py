"""/api/v1/search/: the search page's parameters and answers as JSON, in the OpenAPI schema."""

from django.core.validators import RegexValidator
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.limits import ClientRateThrottle
from api.serializers import PlainAttributesSerializer, ProblemsSerializer
from places.postcodes import place_pattern

from .params import (
    DEFAULT_RADIUS_MILES,
    HELP_TO_START,
    KINDS,
    LEVELS,
    MAX_PAGE_SIZE,
    MAX_RADIUS_MILES,
    MAX_RESULT_WINDOW,
    MODES,
    READING_KEYS,
    SORTS,
    TIERS,
    SearchParams,
    known_codes,
)
from .service import search_opportunities, search_record
from .suggestions import suggest


class SearchThrottle(ClientRateThrottle):
    scope = "search"  # rate in REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]


class HitSerializer(PlainAttributesSerializer):
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
    welcomes_career_changers = serializers.BooleanField(help_text="Says it welcomes people changing career or returning after a break")
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
    help_to_start = serializers.ListField(
        child=serializers.ChoiceField(choices=list(HELP_TO_START)),
        help_text="Help to get started that it offers: " + ", ".join(HELP_TO_START),
    )
    other_languages = serializers.CharField(help_text='Languages help is given in besides English, in the provider\'s words, e.g. "Urdu, Polish"')
    local_authorities = serializers.ListField(child=serializers.CharField())
    distance = serializers.FloatField(allow_null=True, help_text="Miles to the nearest place it happens, when `near` is given")
    highlights = serializers.DictField(child=serializers.CharField(), help_text="HTML-escaped fragments with <mark> around matches")
    related = serializers.BooleanField(
        help_text="Found because it is in a skill area the best matches for `q` share, not by the words; ranked below good matches"
    )

    def get_url(self, hit) -> str:
        return self.context["request"].build_absolute_uri(hit.url)


class FacetValueSerializer(serializers.Serializer):
    value = serializers.CharField()
    count = serializers.IntegerField(allow_null=True, help_text="null in basic mode when more matched than it counts")


class ReadingSerializer(serializers.Serializer):
    key = serializers.CharField(help_text="place, free, online, kind, degree, level, beginner, evening, weekend, part_time, placement, bootcamp, job, course, career_change and the others of `ignore`")
    label = serializers.CharField(help_text='For people, e.g. "Near Keighley (BD21)"')
    words = serializers.CharField(help_text="The words it was read from")
    without = serializers.CharField(help_text="Query string of the same search without this reading")


class CampaignHitSerializer(PlainAttributesSerializer):
    title = serializers.CharField()
    url = serializers.SerializerMethodField(help_text="The page")
    kind = serializers.ChoiceField(choices=["campaign", "career_profile", "story", "event"])
    summary = serializers.CharField()
    highlight = serializers.CharField(help_text="An HTML-escaped fragment with <mark> around matches, or empty")

    def get_url(self, hit) -> str:
        return self.context["request"].build_absolute_uri(hit.url)


class PlaceChoiceSerializer(serializers.Serializer):
    label = serializers.CharField(help_text='e.g. "Cottingley, Bingley (BD16)"')
    near = serializers.CharField(help_text="The outcode to pass as `near`")
    without = serializers.CharField(help_text="Query string of the words without the place's name")


class FurtherAwaySerializer(serializers.Serializer):
    within_miles = serializers.FloatField(help_text="The wider radius these come from")
    results = HitSerializer(many=True, help_text="Nearest and best first; none of them is counted in `total`")


class SearchResponseSerializer(serializers.Serializer):
    total = serializers.IntegerField()
    total_capped = serializers.BooleanField(help_text="More than `total` matched: the basic search stops counting there")
    page = serializers.IntegerField()
    page_size = serializers.IntegerField()
    results = HitSerializer(many=True)
    campaign = CampaignHitSerializer(
        many=True, help_text="Careers stories, guides and events that match the words (empty without `q`); events that have ended are left out"
    )
    facets = serializers.DictField(child=FacetValueSerializer(many=True), allow_null=True, help_text="Absent in basic mode on SQLite")
    suggestion = serializers.CharField(help_text='"Did you mean", or empty')
    mode = serializers.ChoiceField(choices=["full", "basic"], help_text="basic: the engine was unreachable; a simpler database search answered")
    understood = ReadingSerializer(many=True, help_text="What was read from `q`: a place and intent words, each removable")
    place_choices = PlaceChoiceSerializer(many=True, help_text="Places a name in `q` could mean, when two share it")
    searched_words = serializers.CharField(help_text="The words left to match after reading `q`")
    as_typed = serializers.CharField(help_text="Query string of the same search with `q` matched exactly as typed")
    further_away = FurtherAwaySerializer(
        allow_null=True, help_text="When fewer than a page were found near `near` (first page only): more from a wider radius, to show after `results`"
    )


def _many(choices, help_text):
    """A parameter that may be repeated (kind=programme&kind=sponsored); empty values are left out."""
    return serializers.ListField(child=serializers.ChoiceField(choices=list(choices), allow_blank=True), required=False, help_text=help_text)


def _switch(help_text):
    return serializers.ChoiceField(
        choices=["true", "false", "on", "1", "0"], allow_blank=True, required=False, help_text=f"{help_text}: true or false"
    )


def _slug(help_text):
    return serializers.RegexField(r"^[-a-zA-Z0-9_]*$", max_length=220, required=False, allow_blank=True, help_text=help_text)


class SearchQuerySerializer(serializers.Serializer):
    """The query parameters of /api/v1/search/ as the schema gives them. search.params.SearchForm checks them, for
    the page and the API alike; tests/api/test_contract.py keeps the two in step. Two rules between parameters
    the schema cannot express are in their descriptions: `sort=distance` needs `near`, and `page` × `page_size`
    may not pass the first 1000 results."""

    q = serializers.CharField(
        required=False, allow_blank=True, max_length=10_000, help_text="Words to look for (typos and synonyms are understood)"
    )
    kind = _many(KINDS, "programme, apprenticeship or sponsored")
    tier = _many(TIERS, "inclusion, general or advanced")
    skill = _many([], "Skill area code, e.g. ADV-SOFTWARE or EDS-C")
    level = _many(LEVELS, "entry, or RQF level 1–8")
    mode = _many(MODES, "in_person, online or blended")
    free = _switch("Free, or free if eligible")
    authority = _many([], "Local authority ONS code, e.g. E08000035 (Leeds)")
    provider = _slug("Provider slug")
    employer = _slug("Employer slug")
    starts_within = serializers.IntegerField(required=False, min_value=1, max_value=104, help_text="Starts within this many weeks")
    closing_within = serializers.IntegerField(required=False, min_value=1, max_value=365, help_text="Closes within this many days")
    sponsored = _switch("Sponsored by an employer")
    campaign = _slug("Sponsor campaign slug")
    disability_confident = _switch("Disability Confident employers only")
    career_changers = _switch("Only those that welcome career changers and returners")
    help = _many(HELP_TO_START, "Help to get started; each one given must be offered: " + ", ".join(HELP_TO_START))
    near = serializers.CharField(required=False, allow_blank=True, help_text="A postcode or outcode we cover, e.g. LS1 4AP or BD7")
    radius = serializers.FloatField(required=False, min_value=0.5, max_value=MAX_RADIUS_MILES, help_text=f"Miles from `near` (default {DEFAULT_RADIUS_MILES:g})")
    in_person = _switch("Leave online and remote items out of a location search")
    prefer_tier = serializers.ChoiceField(choices=TIERS, allow_blank=True, required=False, help_text="Rank this tier first")
    sort = serializers.ChoiceField(choices=list(SORTS), allow_blank=True, required=False, help_text="distance needs `near`; default relevance (distance with `near` and no `q`)")
    page = serializers.IntegerField(required=False, min_value=1, help_text=f"From 1; `page` × `page_size` at most {MAX_RESULT_WINDOW}")
    page_size = serializers.IntegerField(required=False, min_value=1, max_value=MAX_PAGE_SIZE, help_text="Default 20")
    ignore = _many(READING_KEYS, "Readings of `q` to leave out, e.g. place or free (see `understood`)")
    as_typed = _switch("Match `q` exactly as typed: no place or intent words read from it")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Made when the schema is: the codes and districts in use, never read at import.
        skill_codes, authority_codes = known_codes()
        self.fields["skill"].child.choices = skill_codes
        self.fields["authority"].child.choices = authority_codes
        self.fields["near"].validators.append(RegexValidator(rf"^(?:{place_pattern()})?$"))


class SearchView(APIView):
    permission_classes = [AllowAny]
    throttle_classes = [SearchThrottle]

    @extend_schema(
        operation_id="search",
        summary="Search courses, apprenticeships and sponsored opportunities",
        parameters=[SearchQuerySerializer],
        responses={200: SearchResponseSerializer, 400: ProblemsSerializer},
    )
    def get(self, request):
        params, problems = SearchParams.from_query(request.query_params)
        if problems:
            return Response({"errors": problems}, status=400)
        results = search_opportunities(params, with_campaign=True, with_further=True)
        body = {
            "total": results.total,
            "total_capped": results.total_capped,
            "page": params.page,
            "page_size": params.page_size,
            "results": HitSerializer(results.hits, many=True, context={"request": request}).data,
            "campaign": CampaignHitSerializer(results.campaign, many=True, context={"request": request}).data,
            "facets": (
                {name: [{"value": value, "count": count} for value, count in buckets] for name, buckets in results.facets.items()}
                if results.facets is not None
                else None
            ),
            "suggestion": results.suggestion,
            "mode": results.mode,
            "understood": [
                {"key": r.key, "label": r.label, "words": r.words, "without": results.without_reading(r.key).to_query()}
                for r in results.understood
            ],
            "place_choices": [
                {"label": place.label, "near": place.outcode, "without": results.without_place_named(place.name).to_query()}
                for place in results.place_choices
            ],
            "searched_words": (results.searched or params).q,
            "as_typed": results.as_typed().to_query(),
            "further_away": (
                {"within_miles": results.further_radius, "results": HitSerializer(results.further, many=True, context={"request": request}).data}
                if results.further
                else None
            ),
        }
        # The search is logged once the answer has gone: the client need not wait for the analytics' insert.
        return AnsweredFirst(body, then=lambda: search_record(results, source="api"))


class AnsweredFirst(Response):
    """A response that does `then` after the server has sent it: the WSGI server calls close() once the body is
    written (Django's documented contract), and Django's test client does the same."""

    def __init__(self, data, *, then):
        super().__init__(data)
        self._then = then

    def close(self):
        then, self._then = self._then, None
        try:
            if then:
                then()  # before Django's end-of-request clean-up, which may close the database connection
        finally:
            super().close()


class SuggestionSerializer(serializers.Serializer):
    text = serializers.CharField(help_text="What to put in the search box")
    kind = serializers.ChoiceField(choices=["title", "skill", "career", "place"])
    url = serializers.CharField(help_text="Where it leads: the item's or career's page, or a search for the skill area or place")
    label = serializers.CharField(help_text='The kind in words, e.g. "Skill area"')


class TitleSerializer(serializers.Serializer):
    title = serializers.CharField()
    url = serializers.CharField(help_text="The public page")
    kind = serializers.ChoiceField(choices=list(KINDS))


class AutocompleteResponseSerializer(serializers.Serializer):
    suggestions = SuggestionSerializer(many=True, help_text="At most 8: skill areas, careers, titles, then places")
    results = TitleSerializer(many=True, help_text="Open opportunities' titles only (the first form of this answer)")


class AutocompleteView(APIView):
    permission_classes = [AllowAny]
    throttle_classes = [SearchThrottle]

    @extend_schema(
        operation_id="search_autocomplete",
        summary="Suggestions for what has been typed so far: titles, skill areas, careers and places",
        parameters=[OpenApiParameter("q", OpenApiTypes.STR, description="What has been typed; fewer than 2 letters suggest nothing")],
        responses={200: AutocompleteResponseSerializer},
    )
    def get(self, request):
        return Response(suggest(request.query_params.get("q", "")).as_dict())
