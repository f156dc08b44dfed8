"""Residents' saved searches and items (/search/saved/), and unsubscribing from their emails."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from publishing import notifications
from publishing.activity import SAVES, activity_record

from . import saved
from .models import SavedSearch
from .params import SearchParams

FREQUENCY_WORDS = {
    SavedSearch.Frequency.DAILY: _("We will email you new matches once a day."),
    SavedSearch.Frequency.WEEKLY: _("We will email you new matches once a week."),
    SavedSearch.Frequency.NEVER: _("We will not email you about it."),
}


class SaveSearchForm(forms.Form):
    query = forms.CharField(max_length=2000, required=False)
    name = forms.CharField(max_length=200, required=False)
    frequency = forms.ChoiceField(choices=SavedSearch.Frequency.choices)


def _search_url(query: str) -> str:
    return f"{reverse('search:page')}?{query}" if query else reverse("search:page")


def _safe_next(request, fallback: str) -> str:
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return fallback


@login_required
def saved_page(request):
    return render(
        request,
        "search/saved.html",
        {
            "searches": SavedSearch.objects.filter(user=request.user),
            "items": saved.saved_items_of(user=request.user),
            "frequencies": SavedSearch.Frequency.choices,
        },
    )


@require_POST
def search_save(request):
    form = SaveSearchForm(request.POST)
    if not form.is_valid():
        raise Http404("Not a search we can save")
    query = form.cleaned_data["query"]
    if not request.user.is_authenticated:
        return redirect_to_login(_search_url(query))
    params, problems = SearchParams.from_query(QueryDict(query))
    if problems:
        messages.error(request, gettext("Fix the search before you save it."))
        return redirect(_search_url(query))
    try:
        saved_search = saved.search_save(
            user=request.user,
            query=query,
            name=form.cleaned_data["name"].strip() or saved.search_name(params, {}),
            frequency=form.cleaned_data["frequency"],
            language=get_language(),
        )
    except saved.NotSaved as error:
        messages.error(request, str(error))
    else:
        messages.success(request, gettext("Search saved. {how_often}").format(how_often=FREQUENCY_WORDS[saved_search.frequency]))
    return redirect(_search_url(query))


@login_required
@require_POST
def search_change(request, pk):
    saved_search = get_object_or_404(SavedSearch, pk=pk, user=request.user)
    if request.POST.get("action") == "delete":
        saved.search_delete(user=request.user, saved_search_id=saved_search.pk)
        messages.success(request, gettext("Deleted the saved search “{name}”.").format(name=saved_search.name))
    else:
        frequency = request.POST.get("frequency")
        if frequency not in SavedSearch.Frequency.values:
            raise Http404("Unknown frequency")
        saved.search_set_frequency(saved_search=saved_search, frequency=frequency)
        messages.success(request, gettext("“{name}”: {how_often}").format(name=saved_search.name, how_often=FREQUENCY_WORDS[frequency]))
    return redirect("search:saved")


@require_POST
def item_save(request):
    back = _safe_next(request, reverse("search:saved"))
    if not request.user.is_authenticated:
        return redirect_to_login(back)
    try:
        kind, object_id = saved.parse_item_id(request.POST.get("item", ""))
        _, created = saved.item_save(user=request.user, kind=kind, object_id=object_id)
    except saved.NotSaved as error:
        messages.error(request, str(error))
    else:
        if created:
            activity_record(request, event=SAVES, postings=[(saved.model_for(kind), object_id)])
        messages.success(request, gettext("Saved: find it under Saved.") if created else gettext("You had already saved this: find it under Saved."))
    return redirect(back)


@login_required
@require_POST
def item_remove(request, pk):
    saved.item_remove(user=request.user, saved_item_id=pk)
    messages.success(request, gettext("Removed from your saved items."))
    return redirect("search:saved")


# Unsubscribing, without signing in -----------------------------------------------------------------


def _read(token: str):
    """(user, topic, saved search or None) from an unsubscribe link's token."""
    try:
        user, topic = notifications.read_unsubscribe_token(token)
    except notifications.BadToken:
        raise Http404("This unsubscribe link is not one of ours, or its account has been deleted") from None
    if topic == saved.SAVED_ITEM_TOPIC:
        return user, topic, None
    name, _, number = topic.partition(":")
    if name == saved.SEARCH_ALERT_TOPIC and number.isdigit():
        saved_search = SavedSearch.objects.filter(pk=int(number), user=user).first()
        if saved_search is None:
            raise Http404("That saved search has been deleted, so we will not email you about it")
        return user, topic, saved_search
    raise Http404("Unknown kind of email")


def _description(saved_search) -> str:
    return (
        gettext("emails about your saved search “{name}”").format(name=saved_search.name)
        if saved_search
        else gettext("reminders about things you saved")
    )


# Opening the link only asks: mail scanners open every link in an email, so a GET must change nothing. The
# button on that page, and a mail provider's one-click unsubscribe (RFC 8058: a POST with the body
# List-Unsubscribe=One-Click, https://www.rfc-editor.org/rfc/rfc8058), unsubscribe. The signed token is the
# authority, so the POST needs no CSRF token (a mail provider has none).
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    user, topic, saved_search = _read(token)
    context = {
        "description": _description(saved_search),
        "saved_search": saved_search,
        "resubscribe_url": reverse("search:resubscribe", args=[token]),
    }
    if request.method == "GET":
        return render(request, "search/unsubscribe.html", {**context, "state": "confirm"})
    if saved_search is not None:
        saved.search_set_frequency(saved_search=saved_search, frequency=SavedSearch.Frequency.NEVER)
    else:
        notifications.opt_out(user=user, topic=topic)
    return render(request, "search/unsubscribe.html", {**context, "state": "unsubscribed"})


@require_POST
def resubscribe(request, token):
    user, topic, saved_search = _read(token)
    if saved_search is not None:
        frequency = request.POST.get("frequency", SavedSearch.Frequency.WEEKLY)
        if frequency not in {SavedSearch.Frequency.DAILY, SavedSearch.Frequency.WEEKLY}:
            frequency = SavedSearch.Frequency.WEEKLY
        saved.search_set_frequency(saved_search=saved_search, frequency=frequency)
    else:
        notifications.opt_in(user=user, topic=topic)
    return render(request, "search/unsubscribe.html", {"state": "subscribed", "description": _description(saved_search)})
