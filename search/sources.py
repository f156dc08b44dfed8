"""What is indexed, and how each record becomes a search document.

One Source per indexed model: get_queryset() holds only what residents may see (published, open, of a
verified organisation), document() prepares one record the queryset read, and read_all() every record of it in
bulk (the rebuild). The sync pipeline and the rebuild both use these, and both paths hand the same rows to one
builder per source, so there is one definition of "searchable" and of each document.
"""

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from html import unescape
from itertools import islice

from django.db.models import F, Prefetch, Q, QuerySet
from django.urls import reverse
from django.utils import timezone, translation

from careers.models import ApprenticeshipVacancy, SponsoredOpportunity
from courses.models import Programme, ProgrammeRun
from pathways.models import SkillArea

from .documents import CAMPAIGN_INDEX, OPPORTUNITY_INDEX, facet_values


_TAG = re.compile(r"<[^>]*>")


def _text(html: str) -> str:
    """Words of stored rich text for indexing. It was cleaned on the way in (publishing.rich_text), so a
    tag-stripping pattern is enough here and much faster than an HTML parser over 100,000 records."""
    return " ".join(unescape(_TAG.sub(" ", html or "")).split())


@lru_cache(maxsize=None)
def _url_pattern(name: str) -> str:
    """reverse() once per URL name; documents fill in the slug (rebuilds make 100,000 of them)."""
    return reverse(name, kwargs={"slug": "SLUG"})


def _url(name: str, slug: str) -> str:
    return _url_pattern(name).replace("SLUG", slug)


def _spelling(*texts: str) -> str:
    """Words residents may misspell and that we can offer back: titles, skill areas, standards."""
    return " ".join(text for text in texts if text)


def _towns(located: dict) -> list[str]:
    """Where it happens, in words: the town, or the postcode when no town was given."""
    town = located["town"] or located["postcode"]
    return [town] if town else []


def _point(located: dict) -> dict | None:
    if located["latitude"] is None:
        return None
    return {"lat": located["latitude"], "lon": located["longitude"]}


def _district(located: dict) -> list[str]:
    return [located["postcode"].split(" ")[0]] if located["postcode"] else []


@lru_cache(maxsize=None)
def _labels(choices) -> dict[str, str]:
    # Documents are written in English (settings.LANGUAGE_CODE), whatever language the request that saved them used.
    with translation.override(None):
        return {value: str(label) for value, label in choices.choices}


def _label(choices, value: str) -> str:
    """What get_FOO_display() gives, for a value read without its model."""
    return _labels(choices).get(value, value)


@dataclass(frozen=True)
class Source:
    label: str  # "app_label.modelname", as the outbox records it
    index: str
    kind: str
    get_queryset: Callable[[], QuerySet]
    document: Callable[[object], dict]
    # Every document of a queryset annotated with index_version, a chunk at a time (the rebuild); without it, one
    # instance at a time through document().
    read_all: Callable[[QuerySet, int], Iterator["Loaded"]] | None = None

    def doc_id(self, pk) -> str:
        return f"{self.kind}-{pk}"

    def documents(self, queryset: QuerySet, *, chunk_size: int) -> Iterator["Loaded"]:
        if self.read_all is not None:
            return self.read_all(queryset, chunk_size)
        return ((obj.pk, obj.index_version, self.document(obj)) for obj in queryset.iterator(chunk_size=chunk_size))


# Reading records ---------------------------------------------------------------------------------
#
# A document is built from plain rows: the record's columns (following foreign keys, "provider__organisation__name")
# and lists of related rows (venues, skill areas). The sync reads them off model instances its queryset prefetched;
# the rebuild reads them with values() for a chunk of records at once, a fixed number of queries a chunk and no model
# instances, which is most of a rebuild's time otherwise. Both hand the same rows to the same builder.

Loaded = tuple[int, int | None, dict]  # primary key, IndexVersion (None if never changed), document


