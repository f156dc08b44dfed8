"""Search engines find what residents can open, and only that: sitemap.xml and robots.txt."""

import re

import pytest
from django.core.cache import cache
from wagtail.models import PageViewRestriction

from publishing.models import Status
from tests.careers.factories import ApprenticeshipVacancyFactory, SponsoredOpportunityFactory
from tests.careers.page_factories import CampaignPageFactory, StoryPageFactory
from tests.courses.factories import ProgrammeFactory, ProviderFactory

pytestmark = pytest.mark.django_db


def listed(client) -> set[str]:
    """Every address in every section the sitemap index names, read as a crawler would."""
    cache.clear()  # the sitemap is cached for a quarter of an hour; each reading here wants the current one
    index = client.get("/sitemap.xml")
    assert index.status_code == 200 and index["Content-Type"].startswith("application/xml")
    addresses = set()
    for section in re.findall(r"<loc>http://testserver(/sitemap-[a-z]+\.xml(?:\?p=\d+)?)</loc>", index.content.decode()):
        page = client.get(section.replace("&amp;", "&"))
        assert page.status_code == 200
        # Wagtail's pages are named with their site's host (localhost in the suite), the postings with the request's.
        addresses |= {path for path in re.findall(r"<loc>https?://[^/<]+([^<]+)</loc>", page.content.decode())}
    return addresses


def test_public_postings_and_verified_profiles_are_listed_and_nothing_else(client):
    programme = ProgrammeFactory(title="Coding club", status=Status.PUBLISHED)
    draft = ProgrammeFactory(title="Draft course")
    unverified = ProgrammeFactory(title="Unverified course", status=Status.PUBLISHED, provider=ProviderFactory(verified=False))
    vacancy = ApprenticeshipVacancyFactory(status=Status.PUBLISHED)
    opportunity = SponsoredOpportunityFactory(status=Status.PUBLISHED)

    addresses = listed(client)

    assert {programme.get_absolute_url(), vacancy.get_absolute_url(), opportunity.get_absolute_url()} <= addresses
    assert programme.provider.get_absolute_url() in addresses
    assert draft.get_absolute_url() not in addresses
    assert unverified.get_absolute_url() not in addresses and unverified.provider.get_absolute_url() not in addresses


def test_a_posting_taken_down_leaves_the_sitemap(client):
    programme = ProgrammeFactory(title="Coding club", status=Status.PUBLISHED)
    assert programme.get_absolute_url() in listed(client)

    programme.status = Status.WITHDRAWN
    programme.save()

    assert programme.get_absolute_url() not in listed(client)


def test_live_public_pages_are_listed_and_private_ones_are_not(client):
    campaign = CampaignPageFactory(title="Digital careers")
    story = StoryPageFactory(title="From the shop floor to software", parent=campaign)
    private = CampaignPageFactory(title="Partners only")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    addresses = listed(client)

    assert {campaign.url, story.url} <= addresses
    assert private.url not in addresses


def test_robots_txt_points_crawlers_at_the_sitemap_and_away_from_forms_and_accounts(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200 and response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in text
    for private in ("/admin/", "/accounts/", "/portal/"):
        assert f"Disallow: {private}" in text
