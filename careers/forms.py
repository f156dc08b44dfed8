"""The employer portal's forms. The models' clean() methods hold the rules; these choose the fields."""

from django import forms

from pathways.models import SkillArea, Tier
from publishing.forms import DateInput, GovukFormMixin, SkillAreaChoiceField, formfield
from publishing.rich_text import rich_text_from_input, validate_long_text, validate_rich_text_input

from .models import ApprenticeshipStandard, ApprenticeshipVacancy, Employer, SponsoredOpportunity

DESCRIPTION_HELP = "Plain paragraphs, or simple HTML: headings (h2, h3), bold, italic, lists and links."


class EmployerForm(GovukFormMixin, forms.ModelForm):
    class Meta:
        model = Employer
        formfield_callback = formfield
        fields = ["sector", "size", "disability_confident", "description", "website"]
        widgets = {"size": forms.RadioSelect, "disability_confident": forms.RadioSelect, "description": forms.Textarea}
        labels = {"description": "About you", "disability_confident": "Disability Confident"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["description"].validators.append(validate_long_text)


class PostingForm(GovukFormMixin, forms.ModelForm):
    """What vacancies and sponsored opportunities share."""

    tier = forms.ModelChoiceField(
        queryset=Tier.objects.all(), widget=forms.RadioSelect, empty_label=None, label="Level of digital skill"
    )
    skill_areas = SkillAreaChoiceField(
        queryset=SkillArea.objects.all(), widget=forms.CheckboxSelectMultiple, required=False, label="Skill areas"
    )

    def __init__(self, *args, profile: Employer, **kwargs):
        super().__init__(*args, **kwargs)
        self.profile = profile
        # Before clean_description: a huge description is refused without being parsed.
        self.fields["description"].validators.append(validate_rich_text_input)

    def clean_description(self):
        return rich_text_from_input(self.cleaned_data["description"])


class ApprenticeshipVacancyForm(PostingForm):
    narrow_fields = {
        "reference": "govuk-input--width-20",
        "weekly_wage": "govuk-input--width-5",
        "hours_per_week": "govuk-input--width-4",
        "postcode": "govuk-input--width-10",
        "positions": "govuk-input--width-3",
    }
    standard = forms.ModelChoiceField(queryset=ApprenticeshipStandard.objects.all(), label="Apprenticeship standard")
    # Providers are courses' records: reached through the foreign key the vacancy declares.
    training_provider = forms.ModelChoiceField(
        queryset=ApprenticeshipVacancy.training_provider.field.related_model.objects.filter(
            organisation__verified_at__isnull=False
        ).select_related("organisation"),
        required=False,
        label="Training provider",
    )

    class Meta:
        model = ApprenticeshipVacancy
        formfield_callback = formfield
        fields = [
            "reference", "title", "summary", "description", "standard", "training_provider", "tier", "skill_areas",
            "weekly_wage", "hours_per_week", "address", "town", "postcode", "closing_date", "start_date", "positions",
            "how_to_apply", "apply_url",
        ]  # fmt: skip
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 2}),
            "description": forms.Textarea(attrs={"rows": 10}),
            "how_to_apply": forms.Textarea(attrs={"rows": 3}),
            "closing_date": DateInput,
            "start_date": DateInput,
        }
        labels = {"weekly_wage": "Weekly wage in pounds", "apply_url": "Web page to apply", "positions": "Number of places"}
        help_texts = {
            "description": DESCRIPTION_HELP,
            "weekly_wage": "At least the apprentice rate of the National Minimum Wage for these hours",
        }


class SponsoredOpportunityForm(PostingForm):
    narrow_fields = {"reference": "govuk-input--width-20", "postcode": "govuk-input--width-10"}

    class Meta:
        model = SponsoredOpportunity
        formfield_callback = formfield
        fields = [
            "kind", "reference", "title", "summary", "description", "tier", "skill_areas", "is_remote", "address",
            "town", "postcode", "pay", "closing_date", "starts_on", "how_to_apply", "apply_url",
        ]  # fmt: skip
        widgets = {
            "kind": forms.RadioSelect,
            "summary": forms.Textarea(attrs={"rows": 2}),
            "description": forms.Textarea(attrs={"rows": 10}),
            "how_to_apply": forms.Textarea(attrs={"rows": 3}),
            "closing_date": DateInput,
            "starts_on": DateInput,
        }
        labels = {"kind": "What is it?", "apply_url": "Web page to apply", "starts_on": "Start date"}
        help_texts = {"description": DESCRIPTION_HELP}
