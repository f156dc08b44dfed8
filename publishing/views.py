"""A posting's public page and its apply button, leaving the site through it, a profile's page, and
unsubscribing from organisations' emails without signing in (mounted in both portals' URLs)."""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from . import notifications
from .activity import APPLY_CLICKS, VIEWS, activity_record
from .external_urls import UnsafeURL, browser_host, is_known_host
from .models import Publishable
from .selectors import can_view, can_view_organisation


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


@dataclass(frozen=True)
class PostingPages:
    """One kind of posting's public page and "apply" button, as views: a posting shows only to whoever may see
    it, and residents' views and clicks of an open one are counted (publishing/activity.py)."""

    queryset: QuerySet  # selecting what the page shows
    noun: str  # in "No such …"
    template: str
    json_ld: Callable  # (item, request) -> its schema.org description
    name: str = ""  # the item's name in the template, if not the noun
    extra: Callable[[Publishable], dict] | None = None  # (item) -> more of the template's context
    link_field: str = "apply_url"  # the poster's own page the button leads to

    def visible(self, request, slug) -> Publishable:
        item = get_object_or_404(self.queryset, slug=slug)
        if not can_view(item=item, user=request.user):
            raise Http404(f"No such {self.noun}")
        return item

    def detail(self, request, slug):
        item = self.visible(request, slug)
        if item.is_open:
            activity_record(request, event=VIEWS, postings=[(type(item), item.pk)])
        extra = self.extra(item) if self.extra else {}
        context = {self.name or self.noun: item, **extra, "json_ld": self.json_ld(item, request)}
        return render(request, self.template, context)

    def apply(self, request, slug):
        """The "apply" button: counted, then on to the poster's own page (only ever the address they gave)."""
        item = self.visible(request, slug)
        url = getattr(item, self.link_field)
        if not (item.is_open and url):
            return redirect(item)
        activity_record(request, event=APPLY_CLICKS, postings=[(type(item), item.pk)])
        return leave_for(request, url=url, item=item)


@dataclass(frozen=True)
class ProfilePage:
    """An employer's or provider's public page, as a view, by its organisation's slug: shown only to whoever may
    see the organisation. As with Django's DetailView, the template is <app>/<model>_detail.html and the profile
    is named after its model in it."""

    model: type
    json_ld: Callable  # (profile, request) -> its schema.org description
    extra: Callable[[object], dict] | None = None  # (profile) -> more of the template's context

    def detail(self, request, slug):
        profile = get_object_or_404(self.model.objects.select_related("organisation"), organisation__slug=slug)
        noun = self.model._meta.model_name
        if not can_view_organisation(organisation=profile.organisation, user=request.user):
            raise Http404(f"No such {noun}")
        extra = self.extra(profile) if self.extra else {}
        context = {noun: profile, **extra, "json_ld": self.json_ld(profile, request)}
        return render(request, f"{self.model._meta.app_label}/{noun}_detail.html", context)


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
