"""Changes providers' members make through the portal. Each checks membership; publishing rules live in
publishing.services."""

from django.core.exceptions import ValidationError
from django.db import transaction

from accounts.models import Organisation
from accounts.services import profile_website_hold
from publishing import services as publishing

from .models import Programme, ProgrammeRun, Provider, Venue


@transaction.atomic
def provider_profile_save(*, provider: Provider, by) -> Provider:
    """Save the profile; a new website waits for a moderator (accounts.services.profile_website_hold)."""
    publishing.require_member(organisation=provider.organisation, user=by)
    profile_website_hold(profile=provider)
    provider.save()
    return provider


def provider_profile_new(*, organisation: Organisation) -> Provider:
    return Provider(organisation=organisation, website=organisation.website)


@transaction.atomic
def venue_save(*, venue: Venue, by) -> Venue:
    publishing.require_member(organisation=venue.provider.organisation, user=by)
    venue.save()
    return venue


@transaction.atomic
def programme_save(*, programme: Programme, by, skill_areas, venues) -> Programme:
    """Save a validated programme; a public one must still pass the checks (see publishing.item_edited)."""
    publishing.require_member(organisation=programme.provider.organisation, user=by)
    if not programme.slug:
        programme.slug = publishing.unique_slug(Programme, programme.title)
    programme.save()
    programme.skill_areas.set(skill_areas)
    programme.venues.set(venues)
    return publishing.item_edited(item=programme, by=by)


@transaction.atomic
def programme_duplicate(*, programme: Programme, by) -> Programme:
    """A draft copy with its future runs, for the next intake or a similar course."""
    copy = publishing.item_copy(
        item=programme,
        by=by,
        many_to_many=("skill_areas", "venues"),
        reference=publishing.copy_reference(Programme, programme.reference, provider=programme.provider),
    )
    for run in programme.future_runs():
        ProgrammeRun.objects.create(
            programme=copy, starts_on=run.starts_on, ends_on=run.ends_on, venue=run.venue, note=run.note
        )
    return copy


@transaction.atomic
def run_save(*, run: ProgrammeRun, by) -> ProgrammeRun:
    publishing.require_member(organisation=run.programme.provider.organisation, user=by)
    run.save()
    publishing.item_edited(item=run.programme, by=by)
    return run


@transaction.atomic
def run_delete(*, run: ProgrammeRun, by) -> None:
    """Remove a run. A public programme keeps at least one future date (or "start any time")."""
    programme = run.programme
    publishing.require_member(organisation=programme.provider.organisation, user=by)
    run.delete()
    try:
        publishing.item_edited(item=programme, by=by)
    except ValidationError:
        raise ValidationError(
            "This is the last future start date of a published programme: add another date first, "
            "or withdraw the programme."
        ) from None
