"""A resident downloads their data and deletes their account."""

import json

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

from accounts.models import Membership, Organisation, User
from tests.accounts.factories import PASSWORD, MembershipFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def test_a_person_downloads_everything_held_about_them_as_json(client, employer_member):
    client.force_login(employer_member)

    response = client.get(reverse("accounts:my_data_download"))

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    data = json.loads(response.content)
    assert data["account"]["email"] == employer_member.email
    assert data["email_addresses"][0]["verified"] is True
    assert data["organisations"][0]["organisation"] == employer_member.memberships.get().organisation.name


def test_someone_signed_out_cannot_download_data(client):
    response = client.get(reverse("accounts:my_data_download"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_deleting_an_account_removes_the_person_and_what_names_them(client, moderator):
    organisation = OrganisationFactory(verified_by=moderator)
    membership = MembershipFactory(organisation=organisation, user=moderator)
    MembershipFactory(organisation=organisation, status="pending", decided_by=moderator)
    client.force_login(moderator)

    response = client.post(reverse("accounts:delete"), {"confirm": "on"})

    assert response.status_code == 302
    assert not User.objects.filter(email="moderator@example.org").exists()
    assert not EmailAddress.objects.filter(email="moderator@example.org").exists()
    assert not Membership.objects.filter(pk=membership.pk).exists()
    organisation.refresh_from_db()
    assert organisation.verified_by is None
    assert not Membership.objects.filter(decided_by__isnull=False).exists()
    # The organisation stays for its other members.
    assert Organisation.objects.filter(pk=organisation.pk).exists()
    assert client.post(reverse("account_login"), {"login": "moderator@example.org", "password": PASSWORD}).status_code == 200


def test_deletion_needs_the_confirmation_box(client, resident):
    client.force_login(resident)

    response = client.post(reverse("accounts:delete"), {})

    assert response.status_code == 200
    assert "Tick the box to confirm" in response.content.decode()
    assert User.objects.filter(pk=resident.pk).exists()


def test_deleting_an_account_ends_its_other_sessions(client, resident):
    from django.test import Client

    other_device = Client()
    other_device.force_login(resident)
    client.force_login(resident)

    client.post(reverse("accounts:delete"), {"confirm": "on"})

    assert other_device.get(reverse("accounts:profile")).status_code == 302
