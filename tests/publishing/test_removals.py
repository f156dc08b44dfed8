"""Tombstones: a harvester copying the open-data lists with `updated_since` learns, from /api/v1/removed/, what
stopped being public since it last asked, whatever took it down, and nothing about who did it."""

import datetime

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from accounts.services import organisation_verify
from publishing import services as publishing
from publishing.models import Removal, Status
from tests.careers.factories import ApprenticeshipVacancyFactory, EmployerFactory, SponsoredOpportunityFactory, in_days
from tests.courses.factories import ProgrammeFactory, ProviderFactory
from tests.publishing.helpers import member_of

pytestmark = pytest.mark.django_db

REMOVED = "/api/v1/removed/"


@pytest.fixture(autouse=True)
def fresh_throttle():
    """The throttle counts requests in the cache; each test starts with none counted."""
    cache.clear()


def removed_since(client, moment: datetime.datetime, **params) -> list[dict]:
    response = client.get(REMOVED, {"updated_since": moment.isoformat(), **params})
    assert response.status_code == 200, response.content
    return response.json()["results"]


def listed(client, endpoint: str, moment: datetime.datetime) -> list[str]:
    response = client.get(f"/api/v1/{endpoint}/", {"updated_since": moment.isoformat()})
    return [item["slug"] for item in response.json()["results"]]


def test_a_withdrawn_programme_leaves_the_list_and_a_harvester_learns_when_and_why(client):
    programme = ProgrammeFactory(status=Status.PUBLISHED)
    last_harvest = timezone.now()

    publishing.item_withdraw(item=programme, by=member_of(programme))

    [removal] = removed_since(client, last_harvest)
    assert (removal["kind"], removal["slug"], removal["reason"]) == ("programme", programme.slug, "withdrawn")
    assert datetime.datetime.fromisoformat(removal["removed_at"]) >= last_harvest
    assert programme.slug not in listed(client, "programmes", last_harvest)


def test_a_moderators_take_down_says_withdrawn_and_never_the_moderators_words_or_name(client, moderator):
    vacancy = ApprenticeshipVacancyFactory(status=Status.PUBLISHED)
    last_harvest = timezone.now()

    publishing.item_take_down(item=vacancy, by=moderator, reason="Phone Jo Bloggs on 07700 900123 about this")

    response = client.get(REMOVED, {"updated_since": last_harvest.isoformat()})
    [removal] = response.json()["results"]
    assert removal == {"kind": "apprenticeship", "slug": vacancy.slug, "removed_at": removal["removed_at"], "reason": "withdrawn"}
    text = response.content.decode()
    assert "Jo Bloggs" not in text and "07700" not in text and moderator.email not in text


def test_a_deleted_posting_and_a_deleted_organisation_leave_tombstones(client):
    opportunity = SponsoredOpportunityFactory(status=Status.PUBLISHED)
    provider = ProviderFactory()
    programme = ProgrammeFactory(provider=provider, status=Status.PUBLISHED)
    last_harvest = timezone.now()

    opportunity.delete()
    provider.organisation.delete()  # its profile and programmes go with it

    found = {(removal["kind"], removal["slug"], removal["reason"]) for removal in removed_since(client, last_harvest)}
    assert found == {
        ("opportunity", opportunity.slug, "deleted"),
        ("programme", programme.slug, "deleted"),
        ("provider", provider.organisation.slug, "deleted"),
    }


def test_an_organisation_no_longer_verified_takes_its_profile_and_postings_with_it(client, moderator):
    employer = EmployerFactory()
    vacancy = ApprenticeshipVacancyFactory(employer=employer, status=Status.PUBLISHED)
    draft = SponsoredOpportunityFactory(sponsor=employer, status=Status.DRAFT)
    last_harvest = timezone.now()

    publishing.organisation_unverify(organisation=employer.organisation, by=moderator)

    found = {(removal["kind"], removal["slug"], removal["reason"]) for removal in removed_since(client, last_harvest)}
    assert found == {
        ("employer", employer.slug, "organisation_unverified"),
        ("apprenticeship", vacancy.slug, "organisation_unverified"),
    }
    assert draft.slug not in str(found)  # never public, so never listed
    assert client.get(f"/api/v1/employers/{employer.slug}/").status_code == 404


