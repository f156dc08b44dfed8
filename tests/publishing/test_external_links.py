"""Links that take residents to other sites: refused when a browser would go somewhere other than where they
appear to go, checked against the poster's approved website, and behind a "You are leaving" page unless the
site is one we know."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from accounts.models import Organisation
from publishing import posting_checks as checks
from publishing import services
from publishing.external_urls import UnsafeURL, browser_host
from publishing.models import Status
from tests.accounts.factories import member
from tests.accounts.helpers import sign_in_with_totp
from tests.careers.factories import ApprenticeshipVacancyFactory, EmployerFactory, SponsoredOpportunityFactory
from tests.courses.factories import ProgrammeFactory, ProviderFactory
from tests.portal.data import programme_data
from tests.publishing.helpers import established, member_of

pytestmark = pytest.mark.django_db

BROWSER = {"HTTP_USER_AGENT": "Mozilla/5.0 (X11; Linux x86_64) Firefox/130.0"}


@pytest.mark.parametrize(
    "url, host",
    [
        ("https://www.leeds.gov.uk/jobs", "www.leeds.gov.uk"),
        ("HTTPS://Apply.Example.ORG./x?y=1#z", "apply.example.org"),
        ("http://example.org:8080/", "example.org"),
        ("https://ex%61mple.org/", "example.org"),  # browsers percent-decode the host
        ("https://bücher.example/", "xn--bcher-kva.example"),
        ("https://0x7f.1/", "127.0.0.1"),  # and read numbers as an IPv4 address
    ],
)
def test_the_host_is_the_one_a_browser_goes_to(url, host):
    assert browser_host(url) == host


@pytest.mark.parametrize(
    "url",
    [
        "https://evil.example\\@leeds.gov.uk/",  # a browser goes to evil.example
        "https://evil.example/\\leeds.gov.uk",
        "https://someone@leeds.gov.uk/",
        "https://user:password@leeds.gov.uk/",
        "javascript:alert(1)",
        "ftp://leeds.gov.uk/",
        "https:evil.example",
        "https:///evil.example",
        "https://leeds.gov.uk /x",
        "https://leeds.gov.uk\t.evil.example/",
        "https://evil.example%2fleeds.gov.uk/",
        "https://leeds.gov.uk:port/",
        "https://\u200bleeds.gov.uk/",
        "//evil.example/",
    ],
)
def test_addresses_that_could_fool_a_check_are_refused(url):
    with pytest.raises(UnsafeURL):
        browser_host(url)


def test_a_backslash_trick_is_a_problem_not_a_pass():
    programme = ProgrammeFactory(enquiry_url="https://evil.example\\@leeds.gov.uk/")

    report = checks.run_checks(programme)

    assert [finding.field for finding in report.problems] == ["enquiry_url"]
    assert "backslash" in report.problems[0].message
    with pytest.raises(ValidationError):
        services.item_publish(item=programme, by=member_of(programme))


def test_a_link_in_the_description_with_a_name_before_the_at_is_a_problem():
    programme = ProgrammeFactory(description='<p><a href="https://leeds.gov.uk@evil.example/">Council</a></p>')

    (problem,) = checks.run_checks(programme).problems

    assert problem.field == "description" and "@" in problem.message


def test_the_portal_form_refuses_a_backslash_or_user_info(client):
    provider = ProviderFactory(organisation__website="https://airevalley.example.org")
    client.force_login(member(provider))
    url = reverse("provider_portal:programme_new", kwargs={"organisation": provider.organisation.slug})

    for address in ("https://evil.example\\@leeds.gov.uk/", "https://leeds.gov.uk@evil.example/"):
        response = client.post(url, programme_data(starts_any_time="on", enquiry_url=address))
        assert response.status_code == 400
        assert "Web page to apply or enquire" in response.content.decode()
    assert not provider.programmes.exists()


# The poster's own website -----------------------------------------------------------------------


def profile_url(profile):
    namespace = "provider_portal" if profile.organisation.kind == Organisation.Kind.PROVIDER else "employer_portal"
    return reverse(f"{namespace}:profile", kwargs={"organisation": profile.organisation.slug})


def test_a_changed_website_waits_for_a_moderator_before_links_to_it_pass(client, moderator_with_totp):
    employer = EmployerFactory(website="https://employer.example.org")
    client.force_login(member(employer))

    response = client.post(
        profile_url(employer),
        {"sector": "Banking", "size": "large", "disability_confident": "none", "website": "https://cheap-certs.example.com"},
    )

    assert response.status_code == 302
    employer.refresh_from_db()
    assert employer.website == "https://employer.example.org"
    assert employer.organisation.website_requested == "https://cheap-certs.example.com"
    vacancy = established(ApprenticeshipVacancyFactory(employer=employer, apply_url="https://cheap-certs.example.com/apply"))
    (flag,) = checks.links(vacancy)
    assert "cheap-certs.example.com" in flag.message
    form = client.get(profile_url(employer)).content.decode()
    assert "waits for a moderator" in form and 'value="https://cheap-certs.example.com"' in form

    queue = client.get(reverse("accounts_organisation_queue"))  # a member is not a moderator
    assert queue.status_code in {302, 403}
    client.logout()
    sign_in_with_totp(client, *moderator_with_totp)
    queue = client.get(reverse("accounts_organisation_queue")).content.decode()
    assert "https://cheap-certs.example.com" in queue
    client.post(reverse("accounts_organisation_website_decide", args=[employer.organisation.pk, "approve"]))

    employer.refresh_from_db()
    assert employer.website == "https://cheap-certs.example.com"
    assert employer.organisation.website_requested == ""
    assert checks.links(vacancy) == []


def test_a_moderator_can_turn_down_a_new_website(client, moderator_with_totp):
    provider = ProviderFactory(website="https://college.example.org")
    client.force_login(member(provider))
    client.post(profile_url(provider), {"kind": "fe_college", "website": "https://elsewhere.example.com"})

    client.logout()
    sign_in_with_totp(client, *moderator_with_totp)
    client.post(reverse("accounts_organisation_website_decide", args=[provider.organisation.pk, "decline"]))

    provider.refresh_from_db()
    assert provider.website == "https://college.example.org"
    assert provider.organisation.website_requested == ""


def test_saving_the_profile_again_keeps_the_waiting_website_and_removing_a_website_needs_no_moderator(client):
    provider = ProviderFactory(website="https://college.example.org")
    client.force_login(member(provider))
    client.post(profile_url(provider), {"kind": "fe_college", "website": "https://elsewhere.example.com"})
    client.post(profile_url(provider), {"kind": "library", "website": "https://elsewhere.example.com"})

    provider.refresh_from_db()
    assert (provider.kind, provider.website) == ("library", "https://college.example.org")
    assert provider.organisation.website_requested == "https://elsewhere.example.com"

    client.post(profile_url(provider), {"kind": "library", "website": ""})

    provider.refresh_from_db()
    assert provider.website == "" and provider.organisation.website_requested == ""


# Leaving the site --------------------------------------------------------------------------------


def test_an_apply_link_to_a_site_not_on_the_allow_list_shows_a_leaving_page(client):
    vacancy = ApprenticeshipVacancyFactory(status=Status.PUBLISHED, apply_url="https://airebank.example.org/apply/42")

    response = client.get(reverse("careers:apprenticeship_apply", args=[vacancy.slug]), **BROWSER)

    assert response.status_code == 200
    page = response.content.decode()
    assert "You are leaving Digital Skills Leeds City Region" in page
    assert "airebank.example.org" in page
    assert 'href="https://airebank.example.org/apply/42"' in page


@pytest.mark.parametrize("name", ["opportunity", "programme"])
def test_an_apply_link_to_a_site_on_the_allow_list_goes_straight_there(client, name):
    if name == "programme":
        item = ProgrammeFactory(status=Status.PUBLISHED, enquiry_url="https://nationalcareers.service.gov.uk/find-a-course")
        url = reverse("courses:programme_apply", args=[item.slug])
    else:
        item = SponsoredOpportunityFactory(status=Status.PUBLISHED, apply_url="https://jobs.greenhouse.io/aire/1")
        url = reverse("careers:opportunity_apply", args=[item.slug])

    response = client.get(url, **BROWSER)

    assert response.status_code == 302
    assert response["Location"] == (item.enquiry_url if name == "programme" else item.apply_url)


def test_an_apply_link_saved_before_these_checks_that_would_fool_a_browser_goes_nowhere(client):
    vacancy = ApprenticeshipVacancyFactory(status=Status.PUBLISHED, apply_url="https://evil.example\\@leeds.gov.uk/")

    response = client.get(reverse("careers:apprenticeship_apply", args=[vacancy.slug]), **BROWSER)

    assert response.status_code == 404
