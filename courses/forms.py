"""The provider portal's forms. The models' clean() methods hold the rules; these choose the fields."""

from django import forms
from django.conf import settings

from careers.forms import CampaignTagging, OptionalPlaces, campaign_field
from pathways.models import SkillArea, Tier
from publishing.forms import POSTING_TEXTAREAS, DateInput, GovukFormMixin, PostingForm, SkillAreaChoiceField, formfield
from publishing.models import OPEN_LICENCE_NAME
from publishing.rich_text import validate_long_text

from .feeds.fetching import address_refusal
from .models import Programme, ProgrammeFeed, ProgrammeRun, Provider, Venue


class ProviderForm(GovukFormMixin, forms.ModelForm):
    narrow_fields = {"ukprn": "govuk-input--width-10"}

    class Meta:
        model = Provider
        formfield_callback = formfield
        fields = ["kind", "description", "website", "phone", "email", "ukprn"]
        widgets = {"kind": forms.RadioSelect, "description": forms.Textarea}
        labels = {"kind": "What kind of provider are you?", "description": "About you", "email": "Enquiries email"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["description"].validators.append(validate_long_text)


class VenueForm(GovukFormMixin, forms.ModelForm):
    narrow_fields = {"postcode": "govuk-input--width-10"}

    class Meta:
        model = Venue
        formfield_callback = formfield
        fields = ["name", "address", "town", "postcode", "step_free_access"]


class ProgrammeForm(CampaignTagging, OptionalPlaces, PostingForm):
    narrow_fields = {
        "reference": "govuk-input--width-20",
        "lars_code": "govuk-input--width-10",
        "cost_amount": "govuk-input--width-5",
        "hours_per_week": "govuk-input--width-4",
        "enquiry_phone": "govuk-input--width-20",
        "places": "govuk-input--width-4",
    }
    tier = forms.ModelChoiceField(
        queryset=Tier.objects.all(), widget=forms.RadioSelect, empty_label=None, label="Level of digital skill"
    )
    skill_areas = SkillAreaChoiceField(
        queryset=SkillArea.objects.all(), widget=forms.CheckboxSelectMultiple, label="Skill areas it covers"
    )
    venues = forms.ModelMultipleChoiceField(
        queryset=Venue.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label="Where it happens",
        help_text="Add venues under Venues first. Leave empty for online programmes.",
    )
    sponsor_campaign = campaign_field()

    class Meta:
        model = Programme
        formfield_callback = formfield
        fields = [
            "reference", "kind", "title", "summary", "description", "tier", "skill_areas", "level", "lars_code", "delivery_mode",
            "venues", "cost", "cost_amount", "funding_eligibility", "duration", "hours_per_week", "starts_any_time",
            "how_to_apply", "enquiry_url", "enquiry_email", "enquiry_phone", "free_device_loan", "free_data",
            "other_languages", "step_free_access", "drop_in", "welcomes_career_changers", "places", "sponsor_campaign",
        ]  # fmt: skip
        widgets = {
            "kind": forms.RadioSelect,
            "delivery_mode": forms.RadioSelect,
            "cost": forms.RadioSelect,
            **POSTING_TEXTAREAS,
        }
        labels = {
            "cost_amount": "Price in pounds",
            "enquiry_url": "Web page to apply or enquire",
            # Residents search for these under "Help to get started": say each as they would read it.
            "free_device_loan": "People can borrow a laptop or tablet for free",
            "free_data": "People can get free mobile data or a SIM card",
            "step_free_access": "There is step-free access",
            "drop_in": "People can drop in without booking",
            "welcomes_career_changers": "People changing career or returning after a break are welcome",
            "places": "Number of places",
        }
        help_texts = {
            "description": "Plain paragraphs, or simple HTML: headings (h2, h3), bold, italic, lists and links.",
        }

    def __init__(self, *args, profile: Provider, **kwargs):
        super().__init__(*args, profile=profile, **kwargs)
        self.fields["venues"].queryset = profile.venues.all()

    def clean_reference(self):
        reference = self.cleaned_data["reference"].strip()
        taken = Programme.objects.filter(provider=self.profile, reference=reference).exclude(pk=self.instance.pk)
        if taken.exists():
            raise forms.ValidationError(f"You already have a programme with the reference {reference}")
        return reference


class ProgrammeRunForm(GovukFormMixin, forms.ModelForm):
    class Meta:
        model = ProgrammeRun
        formfield_callback = formfield
        fields = ["starts_on", "ends_on", "venue", "note"]
        widgets = {"starts_on": DateInput, "ends_on": DateInput}
        labels = {"starts_on": "Start date", "ends_on": "End date", "venue": "Venue, if not every venue"}

    def __init__(self, *args, profile: Provider, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["venue"].queryset = profile.venues.all()
        self.fields["venue"].empty_label = "Every venue of the programme"


IMPORT_MODES = [
    ("valid_rows", "Import the rows that are right, and list the problems with the others"),
    ("all_or_nothing", "Import nothing until every row is right"),
]


class ImportForm(GovukFormMixin, forms.Form):
    file = forms.FileField(
        label="CSV or JSON file",
        help_text=f"At most {settings.IMPORT_MAX_UPLOAD_SIZE // (1024 * 1024)} MB. Use our template: see the format guide.",
    )
    mode = forms.ChoiceField(
        label="If some rows have problems",
        choices=IMPORT_MODES,
        initial="valid_rows",
        widget=forms.RadioSelect,
    )
    # Once for the whole file: every programme it saves records the agreement (courses.imports.rows).
    open_licence = forms.BooleanField(
        label=f"I agree that what these programmes say may be published as open data under the {OPEN_LICENCE_NAME}",
        help_text="For every programme in the file. Anyone may then copy and reuse it, saying where it came from.",
        error_messages={"required": "Tick the box to agree to the open licence for the programmes in this file"},
    )


class FeedForm(GovukFormMixin, forms.Form):
    url = forms.URLField(
        label="Address of your file",
        max_length=500,
        assume_scheme="https",
        help_text="It must start with https:// and be public. We check it every hour and import it when it changes.",
    )
    format = forms.ChoiceField(label="What kind of file it is", choices=ProgrammeFeed.Format.choices, widget=forms.RadioSelect)
    mode = forms.ChoiceField(label="If some rows have problems", choices=IMPORT_MODES, initial="valid_rows", widget=forms.RadioSelect)
    open_licence = forms.BooleanField(
        label=f"I agree that what the programmes in this feed say may be published as open data under the {OPEN_LICENCE_NAME}",
        help_text="For every programme the feed holds, now and later. Anyone may then copy and reuse it, saying where it came from.",
        error_messages={"required": "Tick the box to agree to the open licence for the programmes in your feed"},
    )

    def clean_url(self):
        url = self.cleaned_data["url"]
        refusal = address_refusal(url)
        if refusal:
            raise forms.ValidationError(refusal)
        return url
