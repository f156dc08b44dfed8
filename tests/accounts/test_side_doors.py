"""There is one way in: allauth's sign-in, with its rate limits, email verification and the authenticator step.
Wagtail's own sign-in, password reset and email forms are closed, and an authenticator can only be removed by
someone who has just used it."""

import pytest
from allauth.mfa.models import Authenticator
from django.core import mail
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction

from tests.accounts.factories import PASSWORD
from tests.accounts.helpers import authenticator_code, sign_in_with_totp

pytestmark = pytest.mark.django_db


def signed_in_user_id(client):
    return client.session.get("_auth_user_id")


def test_wagtails_front_end_login_is_not_a_login_form(client, moderator_with_totp):
    moderator, _ = moderator_with_totp

    shown = client.get("/_util/login/?next=/admin/")
    posted = client.post("/_util/login/", {"username": moderator.email, "password": PASSWORD})

    assert shown.status_code in {301, 302}
    assert shown["Location"].startswith(reverse("account_login"))
    assert posted.status_code in {301, 302}
    assert signed_in_user_id(client) is None


def test_a_private_page_asks_people_to_sign_in_through_allauth(client):
    home = Page.objects.get(depth=2)
    PageViewRestriction.objects.create(page=home, restriction_type=PageViewRestriction.LOGIN)

    response = client.get(home.url)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_wagtails_own_password_reset_and_email_forms_are_closed(client, moderator_with_totp):
    moderator, secret = moderator_with_totp
    anonymous_reset = client.post("/admin/password_reset/", {"email": moderator.email})
    assert anonymous_reset.status_code == 404
    assert not mail.outbox

    sign_in_with_totp(client, moderator, secret)
    page = client.get("/admin/account/")

    assert page.status_code == 200
    html = page.content.decode()
    assert 'name="email-email"' not in html
    assert 'name="password-new_password1"' not in html


def test_removing_the_authenticator_needs_the_authenticator_not_just_the_password(client, moderator_with_totp):
    """A session that got in with the password alone (a stolen password) cannot swap the authenticator."""
    moderator, secret = moderator_with_totp
    client.force_login(moderator)
    # allauth's re-authentication with the password alone:
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})

    response = client.post(reverse("mfa_deactivate_totp"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("mfa_reauthenticate"))
    assert Authenticator.objects.filter(user=moderator, type=Authenticator.Type.TOTP).exists()
    codes = client.get(reverse("mfa_view_recovery_codes"))
    assert codes.status_code == 302 and codes["Location"].startswith(reverse("mfa_reauthenticate"))


def test_someone_who_used_their_authenticator_can_remove_it(client, moderator_with_totp):
    moderator, secret = moderator_with_totp
    client.force_login(moderator)
    asked = client.post(reverse("mfa_deactivate_totp"))
    client.post(asked["Location"], {"code": authenticator_code(secret)})

    response = client.post(reverse("mfa_deactivate_totp"))

    assert response.status_code == 302
    assert not Authenticator.objects.filter(user=moderator, type=Authenticator.Type.TOTP).exists()
    assert any("authenticator" in message.subject.lower() or "two-factor" in message.body.lower() for message in mail.outbox)


def test_changing_a_password_is_told_to_the_account_holder(client, resident):
    client.force_login(resident)
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})

    client.post(
        reverse("account_change_password"),
        {"oldpassword": PASSWORD, "password1": "a much longer new passphrase 7", "password2": "a much longer new passphrase 7"},
    )

    assert [message.to for message in mail.outbox] == [[resident.email]]
    assert "password" in mail.outbox[0].subject.lower()


def test_the_admin_guard_holds_under_a_url_prefix(client, moderator_with_totp):
    """Served under a prefix (SCRIPT_NAME=/skills), /skills/admin/ is still the admin."""
    moderator, _ = moderator_with_totp
    client.force_login(moderator)

    response = client.get("/admin/", SCRIPT_NAME="/skills")

    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]
    assert signed_in_user_id(client) is None


def test_a_private_collections_documents_need_the_authenticator_step(client, moderator_with_totp):
    moderator, secret = moderator_with_totp
    private = Collection.get_first_root_node().add_child(name="Moderators only")
    CollectionViewRestriction.objects.create(collection=private, restriction_type=CollectionViewRestriction.LOGIN)
    document = Document.objects.create(title="Fraud notes", collection=private, file=ContentFile(b"private", name="notes.txt"))

    client.force_login(moderator)  # password only: no authenticator code this session
    skipped = client.get(document.url)
    client.logout()
    sign_in_with_totp(client, moderator, secret)
    with_code = client.get(document.url)

    assert skipped.status_code == 302
    assert reverse("account_login") in skipped["Location"]
    assert with_code.status_code == 200
    assert b"".join(with_code.streaming_content) == b"private"
    document.file.delete(save=False)


def test_an_authenticator_code_is_not_needed_to_read_public_documents(client, resident):
    document = Document.objects.create(title="Timetable", file=ContentFile(b"public", name="timetable.txt"))
    client.force_login(resident)

    response = client.get(document.url)

    assert response.status_code == 200
    document.file.delete(save=False)


# Real commits: allauth announces a new authenticator when its transaction commits, inside the request.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_setting_up_an_authenticator_shows_its_recovery_codes_at_once(client, moderator):
    client.force_login(moderator)
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    form = client.get(reverse("mfa_activate_totp"))
    secret = client.session["mfa.totp.secret"]

    activated = client.post(reverse("mfa_activate_totp"), {"code": authenticator_code(secret)}, follow=True)

    assert activated.redirect_chain[-1][0] == reverse("mfa_view_recovery_codes")
    assert "recovery codes" in activated.content.decode().lower()
    assert form.status_code == 200


def test_a_staff_session_left_idle_is_signed_out(client, moderator_with_totp, settings):
    moderator, secret = moderator_with_totp
    sign_in_with_totp(client, moderator, secret)
    assert client.get("/admin/").status_code == 200
    session = client.session
    session["staff_last_seen"] -= settings.STAFF_IDLE_TIMEOUT + 1
    session.save()

    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert signed_in_user_id(client) is None


def test_a_residents_session_has_no_idle_timeout(client, resident, settings):
    client.force_login(resident)
    client.get("/accounts/profile/")

    assert "staff_last_seen" not in client.session
