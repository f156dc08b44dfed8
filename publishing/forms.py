"""Form helpers for the portals: GOV.UK Frontend classes on Django's widgets."""

from django import forms
from django.db import models

from .external_urls import validate_external_url
from .models import OPEN_LICENCE_NAME
from .rich_text import rich_text_from_input, validate_rich_text_input

INPUT_CLASSES = {
    "textarea": "govuk-textarea",
    "select": "govuk-select",
    "checkbox": "govuk-checkboxes__input",
    "checkboxselectmultiple": "",
    "radioselect": "",
    "clearablefileinput": "govuk-file-upload",
    "fileinput": "govuk-file-upload",
}
ERROR_CLASSES = {"textarea": "govuk-textarea--error", "select": "govuk-select--error", "fileinput": "govuk-file-upload--error"}


def formfield(model_field, **kwargs):
    """ModelForm Meta.formfield_callback: web addresses typed without a scheme are taken as https, and refused
    if a browser could read them differently from our checks (external_urls.browser_host)."""
    if isinstance(model_field, models.URLField):
        kwargs.setdefault("assume_scheme", "https")
        kwargs.setdefault("validators", [validate_external_url])
    return model_field.formfield(**kwargs)


class DateInput(forms.DateInput):
    """The browser's date picker; the value is always written as YYYY-MM-DD, which it expects."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class GovukFormMixin:
    """Adds GOV.UK classes, hint links and error classes, so templates can render `{{ field }}` as it is."""

    narrow_fields: dict[str, str] = {}  # field name → GOV.UK width class, e.g. "govuk-input--width-10"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            kind = self[name].widget_type
            classes = INPUT_CLASSES.get(kind, "govuk-input")
            if name in self.narrow_fields:
                classes = f"{classes} {self.narrow_fields[name]}"
            if classes:
                field.widget.attrs["class"] = classes
            if field.help_text and kind not in {"radioselect", "checkboxselectmultiple"}:
                field.widget.attrs["aria-describedby"] = f"{self[name].auto_id}-hint"
            if isinstance(field.widget, forms.Textarea):
                field.widget.attrs.setdefault("rows", 5)
            if kind == "radioselect" and field.required and not isinstance(field, forms.ModelChoiceField):
                # Radios need no "---------" choice: leaving them all unticked is the empty answer.
                field.choices = [(value, label) for value, label in field.choices if value != ""]

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                widget = self.fields[name].widget
                kind = self[name].widget_type
                error_class = ERROR_CLASSES.get(kind, "govuk-input--error" if INPUT_CLASSES.get(kind, "govuk-input") == "govuk-input" else "")
                if error_class:
                    widget.attrs["class"] = f"{widget.attrs.get('class', '')} {error_class}".strip()


class SkillAreaChoiceField(forms.ModelMultipleChoiceField):
    """Skill areas by title and code: two frameworks both have "Problem solving", and imports use the codes."""

    def label_from_instance(self, area):
        return f"{area.title} ({area.code})"


# The text boxes every kind of posting's form has, sized for what people write in them (Meta.widgets).
POSTING_TEXTAREAS = {
    "summary": forms.Textarea(attrs={"rows": 2}),
    "description": forms.Textarea(attrs={"rows": 10}),
    "how_to_apply": forms.Textarea(attrs={"rows": 3}),
}


class PostingForm(GovukFormMixin, forms.ModelForm):
    """What every kind of posting's form shares: it belongs to one organisation's profile, and its
    description is rich text."""

    def __init__(self, *args, profile, **kwargs):
        super().__init__(*args, **kwargs)
        self.profile = profile
        # Before clean_description: a huge description is refused without being parsed.
        self.fields["description"].validators.append(validate_rich_text_input)

    def clean_description(self):
        return rich_text_from_input(self.cleaned_data["description"])


class PublishForm(GovukFormMixin, forms.Form):
    """Publishing (or sending for review) needs the poster's agreement to the open licence, every time."""

    open_licence = forms.BooleanField(
        label=f"I agree that what this posting says may be published as open data under the {OPEN_LICENCE_NAME}",
        help_text="Anyone may then copy and reuse it, saying where it came from. This does not include your contact emails.",
        error_messages={"required": "Tick the box to agree to the open licence, then publish"},
    )