def _follow(obj, path: str):
    for name in path.split("__"):
        if obj is None:
            return None
        obj = getattr(obj, name)
    return obj


def _row(obj, columns: dict[str, str]) -> dict:
    return {key: _follow(obj, path) for key, path in columns.items()}


def _values(queryset: QuerySet, columns: dict[str, str], *extra: str) -> QuerySet:
    own = [key for key, path in columns.items() if key == path]
    joined = {key: F(path) for key, path in columns.items() if key != path}
    return queryset.values(*extra, *own, **joined)


@dataclass(frozen=True)
class Related:
    """A list each document reads (a programme's venues, say): how the sync reads it off a prefetched instance,
    and the rows of a chunk of records at once, in the order the document lists them."""

    columns: dict[str, str]
    of_instance: Callable[[object], object]  # the record's prefetched related objects
    # Rows of the records whose pk lies from the first to the last of a chunk, with that pk as "owner". A range, not
    # a list of 2,000 pks: cheaper to send, and the few rows of records in between that are not searchable are dropped.
    rows: Callable[[int, int], QuerySet]
    through: str = ""  # the rows are of a many-to-many table: the columns are read through this field of it


def _bulk_reader(columns: dict[str, str], related: dict[str, Related], build: Callable[..., dict]):
    """A Source.read_all: every record of an (index_version-annotated) queryset, streamed and built in chunks."""

    def read_all(queryset: QuerySet, chunk_size: int) -> Iterator[Loaded]:
        rows = _values(queryset.select_related(None).prefetch_related(None).order_by("pk"), columns, "pk", "index_version")
        rows = rows.iterator(chunk_size=chunk_size)
        while chunk := list(islice(rows, chunk_size)):
            lists = {}
            for name, relation in related.items():
                lists[name] = grouped = {}
                read = {key: f"{relation.through}__{path}" if relation.through else path for key, path in relation.columns.items()}
                for item in _values(relation.rows(chunk[0]["pk"], chunk[-1]["pk"]), read, "owner"):
                    grouped.setdefault(item.pop("owner"), []).append(item)
            for row in chunk:
                yield row["pk"], row["index_version"], build(row, **{name: lists[name].get(row["pk"], []) for name in related})

    return read_all


def _instance_reader(columns: dict[str, str], related: dict[str, Related], build: Callable[..., dict]):
    """A Source.document: the same builder over one instance its source's queryset read."""

    def document(obj) -> dict:
        lists = {name: [_row(item, relation.columns) for item in relation.of_instance(obj)] for name, relation in related.items()}
        return build(_row(obj, columns), **lists)

    return document


def _with_facet_values(build: Callable[..., dict]) -> Callable[..., dict]:
    """An opportunity's builder, with the facet_values the facet counts read added to its document."""

    def built(*args, **kwargs) -> dict:
        document = build(*args, **kwargs)
        document["facet_values"] = facet_values(document)
        return document

    return built


def _columns(*own: str, **joined: str) -> dict[str, str]:
    return {**{name: name for name in own}, **joined}


SKILL_AREA_COLUMNS = _columns("code", "title")
SKILL_AREA_ORDER = [f"skillarea__{name}" for name in SkillArea._meta.ordering]


def _skill_areas(through) -> Related:
    owner = next(f.attname for f in through._meta.fields if f.attname.endswith("_id") and f.attname != "skillarea_id")
    return Related(
        columns=SKILL_AREA_COLUMNS,
        of_instance=lambda obj: obj.skill_areas.all(),
        rows=lambda first, last: through.objects.filter(**{f"{owner}__gte": first, f"{owner}__lte": last}).annotate(owner=F(owner)).order_by(*SKILL_AREA_ORDER),
        through="skillarea",
    )


# Programmes --------------------------------------------------------------------------------------


