"""What a resident (or an API client) asks for, validated into one typed object.

The HTML page and the JSON API share these parameters, so a search URL can be bookmarked and shared.
"""

import copy
import dataclasses
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import urlencode

from django import forms
from django.utils.translation import gettext_lazy as _

from places.postcodes import PostcodeError, locate

KINDS = {"programme": _("Courses and help"), "apprenticeship": _("Apprenticeships"), "sponsored": _("Sponsored opportunities")}
TIERS = ["inclusion", "general", "advanced"]
LEVELS = ["entry", "1", "2", "3", "4", "5", "6", "7", "8"]
MODES = {"in_person": _("In person"), "online": _("Online"), "blended": _("Partly online")}
SORTS = {
    "relevance": _("Best match"),
    "distance": _("Nearest"),
    "start": _("Starting soonest"),
    "closing": _("Closing soonest"),
    "newest": _("Newest"),
    "wage": _("Highest wage"),
}
# "Help to get started": what makes a first step possible for someone with no device, no data, another
# language, a wheelchair or no way to book. Values of the documents' help_to_start field.
HELP_TO_START = {
    "device_loan": _("Borrow a laptop or tablet"),
    "free_data": _("Free mobile data or SIM card"),
    "other_languages": _("Help in other languages"),
    "step_free": _("Step-free access"),
    "drop_in": _("Drop in, no need to book"),
}
# What search/understanding.py may read from the words, each removable (ignore=place&ignore=free).
READING_KEYS = [
    "place", "level", "degree", "kind", "free", "online", "beginner", "evening", "weekend", "part_time", "placement",
    "bootcamp", "job_hunting", "work_skills", "older", "job", "drop_in", "device_loan", "free_data", "step_free", "course",
    "career_change",
]
MAX_QUERY_LENGTH = 200
MAX_PAGE_SIZE = 50
MAX_RESULT_WINDOW = 1000  # deep pages are slow to compute and nobody reads them
MAX_RADIUS_MILES = 100
DEFAULT_RADIUS_MILES = 10.0
# The choices the search page offers, as they go in the URL.
RADIUS_CHOICES = ["1", "3", "5", "10", "15", "25", "50"]
# The one widening ladder: when little is found near a place, the radii to look within, nearest first. The
# search page offers the nearest that finds more (and shows the nearest of those as "further away"); a pathway
# plan climbs it, no further than a person might travel for a course.
RADIUS_LADDER = (3.0, 10.0, 25.0, 50.0, float(MAX_RADIUS_MILES))


def wider_radii(radius: float, *, up_to: float = MAX_RADIUS_MILES) -> list[float]:
    """The ladder's rungs beyond this radius, nearest first."""
    return [miles for miles in RADIUS_LADDER if radius < miles <= up_to]
# "Starting in the next N weeks" and "closing in the next N days": the page's choices and the facets' counts.
STARTS_WITHIN_WEEKS = (4, 12, 26)
CLOSING_WITHIN_DAYS = (7, 14, 30)


@dataclass(frozen=True)
class Location:
    outcode: str
    latitude: float
    longitude: float
    local_authority: str  # ONS code, or "" outside the region
    # As the resident typed it, normalised ("LS6 1AN" or "LS6"): it goes back into the URL, never into a
    # SearchRecord (that keeps the outcode at most).
    postcode: str = ""
    precise: bool = False  # the full postcode's own point; False: the district's centroid

    @classmethod
    def from_place(cls, text: str) -> "Location":
        """A postcode or outcode as typed; PostcodeError (for the resident) if we cannot place it."""
        return _located(text)

    def district_only(self) -> "Location":
        """The district's part of the place, for a link that may be shared: the outcode, not the street."""
        return dataclasses.replace(self, postcode="")


# Postcodes are reference data, changed only by a migration (and a release restarts the processes): each place
# typed is looked up once per process, not on every search (a query of about a millisecond). Errors are not kept.
@lru_cache(maxsize=8192)
def _located(text: str) -> Location:
    place = locate(text)
    authority = place.local_authority.code if place.local_authority else ""
    return Location(place.district.outcode, place.latitude, place.longitude, authority, postcode=place.postcode, precise=place.precise)


