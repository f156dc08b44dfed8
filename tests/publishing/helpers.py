"""Arranging organisations for publishing tests."""

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
