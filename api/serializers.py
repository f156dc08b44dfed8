"""The representations open-data items share: organisations, places, links, tiers and skill areas."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers


@extend_schema_field(OpenApiTypes.URI)
class PublicPageURLField(serializers.Field):
    """The absolute address of the item's page on the site."""

    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", "Its public page on this site")
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, value):
        return self.context["request"].build_absolute_uri(value.get_absolute_url())


class OrganisationReferenceSerializer(serializers.Serializer):
    """A provider or an employer, as other items refer to it."""

    name = serializers.CharField(help_text="The organisation's name")
    slug = serializers.SlugField(help_text="Its identifier here: /providers/<slug>/ or /employers/<slug>/")
    url = PublicPageURLField()


class VerifiedOrganisationReferenceSerializer(OrganisationReferenceSerializer):
    """A reference shown only while the organisation is verified (null otherwise)."""

    def get_attribute(self, instance):
        profile = super().get_attribute(instance)
        return profile if profile is not None and profile.organisation.is_verified else None


class LocalAuthoritySerializer(serializers.Serializer):
    code = serializers.CharField(help_text="ONS local authority code, e.g. E08000035")
    name = serializers.CharField(help_text="e.g. Leeds")


class LocationSerializer(serializers.Serializer):
    """Where something happens. The coordinates are its postcode's point (about 15 addresses), or the centre of
    the postcode district when we do not hold the full postcode."""

    town = serializers.CharField(help_text="Town or city")
    postcode = serializers.CharField(help_text="Full postcode, e.g. LS1 4AP")
    local_authority = LocalAuthoritySerializer(allow_null=True, help_text="The local authority it is in, if known")
    latitude = serializers.FloatField(allow_null=True, help_text="WGS84 latitude of the postcode (or its district's centre)")
    longitude = serializers.FloatField(allow_null=True, help_text="WGS84 longitude of the postcode (or its district's centre)")


def help_texts(**texts: str) -> dict:
    """ModelSerializer extra_kwargs giving each named field its schema description."""
    return {name: {"help_text": text} for name, text in texts.items()}


COMMON_HELP = {
    "slug": "Its identifier here; the detail endpoint is <list endpoint>/<slug>/",
    "title": "Title",
    "summary": "One or two plain sentences",
    "description": "Description as HTML, limited to headings, paragraphs, emphasis, lists and links",
    "updated_at": "When it last changed (ISO 8601)",
    "published_at": "When it was published (ISO 8601)",
    "is_demo": "Demonstration content, not a real offer",
    "how_to_apply": "How to apply, in plain text",
}


def tier_code_field() -> serializers.SlugRelatedField:
    return serializers.SlugRelatedField(
        slug_field="code", read_only=True, help_text="Tier code: inclusion, general or advanced"
    )


def skill_area_codes_field() -> serializers.ManyRelatedField:
    return serializers.SlugRelatedField(
        slug_field="code",
        read_only=True,
        many=True,
        help_text="Skill area codes (UK Essential Digital Skills, DigComp 2.2, advanced specialisms)",
    )


# What every kind of posting (programme, vacancy, sponsored opportunity) shows: its page, tier and skill areas.
# Comments, not docstrings, on these bases: the schema would give a docstring to every subclass.
class PostingSerializer(serializers.ModelSerializer):
    url = PublicPageURLField()
    tier = tier_code_field()
    skill_areas = skill_area_codes_field()


def posting_fields(*fields: str) -> list[str]:
    """A posting's fields: its page, identifier and title, these, then whether it is a demo and when it changed."""
    return ["url", "slug", "title", *fields, "is_demo", "published_at", "updated_at"]


# What a provider's and an employer's profile show first: its page and identifier (its name: each its own).
class ProfileSerializer(serializers.ModelSerializer):
    url = PublicPageURLField()
    slug = serializers.SlugField(help_text=COMMON_HELP["slug"])


class ErrorSerializer(serializers.Serializer):
    """Why the request was refused (DRF's own answers: not found, throttled, not allowed)."""

    detail = serializers.CharField(help_text="What went wrong, in plain words")


# An open-data list's 400: each parameter at fault with its problems, e.g. {"page": ["Enter a whole number…"]}.
FIELD_ERRORS_SCHEMA = {
    "type": "object",
    "additionalProperties": {"type": "array", "items": {"type": "string"}},
    "description": "Each parameter at fault, with its problems",
}


class ProblemsSerializer(serializers.Serializer):
    """The 400 of search and pathway plans: every problem at once, by parameter or answer."""

    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()), help_text="Each parameter or answer with its problems"
    )


class PlainAttributesSerializer(serializers.Serializer):
    """A serializer of plain objects whose fields each read one attribute (or are method fields): the same
    representation as DRF's, read directly. DRF's general path (each field's dotted-source lookup and callable
    checks) cost a search page's 20 hits more than building the rest of the answer."""

    @classmethod
    def _readers(cls) -> list[tuple[str, str, object]]:
        """(name, attribute, to_representation) per field, or (name, "", method name) for a method field. Made once
        per class: DRF deep-copies every declared field for each serializer it makes (twice a search page)."""
        readers = _READERS.get(cls)
        if readers is None:
            readers = []
            for field in cls()._readable_fields:
                if isinstance(field, serializers.SerializerMethodField):
                    readers.append((field.field_name, "", field.method_name))
                else:
                    assert len(field.source_attrs) == 1, f"{field.field_name}: one attribute per field"
                    readers.append((field.field_name, field.source_attrs[0], field.to_representation))
            _READERS[cls] = readers
        return readers

    def to_representation(self, instance):
        answer = {}
        for name, attribute, reader in self._readers():
            if attribute:
                value = getattr(instance, attribute)
                answer[name] = None if value is None else reader(value)
            else:
                answer[name] = getattr(self, reader)(instance)
        return answer


_READERS: dict[type, list] = {}
