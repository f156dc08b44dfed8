"""Changes providers' members make through the portal. Each checks membership; publishing rules live in
publishing.services."""

from django.core.exceptions import ValidationError
from django.db import transaction

from publishing import services as publishing

from .models import Programme, ProgrammeRun, Venue


@transaction.atomic
def venue_save(*, venue: Venue, by) -> Venue:
    publishing.require_member(organisation=venue.provider.organisation, user=by)
    venue.save()
    return venue


@transaction.atomic
def programme_duplicate(*, programme: Programme, by) -> Programme:
    """A draft copy with its future runs, for the next intake or a similar course."""
    copy = publishing.item_duplicate(item=programme, by=by)
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
