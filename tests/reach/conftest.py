"""A sponsor campaign with two sponsors and a provider's programme in it, what residents did with its postings
(through the real pages), and the figures those events should give."""

import re
from dataclasses import dataclass, field

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from careers.models import Sponsor
from publishing.models import Status
from tests.accounts.factories import UserFactory, member
from tests.careers.factories import (
    ApprenticeshipVacancyFactory,
    EmployerFactory,
    SponsorCampaignFactory,
    SponsoredOpportunityFactory,
)
from tests.courses.factories import ProgrammeFactory
from tests.search.helpers import sync_now

FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"


def browser() -> Client:
    return Client(headers={"user-agent": FIREFOX})


def text(response) -> str:
    return re.sub(r"<[^>]+>", "", response.content.decode())


@dataclass
class Campaign:
    campaign: object
    aire: object  # employers
    bramley: object
    aire_sponsor: Sponsor
    bramley_sponsor: Sponsor
    items: dict  # name -> posting
    # name -> {"impressions": n, "views": n, "apply_clicks": n, "saves": n}, from the events made
    expected: dict = field(default_factory=dict)

    def figures(self, *names) -> list[str]:
        """The four figures of these postings together, as the report's cells."""
        return [str(sum(self.expected[name][event] for name in names)) for event in ("impressions", "views", "apply_clicks", "saves")]


@pytest.fixture
def pledge(search_indices, clear_limits) -> Campaign:
    campaign = SponsorCampaignFactory(name="Digital Futures Pledge", slug="digital-futures-pledge")
    aire = EmployerFactory(organisation__name="Aire Bank")
    bramley = EmployerFactory(organisation__name="Bramley Software")
    aire_sponsor = Sponsor.objects.create(name="Aire Bank", employer=aire)
    bramley_sponsor = Sponsor.objects.create(name="Bramley Software", employer=bramley)
    campaign.sponsors.set([aire_sponsor, bramley_sponsor])
    campaign.save()  # a cluster's many-to-many is written when it is saved
    tagged = {"status": Status.PUBLISHED, "published_at": timezone.now(), "sponsor_campaign": campaign}
    items = {
        # Bradford (BD1 1AA), advanced
        "aire place": SponsoredOpportunityFactory(sponsor=aire, title="Data analyst bootcamp place", **tagged),
        # Leeds (LS1 4AP), advanced
        "aire apprentice": ApprenticeshipVacancyFactory(employer=aire, title="Data engineer apprentice", **tagged),
        # Remote, advanced
        "bramley returner": SponsoredOpportunityFactory(
            sponsor=bramley, title="Data returner programme", is_remote=True, postcode="", address="", town="", **tagged
        ),
        # Online, general; a provider's, so no sponsor's
        "course": ProgrammeFactory(title="Data skills for work", enquiry_url="https://www.gov.uk/learn", **tagged),
        # Not in the campaign
        "untagged": SponsoredOpportunityFactory(sponsor=aire, title="Data untagged place", status=Status.PUBLISHED),
    }
    sync_now()
    pledge = Campaign(campaign, aire, bramley, aire_sponsor, bramley_sponsor, items)
    pledge.expected = {name: {"impressions": 0, "views": 0, "apply_clicks": 0, "saves": 0} for name in items}

    def record(name, event, response):
        assert response.status_code in {200, 302}
        pledge.expected[name][event] += 1

    first, second = browser(), browser()
    second.force_login(UserFactory())
    results = first.get("/search/", {"q": "data"})
    for name, item in items.items():
        if item.title in text(results):
            pledge.expected[name]["impressions"] += 1
    assert pledge.expected["aire place"]["impressions"] == 1
    for visitor in (first, second):
        record("aire place", "views", visitor.get(items["aire place"].get_absolute_url()))
    record("aire place", "apply_clicks", first.get(reverse("careers:opportunity_apply", args=[items["aire place"].slug])))
    record("aire place", "saves", second.post(reverse("search:save_item"), {"item": f"sponsored-{items['aire place'].pk}"}))
    record("bramley returner", "views", second.get(items["bramley returner"].get_absolute_url()))
    record("bramley returner", "apply_clicks", second.get(reverse("careers:opportunity_apply", args=[items["bramley returner"].slug])))
    record("course", "views", first.get(items["course"].get_absolute_url()))
    record("untagged", "views", first.get(items["untagged"].get_absolute_url()))
    # Not counted: a robot, the sponsor's own team
    Client(headers={"user-agent": "Googlebot/2.1 (+http://www.google.com/bot.html)"}).get(items["aire place"].get_absolute_url())
    own_team = browser()
    own_team.force_login(member(aire))
    own_team.get(items["aire place"].get_absolute_url())
    return pledge