def programme_queryset() -> QuerySet:
    today = timezone.localdate()
    # A programme whose last start date has gone by can no longer be joined: not searchable.
    startable = Programme.objects.filter(Q(starts_any_time=True) | Q(runs__starts_on__gte=today)).values("pk")
    return (
        Programme.objects.public()
        .filter(pk__in=startable)
        .select_related("provider__organisation", "tier", "sponsor_campaign")
        .prefetch_related(
            "skill_areas",
            "venues__local_authority",
            Prefetch("runs", queryset=_future_runs(today), to_attr="future_run_list"),
        )
    )


def _future_runs(today) -> QuerySet:
    return ProgrammeRun.objects.filter(starts_on__gte=today).order_by("starts_on", "pk")


PROGRAMME_COLUMNS = _columns(
    "title", "summary", "description", "kind", "level", "delivery_mode", "cost", "cost_amount", "funding_eligibility",
    "duration", "hours_per_week", "starts_any_time", "sponsor_campaign_id", "welcomes_career_changers", "free_device_loan",
    "free_data", "other_languages", "step_free_access", "drop_in", "published_at", "updated_at", "slug",
    provider_name="provider__organisation__name",
    provider_slug="provider__organisation__slug",
    tier_code="tier__code",
    sponsor_campaign_slug="sponsor_campaign__slug",
)
PROGRAMME_RELATED = {
    "venues": Related(
        columns=_columns("town", "postcode", "latitude", "longitude", "step_free_access", local_authority_code="local_authority__code"),
        of_instance=lambda programme: programme.venues.all(),
        rows=lambda first, last: Programme.venues.through.objects.filter(programme_id__gte=first, programme_id__lte=last)
        .annotate(owner=F("programme_id"))
        .order_by("venue__name", "venue_id"),
        through="venue",
    ),
    "areas": _skill_areas(Programme.skill_areas.through),
    "runs": Related(
        columns=_columns("note", "starts_on"),
        of_instance=lambda programme: programme.future_run_list,
        rows=lambda first, last: _future_runs(timezone.localdate()).filter(programme_id__gte=first, programme_id__lte=last).annotate(owner=F("programme_id")),
    ),
}

def _schedule(programme: dict, runs: list[dict]) -> str:
    parts = [run["note"] for run in runs] + [programme["duration"]]
    if programme["hours_per_week"]:
        parts.append(f"{programme['hours_per_week']:g} hours a week")
    return " ".join(part for part in parts if part)


def _help_to_start(programme: dict, venues: list[dict]) -> list[str]:
    """What makes a first step possible (search.params.HELP_TO_START), as residents filter by it."""
    in_person = programme["delivery_mode"] != Programme.DeliveryMode.ONLINE
    # Step-free when the provider says so for the programme, or every venue it uses is step-free.
    step_free = in_person and (programme["step_free_access"] or (bool(venues) and all(venue["step_free_access"] for venue in venues)))
    offered = {
        "device_loan": programme["free_device_loan"],
        "free_data": programme["free_data"],
        "other_languages": bool(programme["other_languages"].strip()),
        "step_free": step_free,
        "drop_in": programme["drop_in"],
    }
    return [key for key, given in offered.items() if given]


