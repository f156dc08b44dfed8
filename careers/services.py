"""Changes employers' members make through the portal. Each checks membership; publishing rules live in
publishing.services."""

from django.db import transaction

from accounts.models import Organisation
from accounts.services import profile_website_hold
from publishing import services as publishing

from .models import ApprenticeshipVacancy, Employer, SponsoredOpportunity


def employer_profile_new(*, organisation: Organisation) -> Employer:
    return Employer(organisation=organisation, website=organisation.website)


@transaction.atomic
def employer_profile_save(*, employer: Employer, by) -> Employer:
    """Save the profile; a new website waits for a moderator (accounts.services.profile_website_hold)."""
    publishing.require_member(organisation=employer.organisation, user=by)
    profile_website_hold(profile=employer)
    employer.save()
    return employer


def _save_posting(item, *, by, skill_areas):
    publishing.require_member(organisation=item.owner_organisation, user=by)
    if not item.slug:
        item.slug = publishing.unique_slug(type(item), item.title)
    item.save()
    item.skill_areas.set(skill_areas)
    return publishing.item_edited(item=item, by=by)


@transaction.atomic
def vacancy_save(*, vacancy: ApprenticeshipVacancy, by, skill_areas) -> ApprenticeshipVacancy:
    """Save a validated vacancy; a public one must still pass the checks (see publishing.item_edited)."""
    return _save_posting(vacancy, by=by, skill_areas=skill_areas)


@transaction.atomic
def vacancy_duplicate(*, vacancy: ApprenticeshipVacancy, by) -> ApprenticeshipVacancy:
    return publishing.item_copy(
        item=vacancy,
        by=by,
        many_to_many=("skill_areas",),
        reference=publishing.copy_reference(ApprenticeshipVacancy, vacancy.reference, employer=vacancy.employer),
    )


@transaction.atomic
def opportunity_save(*, opportunity: SponsoredOpportunity, by, skill_areas) -> SponsoredOpportunity:
    return _save_posting(opportunity, by=by, skill_areas=skill_areas)


@transaction.atomic
def opportunity_duplicate(*, opportunity: SponsoredOpportunity, by) -> SponsoredOpportunity:
    return publishing.item_copy(
        item=opportunity,
        by=by,
        many_to_many=("skill_areas",),
        reference=publishing.copy_reference(SponsoredOpportunity, opportunity.reference, sponsor=opportunity.sponsor),
    )
