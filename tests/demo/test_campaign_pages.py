"""The careers campaign's demonstration pages (demo/campaign.py, from demo/data/campaign_pages.yaml)."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from careers.models import CampaignPage, CareerProfilePage, EventPage, Sponsor, SponsorCampaign, StoryPage
from demo.campaign import load_campaign_pages
from home.models import HomePage
from tests.accounts.factories import UserFactory
from tests.careers.helpers import read, sign_in_with_totp

pytestmark = pytest.mark.django_db


def test_the_demo_campaign_loads_once_and_every_page_reads_well(client):
    home = HomePage.objects.get()

    first = load_campaign_pages(home=home)
    pages_after_first = Page.objects.count()
    second = load_campaign_pages(home=home)

    assert first == second
    assert sum(first.values()) >= 12
    assert first["campaign_pages"] >= 2 and first["career_profiles"] >= 6
    assert first["stories"] >= 4 and first["events"] >= 2
    assert Page.objects.count() == pages_after_first
    assert Sponsor.objects.count() >= 3
    assert "demo" in SponsorCampaign.objects.get().description.lower()
    demo_pages = home.get_children().live().exclude(slug__in=["accessibility", "privacy", "cookies"]).specific()
    for page in demo_pages:
        html = read(client, page)
        assert "lorem" not in html.lower()
        if getattr(page, "salary_range", ""):
            assert "Demo figure for illustration — replace with ONS ASHE data before launch" in html


def test_an_editor_can_open_every_demo_page_in_the_editor(client):
    home = HomePage.objects.get()
    load_campaign_pages(home=home)
    admin = UserFactory(is_staff=True, is_superuser=True)
    sign_in_with_totp(client, admin)

    statuses = {
        page.slug: client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).status_code
        for page in home.get_children().type(CampaignPage, CareerProfilePage, StoryPage, EventPage)
    }

    assert len(statuses) >= 12
    assert set(statuses.values()) == {200}



def test_the_demo_home_page_leads_to_the_campaign(client):
    home = HomePage.objects.get()
    load_campaign_pages(home=home)

    html = client.get("/").content.decode()

    assert "Start a digital career in Leeds City Region" in html
    assert "See how to start a digital career" in html
    assert "Jobs you could do" in html and "Data analyst" in html
    assert "Priya, career changer" in html
    assert "Online: first steps into a data job" in html  # the soonest of the demo events
    assert "Cyber security taster morning" not in html  # it has happened
    assert "Kirkgate Network Services" in html  # a sponsor of the campaign running now


def test_loading_the_demo_again_keeps_an_editors_home_page_blocks(client):
    home = HomePage.objects.get()
    load_campaign_pages(home=home)
    home.refresh_from_db()
    home.body = [("upcoming_events", {"heading": "What is on", "number": 1})]
    home.save_revision().publish()

    load_campaign_pages(home=home)

    html = client.get("/").content.decode()
    assert "What is on" in html
    assert "See how to start a digital career" not in html
