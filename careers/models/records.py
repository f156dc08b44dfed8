"""Employers, apprenticeships and the opportunities employers sponsor."""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, PageChooserPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable

from accounts.models import Organisation, OrganisationProfile
from pathways.models import SkillArea, Tier
from places.models import Located
from publishing.identifiers import RegisterCodeField, one_per_register_code, validate_company_number
from publishing.models import Publishable
from publishing.rich_text import FEATURES, clean_rich_text, validate_long_text, validate_rich_text_length


class Employer(OrganisationProfile):
    """An employer's public profile; membership and verification live on its organisation."""

    organisation = models.OneToOneField(Organisation, on_delete=models.CASCADE, related_name="employer")
    public_kind = "employer"  # in the open-data API and its tombstones (publishing.models.Removal)

    class Size(models.TextChoices):
        MICRO = "micro", "Fewer than 10 people"
        SMALL = "small", "10 to 49 people"
        MEDIUM = "medium", "50 to 249 people"
        LARGE = "large", "250 people or more"

    class DisabilityConfident(models.TextChoices):
        # https://www.gov.uk/government/collections/disability-confident-campaign
        NONE = "none", _("Not signed up")
        COMMITTED = "committed", _("Disability Confident committed")
        EMPLOYER = "employer", _("Disability Confident employer")
        LEADER = "leader", _("Disability Confident leader")

    sector = models.CharField(max_length=100)
    size = models.CharField(max_length=10, choices=Size.choices)
    disability_confident = models.CharField(
        max_length=10, choices=DisabilityConfident.choices, default=DisabilityConfident.NONE
    )
    companies_house_number = RegisterCodeField(
        "Companies House number",
        validators=[validate_company_number],
        help_text="If you are a registered company: 8 characters, like 01234567 or SC123456",
    )

    class Meta(OrganisationProfile.Meta):
        constraints = [
            one_per_register_code(
                "companies_house_number",
                name="one_employer_per_company_number",
                message="Another employer on this site gives this Companies House number. If it is yours, contact us",
            )
        ]

    @property
    def is_disability_confident(self) -> bool:
        return self.disability_confident != self.DisabilityConfident.NONE

    def get_absolute_url(self):
        return reverse("careers:employer", kwargs={"slug": self.slug})


# The levels that count as signed up, for the "Disability Confident employers" filter.
DISABILITY_CONFIDENT_LEVELS = [level for level in Employer.DisabilityConfident.values if level != Employer.DisabilityConfident.NONE]