def build_programme(programme: dict, *, venues: list[dict], areas: list[dict], runs: list[dict]) -> dict:
    starts = [run["starts_on"] for run in runs]
    return {
        "kind": "programme",
        "title": programme["title"],
        "spelling": _spelling(programme["title"], *(area["title"] for area in areas)),
        "summary": programme["summary"],
        "body": _text(programme["description"]),
        "organisation_name": programme["provider_name"],
        "provider": programme["provider_slug"],
        "type_label": _label(Programme.Kind, programme["kind"]),
        "towns": sorted({venue["town"] or venue["postcode"] for venue in venues}),
        "skill_areas": [area["code"] for area in areas],
        "skill_area_titles": " ".join(area["title"] for area in areas),
        "tier": programme["tier_code"],
        "level": programme["level"],
        "delivery_mode": programme["delivery_mode"],
        "online": programme["delivery_mode"] == Programme.DeliveryMode.ONLINE,
        "free": programme["cost"] in {Programme.Cost.FREE, Programme.Cost.FUNDED},
        "cost": programme["cost"],
        "cost_amount": float(programme["cost_amount"]) if programme["cost_amount"] is not None else None,
        "funding": programme["funding_eligibility"],
        "local_authorities": sorted({venue["local_authority_code"] for venue in venues if venue["local_authority_code"]}),
        "districts": sorted({district for venue in venues for district in _district(venue)}),
        "locations": [point for point in map(_point, venues) if point],
        "start_dates": starts,
        "next_start": starts[0] if starts else None,
        "starts_any_time": programme["starts_any_time"],
        "schedule": _schedule(programme, runs),
        "sponsored": programme["sponsor_campaign_id"] is not None,
        "welcomes_career_changers": programme["welcomes_career_changers"],
        "sponsor_campaign": programme["sponsor_campaign_slug"],
        "inclusion_support": programme["kind"] == Programme.Kind.INCLUSION_SUPPORT,
        "help_to_start": _help_to_start(programme, venues),
        "other_languages": programme["other_languages"].strip(),
        "published_at": programme["published_at"],
        "updated_at": programme["updated_at"],
        "url": _url("courses:programme", programme["slug"]),
    }


programme_document = _instance_reader(PROGRAMME_COLUMNS, PROGRAMME_RELATED, _with_facet_values(build_programme))
read_programmes = _bulk_reader(PROGRAMME_COLUMNS, PROGRAMME_RELATED, _with_facet_values(build_programme))


# Apprenticeship vacancies ------------------------------------------------------------------------


def vacancy_queryset() -> QuerySet:
    return (
        ApprenticeshipVacancy.objects.public()
        .select_related("employer__organisation", "standard", "tier", "local_authority", "sponsor_campaign", "training_provider")
        .prefetch_related("skill_areas")
    )


LOCATED_COLUMNS = _columns("town", "postcode", "latitude", "longitude", local_authority_code="local_authority__code")
VACANCY_COLUMNS = _columns(
    "title", "summary", "description", "start_date", "closing_date", "weekly_wage", "sponsor_campaign_id", "published_at",
    "updated_at", "slug",
    **LOCATED_COLUMNS,
    employer_name="employer__organisation__name",
    employer_slug="employer__organisation__slug",
    disability_confident_level="employer__disability_confident",
    training_provider_slug="training_provider__slug",  # the organisation's slug
    standard_title="standard__title",
    standard_level_number="standard__level",
    standard_is_degree="standard__is_degree",
    tier_code="tier__code",
    sponsor_campaign_slug="sponsor_campaign__slug",
)
VACANCY_RELATED = {"areas": _skill_areas(ApprenticeshipVacancy.skill_areas.through)}


def _local_authorities(located: dict) -> list[str]:
    return [located["local_authority_code"]] if located["local_authority_code"] else []


def build_vacancy(vacancy: dict, *, areas: list[dict]) -> dict:
    return {
        "kind": "apprenticeship",
        "title": vacancy["title"],
        "spelling": _spelling(vacancy["title"], vacancy["standard_title"], *(area["title"] for area in areas)),
        "summary": vacancy["summary"],
        "body": " ".join(filter(None, [_text(vacancy["description"]), vacancy["standard_title"]])),
        "organisation_name": vacancy["employer_name"],
        "employer": vacancy["employer_slug"],
        "towns": _towns(vacancy),
        "provider": vacancy["training_provider_slug"],
        "skill_areas": [area["code"] for area in areas],
        "skill_area_titles": " ".join(area["title"] for area in areas),
        "tier": vacancy["tier_code"],
        "level": str(vacancy["standard_level_number"]),
        "delivery_mode": "in_person",
        "online": False,
        "free": True,  # apprentices are paid; training costs them nothing
        "cost": "free",
        "local_authorities": _local_authorities(vacancy),
        "districts": _district(vacancy),
        "locations": [point for point in [_point(vacancy)] if point],
        "start_dates": [vacancy["start_date"]],
        "next_start": vacancy["start_date"],
        "closing_date": vacancy["closing_date"],
        "weekly_wage": float(vacancy["weekly_wage"]),
        "standard_level": vacancy["standard_level_number"],
        "standard_title": vacancy["standard_title"],
        "degree": vacancy["standard_is_degree"],
        "sponsored": vacancy["sponsor_campaign_id"] is not None,
        "welcomes_career_changers": False,  # apprenticeships have no such flag (they have no upper age limit)
        "sponsor_campaign": vacancy["sponsor_campaign_slug"],
        "disability_confident": vacancy["disability_confident_level"],
        "published_at": vacancy["published_at"],
        "updated_at": vacancy["updated_at"],
        "url": _url("careers:apprenticeship", vacancy["slug"]),
    }


