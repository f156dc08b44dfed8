from allauth.account.authentication import get_authentication_records
from allauth.mfa.utils import is_mfa_enabled
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

ADMIN_PREFIX = "/admin/"


class StaffMFAMiddleware:
    """Nobody reaches the Wagtail admin without two-factor authentication.

    Someone without an authenticator app set up is sent to set one up; someone who has one but
    signed in this session without using it is signed out and asked to sign in again with it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if request.path.startswith(ADMIN_PREFIX) and user.is_authenticated:
            if not is_mfa_enabled(user):
                messages.info(request, "Set up an authenticator app before you use the admin.")
                return redirect(reverse("mfa_activate_totp"))
            if not any(record.get("method") == "mfa" for record in get_authentication_records(request, user)):
                logout(request)
                messages.info(request, "Sign in again with your authenticator app code to use the admin.")
                return redirect(f"{reverse('account_login')}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)
