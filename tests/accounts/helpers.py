"""Signing in steps that several test modules share."""

from django.urls import reverse

from tests.accounts.factories import PASSWORD


def reauthenticate(client):
    """Type the password again, as allauth asks before downloading or deleting an account's data."""
    response = client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    assert response.status_code == 302, response.content.decode()
    return response
