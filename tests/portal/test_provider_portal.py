"""A provider's members manage programmes and their runs in the portal, and see each one's status and any
moderator's reason."""

import pytest
from django.urls import reverse

from courses.models import Programme
from publishing import services as publishing
from publishing.models import Status
from tests.accounts.factories import OrganisationFactory, member
from tests.careers.factories import in_days
from tests.courses.factories import ProgrammeFactory, ProviderFactory
from tests.portal.data import programme_data
from tests.publishing.helpers import established

pytestmark = pytest.mark.django_db


@pytest.fixture
def provider():
    return ProviderFactory(organisation__name="Aire Valley College", organisation__website="https://airevalley.example.org")


def portal(provider, name="dashboard", **kwargs):
    return reverse(f"provider_portal:{name}", kwargs={"organisation": provider.organisation.slug, **kwargs})


def test_the_portal_home_sends_a_member_of_one_provider_to_its_programmes(client, provider):
    client.force_login(member(provider))

    response = client.get("/portal/provider/")

    assert response["Location"] == portal(provider)


def test_a_new_organisation_sets_up_its_profile_first(client):
    organisation = OrganisationFactory(kind="provider", name="Kirkstall Library")
    client.force_login(member(type("Profile", (), {"organisation": organisation})))

    assert client.get(f"/portal/provider/{organisation.slug}/")["Location"] == f"/portal/provider/{organisation.slug}/profile/"
    response = client.post(f"/portal/provider/{organisation.slug}/profile/", {"kind": "library", "description": "Free computers."})

    assert response.status_code == 302
    assert organisation.provider.kind == "library"
    assert client.get(f"/portal/provider/{organisation.slug}/").status_code == 200


def test_a_member_adds_a_programme_and_its_first_posting_waits_for_a_moderator(client, provider):
    client.force_login(member(provider))

    response = client.post(portal(provider, "programme_new"), programme_data(starts_any_time="on"))

    programme = Programme.objects.get(reference="NEW-1")
    assert response["Location"] == portal(provider, "programme", pk=programme.pk)
    assert programme.status == Status.DRAFT
    assert programme.description.startswith("<p>Learn to spot phishing")
    page = client.get(response["Location"]).content.decode()
    assert "Completeness:" in page and "Send for review" in page

    client.post(portal(provider, "programme_action", pk=programme.pk), {"action": "publish", "open_licence": "on"})

    programme.refresh_from_db()
    assert programme.status == Status.PENDING_REVIEW
    page = client.get(portal(provider, "programme", pk=programme.pk)).content.decode()
    assert "Waiting for review" in page
    assert "checks an organisation&#x27;s first posting" in page


def test_the_moderators_reason_shows_on_the_programme_and_the_list(client, provider, moderator):
    programme = ProgrammeFactory(provider=provider, title="Excel basics")
    publishing.item_publish(item=programme, by=member(provider))
    publishing.item_reject(item=programme, by=moderator, reason="Add the price of the exam")
    client.force_login(member(provider))

    detail = client.get(portal(provider, "programme", pk=programme.pk)).content.decode()
    listing = client.get(portal(provider)).content.decode()

    assert "Moderator's reason: Add the price of the exam" in detail
    assert "Draft" in listing and "Add the price of the exam" in listing


def test_form_errors_are_listed_and_nothing_is_saved(client, provider):
    client.force_login(member(provider))

    response = client.post(portal(provider, "programme_new"), programme_data(title="", cost="paid"))

    assert response.status_code == 400
    page = response.content.decode()
    assert "There is a problem" in page
    assert "Enter how much a paid programme costs" in page
    assert not Programme.objects.filter(reference="NEW-1").exists()


def test_a_reference_is_unique_within_the_provider(client, provider):
    ProgrammeFactory(provider=provider, reference="NEW-1")
    client.force_login(member(provider))

    response = client.post(portal(provider, "programme_new"), programme_data())

    assert "You already have a programme with the reference NEW-1" in response.content.decode()


def test_editing_a_published_programme_runs_the_checks_again(client, provider):
    programme = established(ProgrammeFactory(provider=provider, status=Status.PUBLISHED))
    client.force_login(member(provider))
    edit = portal(provider, "programme_edit", pk=programme.pk)

    refused = client.post(edit, programme_data(reference=programme.reference, summary="Earn thousands with our guaranteed income course"))
    flagged = client.post(edit, programme_data(reference=programme.reference, enquiry_url="https://bit.ly/cheap-course"))

    assert refused.status_code == 400
    assert "guaranteed income" in refused.content.decode()
    programme.refresh_from_db()
    assert programme.status == Status.PENDING_REVIEW
    assert "bit.ly" in programme.status_reason
    assert programme.summary != "Earn thousands with our guaranteed income course"


