"""axe-core on every kind of page, signed out and signed in as each role, with the forms' error states: none may
have a serious or critical accessibility problem.

Each test visits a group of pages with one set of records, so the database is emptied and filled once per
group rather than once per page; a failure lists every page that failed and what axe found there."""

import pytest
from django.conf import settings
from django.urls import reverse
from wagtail.models import Locale

from accounts.models import User
from courses.models import ProgrammeImport
from publishing.models import Status
from search.models import SavedItem, SavedSearch
from tests.accounts.factories import UserFactory, member
from tests.browser.helpers import serious_violations, sign_in
from tests.careers.factories import ApprenticeshipVacancyFactory, EmployerFactory, SponsoredOpportunityFactory
from tests.careers.page_factories import CampaignPageFactory, CareerProfilePageFactory, EventPageFactory, StoryPageFactory
from tests.courses.factories import ProgrammeFactory, ProviderFactory, VenueFactory, help_to_get_online
from tests.search.helpers import sync_now

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PUBLISHED = {"status": Status.PUBLISHED}


def submit_empty(page) -> None:
    """Empty the main form's text boxes and send it, to see its error state."""
    for box in page.locator("main form input[type=text]:visible, main form input[type=email]:visible, main form textarea:visible").all():
        box.fill("")
    with page.expect_navigation():
        page.locator("main form button[type=submit], main form .govuk-button[type=submit], main form button:not([type])").last.click()
    assert page.locator(".govuk-error-summary").count(), f"no error summary after sending the empty form at {page.url}"


def check_pages(page, base_url: str, visits: list) -> None:
    """Visit each (name, path, then) and run axe; then, if given, acts on the page and axe runs again."""
    found = {}
    for name, path, then in visits:
        response = page.goto(base_url + path)
        assert response.status == 200, f"{name}: {path} answered {response.status}"
        found[name] = serious_violations(page)
        if then:
            then(page)
            found[f"{name} (after {then.__name__.replace('_', ' ')})"] = serious_violations(page)
    failures = {name: problems for name, problems in found.items() if problems}
    assert not failures, "\n\n".join(f"{name}:\n  " + "\n  ".join(problems) for name, problems in failures.items())


@pytest.fixture
def postings(search_indices):
    provider = ProviderFactory(organisation__name="Aire Valley College")
    programme = help_to_get_online("Drop-in help at Headingley Library", postcode="LS6 3HG", areas=("EDS-F",))
    course = ProgrammeFactory(provider=provider, title="Data analysis bootcamp", **PUBLISHED)
    course.venues.add(VenueFactory(provider=provider, postcode="LS1 3AB"))
    employer = EmployerFactory(organisation__name="Aire Bank")
    vacancy = ApprenticeshipVacancyFactory(employer=employer, title="Software developer apprentice", **PUBLISHED)
    opportunity = SponsoredOpportunityFactory(sponsor=employer, title="Funded cloud bootcamp place", **PUBLISHED)
    sync_now()
    return {"provider": provider, "programme": programme, "course": course, "employer": employer, "vacancy": vacancy, "opportunity": opportunity}


def test_resident_pages_signed_out(page, live_server, postings):
    campaign, profile = CampaignPageFactory(), CareerProfilePageFactory()
    story, event = StoryPageFactory(), EventPageFactory()
    check_pages(
        page,
        live_server.url,
        [
            ("home", "/", None),
            ("search results", "/search/?q=data", None),
            ("search with filters and a place", "/search/?q=spreadsheets&postcode=LS6&distance=10&cost=free", None),
            ("search with no results", "/search/?q=zzqxv", None),
            ("programme", postings["course"].get_absolute_url(), None),
            ("help to get online", postings["programme"].get_absolute_url(), None),
            ("provider", postings["provider"].get_absolute_url(), None),
            ("apprenticeship", postings["vacancy"].get_absolute_url(), None),
            ("sponsored opportunity", postings["opportunity"].get_absolute_url(), None),
            ("employer", postings["employer"].get_absolute_url(), None),
            ("campaign", campaign.url, None),
            ("career profile", profile.url, None),
            ("story", story.url, None),
            ("events", "/events/", None),
            ("past events", "/events/past/", None),
            ("event", event.url, None),
            ("help finder start", "/pathways/", None),
            ("open data", "/data/", None),
        ],
    )


def search_near_a_place_not_found(page) -> None:
    page.fill("#search-near", "ZZ99")
    with page.expect_navigation():
        page.locator("main button[type=submit]").first.click()
    assert page.locator("#search-near-error").count()


def in_language(page, base_url: str, language: str) -> None:
    """What the header's language switcher leaves: Django's language cookie."""
    page.context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": base_url}])