@dataclass(frozen=True)
class SearchParams:
    q: str = ""
    kind: tuple[str, ...] = ()
    tier: tuple[str, ...] = ()
    skill: tuple[str, ...] = ()
    level: tuple[str, ...] = ()
    mode: tuple[str, ...] = ()
    authority: tuple[str, ...] = ()
    free: bool = False
    provider: str = ""
    employer: str = ""
    starts_within: int | None = None  # weeks
    closing_within: int | None = None  # days
    sponsored: bool = False
    campaign: str = ""
    disability_confident: bool = False
    career_changers: bool = False  # welcomes career changers and returners
    help: tuple[str, ...] = ()  # HELP_TO_START keys; every one must be offered
    near: Location | None = None
    radius: float = DEFAULT_RADIUS_MILES
    in_person: bool = False  # leave out online and remote items from a location search
    prefer_tier: str = ""
    sort: str = "relevance"
    page: int = 1
    page_size: int = 20
    # Reading the words (search/understanding.py): readings the resident removed, or none at all.
    ignore: tuple[str, ...] = ()
    as_typed: bool = False
    # Set only by what was understood from the words, never from the URL.
    online: bool = False
    degree: bool = False
    prefer_kind: tuple[str, ...] = ()
    prefer_type: tuple[str, ...] = ()
    prefer_skill: tuple[str, ...] = ()  # skill area codes ranked first
    prefer_words: tuple[str, ...] = ()
    prefer_schedule: tuple[str, ...] = ()  # "evening", "weekend": when it runs, as providers write it
    prefer_career_changers: bool = False  # "career change", "back to work": what welcomes them first
    # Set by the search service from what the index knows of the words (search.service), never from the URL:
    related_skills: tuple[str, ...] = ()  # skill areas the best matches share
    best_score: float = 0.0  # the best match's score for the words alone
    misspelt: tuple[str, ...] | None = None  # words our vocabulary lacks, the only ones forgiven; None: all
    extra: dict = field(default_factory=dict, compare=False)

    def with_changes(self, **changes) -> "SearchParams":
        return SearchParams(**{**self.__dict__, **changes})

    @classmethod
    def from_query(cls, data) -> tuple["SearchParams | None", dict[str, list[str]]]:
        """A search from its URL state (a QueryDict or dict): (params, {}) or (None, {field: [messages]})."""
        return parse(data)

    def to_query(self) -> str:
        """The URL state of this search, so every link (a page, a wider search, the API's `without`) can be
        bookmarked and shared. What was read from the words is not written: it is read again."""
        pairs = []
        for name in ("q", "tier", "skill", "kind", "level", "mode", "authority", "provider", "employer", "campaign", "prefer_tier", "ignore", "help"):
            value = getattr(self, name)
            pairs += [(name, item) for item in value] if isinstance(value, tuple) else ([(name, value)] if value else [])
        for name in ("free", "sponsored", "disability_confident", "career_changers", "in_person", "as_typed"):
            if getattr(self, name):
                pairs.append((name, "on"))
        for name in ("starts_within", "closing_within"):
            if getattr(self, name):
                pairs.append((name, getattr(self, name)))
        if self.near:
            # The postcode as typed, so a shared or bookmarked search keeps its precision.
            pairs += [("near", self.near.postcode or self.near.outcode), ("radius", f"{self.radius:g}")]
        elif self.radius != SearchParams.radius:
            pairs.append(("radius", f"{self.radius:g}"))  # for a place read from the words
        if self.sort != "relevance":
            pairs.append(("sort", self.sort))
        if self.page > 1:
            pairs.append(("page", self.page))
        return urlencode(pairs)


class MultipleValues(forms.MultipleChoiceField):
    """Repeated parameters (tier=general&tier=advanced) or one comma-separated value (tier=general,advanced)."""

    def to_python(self, value):
        values = super().to_python([value] if isinstance(value, str) else value)
        return [part.strip() for item in values for part in item.split(",") if part.strip()]


class Switch(forms.BooleanField):
    """A ticked box ("on"), or true or false; any other value is a mistake to point out, not a yes."""

    TRUE, FALSE = ("on", "true", "1"), ("", "false", "0")
    widget = forms.TextInput  # the value as sent: a checkbox widget reads any value but "false" as a yes

    def to_python(self, value):
        if value in (None, False, *self.FALSE):
            return False
        if value is True or value in self.TRUE:
            return True
        raise forms.ValidationError("Use true or false")


def _choice_values(values):
    return [(value, value) for value in values]


