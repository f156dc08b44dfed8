"""Unsubscribing from organisations' emails without signing in (mounted in both portals' URLs)."""

from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from . import notifications


def _read(token: str):
    try:
        user, topic = notifications.read_unsubscribe_token(token)
    except notifications.BadToken:
        raise Http404("This unsubscribe link is not one of ours, or its account has been deleted") from None
    if topic not in notifications.TOPIC_DESCRIPTIONS:
        raise Http404("Unknown kind of email")
    return user, topic


# The token is the authority, so a mail client's one-click POST (RFC 8058) needs no CSRF token.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    user, topic = _read(token)
    notifications.opt_out(user=user, topic=topic)
    return render(
        request,
        "publishing/unsubscribe.html",
        {
            "subscribed": False,
            "description": notifications.TOPIC_DESCRIPTIONS[topic],
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
        {"subscribed": True, "description": notifications.TOPIC_DESCRIPTIONS[topic]},
    )
