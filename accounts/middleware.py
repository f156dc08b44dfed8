import time

from allauth.account.authentication import get_authentication_records
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

# Matched on request.path_info, so the guard holds when the site is served under a URL prefix (SCRIPT_NAME).
ADMIN_PREFIX = "/admin/"
# Documents of private collections are served here; staff sessions may open group-restricted ones.
DOCUMENTS_PREFIX = "/documents/"
# allauth's pages that remove or reveal a second factor: only someone who has used the authenticator in this
# session may open them, or a stolen password would be enough to swap the authenticator for the thief's.
SECOND_FACTOR_VIEWS = {
    "mfa_deactivate_totp",
    "mfa_view_recovery_codes",
    "mfa_generate_recovery_codes",
    "mfa_download_recovery_codes",
}
LAST_SEEN_KEY = "staff_last_seen"


def has_staff_access(user) -> bool:
    return user.is_authenticated and (user.is_staff or user.is_superuser or user.has_perm("wagtailadmin.access_admin"))


def used_second_factor(request, user) -> bool:
    return any(record.get("method") == "mfa" for record in get_authentication_records(request, user))


def _sign_in_again(request, message: str):
    logout(request)
    messages.info(request, message)
    return redirect(f"{reverse('account_login')}?{urlencode({'next': request.get_full_path()})}")


class StaffMFAMiddleware:
    """Staff areas need a second factor used in this session, and staff sessions end when left idle.

    - `/admin/` (and, for staff, `/documents/`): someone without an authenticator app is sent to set one up;
      someone who has one but signed in this session without it is signed out and asked to sign in with it.
    - Removing or revealing a second factor needs the authenticator, not the password alone.
    - A staff session unused for STAFF_IDLE_TIMEOUT seconds is signed out.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated:
            refused = self._idle_staff_session(request, user) or self._staff_area(request, user)
            if refused:
                return refused
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = request.user
        match = request.resolver_match
        if match and match.url_name in SECOND_FACTOR_VIEWS and user.is_authenticated and is_mfa_enabled(user):
            if not used_second_factor(request, user):
                messages.info(request, "Enter a code from your authenticator app to change your two-step sign in.")
                return redirect(f"{reverse('mfa_reauthenticate')}?{urlencode({'next': request.get_full_path()})}")
        return None

    def _idle_staff_session(self, request, user):
        if not has_staff_access(user):
            return None
        now = time.time()
        last_seen = request.session.get(LAST_SEEN_KEY)
        if last_seen is not None and now - last_seen > settings.STAFF_IDLE_TIMEOUT:
            minutes = settings.STAFF_IDLE_TIMEOUT // 60
            return _sign_in_again(request, f"You were signed out after {minutes} minutes without activity. Sign in again.")
        request.session[LAST_SEEN_KEY] = now
        return None

    def _staff_area(self, request, user):
        path = request.path_info
        if not (path.startswith(ADMIN_PREFIX) or (path.startswith(DOCUMENTS_PREFIX) and has_staff_access(user))):
            return None
        if not is_mfa_enabled(user):
            messages.info(request, "Set up an authenticator app before you use the admin.")
            return redirect(reverse("mfa_activate_totp"))
        if not used_second_factor(request, user):
            return _sign_in_again(request, "Sign in again with your authenticator app code to use the admin.")
        return None
