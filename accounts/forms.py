from django import forms

from .models import Organisation, User
from .services import membership_request, organisation_request


class SignupDetailsForm(forms.Form):
    """Extra sign-up questions: who the person is, and for employers and providers, their organisation.

    django-allauth adds these fields to its sign-up form and calls signup() once the user exists. The page is
    public, so it lists only organisations a moderator has verified, and a new organisation is created only
    once its first member has confirmed their email address (services.organisation_register_requested).
    """

    role = forms.ChoiceField(
        label="Who are you?",
        choices=User.Role.choices,
        widget=forms.RadioSelect,
        initial=User.Role.RESIDENT,
    )
    organisation_name = forms.CharField(
        label="Your organisation's name, if it is new to this site",
        max_length=200,
        required=False,
    )
    join_organisation = forms.ModelChoiceField(
        label="Or ask to join an organisation already on this site",
        queryset=Organisation.objects.filter(verified_at__isnull=False).order_by("name"),
        required=False,
        empty_label="Choose an organisation",
    )

    def clean(self):
        cleaned = super().clean()
        role = cleaned.get("role")
        name = (cleaned.get("organisation_name") or "").strip()
        existing = cleaned.get("join_organisation")
        if role == User.Role.RESIDENT:
            cleaned["organisation_name"], cleaned["join_organisation"] = "", None
            return cleaned
        if not name and not existing:
            self.add_error(
                "organisation_name", "Enter your organisation's name, or choose one that is already on this site"
            )
        elif name and existing:
            self.add_error("join_organisation", "Either enter a new organisation or choose an existing one, not both")
        elif existing and existing.kind != role:
            self.add_error(
                "join_organisation", f"{existing.name} is listed as a {existing.get_kind_display().lower()}"
            )
        elif name and (same := Organisation.objects.filter(name__iexact=name, kind=role).first()):
            if same.is_verified:
                message = f"{name} is already on this site: choose it from the list to ask to join"
            else:
                message = (
                    f"{name} is already waiting for a moderator to check it. Once it is checked you can choose it "
                    "from the list to ask to join."
                )
            self.add_error("organisation_name", message)
        return cleaned

    def signup(self, request, user):
        role = self.cleaned_data["role"]
        if self.cleaned_data["join_organisation"]:
            membership_request(user=user, organisation=self.cleaned_data["join_organisation"])
        elif self.cleaned_data["organisation_name"]:
            organisation_request(user=user, name=self.cleaned_data["organisation_name"], kind=role)
        else:
            user.role = role
            user.save(update_fields=["role"])


class AccountDeleteForm(forms.Form):
    confirm = forms.BooleanField(
        label="I understand my account and everything that names me will be deleted, and this cannot be undone",
        required=True,
        error_messages={"required": "Tick the box to confirm you want to delete your account"},
    )