class SearchForm(forms.Form):
    q = forms.CharField(required=False, max_length=10_000, strip=True)
    kind = MultipleValues(required=False, choices=_choice_values(KINDS))
    tier = MultipleValues(required=False, choices=_choice_values(TIERS))
    skill = MultipleValues(required=False)
    level = MultipleValues(required=False, choices=_choice_values(LEVELS))
    mode = MultipleValues(required=False, choices=_choice_values(MODES))
    authority = MultipleValues(required=False)
    free = Switch(required=False)
    provider = forms.SlugField(required=False, max_length=220)
    employer = forms.SlugField(required=False, max_length=220)
    starts_within = forms.IntegerField(required=False, min_value=1, max_value=104)
    closing_within = forms.IntegerField(required=False, min_value=1, max_value=365)
    sponsored = Switch(required=False)
    campaign = forms.SlugField(required=False, max_length=220)
    disability_confident = Switch(required=False)
    career_changers = Switch(required=False)
    help = MultipleValues(required=False, choices=_choice_values(HELP_TO_START))
    near = forms.CharField(required=False, max_length=20)
    radius = forms.FloatField(required=False, min_value=0.5, max_value=MAX_RADIUS_MILES)
    in_person = Switch(required=False)
    prefer_tier = forms.ChoiceField(required=False, choices=[("", "")] + _choice_values(TIERS))
    sort = forms.ChoiceField(required=False, choices=_choice_values(SORTS))
    page = forms.IntegerField(required=False, min_value=1)
    page_size = forms.IntegerField(required=False, min_value=1, max_value=MAX_PAGE_SIZE)
    ignore = MultipleValues(required=False, choices=_choice_values(READING_KEYS))
    as_typed = Switch(required=False)

    def clean_q(self):
        # Long pastes are cut, not refused: the first words carry the meaning.
        return " ".join(self.cleaned_data["q"].split())[:MAX_QUERY_LENGTH]

    def clean_near(self):
        text = self.cleaned_data["near"]
        if not text:
            return None
        try:
            return Location.from_place(text)
        except PostcodeError as error:
            raise forms.ValidationError(str(error)) from None

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("sort") == "distance" and not cleaned.get("near") and "near" not in self.errors:
            self.add_error("sort", "Enter a postcode to sort by distance")
        page, size = cleaned.get("page") or 1, cleaned.get("page_size") or 20
        if page * size > MAX_RESULT_WINDOW:
            self.add_error("page", f"We show the first {MAX_RESULT_WINDOW} results only: add a filter or words to narrow the search")
        return cleaned

    def params(self) -> SearchParams:
        data = self.cleaned_data
        return SearchParams(
            q=data["q"],
            kind=tuple(data["kind"]),
            tier=tuple(data["tier"]),
            skill=tuple(data["skill"]),
            level=tuple(data["level"]),
            mode=tuple(data["mode"]),
            authority=tuple(data["authority"]),
            free=data["free"],
            provider=data["provider"],
            employer=data["employer"],
            starts_within=data["starts_within"],
            closing_within=data["closing_within"],
            sponsored=data["sponsored"],
            campaign=data["campaign"],
            disability_confident=data["disability_confident"],
            career_changers=data["career_changers"],
            help=tuple(data["help"]),
            near=data["near"],
            radius=data["radius"] or DEFAULT_RADIUS_MILES,
            in_person=data["in_person"],
            prefer_tier=data["prefer_tier"],
            sort=data["sort"] or ("distance" if data["near"] and not data["q"] else "relevance"),
            page=data["page"] or 1,
            page_size=data["page_size"] or 20,
            ignore=tuple(data["ignore"]),
            as_typed=data["as_typed"],
        )

    def problems(self) -> dict[str, list[str]]:
        return {name: list(errors) for name, errors in self.errors.items()}


@lru_cache(maxsize=1)
def known_codes() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Skill area and local authority codes: stable by design (editors change labels, not codes)."""
    from pathways.models import SkillArea
    from places.models import LocalAuthority

    return tuple(SkillArea.objects.values_list("code", flat=True)), tuple(LocalAuthority.objects.values_list("code", flat=True))


class _SharedFields(dict):
    """Form fields every form of a class shares instead of deep-copying them."""

    def __deepcopy__(self, memo):
        return self


@lru_cache(maxsize=4)
def search_form(skill_codes: tuple[str, ...], authority_codes: tuple[str, ...]) -> type[SearchForm]:
    """SearchForm knowing the codes in use, its fields made once. The form only checks a URL's parameters: it is
    never rendered and changes no field, so Django's deep copy of its 27 fields for each form (about 1 ms of every
    search) bought nothing."""
    form_class = type("KnownCodesSearchForm", (SearchForm,), {})
    fields = copy.deepcopy(SearchForm.base_fields)
    fields["skill"].choices = _choice_values(skill_codes)
    fields["authority"].choices = _choice_values(authority_codes)
    form_class.base_fields = _SharedFields(fields)
    return form_class


def parse(data) -> tuple[SearchParams | None, dict[str, list[str]]]:
    """Validate request parameters: (params, {}) or (None, {field: [messages]})."""
    form = search_form(*known_codes())(data)
    if not form.is_valid():
        return None, form.problems()
    return form.params(), {}
