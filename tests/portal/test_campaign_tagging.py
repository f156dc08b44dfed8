"""Providers and employers add their postings to a sponsor campaign that is running, in their portal; say how many
places they offer and whether they welcome career changers; and cannot touch another organisation's postings."""

import pytest
from django.urls import reverse

from careers.models import SponsoredOpportunity
from courses.models import Programme
from tests.accounts.factories import member
from tests.careers.factories import EmployerFactory, SponsorCampaignFactory, SponsoredOpportunityFactory, ended_campaign, in_days, running_campaign
from tests.courses.factories import ProgrammeFactory, ProviderFactory
from tests.portal.data import opportunity_data, programme_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def provider():
    return ProviderFactory(organisation__name="Aire Valley College", organisation__website="https://airevalley.example.org")


@pytest.fixture
def running():
    return running_campaign()


@pytest.fixture
def ended():
    return ended_campaign()


def provider_portal(provider, name, **kwargs):
    return reverse(f"provider_portal:{name}", kwargs={"organisation": provider.organisation.slug, **kwargs})


def employer_portal(employer, name, **kwargs):
    return reverse(f"employer_portal:{name}", kwargs={"organisation": employer.organisation.slug, **kwargs})


def test_a_provider_adds_a_programme_to_a_running_campaign(client, provider, running, ended):
    client.force_login(member(provider))

    form = client.get(provider_portal(provider, "programme_new")).content.decode()
    response = client.post(
        provider_portal(provider, "programme_new"),
        programme_data(starts_any_time="on", sponsor_campaign=running.pk, places="16", welcomes_career_changers="on"),
    )

    assert "Digital Futures Pledge (DIGITAL26)" in form
    assert "Spring skills pledge" not in form  # ended: not offered
    programme = Programme.objects.get(reference="NEW-1")
    assert response["Location"] == provider_portal(provider, "programme", pk=programme.pk)
    assert (programme.sponsor_campaign, programme.places, programme.welcomes_career_changers) == (running, 16, True)
    assert "Part of the sponsor campaign Digital Futures Pledge." in client.get(response["Location"]).content.decode()


def test_an_ended_campaign_is_refused_with_the_reason(client, provider, ended):
    client.force_login(member(provider))

    response = client.post(provider_portal(provider, "programme_new"), programme_data(starts_any_time="on", sponsor_campaign=ended.pk))

    assert response.status_code == 400
    assert "The Spring skills pledge campaign ended on 31 May 2020: choose a campaign that is running now, or none." in response.content.decode()
    assert not Programme.objects.filter(reference="NEW-1").exists()


def test_a_campaign_that_has_not_started_is_refused_too(client, provider):
    autumn = SponsorCampaignFactory(name="Autumn pledge", starts_on=in_days(20), ends_on=None)
    client.force_login(member(provider))

    response = client.post(provider_portal(provider, "programme_new"), programme_data(starts_any_time="on", sponsor_campaign=autumn.pk))

    assert response.status_code == 400
    assert "The Autumn pledge campaign starts on" in response.content.decode()


def test_a_programme_keeps_the_campaign_it_joined_after_the_campaign_ends(client, provider, ended):
    programme = ProgrammeFactory(provider=provider, reference="DATA-1", sponsor_campaign=ended)
    client.force_login(member(provider))

    form = client.get(provider_portal(provider, "programme_edit", pk=programme.pk)).content.decode()
    response = client.post(
        provider_portal(provider, "programme_edit", pk=programme.pk),
        programme_data(reference="DATA-1", title="Data analysis, new title", starts_any_time="on", sponsor_campaign=ended.pk),
    )

    assert "Spring skills pledge (SPRING20)" in form
    assert response.status_code == 302
    programme.refresh_from_db()
    assert programme.title == "Data analysis, new title" and programme.sponsor_campaign == ended


def test_leaving_a_campaign_needs_no_running_one(client, provider, ended):
    programme = ProgrammeFactory(provider=provider, reference="DATA-1", sponsor_campaign=ended)
    client.force_login(member(provider))

    client.post(provider_portal(provider, "programme_edit", pk=programme.pk), programme_data(reference="DATA-1", starts_any_time="on", sponsor_campaign=""))

    programme.refresh_from_db()
    assert programme.sponsor_campaign is None


def test_a_copy_of_a_posting_leaves_a_campaign_that_has_ended(client, provider, running, ended):
    in_ended = ProgrammeFactory(provider=provider, sponsor_campaign=ended)
    in_running = ProgrammeFactory(provider=provider, sponsor_campaign=running)
    client.force_login(member(provider))

    for programme in (in_ended, in_running):
        client.post(provider_portal(provider, "programme_action", pk=programme.pk), {"action": "duplicate"})

    copies = Programme.objects.filter(reference__endswith="-copy").order_by("pk")
    assert [copy.sponsor_campaign for copy in copies] == [None, running]


def test_an_employer_adds_a_sponsored_opportunity_with_its_places_to_a_campaign(client, running):
    employer = EmployerFactory(organisation__name="Aire Bank", organisation__website="https://airebank.example.org")
    client.force_login(member(employer))

    response = client.post(
        employer_portal(employer, "opportunity_new"),
        opportunity_data(sponsor_campaign=running.pk, places="12", welcomes_career_changers="on"),
    )

    opportunity = SponsoredOpportunity.objects.get(reference="BOOT-1")
    assert response.status_code == 302, response.content.decode()[:3000]
    assert (opportunity.sponsor_campaign, opportunity.places, opportunity.welcomes_career_changers) == (running, 12, True)


def test_an_employer_cannot_add_a_posting_to_an_ended_campaign(client, ended):
    employer = EmployerFactory()
    opportunity = SponsoredOpportunityFactory(sponsor=employer, reference="BOOT-1")
    client.force_login(member(employer))

    response = client.post(employer_portal(employer, "opportunity_edit", pk=opportunity.pk), opportunity_data(sponsor_campaign=ended.pk))

    assert response.status_code == 400
    assert "The Spring skills pledge campaign ended on 31 May 2020" in response.content.decode()
    opportunity.refresh_from_db()
    assert opportunity.sponsor_campaign is None


def test_no_one_can_add_another_organisations_posting_to_a_campaign(client, provider, running):
    programme = ProgrammeFactory(provider=provider, reference="DATA-1")
    rival = ProviderFactory(organisation__name="Bramley Bootcamp")
    client.force_login(member(rival))

    through_their_portal = client.post(
        provider_portal(provider, "programme_edit", pk=programme.pk), programme_data(reference="DATA-1", sponsor_campaign=running.pk)
    )
    through_their_own = client.post(
        provider_portal(rival, "programme_edit", pk=programme.pk), programme_data(reference="DATA-1", sponsor_campaign=running.pk)
    )

    assert (through_their_portal.status_code, through_their_own.status_code) == (404, 404)
    programme.refresh_from_db()
    assert programme.sponsor_campaign is None
