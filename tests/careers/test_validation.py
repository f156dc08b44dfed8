"""Rules for vacancies and sponsored opportunities, and closing dates residents can trust."""

import pytest
from django.core.exceptions import ValidationError

from careers.models import ApprenticeshipVacancy, SponsoredOpportunity
from publishing.models import Status
from tests.careers.factories import ApprenticeshipVacancyFactory, EmployerFactory, SponsoredOpportunityFactory, in_days

pytestmark = pytest.mark.django_db


def test_a_vacancy_cannot_start_before_it_closes():
    vacancy = ApprenticeshipVacancyFactory(closing_date=in_days(30), start_date=in_days(10))

    with pytest.raises(ValidationError) as error:
        vacancy.full_clean()

    assert error.value.message_dict["start_date"] == ["The start date must be on or after the closing date"]


def test_a_vacancy_with_an_unknown_postcode_is_refused():
    vacancy = ApprenticeshipVacancyFactory()
    vacancy.postcode = "ZZ99 9ZZ"

    with pytest.raises(ValidationError) as error:
        vacancy.full_clean()

    assert "We do not have ZZ99 on our map" in error.value.message_dict["postcode"][0]


def test_a_sponsored_opportunity_needs_a_postcode_unless_it_is_remote():
    opportunity = SponsoredOpportunityFactory(postcode="", is_remote=False)

    with pytest.raises(ValidationError) as error:
        opportunity.full_clean()

    assert "Enter the postcode where it happens" in error.value.message_dict["postcode"][0]

    opportunity.is_remote = True
    opportunity.full_clean()


def test_a_past_closing_date_never_shows_as_open():
    closed = ApprenticeshipVacancyFactory(status=Status.PUBLISHED, closing_date=in_days(-1), start_date=in_days(20))
    open_today = ApprenticeshipVacancyFactory(status=Status.PUBLISHED, closing_date=in_days(0))
    expired_opportunity = SponsoredOpportunityFactory(status=Status.PUBLISHED, closing_date=in_days(-3))

    assert list(ApprenticeshipVacancy.objects.open()) == [open_today]
    assert not closed.is_open
    assert open_today.is_open
    assert not SponsoredOpportunity.objects.open().filter(pk=expired_opportunity.pk).exists()


def test_a_vacancy_whose_closing_date_has_passed_cannot_be_published():
    vacancy = ApprenticeshipVacancyFactory(closing_date=in_days(-2), start_date=in_days(20))

    assert vacancy.publication_problems() == ["The closing date has passed: set a new one"]


@pytest.mark.parametrize("typed, kept", [("01234567", "01234567"), ("sc123456", "SC123456"), ("NI 012345", "NI012345")])
def test_an_employers_companies_house_number_is_kept_in_capitals(typed, kept):
    employer = EmployerFactory()
    employer.companies_house_number = typed

    employer.full_clean()

    assert employer.companies_house_number == kept


@pytest.mark.parametrize("typed", ["1234567", "S1234567", "SCO12345", "OC12345"])
def test_a_malformed_companies_house_number_is_refused(typed):
    employer = EmployerFactory()
    employer.companies_house_number = typed

    with pytest.raises(ValidationError) as error:
        employer.full_clean()

    assert error.value.message_dict["companies_house_number"] == [
        "Enter a Companies House number of 8 characters: 8 digits, like 01234567, or 2 letters and 6 digits, like SC123456"
    ]
