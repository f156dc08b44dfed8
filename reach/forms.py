"""What a reach report covers: a period, and in the admin a campaign and perhaps one of its sponsors."""

from django import forms

from careers.models import Sponsor, SponsorCampaign

from .reports import LONGEST_PERIOD_DAYS, Period


def date_input():
    # A date input takes only ISO dates (https://html.spec.whatwg.org/multipage/input.html#date-state-(type=date)).
    # The class is GOV.UK Frontend's, for the portals; the admin has no rule for it.
    return forms.DateInput(attrs={"type": "date", "class": "govuk-input govuk-input--width-10"}, format="%Y-%m-%d")


class PeriodForm(forms.Form):
    since = forms.DateField(label="From", widget=date_input())
    until = forms.DateField(label="To", widget=date_input())

    def __init__(self, data=None, **kwargs):
        last_30_days = Period.last_days(30)
        initial = {"since": last_30_days.since, "until": last_30_days.until, **kwargs.pop("initial", {})}
        # A page opened without choosing (or with only ?page=) shows its defaults; a CSV link carries the choice.
        chosen = data is not None and any(name in data for name in self.base_fields)
        super().__init__(data if chosen else None, initial=initial, **kwargs)

    def clean(self):
        cleaned = super().clean()
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until:
            if since > until:
                raise forms.ValidationError("The start of the period must be before its end")
            if (until - since).days >= LONGEST_PERIOD_DAYS:
                raise forms.ValidationError(f"Choose a period of at most {LONGEST_PERIOD_DAYS} days")
        return cleaned

    def choice(self) -> dict:
        """What was chosen (the initial values when nothing was); call only if it is not bound or valid."""
        values = self.cleaned_data if self.is_bound else {name: self.get_initial_for_field(field, name) for name, field in self.fields.items()}
        return {**values, "period": Period(values["since"], values["until"])}

    def query(self) -> dict:
        """The choice as a query string's values, for the CSV link."""
        return {
            name: value.pk if hasattr(value, "pk") else ("" if value is None else str(value))
            for name, value in self.choice().items()
            if name != "period"
        }


class CampaignReportForm(PeriodForm):
    campaign = forms.ModelChoiceField(label="Campaign", queryset=SponsorCampaign.objects.all(), empty_label=None)
    sponsor = forms.ModelChoiceField(
        label="Sponsor", queryset=Sponsor.objects.all(), required=False, empty_label="All sponsors and other postings"
    )
    field_order = ["campaign", "sponsor", "since", "until"]

    def clean(self):
        cleaned = super().clean()
        campaign, sponsor = cleaned.get("campaign"), cleaned.get("sponsor")
        if campaign and sponsor and not campaign.sponsors.filter(pk=sponsor.pk).exists():
            self.add_error("sponsor", f"{sponsor.name} does not sponsor {campaign.name}")
        return cleaned
