"""What is indexed, and how each record becomes a search document.

One Source per indexed model: get_queryset() holds only what residents may see (published, open, of a
verified organisation), and document() prepares one record. The sync pipeline and the rebuild both use
these, so there is one definition of "searchable".
"""

import re
from dataclasses import dataclass
from functools import lru_cache
from html import unescape
from typing import Callable

from django.db.models import Prefetch, Q, QuerySet
from django.urls import reverse
from django.utils import timezone

from careers.models import ApprenticeshipVacancy, SponsoredOpportunity
from courses.models import Programme, ProgrammeRun

from .documents import CAMPAIGN_INDEX, OPPORTUNITY_INDEX


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


def _schedule(programme: Programme) -> str:
    parts = [run.note for run in programme.future_run_list] + [programme.duration]
    if programme.hours_per_week:
        parts.append(f"{programme.hours_per_week:g} hours a week")
    return " ".join(part for part in parts if part)


def _help_to_start(programme: Programme, venues: list) -> list[str]:
    """What makes a first step possible (search.params.HELP_TO_START), as residents filter by it."""
    in_person = programme.delivery_mode != Programme.DeliveryMode.ONLINE
    # Step-free when the provider says so for the programme, or every venue it uses is step-free.
    step_free = in_person and (programme.step_free_access or (bool(venues) and all(venue.step_free_access for venue in venues)))
    offered = {
        "device_loan": programme.free_device_loan,
        "free_data": programme.free_data,
        "other_languages": bool(programme.other_languages.strip()),
        "step_free": step_free,
        "drop_in": programme.drop_in,
    }
    return [key for key, given in offered.items() if given]


def _towns(located) -> list[str]:
    """Where it happens, in words: the town, or the postcode when no town was given."""
    town = located.town or located.postcode
    return [town] if town else []


def _point(located) -> dict | None:
    if located.latitude is None:
        return None
    return {"lat": located.latitude, "lon": located.longitude}


@dataclass(frozen=True)
class Source:
    label: str  # "app_label.modelname", as the outbox records it
    index: str
    kind: str
    get_queryset: Callable[[], QuerySet]
    document: Callable[[object], dict]

    def doc_id(self, pk) -> str:
        return f"{self.kind}-{pk}"


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
            Prefetch("runs", queryset=ProgrammeRun.objects.filter(starts_on__gte=today).order_by("starts_on"), to_attr="future_run_list"),
        )
    )


def programme_document(programme: Programme) -> dict:
    venues = list(programme.venues.all())
    starts = [run.starts_on for run in programme.future_run_list]
    areas = list(programme.skill_areas.all())
    return {
        "kind": "programme",
        "title": programme.title,
        "spelling": _spelling(programme.title, *(area.title for area in areas)),
        "summary": programme.summary,
        "body": _text(programme.description),
        "organisation_name": programme.provider.name,
        "provider": programme.provider.slug,
        "type_label": programme.get_kind_display(),
        "towns": sorted({venue.town or venue.postcode for venue in venues}),
        "skill_areas": [area.code for area in areas],
        "skill_area_titles": " ".join(area.title for area in areas),
        "tier": programme.tier.code,
        "level": programme.level,
        "delivery_mode": programme.delivery_mode,
        "online": programme.delivery_mode == Programme.DeliveryMode.ONLINE,
        "free": programme.cost in {Programme.Cost.FREE, Programme.Cost.FUNDED},
        "cost": programme.cost,
        "cost_amount": float(programme.cost_amount) if programme.cost_amount is not None else None,
        "funding": programme.funding_eligibility,
        "local_authorities": sorted({venue.local_authority.code for venue in venues if venue.local_authority}),
        "districts": sorted({venue.postcode.split(" ")[0] for venue in venues if venue.postcode}),
        "locations": [point for point in map(_point, venues) if point],
        "start_dates": starts,
        "next_start": starts[0] if starts else None,
        "starts_any_time": programme.starts_any_time,
        "schedule": _schedule(programme),
        "sponsored": programme.sponsor_campaign_id is not None,
        "welcomes_career_changers": programme.welcomes_career_changers,
        "sponsor_campaign": programme.sponsor_campaign.slug if programme.sponsor_campaign else None,
        "inclusion_support": programme.kind == Programme.Kind.INCLUSION_SUPPORT,
        "help_to_start": _help_to_start(programme, venues),
        "other_languages": programme.other_languages.strip(),
        "published_at": programme.published_at,
        "updated_at": programme.updated_at,
        "url": _url("courses:programme", programme.slug),
    }


# Apprenticeship vacancies ------------------------------------------------------------------------


def vacancy_queryset() -> QuerySet:
    return (
        ApprenticeshipVacancy.objects.public()
        .select_related("employer__organisation", "standard", "tier", "local_authority", "sponsor_campaign", "training_provider__provider")
        .prefetch_related("skill_areas")
    )


