"""The employer portal's forms. The models' clean() methods hold the rules; these choose the fields."""

from django import forms

from accounts.models import Organisation
from pathways.models import SkillArea, Tier
from publishing import forms as publishing_forms
from publishing.forms import POSTING_TEXTAREAS, DateInput, GovukFormMixin, SkillAreaChoiceField, formfield
from publishing.rich_text import validate_long_text

from .models import ApprenticeshipStandard, ApprenticeshipVacancy, Employer, SponsorCampaign, SponsoredOpportunity

DESCRIPTION_HELP = "Plain paragraphs, or simple HTML: headings (h2, h3), bold, italic, lists and links."


class EmployerForm(GovukFormMixin, forms.ModelForm):
    narrow_fields = {"companies_house_number": "govuk-input--width-10"}

    class Meta:
        model = Employer
        formfield_callback = formfield
        fields = ["sector", "size", "disability_confident", "description", "website", "companies_house_number"]
        widgets = {"size": forms.RadioSelect, "disability_confident": forms.RadioSelect, "description": forms.Textarea}
        labels = {"description": "About you", "disability_confident": "Disability Confident"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["description"].validators.append(validate_long_text)


class CampaignChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, campaign):
        return f"{campaign.name} ({campaign.code})"


class CampaignTagging:
    """A posting's sponsor campaign (Meta.fields names `sponsor_campaign`): one running today, or the one it is
    part of already. Another is refused with the reason (SponsorCampaign.tagging_refusal), whatever was sent."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        current = self.instance.sponsor_campaign_id
        field = self.fields["sponsor_campaign"]
        shown = SponsorCampaign.objects.live() | SponsorCampaign.objects.filter(pk=current)
        field.choices = [("", "Not part of a campaign")] + [(campaign.pk, field.label_from_instance(campaign)) for campaign in shown.order_by("name")]

    def clean_sponsor_campaign(self):
        campaign = self.cleaned_data["sponsor_campaign"]
        if campaign is not None and campaign.pk != self.instance.sponsor_campaign_id:
            refusal = campaign.tagging_refusal()
            if refusal:
                raise forms.ValidationError(refusal)
        return campaign


class OptionalPlaces:
    """The number of places (Meta.fields names `places`) may be left empty: one place, the model's default."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["places"].required = False

    def clean_places(self):
        return self.cleaned_data["places"] or self._meta.model._meta.get_field("places").default


def campaign_field() -> CampaignChoiceField:
    return CampaignChoiceField(
        queryset=SponsorCampaign.objects.all(),
        required=False,
        label="Sponsor campaign",
        help_text="If it is part of a sponsor campaign that is running now, choose it: it counts towards the campaign's pledges",
    )


class PostingForm(publishing_forms.PostingForm):
    """What vacancies and sponsored opportunities share."""

    tier = forms.ModelChoiceField(
        queryset=Tier.objects.all(), widget=forms.RadioSelect, empty_label=None, label="Level of digital skill"
    )
    skill_areas = SkillAreaChoiceField(
        queryset=SkillArea.objects.all(), widget=forms.CheckboxSelectMultiple, required=False, label="Skill areas"
    )


class ApprenticeshipVacancyForm(CampaignTagging, PostingForm):
    narrow_fields = {
        "reference": "govuk-input--width-20",
        "weekly_wage": "govuk-input--width-5",
        "hours_per_week": "govuk-input--width-4",
        "postcode": "govuk-input--width-10",
        "positions": "govuk-input--width-3",
    }
    standard = forms.ModelChoiceField(queryset=ApprenticeshipStandard.objects.all(), label="Apprenticeship standard")
    training_provider = forms.ModelChoiceField(
        # Verified training providers with a profile here, by their organisation.
        queryset=Organisation.objects.filter(kind=Organisation.Kind.PROVIDER, verified_at__isnull=False, provider__isnull=False).order_by("name"),
        required=False,
        label="Training provider",
    )
    sponsor_campaign = campaign_field()

    class Meta:
        model = ApprenticeshipVacancy
        formfield_callback = formfield
        fields = [
            "reference", "title", "summary", "description", "standard", "training_provider", "tier", "skill_areas",
            "weekly_wage", "hours_per_week", "address", "town", "postcode", "closing_date", "start_date", "positions",
            "how_to_apply", "apply_url", "sponsor_campaign",
        ]  # fmt: skip
        widgets = {
            **POSTING_TEXTAREAS,
            "closing_date": DateInput,
            "start_date": DateInput,
        }
        labels = {"weekly_wage": "Weekly wage in pounds", "apply_url": "Web page to apply", "positions": "Number of places"}
        help_texts = {
            "description": DESCRIPTION_HELP,
            "weekly_wage": "At least the apprentice rate of the National Minimum Wage for these hours",
        }


class SponsoredOpportunityForm(CampaignTagging, OptionalPlaces, PostingForm):
    narrow_fields = {"reference": "govuk-input--width-20", "postcode": "govuk-input--width-10", "places": "govuk-input--width-3"}
    sponsor_campaign = campaign_field()

    class Meta:
        model = SponsoredOpportunity
        formfield_callback = formfield
        fields = [
            "kind", "reference", "title", "summary", "description", "tier", "skill_areas", "is_remote", "address",
            "town", "postcode", "pay", "closing_date", "starts_on", "places", "welcomes_career_changers", "how_to_apply",
            "apply_url", "sponsor_campaign",
        ]  # fmt: skip
        widgets = {
            "kind": forms.RadioSelect,
            **POSTING_TEXTAREAS,
            "closing_date": DateInput,
            "starts_on": DateInput,
        }
        labels = {
            "kind": "What is it?",
            "apply_url": "Web page to apply",
            "starts_on": "Start date",
            "places": "Number of places",
            "welcomes_career_changers": "People changing career or returning after a break are welcome",
        }
        help_texts = {"description": DESCRIPTION_HELP}
