"""Join requests between people of one organisation, and moderators verifying organisations."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from accounts.models import Membership
from accounts.selectors import user_can_publish_for
from tests.accounts.factories import PASSWORD, MembershipFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def provider():
    return OrganisationFactory(kind="provider", name="Kirklees Libraries", verified_at=timezone.now())


@pytest.fixture
def provider_member(provider):
    return MembershipFactory(organisation=provider, user=UserFactory(email="librarian@example.org", role="provider")).user


def test_a_second_person_asks_to_join_and_an_existing_member_approves(
    client, provider, provider_member, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("account_signup"),
            {"email": "newcomer@example.org", "password1": PASSWORD, "password2": PASSWORD,
             "role": "provider", "join_organisation": provider.pk},
        )
    request = Membership.objects.get(user__email="newcomer@example.org", organisation=provider)
    assert request.status == "pending"
    assert any(provider_member.email in m.to and "asked to join" in m.subject for m in mail.outbox)

    client.force_login(provider_member)
    page = client.get(reverse("accounts:organisation", args=[provider.slug])).content.decode()
    assert "newcomer@example.org" in page
    response = client.post(reverse("accounts:join_request_decide", args=[provider.slug, request.pk, "approve"]))

    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == "active"
    assert request.decided_by == provider_member


def test_a_member_can_decline_a_request(client, provider, provider_member):
    request = MembershipFactory(organisation=provider, status="pending")
    client.force_login(provider_member)

    client.post(reverse("accounts:join_request_decide", args=[provider.slug, request.pk, "decline"]))

    assert not Membership.objects.filter(pk=request.pk).exists()


def test_someone_outside_the_organisation_cannot_see_or_decide_its_requests(client, provider, provider_member):
    request = MembershipFactory(organisation=provider, status="pending")
    outsider = MembershipFactory(organisation=OrganisationFactory(kind="provider")).user
    client.force_login(outsider)

    assert client.get(reverse("accounts:organisation", args=[provider.slug])).status_code == 404
    response = client.post(reverse("accounts:join_request_decide", args=[provider.slug, request.pk, "approve"]))

    assert response.status_code == 404
    request.refresh_from_db()
    assert request.status == "pending"


def test_a_pending_member_cannot_approve_themselves(client, provider, provider_member):
    request = MembershipFactory(organisation=provider, status="pending")
    client.force_login(request.user)

    response = client.post(reverse("accounts:join_request_decide", args=[provider.slug, request.pk, "approve"]))

    assert response.status_code == 404
    request.refresh_from_db()
    assert request.status == "pending"


def test_an_unknown_decision_in_the_address_is_not_found(client, provider, provider_member):
    request = MembershipFactory(organisation=provider, status="pending")
    client.force_login(provider_member)

    response = client.post(f"/accounts/organisation/{provider.slug}/requests/{request.pk}/delete-everything/")

    assert response.status_code == 404


def test_decisions_need_a_post(client, provider, provider_member):
    request = MembershipFactory(organisation=provider, status="pending")
    client.force_login(provider_member)

    response = client.get(reverse("accounts:join_request_decide", args=[provider.slug, request.pk, "approve"]))

    assert response.status_code == 405
