"""Addresses browsers ask for whatever the site says: /favicon.ico."""

from django.shortcuts import redirect
from django.templatetags.static import static


def favicon(request):
    # Looked up when asked, not when the URLconf loads: the hashed name exists only after collectstatic.
    return redirect(static("icons/icon.svg"), permanent=True)
