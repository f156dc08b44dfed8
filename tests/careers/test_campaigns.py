"""Sponsor campaigns: their codes and dates, sponsors' pledges and how far they have got, and the pledges residents
read on the campaign page."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from careers.campaigns import pledge_progress
from careers.models import Pledge, Sponsor, SponsorCampaign, SponsoredOpportunity
from publishing.models import Status
from tests.careers.factories import (
    ApprenticeshipVacancyFactory,
    EmployerFactory,
    SponsorCampaignFactory,
    SponsoredOpportunityFactory,
    in_days,
)
from tests.careers.helpers import read
from tests.careers.page_factories import CampaignPageFactory

pytestmark = pytest.mark.django_db

PUBLISHED = {"status": Status.PUBLISHED}


@pytest.fixture
def campaign():
    return SponsorCampaignFactory(name="Digital Futures Pledge", code="DIGITAL26")


def sponsor_of(campaign, employer, name="Aire Bank"):
    sponsor = Sponsor.objects.create(name=name, employer=employer)
    campaign.sponsors.add(sponsor)
    campaign.save()
    return sponsor


def pledge(campaign, sponsor, places=40, description="bootcamp places", counts=Pledge.ANY):
    return Pledge.objects.create(campaign=campaign, sponsor=sponsor, places=places, description=description, counts=counts)


def offered(campaign) -> dict[str, str]:
    return {progress.sponsor_name: progress.text for progress in pledge_progress(campaign)}


# Codes and dates ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("starts", "ends", "live"),
    [(-10, 10, True), (0, 0, True), (-10, None, True), (1, 30, False), (-30, -1, False)],
)
def test_a_campaign_is_live_from_its_first_day_to_its_last(starts, ends, live):
    campaign = SponsorCampaignFactory(starts_on=in_days(starts), ends_on=in_days(ends) if ends is not None else None)

    assert campaign.is_live() is live
    assert (campaign in SponsorCampaign.objects.live()) is live
    assert (campaign.tagging_refusal() == "") is live


def test_an_ended_or_future_campaign_says_why_nothing_can_join_it():
    ended = SponsorCampaignFactory(name="Spring pledge", starts_on=datetime.date(2020, 3, 1), ends_on=datetime.date(2020, 5, 31))
    future = SponsorCampaignFactory(name="Autumn pledge", starts_on=in_days(20), ends_on=None)

    assert ended.tagging_refusal() == "The Spring pledge campaign ended on 31 May 2020: choose a campaign that is running now, or none."
    assert future.tagging_refusal().startswith(f"The Autumn pledge campaign starts on {future.starts_on.day} ")


@pytest.mark.parametrize("code", ["lcrdigital26", "LCR DIGITAL", "LC", "LCR-DIGITAL-26", "A" * 21])
def test_a_code_is_3_to_20_capital_letters_and_digits(code):
    campaign = SponsorCampaignFactory.build(code=code)

    with pytest.raises(ValidationError) as error:
        campaign.full_clean()

    assert "Use 3 to 20 capital letters and digits" in " ".join(error.value.message_dict["code"])


# Pledges and their progress ----------------------------------------------------------------------------------


def test_a_pledge_counts_the_places_of_the_sponsors_published_postings_in_the_campaign(campaign):
    bank = EmployerFactory(organisation__name="Aire Bank")
    pledge(campaign, sponsor_of(campaign, bank))
    SponsoredOpportunityFactory(sponsor=bank, sponsor_campaign=campaign, places=12, **PUBLISHED)
    ApprenticeshipVacancyFactory(employer=bank, sponsor_campaign=campaign, positions=2, **PUBLISHED)
    # A posting whose closing date has passed offered its places all the same.
    SponsoredOpportunityFactory(
        sponsor=bank, sponsor_campaign=campaign, places=4, status=Status.CLOSED, closing_date=in_days(-2), starts_on=in_days(10)
    )
    # None of these counts: not published, not in the campaign, or another sponsor's.
    SponsoredOpportunityFactory(sponsor=bank, sponsor_campaign=campaign, places=100)  # a draft
    SponsoredOpportunityFactory(sponsor=bank, sponsor_campaign=campaign, places=100, status=Status.PENDING_REVIEW)
    SponsoredOpportunityFactory(sponsor=bank, sponsor_campaign=campaign, places=100, status=Status.WITHDRAWN)
    SponsoredOpportunityFactory(sponsor=bank, places=100, **PUBLISHED)
    SponsoredOpportunityFactory(sponsor=bank, sponsor_campaign=SponsorCampaignFactory(), places=100, **PUBLISHED)
    SponsoredOpportunityFactory(sponsor_campaign=campaign, places=100, **PUBLISHED)

    [progress] = pledge_progress(campaign)

    assert progress.text == "18 of 40 bootcamp places offered"
    assert (progress.offered, progress.pledged, progress.percent, progress.is_met) == (18, 40, 45, False)


def test_a_pledge_of_one_kind_counts_that_kind_only(campaign):
    bank, health = EmployerFactory(), EmployerFactory()
    pledge(campaign, sponsor_of(campaign, bank, "Aire Bank"), places=10, description="returner places", counts=SponsoredOpportunity.Kind.RETURNER)
    pledge(campaign, sponsor_of(campaign, health, "Heartwood"), places=3, description="apprenticeships", counts=Pledge.APPRENTICESHIPS)
    SponsoredOpportunityFactory(sponsor=bank, sponsor_campaign=campaign, kind=SponsoredOpportunity.Kind.RETURNER, places=6, **PUBLISHED)
    SponsoredOpportunityFactory(sponsor=bank, sponsor_campaign=campaign, kind=SponsoredOpportunity.Kind.PAID_ROLE, places=9, **PUBLISHED)
    ApprenticeshipVacancyFactory(employer=health, sponsor_campaign=campaign, positions=4, **PUBLISHED)
    SponsoredOpportunityFactory(sponsor=health, sponsor_campaign=campaign, places=9, **PUBLISHED)

    assert offered(campaign) == {"Aire Bank": "6 of 10 returner places offered", "Heartwood": "4 of 3 apprenticeships offered"}
    assert [progress.is_met for progress in pledge_progress(campaign)] == [False, True]
    assert pledge_progress(campaign)[1].shown_value == 3  # a bar is never more than full


def test_a_sponsor_without_an_employer_profile_has_offered_nothing_yet(campaign):
    pledge(campaign, sponsor_of(campaign, None, "Kirkgate Network Services"), places=5, description="placements")

    assert offered(campaign) == {"Kirkgate Network Services": "0 of 5 placements offered"}


def test_a_sponsor_pledges_once_per_campaign(campaign):
    sponsor = sponsor_of(campaign, EmployerFactory())
    pledge(campaign, sponsor)

    with pytest.raises(ValidationError):
        Pledge(campaign=campaign, sponsor=sponsor, places=3, description="placements").full_clean()


# On the campaign page ----------------------------------------------------------------------------------------


def test_residents_read_each_pledge_and_its_progress_on_the_campaign_page(client, campaign):
    page = CampaignPageFactory(title="Start a digital career")
    campaign.campaign_page = page
    campaign.save()
    bank = EmployerFactory()
    pledge(campaign, sponsor_of(campaign, bank, "Aire Bank"), places=40, description="bootcamp places")
    SponsoredOpportunityFactory(sponsor=bank, sponsor_campaign=campaign, places=18, **PUBLISHED)

    html = read(client, page)

    assert "What our sponsors have pledged" in html
    assert "<strong>Aire Bank</strong>: 18 of 40 bootcamp places offered" in html
    progress = Pledge.objects.get().pk
    assert f'<label class="govuk-body govuk-!-display-block govuk-!-margin-bottom-1" for="pledge-{progress}">' in html
    assert f'<progress class="app-pledge__bar" id="pledge-{progress}" max="40" value="18">45%</progress>' in html


def test_a_campaign_page_without_pledges_says_nothing_about_them(client, campaign):
    page = CampaignPageFactory()
    other = CampaignPageFactory()
    campaign.campaign_page = other  # the pledges belong on another page
    campaign.save()
    pledge(campaign, sponsor_of(campaign, EmployerFactory()))

    assert "pledged" not in read(client, page)
    assert "pledged" in read(client, other)
