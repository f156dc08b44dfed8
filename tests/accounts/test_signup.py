"""Signing up as a resident, an employer or a training provider, and confirming the email address."""

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.models import Membership, Organisation, User
from accounts.selectors import user_can_publish_for
from tests.accounts.factories import PASSWORD, MembershipFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def sign_up(client, email, **details):
    return client.post(
        reverse("account_signup"),
        {"email": email, "password1": PASSWORD, "password2": PASSWORD, **details},
    )


def confirm_from_email(client, email):
    message = next(m for m in mail.outbox if email in m.to)
    link = re.search(r"https?://[^\s]+/accounts/confirm-email/[^\s]+/", message.body).group(0)
    path = link.split("://", 1)[1].split("/", 1)[1]
    return client.post(f"/{path}")


@pytest.mark.parametrize("role", ["resident", "employer", "provider", "partner"])
def test_each_role_signs_up_and_must_confirm_their_email_before_signing_in(client, role):
    details = {"role": role}
    if role != "resident":
        details["organisation_name"] = f"New {role} Ltd"

    response = sign_up(client, f"{role}@example.org", **details)

    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    user = User.objects.get(email=f"{role}@example.org")
    assert user.role == role
    # Not signed in until the address is confirmed.
    assert client.get(reverse("accounts:profile")).status_code == 302
    login = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert login["Location"] == reverse("account_email_verification_sent")

    confirmed = confirm_from_email(client, user.email)

    assert confirmed.status_code == 302
    profile = client.get(reverse("accounts:profile"))
    assert profile.status_code == 200
    assert user.get_role_display() in profile.content.decode()


def test_an_employer_who_registers_a_new_organisation_can_draft_but_not_publish(client):
    sign_up(client, "boss@example.org", role="employer", organisation_name="Aire Valley Software")
    confirm_from_email(client, "boss@example.org")

    organisation = Organisation.objects.get(name="Aire Valley Software")
    user = User.objects.get(email="boss@example.org")
    assert organisation.kind == "employer"
    assert not organisation.is_verified
    assert Membership.objects.get(user=user, organisation=organisation).status == "active"
    assert not user_can_publish_for(user=user, organisation=organisation)


def test_employer_or_provider_must_name_their_organisation(client):
    response = sign_up(client, "nameless@example.org", role="provider")

    assert response.status_code == 200
    assert "Enter your organisation&#x27;s name" in response.content.decode()
    assert not User.objects.filter(email="nameless@example.org").exists()


def test_a_new_organisation_is_created_only_once_its_first_member_confirms_their_email(client):
    sign_up(client, "founder@example.org", role="employer", organisation_name="<b>Cheap certificates</b> call 0800")

    # Someone who never confirms an address puts no words on the site.
    assert not Organisation.objects.exists()
    assert "Cheap certificates" not in client.get(reverse("account_signup")).content.decode()

    confirm_from_email(client, "founder@example.org")

    organisation = Organisation.objects.get()
    assert organisation.name == "<b>Cheap certificates</b> call 0800" and organisation.kind == "employer"
    assert not organisation.is_verified
    assert organisation.memberships.get().user.email == "founder@example.org"
    assert User.objects.get(email="founder@example.org").organisation_requested == ""
    # Listed for others to join only after a moderator has verified it.
    assert "Cheap certificates" not in Client().get(reverse("account_signup")).content.decode()


def test_only_verified_organisations_are_listed_and_can_be_joined_at_sign_up(client):
    verified = OrganisationFactory(name="Leeds City College", kind="provider", verified_at=timezone.now())
    unverified = OrganisationFactory(name="Totally Real Training Ltd", kind="provider")

    page = client.get(reverse("account_signup")).content.decode()

    assert "Leeds City College" in page and "Totally Real Training" not in page
    response = sign_up(client, "sneaky@example.org", role="provider", join_organisation=unverified.pk)
    assert response.status_code == 200 and not User.objects.filter(email="sneaky@example.org").exists()
    sign_up(client, "tutor@example.org", role="provider", join_organisation=verified.pk)
    assert Membership.objects.get(user__email="tutor@example.org").organisation == verified


def test_a_new_organisation_cannot_take_the_name_of_one_already_here(client):
    OrganisationFactory(name="Leeds City College", kind="provider", verified_at=timezone.now())

    response = sign_up(client, "copy@example.org", role="provider", organisation_name="leeds city college")

    assert "already on this site" in response.content.decode()
    assert Organisation.objects.filter(name__iexact="leeds city college").count() == 1


def test_a_new_organisation_cannot_take_the_name_of_one_waiting_for_a_moderator(client):
    OrganisationFactory(name="Leeds City College", kind="provider")

    response = sign_up(client, "copy@example.org", role="provider", organisation_name="Leeds city college")

    assert "already waiting for a moderator" in response.content.decode()
    assert not User.objects.filter(email="copy@example.org").exists()


def test_joining_an_organisation_of_the_other_kind_is_refused(client):
    employer = OrganisationFactory(kind="employer", name="Bradford Bank", verified_at=timezone.now())

    response = sign_up(client, "wrongkind@example.org", role="provider", join_organisation=employer.pk)

    assert "is listed as a employer" in response.content.decode()
    assert not User.objects.filter(email="wrongkind@example.org").exists()


def test_signup_page_is_a_plain_form_that_works_without_javascript(client):
    page = client.get(reverse("account_signup")).content.decode()

    assert 'for="id_email"' in page
    assert "Who are you?" in page
    assert 'type="radio"' in page
    assert "csrfmiddlewaretoken" in page


def test_residents_organisation_fields_are_ignored(client):
    sign_up(client, "resident@example.org", role="resident", organisation_name="Something")

    assert not Organisation.objects.exists()
    assert User.objects.get(email="resident@example.org").role == "resident"
