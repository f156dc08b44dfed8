"""The permission matrix: members of one organisation never see or change another's drafts, statistics or
members, through any portal page, endpoint or action, nor through the public pages and the API.

Roles: anonymous, a resident, a member of organisation A, a member of organisation B, a member of an
unverified organisation, and a moderator (moderators work in the Wagtail admin, not in the portals).
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.models import Membership
from careers.models import ApprenticeshipVacancy, Employer, SponsoredOpportunity
from courses.models import Programme, ProgrammeImport, ProgrammeRun, Provider, Venue
from publishing.models import PostingActivity, StatusChange
from tests.portal.data import opportunity_data, programme_data, vacancy_data

ROLES = ["anonymous", "resident", "member of A", "member of B", "unverified member", "moderator"]


def provider_requests(portal) -> list[tuple[str, str, dict | None]]:
    base = f"/portal/provider/{portal.a.organisation.slug}"
    programme, run, venue, job = (portal.items[name] for name in ("programme", "run", "venue", "import"))
    return [
        ("GET", f"{base}/", None),
        ("GET", f"{base}/profile/", None),
        ("POST", f"{base}/profile/", {"kind": "bootcamp", "description": "Taken over"}),
        ("GET", f"{base}/venues/", None),
        ("GET", f"{base}/venues/new/", None),
        ("POST", f"{base}/venues/new/", {"name": "Another venue", "postcode": "LS1 3AB"}),
        ("GET", f"{base}/venues/{venue.pk}/", None),
        ("POST", f"{base}/venues/{venue.pk}/", {"name": "Renamed venue", "postcode": "LS1 3AB"}),
        ("GET", f"{base}/programmes/new/", None),
        ("POST", f"{base}/programmes/new/", programme_data()),
        ("GET", f"{base}/programmes/{programme.pk}/", None),
        ("GET", f"{base}/programmes/{programme.pk}/edit/", None),
        ("POST", f"{base}/programmes/{programme.pk}/edit/", programme_data(reference=programme.reference, title="Taken over")),
        ("POST", f"{base}/programmes/{programme.pk}/action/", {"action": "duplicate"}),
        ("POST", f"{base}/programmes/{programme.pk}/action/", {"action": "publish", "open_licence": "on"}),
        ("POST", f"{base}/programmes/{programme.pk}/action/", {"action": "withdraw"}),
        ("GET", f"{base}/programmes/{programme.pk}/runs/new/", None),
        ("POST", f"{base}/programmes/{programme.pk}/runs/new/", {"starts_on": "2030-01-07"}),
        ("GET", f"{base}/programmes/{programme.pk}/runs/{run.pk}/", None),
        ("POST", f"{base}/programmes/{programme.pk}/runs/{run.pk}/", {"starts_on": "2030-02-04"}),
        ("GET", f"{base}/imports/", None),
        ("POST", f"{base}/imports/", {"file": SimpleUploadedFile("feed.csv", b"reference\n"), "mode": "valid_rows", "open_licence": "on"}),
        ("GET", f"{base}/imports/{job.pk}/", None),
        ("GET", f"{base}/imports/{job.pk}/status.json", None),
        ("GET", f"{base}/reach/", None),
        ("GET", f"{base}/reach/programme/{programme.pk}/", None),
        ("GET", f"{base}/reach/programme/{programme.pk}/?since=2026-01-01&until=2026-01-31&format=csv", None),
        ("GET", f"/accounts/organisation/{portal.a.organisation.slug}/", None),
        ("POST", f"{base}/programmes/{programme.pk}/runs/{run.pk}/delete/", {}),
    ]


def employer_requests(portal) -> list[tuple[str, str, dict | None]]:
    base = f"/portal/employer/{portal.a.organisation.slug}"
    requests = [
        ("GET", f"{base}/", None),
        ("GET", f"{base}/profile/", None),
        ("POST", f"{base}/profile/", {"sector": "Taken over", "size": "micro", "disability_confident": "none"}),
        ("GET", f"{base}/reach/", None),
    ]
    for path, kind, item, data in [
        ("apprenticeships", "apprenticeship", portal.items["vacancy"], vacancy_data),
        ("opportunities", "opportunity", portal.items["opportunity"], opportunity_data),
    ]:
        requests += [
            ("GET", f"{base}/reach/{kind}/{item.pk}/", None),
            ("GET", f"{base}/reach/{kind}/{item.pk}/?since=2026-01-01&until=2026-01-31&format=csv", None),
            ("GET", f"{base}/{path}/new/", None),
            ("POST", f"{base}/{path}/new/", data()),
            ("GET", f"{base}/{path}/{item.pk}/", None),
            ("GET", f"{base}/{path}/{item.pk}/edit/", None),
            ("POST", f"{base}/{path}/{item.pk}/edit/", data(title="Taken over")),
            ("POST", f"{base}/{path}/{item.pk}/action/", {"action": "duplicate"}),
            ("POST", f"{base}/{path}/{item.pk}/action/", {"action": "publish", "open_licence": "on"}),
            ("POST", f"{base}/{path}/{item.pk}/action/", {"action": "withdraw"}),
        ]
    return requests + [("GET", f"/accounts/organisation/{portal.a.organisation.slug}/", None)]


def state() -> dict:
    """Everything a portal request could change."""
    return {
        "programmes": list(Programme.objects.order_by("pk").values_list("pk", "title", "status", "reference")),
        "runs": list(ProgrammeRun.objects.order_by("pk").values_list("pk", "starts_on")),
        "venues": list(Venue.objects.order_by("pk").values_list("pk", "name")),
        "providers": list(Provider.objects.order_by("pk").values_list("pk", "kind", "description")),
        "imports": ProgrammeImport.objects.count(),
        "vacancies": list(ApprenticeshipVacancy.objects.order_by("pk").values_list("pk", "title", "status")),
        "opportunities": list(SponsoredOpportunity.objects.order_by("pk").values_list("pk", "title", "status")),
        "employers": list(Employer.objects.order_by("pk").values_list("pk", "sector")),
        "memberships": list(Membership.objects.order_by("pk").values_list("pk", "status")),
        "decisions": StatusChange.objects.count(),
        "activity": PostingActivity.objects.count(),
    }


def send(client, method, url, data):
    return client.get(url) if method == "GET" else client.post(url, data)


def outcome(response) -> str:
    if response.status_code == 302 and response["Location"].startswith("/accounts/login/"):
        return "sign in"
    if response.status_code == 404:
        return "not found"
    if response.status_code == 403:
        return "forbidden"
    return "allowed"


@pytest.fixture(params=["provider", "employer"])
def portal_and_requests(request, provider_portal, employer_portal):
    if request.param == "provider":
        return provider_portal, provider_requests(provider_portal)
    return employer_portal, employer_requests(employer_portal)


@pytest.mark.parametrize("role", ROLES)
def test_every_portal_page_and_action_is_for_the_organisations_own_members(client, portal_and_requests, role):
    portal, requests = portal_and_requests
    person = portal.people[role]
    if person is not None:
        client.force_login(person)
    expected = {"anonymous": "sign in", "member of A": "allowed"}.get(role, "not found")
    before = state()

    wrong = []
    for method, url, data in requests:
        got = outcome(send(client, method, url, data))
        if got != expected:
            wrong.append(f"{method} {url}: {got}, expected {expected}")

    assert wrong == []
    if role != "member of A":
        assert state() == before, "a refused request changed something"


def test_a_member_cannot_reach_another_organisations_items_through_their_own_portal(client, provider_portal, employer_portal):
    for portal, path_items in [
        (provider_portal, [("programmes", provider_portal.items["programme"])]),
        (employer_portal, [("apprenticeships", employer_portal.items["vacancy"]), ("opportunities", employer_portal.items["opportunity"])]),
    ]:
        client.force_login(portal.people["member of B"])
        base = f"/portal/{portal.kind}/{portal.b.organisation.slug}"
        before = state()
        for path, item in path_items:
            for suffix in ("", "edit/"):
                assert client.get(f"{base}/{path}/{item.pk}/{suffix}").status_code == 404
            kind = {"programmes": "programme", "apprenticeships": "apprenticeship", "opportunities": "opportunity"}[path]
            assert client.get(f"{base}/reach/{kind}/{item.pk}/").status_code == 404
            for action in ("publish", "withdraw", "duplicate"):
                assert client.post(f"{base}/{path}/{item.pk}/action/", {"action": action}).status_code == 404
        assert state() == before
    provider = provider_portal.items
    base = f"/portal/provider/{provider_portal.b.organisation.slug}"
    client.force_login(provider_portal.people["member of B"])
    assert client.get(f"{base}/imports/{provider['import'].pk}/status.json").status_code == 404
    assert client.get(f"{base}/venues/{provider['venue'].pk}/").status_code == 404
    assert client.get(f"{base}/programmes/{provider['programme'].pk}/runs/{provider['run'].pk}/").status_code == 404


def test_a_provider_member_cannot_use_the_employer_portal_with_their_slug(client, provider_portal):
    client.force_login(provider_portal.people["member of A"])

    assert client.get(f"/portal/employer/{provider_portal.a.organisation.slug}/").status_code == 404


@pytest.mark.parametrize("role", ROLES)
def test_drafts_stay_private_on_public_pages_and_the_api(client, provider_portal, employer_portal, role):
    person = provider_portal.people[role]
    employer_person = employer_portal.people[role]
    drafts = [
        (provider_portal.items["programme"], person, "/api/v1/programmes/"),
        (employer_portal.items["vacancy"], employer_person, "/api/v1/apprenticeships/"),
        (employer_portal.items["opportunity"], employer_person, "/api/v1/opportunities/"),
    ]
    for item, someone, api in drafts:
        client.logout()
        if someone is not None:
            client.force_login(someone)
        page = client.get(item.get_absolute_url())
        may_preview = role in {"member of A", "moderator"}
        assert page.status_code == (200 if may_preview else 404), (role, item)
        listing = client.get(api)
        assert listing.status_code == 200
        assert item.title not in listing.content.decode()