vacancy_document = _instance_reader(VACANCY_COLUMNS, VACANCY_RELATED, _with_facet_values(build_vacancy))
read_vacancies = _bulk_reader(VACANCY_COLUMNS, VACANCY_RELATED, _with_facet_values(build_vacancy))


# Sponsored opportunities -------------------------------------------------------------------------


def sponsored_queryset() -> QuerySet:
    return (
        SponsoredOpportunity.objects.public()
        .select_related("sponsor__organisation", "tier", "local_authority", "sponsor_campaign")
        .prefetch_related("skill_areas")
    )


SPONSORED_COLUMNS = _columns(
    "title", "summary", "description", "kind", "pay", "is_remote", "starts_on", "closing_date", "welcomes_career_changers",
    "published_at", "updated_at", "slug",
    **LOCATED_COLUMNS,
    sponsor_name="sponsor__organisation__name",
    sponsor_slug="sponsor__organisation__slug",
    disability_confident_level="sponsor__disability_confident",
    tier_code="tier__code",
    sponsor_campaign_slug="sponsor_campaign__slug",
)
SPONSORED_RELATED = {"areas": _skill_areas(SponsoredOpportunity.skill_areas.through)}


def build_sponsored(opportunity: dict, *, areas: list[dict]) -> dict:
    kind_label = _label(SponsoredOpportunity.Kind, opportunity["kind"])
    return {
        "kind": "sponsored",
        "title": opportunity["title"],
        "spelling": _spelling(opportunity["title"], *(area["title"] for area in areas)),
        "summary": opportunity["summary"],
        "body": " ".join(filter(None, [_text(opportunity["description"]), kind_label, opportunity["pay"]])),
        "organisation_name": opportunity["sponsor_name"],
        "employer": opportunity["sponsor_slug"],
        "type_label": kind_label,
        "towns": _towns(opportunity),
        "skill_areas": [area["code"] for area in areas],
        "skill_area_titles": " ".join(area["title"] for area in areas),
        "tier": opportunity["tier_code"],
        "delivery_mode": "online" if opportunity["is_remote"] else "in_person",
        "online": opportunity["is_remote"],
        "free": True,
        "cost": "free",
        "local_authorities": _local_authorities(opportunity),
        "districts": _district(opportunity),
        "locations": [point for point in [_point(opportunity)] if point],
        "start_dates": [opportunity["starts_on"]] if opportunity["starts_on"] else [],
        "next_start": opportunity["starts_on"],
        "closing_date": opportunity["closing_date"],
        "opportunity_type": opportunity["kind"],
        "sponsored": True,
        # SponsoredOpportunity.is_for_career_changers: a returner programme is for people coming back after a break.
        "welcomes_career_changers": opportunity["welcomes_career_changers"] or opportunity["kind"] == SponsoredOpportunity.Kind.RETURNER,
        "sponsor_campaign": opportunity["sponsor_campaign_slug"],
        "disability_confident": opportunity["disability_confident_level"],
        "published_at": opportunity["published_at"],
        "updated_at": opportunity["updated_at"],
        "url": _url("careers:opportunity", opportunity["slug"]),
    }


