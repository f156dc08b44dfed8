"""Sponsor campaigns: which postings are part of one, and how far each sponsor's pledge has got.

Postings of every kind (programmes, apprenticeship vacancies, sponsored opportunities) carry a
`sponsor_campaign`. Their posters add them to a campaign while it runs (the portals' forms and the programme
import refuse one that has not started or has ended: SponsorCampaign.tagging_refusal); editors add and remove
them in the admin at any time (posting_tag, posting_untag). A sponsor's pledge counts the places of its own
postings in the campaign (pledge_progress), for the campaign page and the reach reports alike.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q, Sum

from publishing import registry
from publishing.models import Publishable, Status

from .models import Pledge, SponsorCampaign

# Editors who may change a campaign may say which postings are part of it.
EDITOR_PERMISSION = "careers.change_sponsorcampaign"
# A posting counts once it has been published: while it is open, and after its closing date passes, since its
# places were offered all the same (so progress does not fall as postings close). Drafts, postings waiting for
# a moderator, and those withdrawn or archived do not.
COUNTED_STATUSES = (Status.PUBLISHED, Status.CLOSED)


@dataclass(frozen=True)
class PledgeProgress:
    pledge: Pledge
    offered: int  # places in the sponsor's counted postings in the campaign

    @property
    def sponsor_name(self) -> str:
        return self.pledge.sponsor.name

    @property
    def pledged(self) -> int:
        return self.pledge.places

    @property
    def is_met(self) -> bool:
        return self.offered >= self.pledged

    @property
    def shown_value(self) -> int:
        """What a progress bar shows: it cannot go past full."""
        return min(self.offered, self.pledged)

    @property
    def percent(self) -> int:
        return 100 * self.shown_value // self.pledged

    @property
    def text(self) -> str:
        """“18 of 40 bootcamp places offered”."""
        return f"{self.offered:,} of {self.pledged:,} {self.pledge.description} offered"


def campaign_postings(campaign: SponsorCampaign) -> list:
    """A queryset of each kind of posting in the campaign (every status), through the models that can be tagged."""
    return [model.objects.filter(sponsor_campaign=campaign) for model in taggable_models()]


def taggable_models() -> list[type[Publishable]]:
    return [model for model in registry.posting_models() if "sponsor_campaign" in {field.name for field in model._meta.fields}]


def _counted(queryset):
    return queryset.filter(status__in=COUNTED_STATUSES)


def _places_offered(pledge: Pledge) -> int:
    campaign, employer_id = pledge.campaign, pledge.sponsor.employer_id
    if employer_id is None:  # a sponsor with no employer profile here posts nothing
        return 0
    offered = 0
    if pledge.counts in {Pledge.ANY, Pledge.APPRENTICESHIPS}:
        vacancies = _counted(campaign.vacancies.filter(employer_id=employer_id))
        offered += vacancies.aggregate(places=Sum("positions"))["places"] or 0
    if pledge.counts != Pledge.APPRENTICESHIPS:
        opportunities = _counted(campaign.opportunities.filter(sponsor_id=employer_id))
        if pledge.counts != Pledge.ANY:
            opportunities = opportunities.filter(kind=pledge.counts)
        offered += opportunities.aggregate(places=Sum("places"))["places"] or 0
    return offered


def pledge_progress(campaign: SponsorCampaign) -> list[PledgeProgress]:
    """Each sponsor's pledge in the campaign, in the editors' order, with the places its postings in the campaign
    offer: the sponsor's own apprenticeship vacancies (their positions) and sponsored opportunities (their
    places) that have been published, of the kind the pledge counts."""
    pledges = campaign.pledges.select_related("sponsor", "campaign").order_by("sort_order", "pk")
    return [PledgeProgress(pledge=pledge, offered=_places_offered(pledge)) for pledge in pledges]


def pledges_for_page(page) -> list[tuple[SponsorCampaign, list[PledgeProgress]]]:
    """The campaigns shown on this campaign page that have pledges, each with their progress, newest first."""
    campaigns = SponsorCampaign.objects.filter(campaign_page_id=page.pk).order_by("-starts_on", "pk") if page.pk else []
    shown = [(campaign, pledge_progress(campaign)) for campaign in campaigns]
    return [(campaign, progress) for campaign, progress in shown if progress]


# What editors do in the admin ------------------------------------------------------------------------------


def can_edit_campaigns(user) -> bool:
    return user is not None and user.is_authenticated and user.has_perm(EDITOR_PERMISSION)


def _require_editor(user) -> None:
    if not can_edit_campaigns(user):
        raise PermissionDenied("Only editors of sponsor campaigns can change which postings are part of one")


@transaction.atomic
def posting_tag(*, item: Publishable, campaign: SponsorCampaign, by) -> Publishable:
    """An editor adds a posting to a campaign, whatever its dates (a correction after the event included); one
    that was part of another campaign moves to this one."""
    _require_editor(by)
    item.sponsor_campaign = campaign
    item.save(update_fields=["sponsor_campaign", "updated_at"])
    return item


@transaction.atomic
def posting_untag(*, item: Publishable, by) -> Publishable:
    _require_editor(by)
    item.sponsor_campaign = None
    item.save(update_fields=["sponsor_campaign", "updated_at"])
    return item


def postings_to_add(*, campaign: SponsorCampaign, words: str, limit: int = 20) -> list[Publishable]:
    """Postings not in this campaign whose title, reference or organisation's name has the words, newest first."""
    if not words:
        return []
    found = []
    for model in taggable_models():
        condition = Q(title__icontains=words) | Q(reference__iexact=words) | Q(**{f"{model.organisation_field}__name__icontains": words})
        queryset = (
            model.objects.filter(condition)
            .exclude(sponsor_campaign=campaign)
            .exclude(status=Status.ARCHIVED)
            .select_related(model.organisation_field, "sponsor_campaign")
        )
        found += queryset.order_by("-updated_at")[:limit]
    return sorted(found, key=lambda item: item.updated_at, reverse=True)[:limit]
