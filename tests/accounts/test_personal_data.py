"""A resident downloads their data and deletes their account."""

import json

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

from accounts.models import Membership, Organisation, User
from tests.accounts.factories import PASSWORD, MembershipFactory, OrganisationFactory
from tests.accounts.helpers import reauthenticate

pytestmark = pytest.mark.django_db


def test_a_person_downloads_everything_held_about_them_as_json(client, employer_member):
    client.force_login(employer_member)
    reauthenticate(client)

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
    reauthenticate(client)

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


def test_downloading_data_needs_the_password_again_even_in_a_signed_in_session(client, resident):
    client.force_login(resident)  # e.g. a laptop left signed in

    response = client.get(reverse("accounts:my_data_download"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_reauthenticate"))
    wrong = client.post(reverse("account_reauthenticate"), {"password": "not my password at all"})
    assert wrong.status_code == 200
    assert client.get(reverse("accounts:my_data_download"))["Location"].startswith(reverse("account_reauthenticate"))

    back = client.post(f"{reverse('account_reauthenticate')}?next={reverse('accounts:my_data_download')}", {"password": PASSWORD})

    assert back["Location"] == reverse("accounts:my_data_download")
    download = client.get(back["Location"])
    assert download.status_code == 200 and json.loads(download.content)["account"]["email"] == resident.email


def test_deleting_an_account_needs_the_password_again(client, resident):
    client.force_login(resident)

    page = client.get(reverse("accounts:delete"))
    response = client.post(reverse("accounts:delete"), {"confirm": "on"})

    assert page["Location"].startswith(reverse("account_reauthenticate"))
    assert response["Location"].startswith(reverse("account_reauthenticate"))
    assert User.objects.filter(pk=resident.pk).exists()


def test_a_password_needs_at_least_12_characters_and_not_a_common_one(client):
    for password in ("Xq7!mZp2#vL", "password1234"):
        response = client.post(
            reverse("account_signup"),
            {"email": "short@example.org", "password1": password, "password2": password, "role": "resident"},
        )
        assert response.status_code == 200
    page = response.content.decode()
    assert "too common" in page
    assert not User.objects.filter(email="short@example.org").exists()
    short = client.post(
        reverse("account_signup"),
        {"email": "short@example.org", "password1": "Xq7!mZp2#vL", "password2": "Xq7!mZp2#vL", "role": "resident"},
    )
    assert "at least 12 characters" in short.content.decode()


def test_deletion_needs_the_confirmation_box(client, resident):
    client.force_login(resident)
    reauthenticate(client)

    response = client.post(reverse("accounts:delete"), {})

    assert response.status_code == 200
    assert "Tick the box to confirm" in response.content.decode()
    assert User.objects.filter(pk=resident.pk).exists()


def test_deleting_an_account_ends_its_other_sessions(client, resident):
    from django.test import Client

    other_device = Client()
    other_device.force_login(resident)
    client.force_login(resident)
    reauthenticate(client)

    client.post(reverse("accounts:delete"), {"confirm": "on"})

    assert other_device.get(reverse("accounts:profile")).status_code == 302
