"""What the campaign page tests share: reading a page as a resident, and signing in as staff for the admin."""

from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

from tests.accounts import helpers as accounts


def read(client, page) -> str:
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def sign_in_with_totp(client, user):
    """Staff reach the admin only after two-step sign in (see tests/accounts/test_admin_access.py)."""
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    accounts.sign_in_with_totp(client, user, secret)
