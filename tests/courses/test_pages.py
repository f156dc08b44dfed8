"""Residents' pages for programmes and providers, with their structured data."""

import pytest
from django.urls import reverse

from courses.models import Programme
from publishing.models import Status
from tests.accounts.factories import MembershipFactory
from tests.courses.factories import ProgrammeFactory, ProviderFactory, VenueFactory
from tests.structured_data import json_ld_of, problems_in

pytestmark = pytest.mark.django_db


def published_programme(**fields):
    return ProgrammeFactory(status=Status.PUBLISHED, **fields)


def test_a_published_programme_page_shows_what_a_resident_needs(client):
    programme = published_programme(
        title="Spreadsheets for work", cost=Programme.Cost.FUNDED, funding_eligibility="Free if you are 19 or over"
    )

    page = client.get(programme.get_absolute_url()).content.decode()

    assert "Spreadsheets for work" in page
    assert "Free if you are eligible" in page
    assert "Free if you are 19 or over" in page
    assert programme.provider.name in page
    assert "How to apply" in page


def test_programme_json_ld_is_a_valid_course(client):
    provider = ProviderFactory()
    venue = VenueFactory(provider=provider)
    programme = published_programme(
        provider=provider, delivery_mode=Programme.DeliveryMode.IN_PERSON, cost=Programme.Cost.PAID, cost_amount=120
    )
    programme.venues.add(venue)

    page = client.get(programme.get_absolute_url()).content.decode()
    data = json_ld_of(page)

    assert "£120.00" in page
    assert data["@type"] == "Course"
    assert problems_in(data) == []
    instance = data["hasCourseInstance"][0]
    assert instance["courseMode"] == "Onsite"
    assert instance["location"]["address"]["postalCode"] == "LS1 3AB"
    assert data["offers"][0] == {"@type": "Offer", "category": "Paid", "price": 120.0, "priceCurrency": "GBP"}


def test_ongoing_inclusion_support_has_a_schedule_instead_of_dates(client):
    programme = published_programme(kind=Programme.Kind.INCLUSION_SUPPORT, starts_any_time=True, runs=[], free_device_loan=True)

    response = client.get(programme.get_absolute_url())

    data = json_ld_of(response.content.decode())
    assert problems_in(data) == []
    assert data["hasCourseInstance"][0]["courseSchedule"]["description"] == "Start any time"
    assert "You can borrow a laptop or tablet for free" in response.content.decode()


def test_text_from_a_provider_cannot_break_out_of_the_json_ld(client):
    programme = published_programme(title="</script><script>alert(1)</script>")

    page = client.get(programme.get_absolute_url()).content.decode()

    assert "<script>alert(1)" not in page
    assert json_ld_of(page)["name"] == "</script><script>alert(1)</script>"


@pytest.mark.parametrize("status", [Status.DRAFT, Status.PENDING_REVIEW, Status.WITHDRAWN, Status.ARCHIVED])
def test_a_programme_that_is_not_published_is_not_found_by_the_public(client, status):
    programme = ProgrammeFactory(status=status)

    assert client.get(programme.get_absolute_url()).status_code == 404


def test_a_draft_is_visible_to_its_own_organisation_with_a_notice(client):
    programme = ProgrammeFactory(status=Status.DRAFT)
    member = MembershipFactory(organisation=programme.provider.organisation).user
    client.force_login(member)

    page = client.get(programme.get_absolute_url()).content.decode()

    assert "Only your organisation and moderators can see it" in page


def test_another_organisations_member_cannot_see_a_draft(client):
    programme = ProgrammeFactory(status=Status.DRAFT)
    client.force_login(MembershipFactory(organisation=ProviderFactory().organisation).user)

    assert client.get(programme.get_absolute_url()).status_code == 404


def test_an_unverified_providers_published_programme_is_not_public(client):
    programme = ProgrammeFactory(status=Status.PUBLISHED, provider=ProviderFactory(verified=False))

    assert client.get(programme.get_absolute_url()).status_code == 404
    assert client.get(programme.provider.get_absolute_url()).status_code == 404


def test_provider_page_lists_only_its_open_programmes_with_valid_json_ld(client):
    provider = ProviderFactory(description="Adult learning across Kirklees.")
    published_programme(provider=provider, title="Email for beginners")
    ProgrammeFactory(provider=provider, title="A secret draft")

    response = client.get(reverse("courses:provider", args=[provider.slug]))

    page = response.content.decode()
    assert "Email for beginners" in page
    assert "A secret draft" not in page
    data = json_ld_of(page)
    assert data["@type"] == "EducationalOrganization"
    assert problems_in(data) == []


def test_json_ld_gives_the_providers_ukprn_and_the_qualifications_lars_code(client):
    provider = ProviderFactory(ukprn="10001234")
    programme = published_programme(provider=provider, lars_code="60312345")

    course = json_ld_of(client.get(programme.get_absolute_url()).content.decode())
    organisation = json_ld_of(client.get(provider.get_absolute_url()).content.decode())

    ukprn = {"@type": "PropertyValue", "propertyID": "UKPRN", "value": "10001234"}
    assert course["identifier"] == {"@type": "PropertyValue", "propertyID": "LARS", "value": "60312345"}
    assert course["provider"]["identifier"] == ukprn
    assert organisation["identifier"] == ukprn
    assert problems_in(course) == [] and problems_in(organisation) == []


def test_json_ld_has_no_identifier_where_the_provider_gave_none(client):
    programme = published_programme()

    course = json_ld_of(client.get(programme.get_absolute_url()).content.decode())

    assert "identifier" not in course and "identifier" not in course["provider"]