def test_only_a_moderator_can_take_verification_away():
    employer = EmployerFactory()

    with pytest.raises(publishing.PermissionDenied):
        publishing.organisation_unverify(organisation=employer.organisation, by=member_of(employer.organisation))

    assert Removal.objects.count() == 0


def test_a_posting_closed_by_its_closing_date_leaves_a_tombstone(client):
    vacancy = ApprenticeshipVacancyFactory(status=Status.PUBLISHED, closing_date=in_days(-1), start_date=in_days(10))
    last_harvest = timezone.now()

    publishing.items_close_expired()

    [removal] = removed_since(client, last_harvest, kind="apprenticeship")
    assert (removal["slug"], removal["reason"]) == (vacancy.slug, "closed")


def test_what_was_removed_before_updated_since_is_not_listed(client):
    old = ProgrammeFactory(status=Status.PUBLISHED)
    publishing.item_withdraw(item=old, by=member_of(old))
    Removal.objects.filter(slug=old.slug).update(removed_at=timezone.now() - datetime.timedelta(days=3))
    recent = ProgrammeFactory(status=Status.PUBLISHED)
    publishing.item_withdraw(item=recent, by=member_of(recent))

    since_yesterday = removed_since(client, timezone.now() - datetime.timedelta(days=1))
    since_last_week = removed_since(client, timezone.now() - datetime.timedelta(days=7))

    assert [removal["slug"] for removal in since_yesterday] == [recent.slug]
    assert [removal["slug"] for removal in since_last_week] == [old.slug, recent.slug]


def test_a_draft_that_was_never_public_leaves_no_tombstone(client):
    draft = ProgrammeFactory(status=Status.DRAFT)
    unverified = ProgrammeFactory(status=Status.PUBLISHED, provider=ProviderFactory(verified=False))

    publishing.item_withdraw(item=draft, by=member_of(draft))
    unverified.delete()

    assert removed_since(client, timezone.now() - datetime.timedelta(days=1)) == []


def test_an_item_that_comes_back_is_no_longer_listed_as_removed(client, moderator):
    programme = ProgrammeFactory(status=Status.PUBLISHED)
    employer = EmployerFactory()
    vacancy = ApprenticeshipVacancyFactory(employer=employer, status=Status.PUBLISHED)
    last_harvest = timezone.now()
    publishing.item_withdraw(item=programme, by=member_of(programme))
    publishing.organisation_unverify(organisation=employer.organisation, by=moderator)

    publishing.item_publish(item=programme, by=moderator)
    organisation_verify(organisation=employer.organisation, by=moderator)

    assert removed_since(client, last_harvest) == []
    assert programme.slug in listed(client, "programmes", last_harvest)
    assert vacancy.slug in listed(client, "apprenticeships", last_harvest)


def test_a_bad_kind_or_moment_is_a_400_that_says_what_is_wrong(client):
    assert client.get(REMOVED, {"kind": "course"}).json() == {
        "kind": ["Unknown kind: use one of programme, apprenticeship, opportunity, provider, employer."]
    }
    assert "updated_since" in client.get(REMOVED, {"updated_since": "yesterday"}).json()


def test_a_moderator_withdraws_verification_in_the_admin_and_harvesters_learn_of_it(client, moderator_client):
    provider = ProviderFactory(organisation__name="Not A Real College")
    programme = ProgrammeFactory(provider=provider, status=Status.PUBLISHED)
    last_harvest = timezone.now()

    listed_page = moderator_client.get(reverse("publishing_verified_organisations"), {"q": "not a real"}).content.decode()
    done = moderator_client.post(reverse("publishing_organisation_unverify", args=[provider.organisation.pk]), follow=True)

    assert "Not A Real College" in listed_page
    assert "Not A Real College is no longer verified" in done.content.decode()
    assert {(removal["kind"], removal["slug"]) for removal in removed_since(client, last_harvest)} == {
        ("provider", provider.slug),
        ("programme", programme.slug),
    }


def test_only_moderators_open_the_withdraw_verification_pages(client):
    provider = ProviderFactory()
    client.force_login(member_of(provider.organisation))

    assert client.get(reverse("publishing_verified_organisations")).status_code in {302, 403}
    assert client.post(reverse("publishing_organisation_unverify", args=[provider.organisation.pk])).status_code in {302, 403}
    provider.organisation.refresh_from_db()
    assert provider.organisation.is_verified