@pytest.mark.parametrize("language, direction", [("ur", "rtl"), ("pl", "ltr")])
def test_resident_pages_in_another_language(page, live_server, postings, compiled_messages, language, direction):
    campaign = CampaignPageFactory()
    translation = campaign.copy_for_translation(Locale.objects.get(language_code=language), copy_parents=True)
    translation.save_revision().publish()
    in_language(page, live_server.url, language)
    page.goto(live_server.url + "/")
    assert page.locator("html").get_attribute("lang") == language and page.locator("html").get_attribute("dir") == direction
    check_pages(
        page,
        live_server.url,
        [
            ("home", "/", None),
            ("search results", "/search/?q=data", search_near_a_place_not_found),
            ("help to get online", postings["programme"].get_absolute_url(), None),
            ("translated campaign page", campaign.url, None),
            ("help finder start", "/pathways/", None),
            ("a question", reverse("pathways:question", args=["using-a-device"]), None),
            ("events", "/events/", None),
            ("sign in", reverse("account_login"), submit_empty),
        ],
    )


def test_account_pages_and_their_errors_signed_out(page, live_server, clear_limits):
    check_pages(
        page,
        live_server.url,
        [
            ("sign in", reverse("account_login"), submit_empty),
            ("create an account", reverse("account_signup"), submit_empty),
            ("reset password", reverse("account_reset_password"), submit_empty),
        ],
    )


def test_a_residents_pages_signed_in(page, live_server, postings):
    resident = UserFactory(role=User.Role.RESIDENT)
    SavedItem.objects.create(user=resident, kind=SavedItem.Kind.PROGRAMME, object_id=postings["course"].pk)
    SavedItem.objects.create(user=resident, kind=SavedItem.Kind.APPRENTICESHIP, object_id=postings["vacancy"].pk)
    SavedSearch.objects.create(user=resident, name="Data courses in Leeds", query="q=data&postcode=LS1")
    sign_in(page, live_server.url, resident)
    check_pages(
        page,
        live_server.url,
        [
            ("search results, signed in", "/search/?q=data", None),
            ("programme, signed in", postings["course"].get_absolute_url(), None),
            ("saved items and searches", reverse("search:saved"), None),
            ("profile", reverse("accounts:profile"), None),
            ("my data", reverse("accounts:my_data"), None),
            ("email addresses", reverse("account_email"), None),
            ("change password", reverse("account_change_password"), submit_empty),
            ("two-step sign in", reverse("mfa_index"), None),
            ("saved plans", reverse("pathways:saved_plans"), None),
        ],
    )


def test_the_provider_portal_its_forms_and_imports(page, live_server):
    provider = ProviderFactory(organisation__name="Aire Valley College")
    venue = VenueFactory(provider=provider)
    programme = ProgrammeFactory(provider=provider, title="Spreadsheets for work", delivery_mode="in_person")
    programme.venues.set([venue])
    running = ProgrammeImport.objects.create(provider=provider, filename="feed.csv", state="checking", total_rows=40, rows_checked=10)
    finished = ProgrammeImport.objects.create(
        provider=provider,
        filename="feed.csv",
        state=ProgrammeImport.State.FINISHED,
        total_rows=3,
        rows_checked=3,
        rows_saved=2,
        row_errors=[{"line": 3, "field": "cost", "message": "Choose free, funded or paid"}],
    )
    sign_in(page, live_server.url, member(provider))
    slug = provider.organisation.slug

    def portal(name, **kwargs):
        return reverse(f"provider_portal:{name}", kwargs={"organisation": slug, **kwargs})

    check_pages(
        page,
        live_server.url,
        [
            ("dashboard", portal("dashboard"), None),
            ("profile", portal("profile"), None),
            ("venues", portal("venues"), None),
            ("new venue", portal("venue_new"), submit_empty),
            ("new programme", portal("programme_new"), submit_empty),
            ("programme", portal("programme", pk=programme.pk), None),
            ("edit programme", portal("programme_edit", pk=programme.pk), None),
            ("new run", portal("run_new", pk=programme.pk), submit_empty),
            ("imports", portal("imports"), submit_empty),
            ("import in progress", portal("import", pk=running.pk), None),
            ("import result", portal("import", pk=finished.pk), None),
            ("reach", reverse("reach:provider", kwargs={"organisation": slug}), None),
        ],
    )


def test_the_employer_portal_and_its_forms(page, live_server):
    employer = EmployerFactory(organisation__name="Aire Bank")
    vacancy = ApprenticeshipVacancyFactory(employer=employer, title="Software developer apprentice")
    opportunity = SponsoredOpportunityFactory(sponsor=employer, title="Funded cloud bootcamp place")
    sign_in(page, live_server.url, member(employer))
    slug = employer.organisation.slug

    def portal(name, **kwargs):
        return reverse(f"employer_portal:{name}", kwargs={"organisation": slug, **kwargs})

    check_pages(
        page,
        live_server.url,
        [
            ("dashboard", portal("dashboard"), None),
            ("profile", portal("profile"), submit_empty),
            ("new apprenticeship", portal("apprenticeship_new"), submit_empty),
            ("apprenticeship", portal("apprenticeship", pk=vacancy.pk), None),
            ("new sponsored opportunity", portal("opportunity_new"), submit_empty),
            ("sponsored opportunity", portal("opportunity", pk=opportunity.pk), None),
            ("reach", reverse("reach:employer", kwargs={"organisation": slug}), None),
        ],
    )
