"""Editors run sponsor campaigns in the Wagtail admin: codes, pledges inline, and which postings are part of one."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from accounts.models import User
from careers.models import Pledge, Sponsor, SponsorCampaign
from publishing.models import Status
from tests.accounts.factories import UserFactory
from tests.careers.factories import EmployerFactory, SponsorCampaignFactory, SponsoredOpportunityFactory, in_days
from tests.careers.helpers import sign_in_with_totp
from tests.courses.factories import ProgrammeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    person = UserFactory(is_staff=True, is_superuser=True)
    sign_in_with_totp(client, person)
    return person


@pytest.fixture
def sponsors():
    return [Sponsor.objects.create(name="Aire Bank", employer=EmployerFactory()), Sponsor.objects.create(name="Heartwood Health")]


def campaign_form(sponsors, pledges=(), **changes) -> dict:
    data = {
        "name": "Leeds Digital Festival pledge",
        "slug": "leeds-digital-festival-pledge",
        "code": "LCRDIGITAL26",
        "description": "",
        "starts_on": in_days(-1).isoformat(),
        "ends_on": in_days(90).isoformat(),
        "sponsors": [sponsor.pk for sponsor in sponsors],
        "campaign_page": "",
        "pledges-TOTAL_FORMS": str(len(pledges)),
        "pledges-INITIAL_FORMS": "0",
        "pledges-MIN_NUM_FORMS": "0",
        "pledges-MAX_NUM_FORMS": "1000",
        **changes,
    }
    for number, (sponsor, places, description, counts) in enumerate(pledges):
        values = {"id": "", "sponsor": sponsor.pk, "places": places, "description": description, "counts": counts, "ORDER": number + 1, "DELETE": ""}
        data.update({f"pledges-{number}-{name}": value for name, value in values.items()})
    return data


def test_an_editor_adds_a_campaign_with_its_code_and_sponsors_pledges(client, editor, sponsors):
    bank, health = sponsors

    response = client.post(
        reverse("wagtailsnippets_careers_sponsorcampaign:add"),
        campaign_form(sponsors, [(bank, 40, "bootcamp places", "bootcamp_place"), (health, 12, "paid placements", "placement")], code="lcrdigital26"),
    )

    assert response.status_code == 302, response.content.decode()[:3000]
    campaign = SponsorCampaign.objects.get(slug="leeds-digital-festival-pledge")
    assert campaign.code == "LCRDIGITAL26"  # typed in small letters
    assert [(pledge.sponsor, pledge.places, pledge.description, pledge.counts) for pledge in campaign.pledges.all()] == [
        (bank, 40, "bootcamp places", "bootcamp_place"),
        (health, 12, "paid placements", "placement"),
    ]


def test_a_pledge_must_be_one_of_the_campaigns_sponsors(client, editor, sponsors):
    bank, health = sponsors

    response = client.post(
        reverse("wagtailsnippets_careers_sponsorcampaign:add"), campaign_form([bank], [(health, 12, "paid placements", "placement")])
    )

    assert response.status_code == 200
    assert "Add Heartwood Health to the sponsors, or remove their pledge" in response.content.decode()
    assert not Pledge.objects.exists()


def test_two_campaigns_cannot_share_a_code(client, editor, sponsors):
    SponsorCampaignFactory(code="LCRDIGITAL26")

    response = client.post(reverse("wagtailsnippets_careers_sponsorcampaign:add"), campaign_form(sponsors))

    assert response.status_code == 200
    assert "Sponsor campaign with this Code already exists" in response.content.decode()


def test_an_editor_adds_a_posting_to_a_campaign_and_takes_it_out_again(client, editor):
    campaign = SponsorCampaignFactory(name="Digital Futures Pledge", starts_on=in_days(-100), ends_on=in_days(-1))  # ended: editors may still
    programme = ProgrammeFactory(title="Data analysis for career changers", status=Status.PUBLISHED, places=16)
    opportunity = SponsoredOpportunityFactory(title="Funded data bootcamp place", sponsor_campaign=campaign)
    url = reverse("careers_campaign_postings", args=[campaign.pk])

    page = client.get(url).content.decode()
    found = client.get(url, {"q": "data analysis"}).content.decode()
    added = client.post(url, {"label": "courses.programme", "pk": programme.pk, "action": "add", "q": "data analysis"}, follow=True)

    assert "Funded data bootcamp place" in page and "Data analysis for career changers" not in page
    assert "Add to the campaign<span class=\"visuallyhidden\">: Data analysis for career changers</span>" in found
    assert "“Data analysis for career changers” is now part of Digital Futures Pledge." in added.content.decode()
    programme.refresh_from_db()
    assert programme.sponsor_campaign == campaign

    removed = client.post(url, {"label": "careers.sponsoredopportunity", "pk": opportunity.pk, "action": "remove"}, follow=True)

    assert "“Funded data bootcamp place” is no longer part of Digital Futures Pledge." in removed.content.decode()
    opportunity.refresh_from_db()
    assert opportunity.sponsor_campaign is None


def test_the_campaign_listing_links_to_its_postings(client, editor):
    campaign = SponsorCampaignFactory()

    listing = client.get(reverse("wagtailsnippets_careers_sponsorcampaign:list")).content.decode()
    edit = client.get(reverse("wagtailsnippets_careers_sponsorcampaign:edit", args=[campaign.pk])).content.decode()

    assert reverse("careers_campaign_postings", args=[campaign.pk]) in listing
    assert reverse("careers_campaign_postings", args=[campaign.pk]) in edit


def test_only_a_posting_of_the_campaign_can_be_taken_out_of_it(client, editor):
    campaign, other = SponsorCampaignFactory(), SponsorCampaignFactory()
    programme = ProgrammeFactory(sponsor_campaign=other)

    response = client.post(reverse("careers_campaign_postings", args=[campaign.pk]), {"label": "courses.programme", "pk": programme.pk, "action": "remove"})

    assert response.status_code == 404
    programme.refresh_from_db()
    assert programme.sponsor_campaign == other


@pytest.mark.parametrize("label", ["accounts.user", "courses.venue", "nonsense"])
def test_only_postings_can_be_added(client, editor, label):
    campaign = SponsorCampaignFactory()

    response = client.post(reverse("careers_campaign_postings", args=[campaign.pk]), {"label": label, "pk": editor.pk, "action": "add"})

    assert response.status_code == 404


def test_staff_who_cannot_change_campaigns_cannot_change_their_postings(client):
    staff = UserFactory(role=User.Role.RESIDENT, is_staff=True)
    staff.user_permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    sign_in_with_totp(client, staff)
    campaign = SponsorCampaignFactory()
    programme = ProgrammeFactory()
    url = reverse("careers_campaign_postings", args=[campaign.pk])

    # Wagtail sends someone refused an admin page back to the admin's home page, saying so.
    assert client.get(url)["Location"] == "/admin/"
    assert client.post(url, {"label": "courses.programme", "pk": programme.pk, "action": "add"})["Location"] == "/admin/"
    programme.refresh_from_db()
    assert programme.sponsor_campaign is None
