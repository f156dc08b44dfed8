"""POST /api/v1/pathways/plan: answers in, placement and plan out — the same engine as the pages, for careers
advisers' and partners' tools. Nothing is kept."""

from django.core.validators import RegexValidator
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.limits import ClientRateThrottle
from api.serializers import ProblemsSerializer
from places.postcodes import place_pattern

from .answers import OPTIONAL, TRAVEL_MILES, clean_answers
from .placement import ESSENTIAL_LEVELS
from .planning import plan_for
from .models import Question
from .selectors import question_bank


class PathwaysThrottle(ClientRateThrottle):
    scope = "pathways"  # rate in REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]; each plan runs several searches


def _choices(name):
    return [value for value, _ in OPTIONAL[name].options]


class SkillAnswersSerializer(serializers.Serializer):
    """Each question's code, with the codes of the statements the person can do on their own (an empty list for
    none of them). The question `interests` takes specialism skill area codes, like ADV-DATA. Every question that
    everyone is asked must be answered; later questions are optional and count only when the earlier answers would
    lead to them. The question bank is in docs/pathways.md."""

    refuses_unknown_fields = True

    def get_fields(self):
        # Made from the question bank when the schema is, never at import.
        bank = question_bank()
        return {
            question.code: serializers.ListField(
                child=serializers.ChoiceField(choices=[value for value, _, _ in bank.options(question)]),
                required=question.shown_when == Question.ShownWhen.ALWAYS,
                help_text=question.heading,
            )
            for question in bank.questions
        }


class AnswersSerializer(serializers.Serializer):
    """The self-assessment's answers, as the schema gives them; `pathways.answers.clean_answers` checks them (and
    tests/api/test_contract.py keeps the two in step). `travel` needs a postcode."""

    refuses_unknown_fields = True

    skills = SkillAnswersSerializer()
    postcode = serializers.CharField(
        required=False, allow_null=True, allow_blank=True, help_text="A postcode we cover or its first part, like LS6 1AA or LS6. Only the first part is used."
    )
    travel = serializers.ChoiceField(choices=list(TRAVEL_MILES), required=False, allow_null=True, help_text="Miles the person can travel; needs a postcode")
    cost = serializers.ChoiceField(choices=_choices("cost"), required=False, allow_null=True, help_text="free: only free or funded options")
    learning = serializers.ChoiceField(choices=_choices("learning"), required=False, allow_null=True)
    age = serializers.ChoiceField(choices=_choices("age"), required=False, allow_null=True)
    goal = serializers.ChoiceField(choices=_choices("goal"), required=False, allow_null=True)
    situation = serializers.ChoiceField(
        choices=_choices("situation"),
        required=False,
        allow_null=True,
        help_text="job-at-risk, redundant and returning add a step about changing careers; not-say: the person would rather not say",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["postcode"].validators.append(RegexValidator(rf"^(?:{place_pattern()})?$"))


class TopicSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="The statement's code")
    topic = serializers.CharField(help_text="A few plain words, like “video calls”")


class AreaPlacementSerializer(serializers.Serializer):
    skill_area = serializers.CharField(help_text="Skill area code, like EDS-C or ADV-DATA")
    title = serializers.CharField()
    tier = serializers.CharField(help_text="inclusion, general or advanced")
    tier_name = serializers.CharField()
    answered = serializers.BooleanField()
    explanation = serializers.CharField(help_text="Why, in the person's words, and what is next")
    can_do = TopicSerializer(many=True)
    next = TopicSerializer(many=True)


class PlacementSerializer(serializers.Serializer):
    essential_level = serializers.ChoiceField(choices=list(ESSENTIAL_LEVELS), help_text="Essential Digital Skills level, by the published convention")
    essential_level_name = serializers.CharField()
    overall_tier = serializers.CharField()
    areas = AreaPlacementSerializer(many=True)


class PlanOpportunitySerializer(serializers.Serializer):
    id = serializers.CharField(help_text='"kind-id", e.g. "programme-42"')
    kind = serializers.ChoiceField(choices=["programme", "apprenticeship", "sponsored"])
    title = serializers.CharField()
    summary = serializers.CharField()
    url = serializers.SerializerMethodField(help_text="The public page")
    tier = serializers.CharField()
    organisation = serializers.CharField(help_text="Provider or employer")
    online = serializers.BooleanField()
    sponsored = serializers.BooleanField()
    free = serializers.BooleanField()
    cost = serializers.CharField()
    inclusion_support = serializers.BooleanField(help_text="Drop-in help to get online")
    distance = serializers.FloatField(allow_null=True, help_text="Miles from the postcode's area")
    next_start = serializers.DateField(allow_null=True)
    starts_any_time = serializers.BooleanField()
    closing_date = serializers.DateField(allow_null=True)
    weekly_wage = serializers.FloatField(allow_null=True)
    apprenticeship_level = serializers.IntegerField(allow_null=True, help_text="The apprenticeship standard's level (2–7)")
    apprenticeship_standard = serializers.CharField(
        allow_blank=True, required=False, default="", help_text="The apprenticeship standard's title"
    )
    degree_apprenticeship = serializers.BooleanField()

    def get_url(self, opportunity) -> str:
        return self.context["request"].build_absolute_uri(opportunity["url"])