def test_duplicate_makes_a_draft_copy_with_the_future_runs(client, provider):
    programme = ProgrammeFactory(provider=provider, reference="DATA-1", status=Status.PUBLISHED, runs=[(in_days(-30), None), (in_days(20), None)])
    client.force_login(member(provider))

    response = client.post(portal(provider, "programme_action", pk=programme.pk), {"action": "duplicate"})

    copy = Programme.objects.get(reference="DATA-1-copy")
    assert response["Location"] == portal(provider, "programme_edit", pk=copy.pk)
    assert copy.status == Status.DRAFT and copy.slug != programme.slug
    assert [run.starts_on for run in copy.runs.all()] == [in_days(20)]
    assert set(copy.skill_areas.all()) == set(programme.skill_areas.all())
    client.post(portal(provider, "programme_action", pk=programme.pk), {"action": "duplicate"})
    assert Programme.objects.filter(reference="DATA-1-copy-2").exists()


def test_withdrawing_takes_a_programme_off_the_site(client, provider):
    programme = ProgrammeFactory(provider=provider, status=Status.PUBLISHED)
    client.force_login(member(provider))

    client.post(portal(provider, "programme_action", pk=programme.pk), {"action": "withdraw"})

    programme.refresh_from_db()
    assert programme.status == Status.WITHDRAWN
    client.logout()
    assert client.get(programme.get_absolute_url()).status_code == 404


def test_runs_are_added_changed_and_removed(client, provider):
    programme = ProgrammeFactory(provider=provider, runs=[])
    client.force_login(member(provider))

    client.post(portal(provider, "run_new", pk=programme.pk), {"starts_on": in_days(10).isoformat(), "note": "Tuesday evenings"})
    run = programme.runs.get()
    client.post(portal(provider, "run_edit", pk=programme.pk, run=run.pk), {"starts_on": in_days(12).isoformat(), "ends_on": in_days(2).isoformat()})
    run.refresh_from_db()
    assert run.starts_on == in_days(10) and run.note == "Tuesday evenings"  # the end before the start was refused

    client.post(portal(provider, "run_delete", pk=programme.pk, run=run.pk))
    assert not programme.runs.exists()


def test_the_last_future_run_of_a_published_programme_stays(client, provider):
    programme = ProgrammeFactory(provider=provider, status=Status.PUBLISHED)
    client.force_login(member(provider))

    response = client.post(portal(provider, "run_delete", pk=programme.pk, run=programme.runs.get().pk), follow=True)

    assert programme.runs.exists()
    assert "last future start date of a published programme" in response.content.decode()


def test_a_venue_needs_a_postcode_we_know(client, provider):
    client.force_login(member(provider))

    refused = client.post(portal(provider, "venue_new"), {"name": "Somewhere", "postcode": "ZZ9 9ZZ"})
    added = client.post(portal(provider, "venue_new"), {"name": "Central Library", "postcode": "ls1 3ab", "town": "Leeds"})

    assert "We do not have ZZ9 on our map" in refused.content.decode()
    assert added.status_code == 302
    venue = provider.venues.get()
    assert venue.postcode == "LS1 3AB" and venue.local_authority.name == "Leeds"


def test_members_see_the_your_organisation_link(client, provider):
    client.force_login(member(provider))

    page = client.get("/").content.decode()

    assert 'href="/portal/provider/">Your organisation<' in page


def test_a_provider_gives_its_ukprn_and_a_mistyped_one_is_explained(client, provider):
    client.force_login(member(provider))
    profile = portal(provider, "profile")

    refused = client.post(profile, {"kind": "fe_college", "ukprn": "2000123"})
    saved = client.post(profile, {"kind": "fe_college", "ukprn": "1000 1234"})

    assert refused.status_code == 400
    assert "Enter a UKPRN of 8 digits starting with 1, like 10001234" in refused.content.decode()
    assert saved.status_code == 302
    provider.refresh_from_db()
    assert provider.ukprn == "10001234"


def test_a_programme_gives_its_lars_code_in_the_portal(client, provider):
    client.force_login(member(provider))

    response = client.post(portal(provider, "programme_new"), programme_data(starts_any_time="on", lars_code="60312345"))

    assert response.status_code == 302
    assert Programme.objects.get(reference="NEW-1").lars_code == "60312345"