class Sponsor(models.Model):
    """A business that backs the campaign; shown with its logo."""

    name = models.CharField(max_length=200)
    logo = models.ForeignKey("wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    website = models.URLField(blank=True)
    employer = models.ForeignKey(Employer, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    panels = [FieldPanel("name"), FieldPanel("logo"), FieldPanel("website"), FieldPanel("employer")]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


# Providers and employers name a campaign by its code in their import files, so it is short and easy to copy.
CAMPAIGN_CODE = RegexValidator(r"^[A-Z0-9]{3,20}$", "Use 3 to 20 capital letters and digits, with no spaces, like LCRDIGITAL26")


def long_date(day: datetime.date) -> str:
    """“3 March 2026”, as GOV.UK writes dates."""
    return f"{day.day} {day:%B %Y}"


class SponsorCampaignQuerySet(models.QuerySet):
    def live(self, today: datetime.date | None = None):
        """Running today: started, and not ended."""
        today = today or timezone.localdate()
        return self.filter(starts_on__lte=today).filter(models.Q(ends_on__isnull=True) | models.Q(ends_on__gte=today))


class SponsorCampaign(ClusterableModel):
    """A named campaign with its sponsors and dates, such as a festival skills pledge.

    Programmes, vacancies and sponsored opportunities are tagged with one while it runs, so the authority can show
    what it brought; its sponsors' pledges are counted from them (careers.campaigns.pledge_progress).
    """

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=220, unique=True)
    code = models.CharField(
        max_length=20,
        unique=True,
        validators=[CAMPAIGN_CODE],
        help_text="Providers and employers give it in their import files, like LCRDIGITAL26: capital letters and digits",
    )
    description = models.TextField(blank=True)
    starts_on = models.DateField()
    ends_on = models.DateField(null=True, blank=True)
    sponsors = ParentalManyToManyField(Sponsor, blank=True, related_name="campaigns")
    # The record points at its page, not the page at its record, only because the campaign page belongs to the
    # editorial side of careers that changes on its own; the page's template shows the pledges it finds here.
    campaign_page = models.ForeignKey(
        "careers.CampaignPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The campaign page residents read about it on: its pledges and their progress show there",
    )

    objects = SponsorCampaignQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("slug"), FieldPanel("code")]),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
        FieldPanel("sponsors"),
        PageChooserPanel("campaign_page", "careers.CampaignPage"),
        InlinePanel(
            "pledges",
            heading="Pledges",
            label="Pledge",
            help_text="What a sponsor promised, such as 40 bootcamp places; counted from its postings in the campaign",
        ),
    ]

    class Meta:
        ordering = ["-starts_on"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.ends_on and self.starts_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": "The campaign must end on or after the day it starts"})

    def is_live(self, today: datetime.date | None = None) -> bool:
        today = today or timezone.localdate()
        return self.starts_on <= today and (self.ends_on is None or today <= self.ends_on)

    def tagging_refusal(self, today: datetime.date | None = None) -> str:
        """Why a posting cannot be added to it today, in words for the poster; empty while it runs."""
        today = today or timezone.localdate()
        if today < self.starts_on:
            return f"The {self.name} campaign starts on {long_date(self.starts_on)}: you can add postings to it from then."
        if self.ends_on is not None and self.ends_on < today:
            return f"The {self.name} campaign ended on {long_date(self.ends_on)}: choose a campaign that is running now, or none."
        return ""


class ApprenticeshipStandard(models.Model):
    """An apprenticeship standard (data/reference/digital_apprenticeship_standards.csv; IfATE, OGL v3.0)."""

    reference = models.CharField(max_length=10, blank=True, help_text="IfATE reference such as ST0116, if known")
    title = models.CharField(max_length=200, unique=True)
    level = models.PositiveSmallIntegerField(validators=[MinValueValidator(2), MaxValueValidator(7)])
    is_degree = models.BooleanField("degree apprenticeship", default=False)
    typical_duration_months = models.PositiveSmallIntegerField(null=True, blank=True)
    route = models.CharField(max_length=60, blank=True)
    source_url = models.URLField(max_length=300, blank=True)
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["level", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["reference"], condition=~models.Q(reference=""), name="unique_standard_reference"
            )
        ]

    def __str__(self):
        return f"{self.title} (level {self.level})"


class EmployerPosting(Publishable, Located):
    """What an employer's apprenticeship vacancies and sponsored opportunities both say: what it is, its skill
    areas and tier, and how and by when to apply."""

    reference = models.CharField(max_length=60, blank=True, help_text="Your own reference")
    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=220, unique=True)
    summary = models.CharField(max_length=300)
    description = RichTextField(features=FEATURES, blank=True, validators=[validate_rich_text_length])
    tier = models.ForeignKey(Tier, on_delete=models.PROTECT, related_name="+")
    skill_areas = models.ManyToManyField(SkillArea, blank=True, related_name="+")
    closing_date = models.DateField()
    how_to_apply = models.TextField(validators=[validate_long_text])
    apply_url = models.URLField(blank=True)

    checked_link_fields = ("apply_url",)

    class Meta:
        abstract = True
        ordering = ["closing_date"]