class AdviceSerializer(serializers.Serializer):
    name = serializers.CharField(help_text="Who gives it, e.g. National Careers Service")
    text = serializers.CharField()
    phone = serializers.CharField(help_text="A free number to call")
    url = serializers.URLField()


class StorySerializer(serializers.Serializer):
    title = serializers.CharField()
    who = serializers.CharField(help_text='Who tells it, e.g. "Priya, career changer"')
    quote = serializers.CharField(help_text="In their own words")
    url = serializers.SerializerMethodField(help_text="The story's page")

    def get_url(self, story) -> str:
        return self.context["request"].build_absolute_uri(story["url"])


class StepSerializer(serializers.Serializer):
    key = serializers.CharField()
    title = serializers.CharField()
    tier = serializers.CharField()
    why = serializers.CharField()
    skill_areas = serializers.ListField(child=serializers.CharField())
    opportunities = PlanOpportunitySerializer(many=True)
    total = serializers.IntegerField(help_text="How many matched; the step shows the first few")
    total_capped = serializers.BooleanField(default=False, help_text="More than `total` matched: the basic search stops counting there")
    widened = serializers.CharField(help_text="What was widened to find anything (distance, online, anywhere), or empty")
    search = serializers.CharField(help_text="The same search as a query string for /search/")
    advice = AdviceSerializer(allow_null=True, required=False, default=None, help_text="Where to get free careers advice: the step about changing careers")
    stories = StorySerializer(many=True, required=False, default=list, help_text="Stories of people who changed careers: the step about changing careers")


class CareerProfileSerializer(serializers.Serializer):
    title = serializers.CharField()
    summary = serializers.CharField()
    url = serializers.SerializerMethodField()

    def get_url(self, profile) -> str:
        return self.context["request"].build_absolute_uri(profile["url"])


class PlanSerializer(serializers.Serializer):
    answers = serializers.JSONField(help_text="The answers as understood: the postcode cut to its first part")
    placement = PlacementSerializer()
    steps = StepSerializer(many=True)
    career_profile = CareerProfileSerializer(allow_null=True)
    notes = serializers.ListField(child=serializers.CharField())
    mode = serializers.ChoiceField(choices=["full", "basic"], help_text="basic: the search engine was unreachable")


EXAMPLE = {
    "skills": {
        "using-a-device": ["turn-on-device", "use-controls", "change-settings", "open-apps"],
        "getting-online": ["know-internet", "connect-wifi", "open-website", "keep-passwords-private", "change-password"],
        "communicating": ["send-messages", "video-call"],
        "information": ["search-online"],
        "transacting": [],
        "problem-solving": ["find-help"],
        "staying-safe": [],
        "interests": ["ADV-DATA"],
        "data": ["sort-data"],
    },
    "postcode": "LS6",
    "travel": 5,
    "cost": "free",
    "learning": "either",
    "goal": "change-career",
    "situation": "job-at-risk",
}


class PathwayPlanView(APIView):
    permission_classes = [AllowAny]
    throttle_classes = [PathwaysThrottle]
    parser_classes = [JSONParser]

    @extend_schema(
        operation_id="pathways_plan",
        summary="Place a person on a tier in each skill area and plan their next steps",
        description="Send the self-assessment's answers; get the placement, with reasons, and a plan of opportunities. Nothing is kept.",
        request=AnswersSerializer,
        responses={200: PlanSerializer, 400: ProblemsSerializer},
        examples=[OpenApiExample("Someone with the everyday basics who wants to work with data", value=EXAMPLE, request_only=True)],
    )
    def post(self, request):
        try:
            data = request.data
        except ParseError:
            return Response({"errors": {"answers": ["The body is not valid JSON"]}}, status=400)
        bank = question_bank()
        answers, problems = clean_answers(data, bank)
        if problems:
            return Response({"errors": problems}, status=400)
        plan = plan_for(bank=bank, answers=answers)
        return Response(PlanSerializer(plan, context={"request": request}).data)