sponsored_document = _instance_reader(SPONSORED_COLUMNS, SPONSORED_RELATED, _with_facet_values(build_sponsored))
read_sponsored = _bulk_reader(SPONSORED_COLUMNS, SPONSORED_RELATED, _with_facet_values(build_sponsored))


# Campaign pages ----------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def campaign_kinds() -> dict:
    """Each campaign page type and its kind in the index. Read when first needed: careers' page models are still
    loading when this module is (their featured-opportunities block uses the public search function)."""
    from careers.models import CampaignPage, CareerProfilePage, EventPage, StoryPage

    return {CampaignPage: "campaign", CareerProfilePage: "career_profile", StoryPage: "story", EventPage: "event"}


def campaign_queryset() -> QuerySet:
    from wagtail.models import Locale, Page

    # An event that has ended is no use to anyone searching: it leaves search (its page stays, saying so).
    # Translations are served at their English page's address, so the English page alone is searched.
    return (
        Page.objects.live()
        .public()
        .filter(locale=Locale.get_default())
        .type(*campaign_kinds())
        .exclude(eventpage__ends_at__lt=timezone.now())
        .specific()
    )


def campaign_document(page) -> dict:
    """Any campaign page type: its title, summary and the searchable text of its declared search fields.

    StreamFields give their text through get_searchable_content(), so no block is rendered (and no
    featured-opportunities query runs) while indexing.
    """
    texts = []
    for search_field in getattr(page, "search_fields", []):
        name = getattr(search_field, "field_name", None)
        if not name or name == "title" or not hasattr(page, name):
            continue
        value = getattr(page, name)
        if not value or callable(value):
            continue
        model_field = page._meta.get_field(name) if name in {f.name for f in page._meta.get_fields()} else None
        if model_field is not None and hasattr(model_field, "get_searchable_content"):
            texts.extend(_text(str(part)) for part in model_field.get_searchable_content(value))
        else:
            texts.append(_text(str(value)))
    return {
        "kind": campaign_kinds().get(page.specific_class, "campaign"),
        "title": page.title,
        "summary": page.search_description or getattr(page, "summary", "") or _text(getattr(page, "introduction", "")),
        "body": " ".join(texts),
        "event_date": getattr(page, "starts_at", None),
        "event_ends": getattr(page, "ends_at", None),
        "published_at": page.last_published_at,
        "url": page.url,
    }


# The one registry of what is indexed: the outbox labels (signals), the documents and their ids (indexing,
# basic search, saved items, result clicks) all come from here.
PROGRAMME = "courses.programme"
VACANCY = "careers.apprenticeshipvacancy"
SPONSORED = "careers.sponsoredopportunity"
PAGE = "wagtailcore.page"
SOURCES = [
    Source(PROGRAMME, OPPORTUNITY_INDEX, "programme", programme_queryset, programme_document, read_programmes),
    Source(VACANCY, OPPORTUNITY_INDEX, "apprenticeship", vacancy_queryset, vacancy_document, read_vacancies),
    Source(SPONSORED, OPPORTUNITY_INDEX, "sponsored", sponsored_queryset, sponsored_document, read_sponsored),
    Source(PAGE, CAMPAIGN_INDEX, "page", campaign_queryset, campaign_document),
]
SOURCES_BY_LABEL = {source.label: source for source in SOURCES}
SOURCES_BY_KIND = {source.kind: source for source in SOURCES}


def parse_doc_id(doc_id: str) -> tuple[Source, int]:
    """The source and primary key behind a document id (Source.doc_id): "programme-42" → (programmes, 42).
    ValueError if it is not one of ours."""
    kind, _, pk = (doc_id or "").rpartition("-")
    if kind not in SOURCES_BY_KIND or not pk.isdigit():
        raise ValueError(f"Not a search document id: {doc_id!r}")
    return SOURCES_BY_KIND[kind], int(pk)


def sources_for(index: str) -> list[Source]:
    return [source for source in SOURCES if source.index == index]