def vacancy_document(vacancy: ApprenticeshipVacancy) -> dict:
    areas = list(vacancy.skill_areas.all())
    return {
        "kind": "apprenticeship",
        "title": vacancy.title,
        "spelling": _spelling(vacancy.title, vacancy.standard.title, *(area.title for area in areas)),
        "summary": vacancy.summary,
        "body": " ".join(filter(None, [_text(vacancy.description), vacancy.standard.title])),
        "organisation_name": vacancy.employer.name,
        "employer": vacancy.employer.slug,
        "towns": _towns(vacancy),
        "provider": vacancy.training_provider.slug if vacancy.training_provider else None,  # the organisation's slug
        "skill_areas": [area.code for area in areas],
        "skill_area_titles": " ".join(area.title for area in areas),
        "tier": vacancy.tier.code,
        "level": str(vacancy.standard.level),
        "delivery_mode": "in_person",
        "online": False,
        "free": True,  # apprentices are paid; training costs them nothing
        "cost": "free",
        "local_authorities": [vacancy.local_authority.code] if vacancy.local_authority else [],
        "districts": [vacancy.postcode.split(" ")[0]] if vacancy.postcode else [],
        "locations": [point for point in [_point(vacancy)] if point],
        "start_dates": [vacancy.start_date],
        "next_start": vacancy.start_date,
        "closing_date": vacancy.closing_date,
        "weekly_wage": float(vacancy.weekly_wage),
        "standard_level": vacancy.standard.level,
        "standard_title": vacancy.standard.title,
        "degree": vacancy.standard.is_degree,
        "sponsored": vacancy.sponsor_campaign_id is not None,
        "welcomes_career_changers": False,  # apprenticeships have no such flag (they have no upper age limit)
        "sponsor_campaign": vacancy.sponsor_campaign.slug if vacancy.sponsor_campaign else None,
        "disability_confident": vacancy.employer.disability_confident,
        "published_at": vacancy.published_at,
        "updated_at": vacancy.updated_at,
        "url": _url("careers:apprenticeship", vacancy.slug),
    }


# Sponsored opportunities -------------------------------------------------------------------------


def sponsored_queryset() -> QuerySet:
    return (
        SponsoredOpportunity.objects.public()
        .select_related("sponsor__organisation", "tier", "local_authority", "sponsor_campaign")
        .prefetch_related("skill_areas")
    )


def sponsored_document(opportunity: SponsoredOpportunity) -> dict:
    areas = list(opportunity.skill_areas.all())
    return {
        "kind": "sponsored",
        "title": opportunity.title,
        "spelling": _spelling(opportunity.title, *(area.title for area in areas)),
        "summary": opportunity.summary,
        "body": " ".join(filter(None, [_text(opportunity.description), opportunity.get_kind_display(), opportunity.pay])),
        "organisation_name": opportunity.sponsor.name,
        "employer": opportunity.sponsor.slug,
        "type_label": opportunity.get_kind_display(),
        "towns": _towns(opportunity),
        "skill_areas": [area.code for area in areas],
        "skill_area_titles": " ".join(area.title for area in areas),
        "tier": opportunity.tier.code,
        "delivery_mode": "online" if opportunity.is_remote else "in_person",
        "online": opportunity.is_remote,
        "free": True,
        "cost": "free",
        "local_authorities": [opportunity.local_authority.code] if opportunity.local_authority else [],
        "districts": [opportunity.postcode.split(" ")[0]] if opportunity.postcode else [],
        "locations": [point for point in [_point(opportunity)] if point],
        "start_dates": [opportunity.starts_on] if opportunity.starts_on else [],
        "next_start": opportunity.starts_on,
        "closing_date": opportunity.closing_date,
        "opportunity_type": opportunity.kind,
        "sponsored": True,
        "welcomes_career_changers": opportunity.is_for_career_changers,
        "sponsor_campaign": opportunity.sponsor_campaign.slug if opportunity.sponsor_campaign else None,
        "disability_confident": opportunity.sponsor.disability_confident,
        "published_at": opportunity.published_at,
        "updated_at": opportunity.updated_at,
        "url": _url("careers:opportunity", opportunity.slug),
    }


# Campaign pages ----------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def campaign_kinds() -> dict:
    """Each campaign page type and its kind in the index. Read when first needed: careers' page models are still
    loading when this module is (their featured-opportunities block uses the public search function)."""
    from careers.models import CampaignPage, CareerProfilePage, EventPage, StoryPage

    return {CampaignPage: "campaign", CareerProfilePage: "career_profile", StoryPage: "story", EventPage: "event"}


def campaign_queryset() -> QuerySet:
    from wagtail.models import Page

    # An event that has ended is no use to anyone searching: it leaves search (its page stays, saying so).
    return (
        Page.objects.live()
        .public()
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
    Source(PROGRAMME, OPPORTUNITY_INDEX, "programme", programme_queryset, programme_document),
    Source(VACANCY, OPPORTUNITY_INDEX, "apprenticeship", vacancy_queryset, vacancy_document),
    Source(SPONSORED, OPPORTUNITY_INDEX, "sponsored", sponsored_queryset, sponsored_document),
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