class ApprenticeshipVacancy(EmployerPosting):
    employer = models.ForeignKey(Employer, on_delete=models.CASCADE, related_name="vacancies")
    standard = models.ForeignKey(ApprenticeshipStandard, on_delete=models.PROTECT, related_name="vacancies")
    # The organisation that trains the apprentice, named by organisation so that careers needs nothing of
    # courses (its provider profile, when it has one, is `training_provider.provider`).
    training_provider = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        limit_choices_to={"kind": Organisation.Kind.PROVIDER},
        related_name="apprenticeships_trained",
    )
    weekly_wage = models.DecimalField(max_digits=7, decimal_places=2, validators=[MinValueValidator(0)])
    hours_per_week = models.DecimalField(max_digits=4, decimal_places=1, validators=[MinValueValidator(1)])
    start_date = models.DateField()
    positions = models.PositiveSmallIntegerField(default=1, validators=[MinValueValidator(1)])
    sponsor_campaign = models.ForeignKey(
        SponsorCampaign, null=True, blank=True, on_delete=models.SET_NULL, related_name="vacancies"
    )

    organisation_field = "employer__organisation"
    public_kind = "apprenticeship"
    detail_url_name = "careers:apprenticeship"
    portal_url_name = "employer_portal:apprenticeship"
    pays_apprentice_wage = True

    class Meta(EmployerPosting.Meta):
        verbose_name = "apprenticeship vacancy"
        verbose_name_plural = "apprenticeship vacancies"

    @property
    def places(self) -> int:
        """Its positions, by the name the other kinds of posting give their places."""
        return self.positions

    def own_websites(self) -> list[str]:
        websites = super().own_websites()
        if self.training_provider_id:
            profile = getattr(self.training_provider, "provider", None)  # the provider profile, if it has one
            websites += [self.training_provider.website] + ([profile.website] if profile else [])
        return websites

    def completeness_items(self) -> list[tuple[int, bool, str]]:
        saved = self.pk is not None
        return [
            (25, len(strip_tags(self.description or "").split()) >= 80, "Describe the job, the training and who you are looking for, in at least 80 words"),
            (15, saved and self.skill_areas.exists(), "Choose the skill areas the apprentice will learn"),
            (15, self.training_provider_id is not None, "Name the training provider"),
            (15, bool(self.apply_url), "Add a link where people can apply"),
            (10, bool(self.address), "Give the street address, so people can plan the journey"),
            (10, bool(self.reference), "Add your own reference, so you can find it in your records"),
            (10, self.hours_per_week is not None and self.hours_per_week >= 30, "Apprenticeships are usually at least 30 hours a week: say why if not"),
        ]

    def clean(self):
        super().clean()
        self.description = clean_rich_text(self.description)
        if self.start_date and self.closing_date and self.start_date < self.closing_date:
            raise ValidationError({"start_date": "The start date must be on or after the closing date"})


