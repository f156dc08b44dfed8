"""Leaving the site through an apply button, and unsubscribing from organisations' emails without signing in
(mounted in both portals' URLs)."""

from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from . import notifications
from .external_urls import UnsafeURL, browser_host, is_known_host


def leave_for(request, *, url: str, item):
    """Send a resident on to an item's apply address: straight there if the site is on our allow list
    (data/link_domains.txt), otherwise through a page that names the site they are going to.

    Not even the poster's approved website goes straight through: a moderator checked it once, but a domain
    can change hands, and residents should know they are leaving us."""
    try:
        host = browser_host(url)
    except UnsafeURL:
        # Saved before the forms and checks refused such addresses: a browser could go somewhere unexpected.
        raise Http404("This link cannot be followed") from None
    if is_known_host(host):
        return HttpResponseRedirect(url)
    return render(
        request,
        "publishing/leaving.html",
        {"url": url, "host": host, "title": item.title, "back_url": item.get_absolute_url()},
    )


def _read(token: str):
    try:
        user, topic = notifications.read_unsubscribe_token(token)
    except notifications.BadToken:
        raise Http404("This unsubscribe link is not one of ours, or its account has been deleted") from None
    if topic not in notifications.TOPIC_DESCRIPTIONS:
        raise Http404("Unknown kind of email")
    return user, topic


# Opening the link only asks: mail scanners open every link in an email, so a GET must change nothing. The
# button on that page, and a mail provider's one-click unsubscribe (RFC 8058: a POST with the body
# List-Unsubscribe=One-Click, https://www.rfc-editor.org/rfc/rfc8058), unsubscribe. The signed token is the
# authority, so the POST needs no CSRF token (a mail provider has none).
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    user, topic = _read(token)
    description = notifications.TOPIC_DESCRIPTIONS[topic]
    if request.method == "GET":
        return render(request, "publishing/unsubscribe.html", {"state": "confirm", "description": description})
    notifications.opt_out(user=user, topic=topic)
    return render(
        request,
        "publishing/unsubscribe.html",
        {
            "state": "unsubscribed",
            "description": description,
            "resubscribe_url": reverse(f"{request.resolver_match.namespace}:resubscribe", kwargs={"token": token}),
        },
    )


@require_POST
def resubscribe(request, token):
    user, topic = _read(token)
    notifications.opt_in(user=user, topic=topic)
    return render(
        request,
        "publishing/unsubscribe.html",
        {"state": "subscribed", "description": notifications.TOPIC_DESCRIPTIONS[topic]},
    )
