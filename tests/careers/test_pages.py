"""Residents' pages for apprenticeships, sponsored opportunities and employers, with structured data."""

import pytest

from careers.models import SponsoredOpportunity
from publishing.models import Status
from tests.accounts.factories import MembershipFactory
from tests.careers.factories import (
    ApprenticeshipVacancyFactory,
    EmployerFactory,
    SponsorCampaignFactory,
    SponsoredOpportunityFactory,
    in_days,
)
from tests.structured_data import json_ld_of, problems_in

pytestmark = pytest.mark.django_db


def test_an_apprenticeship_page_shows_the_standard_wage_and_how_to_apply(client):
    vacancy = ApprenticeshipVacancyFactory(status=Status.PUBLISHED, weekly_wage=320)

    page = client.get(vacancy.get_absolute_url()).content.decode()

    assert "Software developer (level 4)" in page
    assert "£320.00 a week" in page
    assert "Apply on" in page
    assert "Disability Confident employer" in page


def test_apprenticeship_json_ld_is_a_valid_job_posting(client):
    vacancy = ApprenticeshipVacancyFactory(status=Status.PUBLISHED)

    data = json_ld_of(client.get(vacancy.get_absolute_url()).content.decode())

    assert data["@type"] == "JobPosting"
    assert problems_in(data) == []
    assert data["validThrough"] == vacancy.closing_date.isoformat()
    assert data["baseSalary"]["value"]["unitText"] == "WEEK"
    assert data["jobLocation"]["address"]["addressRegion"] == "Leeds"


def test_a_closed_vacancy_says_so_and_offers_no_apply_button(client):
    vacancy = ApprenticeshipVacancyFactory(status=Status.PUBLISHED, closing_date=in_days(-1), start_date=in_days(30))

    page = client.get(vacancy.get_absolute_url()).content.decode()

    assert "You can no longer apply" in page
    assert "Apply on" not in page


def test_a_sponsored_opportunity_is_always_labelled_sponsored(client):
    campaign = SponsorCampaignFactory(name="Leeds Digital Festival skills pledge")
    opportunity = SponsoredOpportunityFactory(status=Status.PUBLISHED, sponsor_campaign=campaign)

    page = client.get(opportunity.get_absolute_url()).content.decode()

    assert "Sponsored by" in page
    assert ">Sponsored<" in page
    assert "Leeds Digital Festival skills pledge" in page


@pytest.mark.parametrize(
    "kind, expected_type",
    [
        (SponsoredOpportunity.Kind.PAID_ROLE, "JobPosting"),
        (SponsoredOpportunity.Kind.PLACEMENT, "JobPosting"),
        (SponsoredOpportunity.Kind.RETURNER, "JobPosting"),
        (SponsoredOpportunity.Kind.BOOTCAMP_PLACE, "EducationalOccupationalProgram"),
        (SponsoredOpportunity.Kind.SCHOLARSHIP, "EducationalOccupationalProgram"),
    ],
)
def test_sponsored_opportunity_json_ld_fits_its_kind(client, kind, expected_type):
    opportunity = SponsoredOpportunityFactory(status=Status.PUBLISHED, kind=kind)

    data = json_ld_of(client.get(opportunity.get_absolute_url()).content.decode())

    assert data["@type"] == expected_type
    assert problems_in(data) == []


def test_a_remote_role_is_a_telecommute_job_posting(client):
    opportunity = SponsoredOpportunityFactory(
        status=Status.PUBLISHED, kind=SponsoredOpportunity.Kind.PAID_ROLE, is_remote=True, postcode=""
    )

    data = json_ld_of(client.get(opportunity.get_absolute_url()).content.decode())

    assert data["jobLocationType"] == "TELECOMMUTE"
    assert "jobLocation" not in data
    assert problems_in(data) == []


@pytest.mark.parametrize("status", [Status.DRAFT, Status.PENDING_REVIEW, Status.WITHDRAWN])
def test_unpublished_postings_are_not_found_by_the_public(client, status):
    assert client.get(ApprenticeshipVacancyFactory(status=status).get_absolute_url()).status_code == 404
    assert client.get(SponsoredOpportunityFactory(status=status).get_absolute_url()).status_code == 404


def test_another_employers_member_cannot_see_a_draft(client):
    draft = SponsoredOpportunityFactory(status=Status.DRAFT)
    client.force_login(MembershipFactory(organisation=EmployerFactory().organisation).user)

    assert client.get(draft.get_absolute_url()).status_code == 404


def test_employer_page_lists_open_postings_only_with_valid_json_ld(client):
    employer = EmployerFactory(description="A fictional Leeds software house.")
    ApprenticeshipVacancyFactory(employer=employer, status=Status.PUBLISHED, title="Open apprenticeship")
    ApprenticeshipVacancyFactory(
        employer=employer, status=Status.PUBLISHED, title="Closed apprenticeship", closing_date=in_days(-5), start_date=in_days(5)
    )
    SponsoredOpportunityFactory(sponsor=employer, status=Status.DRAFT, title="Draft bootcamp")

    page = client.get(employer.get_absolute_url()).content.decode()

    assert "Open apprenticeship" in page
    assert "Closed apprenticeship" not in page
    assert "Draft bootcamp" not in page
    assert problems_in(json_ld_of(page)) == []


def test_an_unverified_employer_has_no_public_page(client):
    assert client.get(EmployerFactory(verified=False).get_absolute_url()).status_code == 404


def test_json_ld_gives_the_employers_company_number_and_the_standards_reference(client):
    employer = EmployerFactory(companies_house_number="SC123456")
    vacancy = ApprenticeshipVacancyFactory(employer=employer, status=Status.PUBLISHED)

    posting = json_ld_of(client.get(vacancy.get_absolute_url()).content.decode())
    organisation = json_ld_of(client.get(employer.get_absolute_url()).content.decode())

    company = {"@type": "PropertyValue", "propertyID": "Companies House number", "value": "SC123456"}
    assert organisation["identifier"] == company
    assert posting["hiringOrganization"]["identifier"] == company
    assert posting["educationRequirements"]["identifier"] == {
        "@type": "PropertyValue", "propertyID": "IfATE standard reference", "value": "ST0116",
    }  # fmt: skip
    assert problems_in(posting) == [] and problems_in(organisation) == []
