"""Receivers for allauth's events, connected in AccountsConfig.ready()."""

from allauth.account.internal.flows.login import record_authentication
from allauth.mfa.models import Authenticator


def record_authenticator_set_up(sender, request, user, authenticator, **kwargs):
    """Setting up an authenticator app means typing a code from it: that counts as using it in this session,
    so the new recovery codes it leads to can be shown (accounts.middleware.SECOND_FACTOR_VIEWS)."""
    if request is not None and authenticator.type == Authenticator.Type.TOTP:
        record_authentication(request, user, "mfa", id=authenticator.pk, type=authenticator.type, reauthenticated=True)


def register_requested_organisation(sender, request, email_address, **kwargs):
    """The first confirmed address of someone who asked for a new organisation at sign-up creates it."""
    from .services import organisation_register_requested

    organisation_register_requested(user=email_address.user)
