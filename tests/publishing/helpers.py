"""Arranging organisations for publishing tests, and deciding on postings as a moderator does."""

from django.urls import reverse
from django.utils import timezone

from publishing.models import Status
from tests.accounts.factories import MembershipFactory
from tests.careers.factories import ApprenticeshipVacancyFactory, SponsoredOpportunityFactory
from tests.courses.factories import ProgrammeFactory


def member_of(item_or_organisation):
    organisation = getattr(item_or_organisation, "owner_organisation", item_or_organisation)
    return MembershipFactory(organisation=organisation).user


def established(item):
    """Give the item's organisation an earlier public posting, so its new postings need no moderator."""
    published = {"status": Status.PUBLISHED, "published_at": timezone.now()}
    owner = item.owner_organisation
    if hasattr(owner, "provider"):
        ProgrammeFactory(provider=owner.provider, **published)
    elif hasattr(item, "employer"):
        ApprenticeshipVacancyFactory(employer=item.employer, **published)
    else:
        SponsoredOpportunityFactory(sponsor=item.sponsor, **published)
    return item


def decide(client, item, decision, **data):
    """Post a decision as the queue's forms do, about the posting as it is now unless told otherwise."""
    label = item._meta.label_lower
    if decision in {"approve", "reject"}:
        data.setdefault("version", item.content_version())
    return client.post(reverse("publishing_posting_decision", args=[label, item.pk, decision]), data, follow=True)
