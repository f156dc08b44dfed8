"""An employer's members post apprenticeships and sponsored opportunities and see how many residents looked
at each and followed its "apply" link, without the platform storing anything about who."""

import pytest
from django.urls import reverse

from careers.models import ApprenticeshipVacancy, SponsoredOpportunity
from publishing.models import PostingActivity, Status
from tests.accounts.factories import UserFactory, member
from tests.careers.factories import ApprenticeshipVacancyFactory, EmployerFactory, SponsoredOpportunityFactory
from tests.portal.data import opportunity_data, vacancy_data
from tests.publishing.helpers import established

pytestmark = pytest.mark.django_db

BROWSER = {"HTTP_USER_AGENT": "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"}


@pytest.fixture
def employer():
    return EmployerFactory(organisation__name="Aire Bank", organisation__website="https://airebank.example.org")


def portal(employer, name="dashboard", **kwargs):
    return reverse(f"employer_portal:{name}", kwargs={"organisation": employer.organisation.slug, **kwargs})


def test_a_trusted_employer_posts_an_apprenticeship_that_goes_live(client, employer):
    established(ApprenticeshipVacancyFactory(employer=employer))
    client.force_login(member(employer))

    client.post(portal(employer, "apprenticeship_new"), vacancy_data())
    vacancy = ApprenticeshipVacancy.objects.get(reference="APP-1")
    client.post(portal(employer, "apprenticeship_action", pk=vacancy.pk), {"action": "publish", "open_licence": "on"})

    vacancy.refresh_from_db()
    assert vacancy.status == Status.PUBLISHED
    assert vacancy.local_authority.name == "Leeds"


def test_a_wage_below_the_apprentice_minimum_is_explained_and_not_published(client, employer):
    client.force_login(member(employer))
    client.post(portal(employer, "apprenticeship_new"), vacancy_data(weekly_wage="150.00", hours_per_week="30"))
    vacancy = ApprenticeshipVacancy.objects.get(reference="APP-1")

    detail = client.get(portal(employer, "apprenticeship", pk=vacancy.pk)).content.decode()
    refused = client.post(portal(employer, "apprenticeship_action", pk=vacancy.pk), {"action": "publish", "open_licence": "on"}, follow=True)

    assert "£5.00 an hour" in detail and "at least £8.00 an hour" in detail and "£240.00 a week" in detail
    assert "It cannot be published yet" in refused.content.decode()
    vacancy.refresh_from_db()
    assert vacancy.status == Status.DRAFT


def test_a_remote_sponsored_opportunity_needs_no_postcode(client, employer):
    client.force_login(member(employer))

    response = client.post(portal(employer, "opportunity_new"), opportunity_data())

    opportunity = SponsoredOpportunity.objects.get(reference="BOOT-1")
    assert response["Location"] == portal(employer, "opportunity", pk=opportunity.pk)
    assert opportunity.is_remote and opportunity.postcode == ""


def test_an_opportunity_in_a_place_needs_its_postcode(client, employer):
    client.force_login(member(employer))

    response = client.post(portal(employer, "opportunity_new"), opportunity_data(is_remote=""))

    assert response.status_code == 400
    assert "Enter the postcode where it happens" in response.content.decode()


def test_duplicate_and_withdraw(client, employer):
    opportunity = SponsoredOpportunityFactory(sponsor=employer, reference="BOOT-9", status=Status.PUBLISHED)
    client.force_login(member(employer))

    client.post(portal(employer, "opportunity_action", pk=opportunity.pk), {"action": "duplicate"})
    client.post(portal(employer, "opportunity_action", pk=opportunity.pk), {"action": "withdraw"})

    copy = SponsoredOpportunity.objects.get(reference="BOOT-9-copy")
    assert copy.status == Status.DRAFT and copy.title == opportunity.title
    opportunity.refresh_from_db()
    assert opportunity.status == Status.WITHDRAWN


def test_views_and_apply_clicks_are_counted_per_posting_without_personal_data(client, employer):
    vacancy = ApprenticeshipVacancyFactory(employer=employer, status=Status.PUBLISHED, apply_url="https://airebank.example.org/apply/42")
    other = SponsoredOpportunityFactory(sponsor=employer, status=Status.PUBLISHED)
    page, apply = vacancy.get_absolute_url(), reverse("careers:apprenticeship_apply", args=[vacancy.slug])

    client.get(page, **BROWSER)  # anonymous
    client.force_login(UserFactory())
    client.get(page, **BROWSER)  # a signed-in resident
    redirect = client.get(apply, **BROWSER)
    client.get(page, HTTP_USER_AGENT="Googlebot/2.1 (+http://www.google.com/bot.html)")
    client.force_login(member(employer))
    client.get(page, **BROWSER)  # the employer's own team
    client.get(other.get_absolute_url(), **BROWSER)

    # Not a site on the allow list, so the resident first sees where they are going (tests/publishing/test_external_links.py).
    assert redirect.status_code == 200 and 'href="https://airebank.example.org/apply/42"' in redirect.content.decode()
    dashboard = client.get(portal(employer)).content.decode()
    row = dashboard.split(vacancy.title)[1].split("</tr>")[0]
    assert '<td class="govuk-table__cell govuk-table__cell--numeric">2</td>' in row  # views
    assert '<td class="govuk-table__cell govuk-table__cell--numeric">1</td>' in row  # apply clicks
    assert {field.name for field in PostingActivity._meta.fields} == {
        "id", "content_type", "object_id", "day", "impressions", "views", "apply_clicks", "saves"
    }


def test_the_apply_link_only_goes_where_the_employer_said(client, employer):
    closed = ApprenticeshipVacancyFactory(employer=employer, status=Status.CLOSED)
    draft = ApprenticeshipVacancyFactory(employer=employer)

    to_page = client.get(reverse("careers:apprenticeship_apply", args=[closed.slug]), **BROWSER)
    hidden = client.get(reverse("careers:apprenticeship_apply", args=[draft.slug]), **BROWSER)
    tampered = client.get(reverse("careers:apprenticeship_apply", args=[closed.slug]) + "?next=https://evil.example", **BROWSER)

    assert to_page["Location"] == closed.get_absolute_url()
    assert tampered["Location"] == closed.get_absolute_url()
    assert hidden.status_code == 404
    assert not PostingActivity.objects.exists()


def test_a_closed_posting_says_so_and_offers_no_apply_button(client, employer):
    vacancy = ApprenticeshipVacancyFactory(employer=employer, status=Status.CLOSED)

    page = client.get(vacancy.get_absolute_url()).content.decode()

    assert "This closed on" in page
    assert "/apply/" not in page


def test_an_employer_gives_its_companies_house_number_in_capitals_or_not(client, employer):
    client.force_login(member(employer))
    profile = portal(employer, "profile")
    answers = {"sector": "Banking", "size": "large", "disability_confident": "none"}

    refused = client.post(profile, {**answers, "companies_house_number": "SC12345"})
    saved = client.post(profile, {**answers, "companies_house_number": "sc123456"})

    assert "Enter a Companies House number of 8 characters" in refused.content.decode()
    assert saved.status_code == 302
    employer.refresh_from_db()
    assert employer.companies_house_number == "SC123456"
