"""Open data: programmes and training providers (/api/v1/programmes/, /api/v1/providers/)."""

from django.db.models import Prefetch
from django.utils import timezone
from rest_framework import serializers

from api.serializers import (
    COMMON_HELP,
    LocationSerializer,
    OrganisationReferenceSerializer,
    PostingSerializer,
    ProfileSerializer,
    help_texts,
    posting_fields,
)
from api.views import OpenDataViewSet, ProfileViewSet
from careers.api import SponsorCampaignReferenceSerializer
from pathways.filters import OpportunityFilterSet
from places.filters import local_authority_filter

from .models import Programme, ProgrammeRun, Provider, Venue


class VenueSerializer(LocationSerializer):
    name = serializers.CharField(help_text="The venue's name, e.g. Central Library")
    address = serializers.CharField(help_text="Building and street")
    step_free_access = serializers.BooleanField(help_text="Step-free access to the venue")


class ProgrammeRunSerializer(serializers.Serializer):
    starts_on = serializers.DateField(help_text="First day")
    ends_on = serializers.DateField(allow_null=True, help_text="Last day, if known")
    note = serializers.CharField(help_text='When it meets, e.g. "Tuesday mornings, 10am to 12 noon"')
    venue_name = serializers.CharField(
        source="venue.name", allow_null=True, help_text="The venue of this run, if not every venue"
    )


class ProgrammeSerializer(PostingSerializer):
    provider = OrganisationReferenceSerializer(help_text="The training provider that runs it")
    runs = ProgrammeRunSerializer(many=True, help_text="Runs starting today or later, earliest first")
    venues = VenueSerializer(many=True, help_text="Where it happens; none when it is online only")
    sponsor_campaign = SponsorCampaignReferenceSerializer(allow_null=True, help_text="The campaign it is part of")

    class Meta:
        model = Programme
        fields = posting_fields(
            "kind", "summary", "description", "tier", "skill_areas", "level", "lars_code", "delivery_mode", "cost", "cost_amount",
            "funding_eligibility", "duration", "hours_per_week", "starts_any_time", "runs", "venues", "provider",
            "sponsor_campaign", "how_to_apply", "enquiry_url", "enquiry_email", "enquiry_phone", "free_device_loan",
            "free_data", "other_languages", "step_free_access", "drop_in", "welcomes_career_changers", "places",
        )  # fmt: skip
        extra_kwargs = help_texts(
            **COMMON_HELP,
            kind="course, or inclusion_support (help to get online)",
            level="Qualification level: entry, or 1 to 8",
            lars_code="For a qualification, its LARS learning aim reference (8 letters and digits); empty if none",
            delivery_mode="in_person, online or blended",
            cost="free, funded (free if you are eligible) or paid",
            cost_amount="Price in pounds, for a paid programme",
            funding_eligibility="Who it is free for",
            duration='How long it lasts, e.g. "10 weeks"',
            hours_per_week="Hours of learning a week",
            starts_any_time="Ongoing: people can start any time",
            enquiry_url="The provider's page to apply or enquire",
            enquiry_email="The provider's public enquiries address for it",
            enquiry_phone="The provider's public enquiries number for it",
            free_device_loan="A laptop or tablet can be borrowed for free",
            free_data="Free mobile data or SIM cards",
            other_languages="Help in other languages",
            step_free_access="Step-free access",
            drop_in="People can come along without booking",
            welcomes_career_changers="People changing career, or returning after a break, are encouraged to join",
            places="How many places it offers, across all its runs",
        )


class ProviderSerializer(ProfileSerializer):
    name = serializers.CharField(help_text="The provider's name")
    venues = VenueSerializer(many=True, help_text="Its venues")

    class Meta:
        model = Provider
        fields = ["url", "slug", "name", "kind", "ukprn", "description", "website", "venues", "is_demo"]
        extra_kwargs = help_texts(
            kind="Kind of provider, e.g. fe_college, library, bootcamp",
            ukprn="UK Provider Reference Number (UK Register of Learning Providers), 8 digits; empty if none",
            description="About the provider, in plain text",
            website="The provider's website",
            is_demo="A demonstration provider, not a real organisation",
        )


class ProgrammeFilterSet(OpportunityFilterSet):
    local_authority = local_authority_filter(method="in_local_authority")

    def in_local_authority(self, queryset, name, value):
        """Any of its venues is in the local authority."""
        at_venues = Programme.venues.through.objects.filter(venue__local_authority__code=value)
        return queryset.filter(pk__in=at_venues.values("programme_id"))


class ProgrammeViewSet(OpenDataViewSet):
    """Open courses and help to get online, from verified training providers."""

    serializer_class = ProgrammeSerializer
    filterset_class = ProgrammeFilterSet

    def get_queryset(self):
        return (
            Programme.objects.public()
            .select_related("provider__organisation", "tier", "sponsor_campaign")
            .prefetch_related(
                "skill_areas",
                Prefetch(
                    "runs",
                    queryset=ProgrammeRun.objects.filter(starts_on__gte=timezone.localdate()).select_related("venue"),
                ),
                Prefetch("venues", queryset=Venue.objects.select_related("local_authority")),
            )
            .order_by("title", "pk")
        )


class ProviderViewSet(ProfileViewSet):
    """Verified training providers."""

    serializer_class = ProviderSerializer
    profile_model = Provider

    def get_queryset(self):
        return super().get_queryset().prefetch_related(Prefetch("venues", queryset=Venue.objects.select_related("local_authority")))
