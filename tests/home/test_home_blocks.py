"""The home page leads residents to the campaign: blocks editors put together in Wagtail (the campaign, career
profiles, a story, upcoming events, the campaign's sponsors), each showing nothing when it has nothing to show."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from careers.models import Sponsor
from home.models import HomePage
from tests.accounts.factories import UserFactory
from tests.careers.factories import SponsorCampaignFactory
from tests.careers.helpers import sign_in_with_totp
from tests.careers.page_factories import CampaignPageFactory, CareerProfilePageFactory, EventPageFactory, StoryPageFactory

pytestmark = pytest.mark.django_db


def home_with(*blocks) -> HomePage:
    home = HomePage.objects.get()
    home.body = list(blocks)
    home.save_revision().publish()
    return home


def home_html(client) -> str:
    response = client.get("/")
    assert response.status_code == 200
    return response.content.decode()


def test_the_home_page_shows_the_blocks_editors_chose(client):
    campaign_page = CampaignPageFactory(title="Start a digital career", introduction="See what you could do.")
    analyst = CareerProfilePageFactory(title="Data analyst", salary_min=25000, salary_max=40000)
    developer = CareerProfilePageFactory(title="Software developer")
    story = StoryPageFactory(first_name="Priya", who_they_are="career changer", pull_quote="It gave me the confidence to apply.")
    EventPageFactory(title="Careers evening", days_away=20)
    EventPageFactory(title="Get online drop-in", days_away=2)
    EventPageFactory(title="Cyber taster", days_away=40)
    EventPageFactory(title="Last month's fair", days_away=-30)
    campaign = SponsorCampaignFactory(name="Digital Futures Pledge")
    campaign.sponsors.set([Sponsor.objects.create(name="Aire Valley Software", website="https://example.org/aire")])
    campaign.save()
    home_with(
        ("current_campaign", {"campaign_page": campaign_page, "link_text": "See how to start"}),
        ("career_profiles", {"heading": "Jobs you could do", "profiles": [analyst, developer]}),
        ("story", {"story": story}),
        ("upcoming_events", {"heading": "Coming up", "number": 2}),
        ("campaign_sponsors", {"heading": "Backed by local employers", "campaign": campaign}),
    )

    html = home_html(client)

    assert "Start a digital career" in html and "See what you could do." in html
    assert f'href="{campaign_page.url}" role="button"' in html and "See how to start" in html
    assert f'href="{analyst.url}">Data analyst</a>' in html and "Typical salary: £25,000 to £40,000 a year" in html
    assert "Software developer" in html
    assert "“It gave me the confidence to apply.”" in html and "Priya, career changer" in html
    assert html.index("Get online drop-in") < html.index("Careers evening")  # soonest first
    assert "Cyber taster" not in html  # only the next two
    assert "Last month" not in html
    assert 'href="/events/">See all events</a>' in html
    assert "These businesses back Digital Futures Pledge." in html
    assert '<a class="govuk-link" href="https://example.org/aire" rel="noopener noreferrer">' in html


def test_left_empty_the_campaign_blocks_show_the_campaign_running_now(client):
    ended_page = CampaignPageFactory(title="Campaign of last year")
    running_page = CampaignPageFactory(title="Campaign of this year")
    today = timezone.localdate()
    SponsorCampaignFactory(
        name="Old pledge", campaign_page=ended_page, starts_on=today - datetime.timedelta(days=400), ends_on=today - datetime.timedelta(days=35)
    )
    running = SponsorCampaignFactory(name="New pledge", campaign_page=running_page)
    running.sponsors.set([Sponsor.objects.create(name="Calder Data Co-operative")])
    running.save()
    home_with(("current_campaign", {"campaign_page": None, "link_text": "Find out more"}), ("campaign_sponsors", {"heading": "Our sponsors", "campaign": None}))

    html = home_html(client)

    assert "Campaign of this year" in html
    assert "Campaign of last year" not in html
    assert "These businesses back New pledge." in html and "Calder Data Co-operative" in html


def test_blocks_with_nothing_to_show_render_nothing(client):
    draft_campaign = CampaignPageFactory(title="Draft campaign", publish=False)
    draft_profile = CareerProfilePageFactory(title="Draft profile", publish=False)
    draft_story = StoryPageFactory(pull_quote="Not yet approved words", publish=False)
    EventPageFactory(title="Happened already", days_away=-2)
    home_with(
        ("current_campaign", {"campaign_page": draft_campaign, "link_text": "Find out more"}),
        ("career_profiles", {"heading": "Jobs you could do", "profiles": [draft_profile]}),
        ("story", {"story": draft_story}),
        ("upcoming_events", {"heading": "Coming up", "number": 3}),
        ("campaign_sponsors", {"heading": "Our sponsors", "campaign": None}),
    )

    html = home_html(client)

    for hidden in ("Draft campaign", "Find out more", "Jobs you could do", "Draft profile", "Not yet approved words", "Coming up", "Happened already", "Our sponsors"):
        assert hidden not in html
    assert "Get the digital skills you need" in html  # the rest of the home page is still there


def test_an_editor_can_open_the_home_page_with_its_blocks_in_the_editor(client):
    home = home_with(("upcoming_events", {"heading": "Coming up", "number": 3}))
    sign_in_with_totp(client, UserFactory(is_staff=True, is_superuser=True))

    response = client.get(reverse("wagtailadmin_pages:edit", args=[home.pk]))

    assert response.status_code == 200
    assert "Current campaign" in response.content.decode()
