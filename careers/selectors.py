"""Reads for the careers campaign pages: the opportunities a page may show to residents."""

import datetime
from dataclasses import dataclass

from django.db.models.functions import Coalesce

from courses.models import Programme

from .models.records import ApprenticeshipVacancy, SponsoredOpportunity

# The kinds residents filter by; the search page's `kind` parameter takes the same codes.
PROGRAMME = "programme"
APPRENTICESHIP = "apprenticeship"
SPONSORED = "sponsored"
KIND_CHOICES = [
    (PROGRAMME, "Courses and help to get online"),
    (APPRENTICESHIP, "Apprenticeships"),
    (SPONSORED, "Sponsored opportunities"),
]


@dataclass(frozen=True)
class OpportunityCard:
    """What a campaign page shows of one opportunity, whatever its kind."""

    kind: str
    kind_label: str
    title: str
    summary: str
    url: str
    organisation_name: str
    where: str
    closing_date: datetime.date | None
    newest_at: datetime.datetime

    @property
    def is_sponsored(self) -> bool:
        return self.kind == SPONSORED


def featured_opportunities(
    *,
    tier: str | None = None,
    skill_area: str | None = None,
    kind: str | None = None,
    local_authority: str | None = None,
    limit: int = 6,
) -> list[OpportunityCard]:
    """Open opportunities from verified organisations, newest first, at most `limit` of them.

    Filters are codes: a tier code ("advanced"), a skill area code ("ADV-DATA"), a kind (PROGRAMME,
    APPRENTICESHIP or SPONSORED) and an ONS local authority code ("E08000035"). A local authority matches
    where the opportunity happens, so online programmes and remote opportunities match none.

    This reads the database directly for now; the search issue swaps the body for the public search query
    function, keeping this signature and the OpportunityCard it returns.
    """
    if limit < 1:
        return []
    cards = []
    if kind in (None, "", PROGRAMME):
        cards += _programme_cards(_filtered(_open_programmes(), tier, skill_area, local_authority, "venues__"), limit)
    if kind in (None, "", APPRENTICESHIP):
        vacancies = ApprenticeshipVacancy.objects.public()
        cards += _vacancy_cards(_filtered(vacancies, tier, skill_area, local_authority, ""), limit)
    if kind in (None, "", SPONSORED):
        opportunities = SponsoredOpportunity.objects.public()
        cards += _sponsored_cards(_filtered(opportunities, tier, skill_area, local_authority, ""), limit)
    return sorted(cards, key=lambda card: card.newest_at, reverse=True)[:limit]


def open_programmes(*, programme_ids: list[int]) -> list[Programme]:
    """The open programmes among these, from verified providers, in the order given."""
    found = _open_programmes().filter(pk__in=programme_ids).select_related("provider__organisation", "tier")
    by_id = {programme.pk: programme for programme in found}
    return [by_id[pk] for pk in programme_ids if pk in by_id]


def _open_programmes():
    return Programme.objects.public()


def _filtered(queryset, tier, skill_area, local_authority, location_prefix):
    if tier:
        queryset = queryset.filter(tier__code=tier)
    if skill_area:
        queryset = queryset.filter(skill_areas__code=skill_area)
    if local_authority:
        queryset = queryset.filter(**{f"{location_prefix}local_authority__code": local_authority})
    # Many-to-many filters can repeat a row; the annotation is selected, so DISTINCT may order by it.
    return queryset.annotate(newest_at=Coalesce("published_at", "created_at")).order_by("-newest_at", "-pk").distinct()


def _programme_cards(queryset, limit):
    programmes = queryset.select_related("provider__organisation").prefetch_related("venues")[:limit]
    return [
        OpportunityCard(
            kind=PROGRAMME,
            kind_label=programme.get_kind_display(),
            title=programme.title,
            summary=programme.summary,
            url=programme.get_absolute_url(),
            organisation_name=programme.provider.name,
            where=_programme_where(programme),
            closing_date=None,
            newest_at=programme.newest_at,
        )
        for programme in programmes
    ]


def _programme_where(programme) -> str:
    if programme.delivery_mode == Programme.DeliveryMode.ONLINE:
        return "Online"
    towns = sorted({venue.town or venue.postcode for venue in programme.venues.all()})
    return ", ".join(towns)


def _vacancy_cards(queryset, limit):
    vacancies = queryset.select_related("employer__organisation", "standard")[:limit]
    return [
        OpportunityCard(
            kind=APPRENTICESHIP,
            kind_label=f"Apprenticeship, level {vacancy.standard.level}",
            title=vacancy.title,
            summary=vacancy.summary,
            url=vacancy.get_absolute_url(),
            organisation_name=vacancy.employer.name,
            where=vacancy.town or vacancy.postcode,
            closing_date=vacancy.closing_date,
            newest_at=vacancy.newest_at,
        )
        for vacancy in vacancies
    ]


def _sponsored_cards(queryset, limit):
    opportunities = queryset.select_related("sponsor__organisation")[:limit]
    return [
        OpportunityCard(
            kind=SPONSORED,
            kind_label=opportunity.get_kind_display(),
            title=opportunity.title,
            summary=opportunity.summary,
            url=opportunity.get_absolute_url(),
            organisation_name=opportunity.sponsor.name,
            where="Remote" if opportunity.is_remote else (opportunity.town or opportunity.postcode),
            closing_date=opportunity.closing_date,
            newest_at=opportunity.newest_at,
        )
        for opportunity in opportunities
    ]