class SponsoredOpportunity(EmployerPosting):
    """The business-sponsored side of the campaign; always labelled as sponsored to residents."""

    class Kind(models.TextChoices):
        PAID_ROLE = "paid_role", _("Paid role")
        BOOTCAMP_PLACE = "bootcamp_place", _("Sponsored bootcamp or course place")
        PLACEMENT = "placement", _("Placement or work experience")
        RETURNER = "returner", _("Returner programme")
        SCHOLARSHIP = "scholarship", _("Scholarship")

    sponsor = models.ForeignKey(Employer, on_delete=models.CASCADE, related_name="sponsored_opportunities")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    is_remote = models.BooleanField(default=False, help_text="Can be done from anywhere")
    postcode = models.CharField(max_length=8, blank=True, help_text="Where it happens, unless it is remote")
    pay = models.CharField(max_length=120, blank=True, help_text='e.g. "£28,000 a year" or "bursary of £500"')
    starts_on = models.DateField(null=True, blank=True)
    places = models.PositiveIntegerField(
        default=1, validators=[MinValueValidator(1)], help_text="How many people it can take"
    )
    welcomes_career_changers = models.BooleanField(
        "welcomes career changers and returners",
        default=False,
        help_text="People changing career, or coming back after a break, are encouraged to apply",
    )
    sponsor_campaign = models.ForeignKey(
        SponsorCampaign, null=True, blank=True, on_delete=models.SET_NULL, related_name="opportunities"
    )

    organisation_field = "sponsor__organisation"
    public_kind = "opportunity"
    detail_url_name = "careers:opportunity"
    portal_url_name = "employer_portal:opportunity"
    checked_text_fields = ("title", "summary", "description", "how_to_apply", "pay")

    class Meta(EmployerPosting.Meta):
        verbose_name = "sponsored opportunity"
        verbose_name_plural = "sponsored opportunities"

    def completeness_items(self) -> list[tuple[int, bool, str]]:
        saved = self.pk is not None
        return [
            (25, len(strip_tags(self.description or "").split()) >= 60, "Describe what people will do and gain, in at least 60 words"),
            (15, saved and self.skill_areas.exists(), "Choose the skill areas it covers"),
            (15, bool(self.pay), 'Say what it pays or funds, e.g. "£24,000 a year" or "fully funded"'),
            (15, self.starts_on is not None, "Say when it starts"),
            (15, bool(self.apply_url), "Add a link where people can apply"),
            (15, self.is_remote or bool(self.address), "Give the street address, so people can plan the journey"),
        ]

    @property
    def is_job(self) -> bool:
        return self.kind in {self.Kind.PAID_ROLE, self.Kind.PLACEMENT, self.Kind.RETURNER}

    @property
    def is_for_career_changers(self) -> bool:
        """Whether residents filtering for career changers and returners find it: a returner programme is for
        people coming back after a break, ticked or not."""
        return self.welcomes_career_changers or self.kind == self.Kind.RETURNER

    def clean(self):
        # A remote opportunity may have no postcode; one with a place must have a real one.
        if not self.is_remote and not self.postcode:
            raise ValidationError({"postcode": "Enter the postcode where it happens, or tick that it can be done from anywhere"})
        super().clean()
        self.description = clean_rich_text(self.description)


class Pledge(Orderable):
    """What a sponsor promised to offer in a campaign, such as 40 bootcamp places. It is counted from the places
    of the sponsor's postings in the campaign (careers.campaigns.pledge_progress)."""

    ANY = "any"
    APPRENTICESHIPS = "apprenticeship"
    COUNTS = [
        (ANY, "Any of the sponsor's postings"),
        (APPRENTICESHIPS, "Apprenticeship vacancies"),
        # The kinds of sponsored opportunity (SponsoredOpportunity.Kind), in the plural.
        (SponsoredOpportunity.Kind.PAID_ROLE, "Paid roles"),
        (SponsoredOpportunity.Kind.BOOTCAMP_PLACE, "Sponsored bootcamp or course places"),
        (SponsoredOpportunity.Kind.PLACEMENT, "Placements or work experience"),
        (SponsoredOpportunity.Kind.RETURNER, "Returner programmes"),
        (SponsoredOpportunity.Kind.SCHOLARSHIP, "Scholarships"),
    ]

    campaign = ParentalKey(SponsorCampaign, on_delete=models.CASCADE, related_name="pledges")
    sponsor = models.ForeignKey(
        Sponsor,
        on_delete=models.CASCADE,
        related_name="pledges",
        help_text="One of the campaign's sponsors. Its postings count when it is linked to its employer profile",
    )
    places = models.PositiveIntegerField(validators=[MinValueValidator(1)], help_text="How many places it pledged")
    description = models.CharField(
        max_length=80, help_text="What the places are, as residents read them after the number: “bootcamp places”, “paid placements”"
    )
    counts = models.CharField(
        "postings counted", max_length=20, choices=COUNTS, default=ANY, help_text="Which of its postings in the campaign count towards it"
    )

    panels = [
        FieldPanel("sponsor"),
        FieldRowPanel([FieldPanel("places"), FieldPanel("description")]),
        FieldPanel("counts"),
    ]

    class Meta(Orderable.Meta):
        constraints = [models.UniqueConstraint(fields=["campaign", "sponsor"], name="one_pledge_per_sponsor_per_campaign")]

    def __str__(self):
        return f"{self.sponsor}: {self.places} {self.description}"
