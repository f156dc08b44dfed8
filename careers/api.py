"""Open data: apprenticeship vacancies, sponsored opportunities and employers
(/api/v1/apprenticeships/, /api/v1/opportunities/, /api/v1/employers/)."""

from rest_framework import serializers

from api.serializers import (
    COMMON_HELP,
    LocationSerializer,
    OrganisationReferenceSerializer,
    PostingSerializer,
    ProfileSerializer,
    VerifiedOrganisationReferenceSerializer,
    help_texts,
    posting_fields,
)
from api.views import OpenDataViewSet, ProfileViewSet
from pathways.filters import OpportunityFilterSet

from .models import ApprenticeshipStandard, ApprenticeshipVacancy, Employer, SponsorCampaign, SponsoredOpportunity


class SponsorCampaignReferenceSerializer(serializers.ModelSerializer):
    class Meta:
        model = SponsorCampaign
        fields = ["name", "slug", "code"]
        extra_kwargs = help_texts(
            name="The campaign's name", slug="The campaign's identifier", code="The campaign's code, as import files give it"
        )


class ApprenticeshipStandardSerializer(serializers.ModelSerializer):
    class Meta:
        model = ApprenticeshipStandard
        fields = ["reference", "title", "level", "is_degree"]
        extra_kwargs = help_texts(
            reference="IfATE reference such as ST0116, if known",
            title="The standard's title",
            level="Apprenticeship level, 2 to 7",
            is_degree="A degree apprenticeship",
        )


class OpportunityLocationSerializer(LocationSerializer):
    """Null for an opportunity that can be done from anywhere."""

    def get_attribute(self, instance):
        return None if instance.is_remote else instance


class ApprenticeshipSerializer(PostingSerializer):
    level = serializers.CharField(source="standard.level", help_text="Apprenticeship level, 2 to 7 (the standard's)")
    standard = ApprenticeshipStandardSerializer(help_text="The apprenticeship standard it trains for")
    employer = OrganisationReferenceSerializer(help_text="The employer")
    training_provider = VerifiedOrganisationReferenceSerializer(
        source="training_provider.provider", allow_null=True, help_text="The training provider, if named and verified"
    )
    location = LocationSerializer(source="*", help_text="Where the job is")
    sponsor_campaign = SponsorCampaignReferenceSerializer(allow_null=True, help_text="The campaign it is part of")

    class Meta:
        model = ApprenticeshipVacancy
        fields = posting_fields(
            "summary", "description", "tier", "skill_areas", "level", "standard", "employer", "training_provider",
            "location", "weekly_wage", "hours_per_week", "positions", "closing_date", "start_date", "how_to_apply",
            "apply_url", "sponsor_campaign",
        )  # fmt: skip
        extra_kwargs = help_texts(
            **COMMON_HELP,
            weekly_wage="Wage in pounds a week",
            hours_per_week="Hours of work a week",
            positions="How many places",
            closing_date="Last day to apply",
            start_date="When the apprenticeship starts",
            apply_url="The employer's page to apply",
        )


class OpportunitySerializer(PostingSerializer):
    sponsor = OrganisationReferenceSerializer(help_text="The employer that sponsors it")
    sponsor_campaign = SponsorCampaignReferenceSerializer(allow_null=True, help_text="The campaign it is part of")
    location = OpportunityLocationSerializer(source="*", allow_null=True, help_text="Where it happens; null if remote")

    class Meta:
        model = SponsoredOpportunity
        fields = posting_fields(
            "kind", "summary", "description", "tier", "skill_areas", "sponsor", "sponsor_campaign", "is_remote",
            "location", "pay", "closing_date", "starts_on", "places", "welcomes_career_changers", "how_to_apply",
            "apply_url",
        )  # fmt: skip
        extra_kwargs = help_texts(
            **COMMON_HELP,
            kind="paid_role, bootcamp_place, placement, returner or scholarship",
            is_remote="Can be done from anywhere",
            pay='Pay or funding, e.g. "£28,000 a year" or "bursary of £500"',
            closing_date="Last day to apply",
            starts_on="When it starts, if known",
            places="How many people it can take",
            welcomes_career_changers="People changing career, or returning after a break, are encouraged to apply",
            apply_url="The sponsor's page to apply",
        )


class EmployerSerializer(ProfileSerializer):
    name = serializers.CharField(help_text="The employer's name")

    class Meta:
        model = Employer
        fields = [
            "url", "slug", "name", "companies_house_number", "sector", "size", "disability_confident", "description",
            "website", "is_demo",
        ]  # fmt: skip
        extra_kwargs = help_texts(
            companies_house_number="Companies House number, 8 characters such as 01234567 or SC123456; empty if none",
            sector="Its sector, e.g. Financial services",
            size="micro (under 10 people), small (10-49), medium (50-249) or large (250 or more)",
            disability_confident="Disability Confident level: none, committed, employer or leader",
            description="About the employer, in plain text",
            website="The employer's website",
            is_demo="A demonstration employer, not a real organisation",
        )


class ApprenticeshipViewSet(OpenDataViewSet):
    """Open apprenticeship vacancies, from verified employers."""

    serializer_class = ApprenticeshipSerializer
    filterset_class = OpportunityFilterSet

    def get_queryset(self):
        return (
            ApprenticeshipVacancy.objects.public()
            .select_related(
                "employer__organisation",
                "standard",
                "training_provider__provider",
                "tier",
                "local_authority",
                "sponsor_campaign",
            )
            .prefetch_related("skill_areas")
            .order_by("closing_date", "pk")
        )


class SponsoredOpportunityViewSet(OpenDataViewSet):
    """Open opportunities sponsored by verified employers: paid roles, course places, placements, scholarships."""

    serializer_class = OpportunitySerializer
    filterset_class = OpportunityFilterSet

    def get_queryset(self):
        return (
            SponsoredOpportunity.objects.public()
            .select_related("sponsor__organisation", "tier", "local_authority", "sponsor_campaign")
            .prefetch_related("skill_areas")
            .order_by("closing_date", "pk")
        )


class EmployerViewSet(ProfileViewSet):
    """Verified employers."""

    serializer_class = EmployerSerializer
    profile_model = Employer
