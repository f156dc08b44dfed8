"""Every kind of posting (programmes, vacancies, sponsored opportunities) is a Publishable model; these
find them without publishing importing the apps that define them."""

from django.apps import apps
from django.db.models import Q, QuerySet

from accounts.models import OrganisationProfile

from .models import Publishable, Status


def posting_models() -> list[type[Publishable]]:
    return [model for model in apps.get_models() if issubclass(model, Publishable)]


def posting_model(label: str) -> type[Publishable]:
    """The posting model for "app_label.modelname"; LookupError for anything else."""
    model = apps.get_model(label)
    if not issubclass(model, Publishable):
        raise LookupError(f"{label} is not a kind of posting")
    return model


def owner_field(model: type[Publishable]) -> str:
    """The model's foreign key to its organisation's profile: "provider", "employer" or "sponsor"."""
    return model.organisation_field.split("__")[0]


def many_to_many(model: type[Publishable]) -> list[str]:
    return [field.name for field in model._meta.many_to_many]


def label_of(item_or_model) -> str:
    return item_or_model._meta.label_lower


def organisation_postings(organisation) -> list[QuerySet]:
    return [model.objects.filter(**{model.organisation_field: organisation}) for model in posting_models()]


def has_published_before(organisation) -> bool:
    """Whether anything of this organisation's has ever been public (approved, or published directly)."""
    ever_public = Q(published_at__isnull=False) | Q(status=Status.PUBLISHED)
    return any(queryset.filter(ever_public).exists() for queryset in organisation_postings(organisation))


def models_with_closing_dates() -> list[type[Publishable]]:
    return [model for model in posting_models() if "closing_date" in {field.name for field in model._meta.fields}]


def profile_models() -> list[type[OrganisationProfile]]:
    """The organisations' public profiles: providers and employers."""
    return [model for model in apps.get_models() if issubclass(model, OrganisationProfile)]


def public_slugs() -> dict[str, QuerySet]:
    """For each kind the open-data API lists, the slugs of what it lists now."""
    postings = {model.public_kind: model.objects.public().values("slug") for model in posting_models()}
    profiles = {
        model.public_kind: model.objects.filter(organisation__verified_at__isnull=False).values("organisation__slug")
        for model in profile_models()
    }
    return postings | profiles
