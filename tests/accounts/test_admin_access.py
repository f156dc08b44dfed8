"""Moderators reach the Wagtail admin only with two-step sign in, and verify organisations there."""

import time

import pytest
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value
from django.urls import reverse

from accounts.selectors import user_can_publish_for
from tests.accounts.factories import PASSWORD, MembershipFactory, OrganisationFactory, UserFactory
from tests.accounts.helpers import authenticator_code, sign_in_with_totp

pytestmark = pytest.mark.django_db


def test_wagtails_own_login_page_sends_people_to_the_one_sign_in(client):
    response = client.get("/admin/login/?next=/admin/")

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_a_moderator_without_two_step_sign_in_is_sent_to_set_it_up(client, moderator):
    client.post(reverse("account_login"), {"login": moderator.email, "password": PASSWORD})

    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")


def test_a_moderator_signed_in_with_an_authenticator_code_reaches_the_admin(client, moderator_with_totp):
    moderator, secret = moderator_with_totp

    sign_in_with_totp(client, moderator, secret)

    assert client.get("/admin/").status_code == 200


def test_a_wrong_code_keeps_the_moderator_out(client, moderator_with_totp):
    moderator, secret = moderator_with_totp
    client.post(reverse("account_login"), {"login": moderator.email, "password": PASSWORD})

    wrong = "000000" if authenticator_code(secret) != "000000" else "111111"
    response = client.post(reverse("mfa_authenticate"), {"code": wrong})

    assert response.status_code == 200
    assert "Incorrect code" in response.content.decode()
    assert client.get("/admin/")["Location"].startswith(reverse("account_login"))


def code_from(secret: str, *, windows_ago: int) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30 - windows_ago))


def away_from_a_window_edge():
    """Start in the first 25 seconds of a 30-second window, so no code below crosses into another one."""
    left = 30 - time.time() % 30
    if left < 5:
        time.sleep(left + 0.1)


def test_a_code_the_app_showed_just_before_it_moved_on_still_signs_in_once(client, moderator_with_totp):
    moderator, secret = moderator_with_totp
    away_from_a_window_edge()
    client.post(reverse("account_login"), {"login": moderator.email, "password": PASSWORD})

    too_old = client.post(reverse("mfa_authenticate"), {"code": code_from(secret, windows_ago=2)})
    assert "Incorrect code" in too_old.content.decode()
    just_before = client.post(reverse("mfa_authenticate"), {"code": code_from(secret, windows_ago=1)})
    assert just_before.status_code == 302

    client.post(reverse("account_logout"))
    client.post(reverse("account_login"), {"login": moderator.email, "password": PASSWORD})
    again = client.post(reverse("mfa_authenticate"), {"code": code_from(secret, windows_ago=1)})
    assert "Incorrect code" in again.content.decode()  # a code signs in once


def test_a_session_that_skipped_the_code_is_signed_out_of_the_admin(client, moderator_with_totp):
    moderator, _ = moderator_with_totp
    client.force_login(moderator)

    response = client.get("/admin/pages/")

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert "_auth_user_id" not in client.session


def test_moderator_verifies_an_organisation_and_its_members_can_then_publish(client, moderator_with_totp):
    moderator, secret = moderator_with_totp
    membership = MembershipFactory(organisation=OrganisationFactory(name="Calderdale Coders", kind="provider"))
    organisation, member = membership.organisation, membership.user
    assert not user_can_publish_for(user=member, organisation=organisation)
    sign_in_with_totp(client, moderator, secret)

    queue = client.get(reverse("accounts_organisation_queue"))
    assert "Calderdale Coders" in queue.content.decode()
    after = client.post(reverse("accounts_organisation_verify", args=[organisation.pk]), follow=True)

    assert "Calderdale Coders is verified" in after.content.decode()
    assert "No organisations are waiting to be verified" in after.content.decode()
    organisation.refresh_from_db()
    assert organisation.is_verified
    assert organisation.verified_by == moderator
    assert user_can_publish_for(user=member, organisation=organisation)


def test_staff_who_are_not_moderators_cannot_verify(client):
    editor = UserFactory(is_staff=True, is_superuser=False)
    secret = generate_totp_secret()
    TOTP.activate(editor, secret)
    organisation = OrganisationFactory()
    sign_in_with_totp(client, editor, secret)

    response = client.post(reverse("accounts_organisation_verify", args=[organisation.pk]))

    assert response.status_code in {302, 403}
    organisation.refresh_from_db()
    assert not organisation.is_verified


def test_repeated_failed_sign_ins_are_rate_limited(client, resident):
    def sign_in(password):
        return client.post(reverse("account_login"), {"login": resident.email, "password": password})

    attempts = [sign_in("wrong password").content.decode() for _ in range(6)]

    assert "Too many failed login attempts" not in attempts[0]
    assert "Too many failed login attempts" in attempts[-1]
    # Even the right password is refused while the limit holds.
    right = sign_in(PASSWORD)
    assert "Too many failed login attempts" in right.content.decode()
    assert "_auth_user_id" not in client.session
