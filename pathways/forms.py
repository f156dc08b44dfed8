"""The forms of the self-assessment pages and of saved plans. Messages follow the GOV.UK error message style."""

import re

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from places.postcodes import PostcodeError, normalise

from .answers import outcode_of
from .models.plans import REFERENCE_ALPHABET, REFERENCE_LENGTH

NONE = "none"


class CheckboxesForm(forms.Form):
    """"Which of these can you do?": tick what applies, or "None of these yet" on its own."""

    answer = forms.MultipleChoiceField(
        error_messages={
            "required": _("Select what you can do, or select ‘{none}’"),
            "invalid_choice": _("Select from the options shown"),
        },
    )

    def __init__(self, data=None, *, options, none_label, **kwargs):
        super().__init__(data, **kwargs)
        field = self.fields["answer"]
        field.choices = [(value, label) for value, label, _ in options] + [(NONE, none_label)]
        field.error_messages = {**field.error_messages, "required": str(field.error_messages["required"]).format(none=none_label)}
        self.none_label = none_label

    def clean_answer(self):
        values = self.cleaned_data["answer"]
        if NONE in values:
            if len(values) > 1:
                raise forms.ValidationError(gettext("Select ‘%(none)s’ on its own, or untick it") % {"none": self.none_label})
            return []
        return values


class RadiosForm(forms.Form):
    """An optional question with one answer: continuing without one skips it."""

    answer = forms.ChoiceField(required=False, error_messages={"invalid_choice": _("Select one of the options shown")})

    def __init__(self, data=None, *, options, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["answer"].choices = list(options)


def _outcode_or_empty(text: str) -> str:
    """The first part of the postcode typed, or "" when nothing was; a form error for anything else."""
    if not text:
        return ""
    try:
        return outcode_of(text)
    except PostcodeError as error:
        raise forms.ValidationError(str(error)) from None


class PostcodeForm(forms.Form):
    answer = forms.CharField(
        required=False, max_length=20, error_messages={"max_length": _("Enter a real postcode, like LS1 4AP, or the first part, like LS1")}
    )

    def clean_answer(self):
        return _outcode_or_empty(self.cleaned_data["answer"])


class KeepForm(forms.Form):
    """Keeping a plan without an account: the first part of a postcode is the second key of its reference code."""

    outcode = forms.CharField(
        required=False,
        max_length=20,
        label=_("The first part of your postcode (optional)"),
        help_text=_("For example, LS6. A careers adviser asks for it with your reference code. Leave it empty to get a private link only."),
    )

    def clean_outcode(self):
        return _outcode_or_empty(self.cleaned_data["outcode"])


def normalise_reference(text: str) -> str:
    """What people type or are told: "k7f3 qx9m", "K7F3-QX9M" → "K7F3QX9M"; "" if it cannot be a reference."""
    cleaned = re.sub(r"[\s\-–]+", "", text or "").upper()
    if len(cleaned) != REFERENCE_LENGTH or any(character not in REFERENCE_ALPHABET for character in cleaned):
        return ""
    return cleaned


class FindPlanForm(forms.Form):
    reference = forms.CharField(
        max_length=20,
        label=_("Reference code"),
        help_text=_("8 letters and numbers, like K7F3-QX9M"),
        error_messages={"required": _("Enter the reference code"), "max_length": _("Enter the reference code, like K7F3-QX9M")},
    )
    outcode = forms.CharField(
        max_length=20,
        label=_("The first part of the postcode"),
        help_text=_("The one given when the plan was kept, like LS6"),
        error_messages={
            "required": _("Enter the first part of the postcode, like LS6"),
            "max_length": _("Enter the first part of the postcode, like LS6"),
        },
    )

    def clean_reference(self):
        # A code that cannot exist fails like a wrong one, later: no hint about which part was wrong.
        return normalise_reference(self.cleaned_data["reference"])

    def clean_outcode(self):
        try:
            return normalise(self.cleaned_data["outcode"])[0]
        except PostcodeError:
            raise forms.ValidationError(gettext("Enter the first part of the postcode, like LS6")) from None


class EmailPlanForm(forms.Form):
    email = forms.EmailField(
        label=_("Email address"),
        help_text=_("We send the plan once and do not keep the address."),
        error_messages={"required": _("Enter an email address"), "invalid": _("Enter an email address in the right format, like name@example.com")},
    )


class HelperKeepForm(forms.Form):
    """A digital helper keeps a resident's plan in their organisation's list: only with the resident's consent,
    and with nothing more personal than a first name or initials and the first part of their postcode."""

    consent = forms.BooleanField(
        error_messages={"required": "Tick the box if the person you are helping agrees. If they do not, print the plan for them instead"},
    )
    name = forms.CharField(
        max_length=20,
        label="Their first name or initials",
        help_text="So you can find their plan next time. Not their full name.",
        error_messages={"required": "Enter their first name or initials", "max_length": "Enter a first name or initials of 20 characters or fewer"},
    )
    outcode = forms.CharField(
        max_length=20,
        label="The first part of their postcode",
        help_text="For example, LS6. We keep only this part.",
        error_messages={"required": "Enter the first part of their postcode, like LS6", "max_length": "Enter the first part of their postcode, like LS6"},
    )

    def __init__(self, data=None, *, organisation, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["consent"].label = (
            f"They agree that {organisation.name} keeps this plan with their first name or initials and the first "
            "part of their postcode, so we can print it and open it again at their next visit"
        )

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        # Only a first name or initials: an email address, a phone number or a full name would be more than we need.
        if "@" in name or any(character.isdigit() for character in name):
            raise forms.ValidationError("Enter a first name or initials only, not an email address or phone number")
        if len(name.split()) > 2 or not all(character.isalpha() or character in " .'’-" for character in name):
            raise forms.ValidationError("Enter a first name or initials only, like Sam or S.K.")
        return name

    def clean_outcode(self):
        return _outcode_or_empty(self.cleaned_data["outcode"])
