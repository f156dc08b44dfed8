"""The search page, its autocomplete, its result links and the boundary map. Thin: parse, call the service, render."""

from urllib.parse import urlencode

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.http import Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET

from accounts.limits import Attempt, Limit, requester
from careers.models import SponsorCampaign
from courses.models import Programme
from pathways.models import SkillArea, Tier
from places.models import LocalAuthority
from publishing.activity import IMPRESSIONS, activity_record

from . import results_map
from .clicks import BadClickToken, read_click_token, result_click_record, result_links, result_url
from .models import SavedSearch
from .params import CLOSING_WITHIN_DAYS, DEFAULT_RADIUS_MILES, HELP_TO_START, KINDS, MODES, RADIUS_CHOICES, SORTS, STARTS_WITHIN_WEEKS, SearchParams
from .saved import search_name
from .service import search_opportunities, search_record
from .sources import parse_doc_id
from .suggestions import suggest

TOO_MANY = _("You have searched a lot in a short time. Wait a minute and try again.")
TOO_MANY_CLICKS = _("You have opened a lot of results in a short time. Wait a minute and try again.")

ONLY_SHOW = [
    ("free", _("Free, or free if you are eligible")),
    ("in_person", _("In person (leave out online)")),
    ("sponsored", _("Sponsored by employers")),
    ("disability_confident", _("Disability Confident employers")),
    ("career_changers", _("Welcomes career changers")),
]
FACET_TITLES = {
    "kind": _("What"),
    "tier": _("Level of digital skill"),
    "skill": _("Skill area"),
    "mode": _("How it is taught"),
    "level": _("Qualification level"),
    "authority": _("Area"),
    "campaign": _("Sponsor campaign"),
    "help": _("Help to get started"),
}


def _static_labels() -> dict[str, dict[str, str]]:
    # Editors may rename tiers and skill areas in the admin; a few minutes' delay is fine.
    return cache.get_or_set("search-labels", _load_labels, timeout=300)


def _load_labels() -> dict[str, dict[str, str]]:
    return {
        "kind": KINDS,
        "mode": MODES,
        "help": HELP_TO_START,
        "level": dict(Programme.Level.choices),
        "tier": dict(Tier.objects.values_list("code", "name")),
        "skill": dict(SkillArea.objects.values_list("code", "title")),
        "authority": dict(LocalAuthority.objects.values_list("code", "name")),
    }


def labels() -> dict[str, dict[str, str]]:
    return {**_static_labels(), "campaign": dict(SponsorCampaign.objects.values_list("slug", "name"))}


def query_string(params: SearchParams, **changes) -> str:
    return params.with_changes(**changes).to_query()


def understood_chips(results) -> dict | None:
    """What we read from the words, each with a link that searches without it, and the words as typed."""
    params = results.params
    if not results.understood and not results.place_choices:
        return None
    searched = results.searched or params
    chips = []
    for reading in results.understood:
        label = reading.label
        if reading.key == "place" and searched.near:
            label = gettext("{label} · within {radius} miles").format(label=label, radius=f"{searched.radius:g}")
        chips.append({"label": label, "link": results.without_reading(reading.key).to_query()})
    choices = [
        # The words without the place's name, near the district the resident picks.
        {"label": place.label, "link": results.without_place_named(place.name).to_query() + "&" + urlencode({"near": place.outcode})}
        for place in results.place_choices
    ]
    return {"chips": chips, "choices": choices, "as_typed": results.as_typed().to_query()}


# The facets the page offers, in its order: only these are counted for it (the API counts every one).
FACET_GROUPS = ("kind", "tier", "help", "skill", "mode", "level", "authority", "campaign")


def _facet_groups(results, names) -> list[dict]:
    if not results.facets:
        return []
    groups = []
    for name in FACET_GROUPS:
        chosen = getattr(results.params, name)
        counts = dict(results.facets.get(name, []))
        # A chosen value stays on the form even when nothing matches it, so it can be unticked.
        values = [value for value in counts if value in names[name]] + [value for value in chosen if value not in counts]
        options = [
            {"value": value, "label": names[name].get(value, value), "count": counts.get(value, 0), "checked": value in chosen}
            for value in values
        ]
        if options:
            groups.append({"name": name, "title": FACET_TITLES[name], "options": options})
    return groups


def _consume(request, name: str) -> Attempt:
    """Count a search against the client's limit (settings.SEARCH_RATE_LIMITS[name])."""
    limit = Limit.from_rate(f"search-{name}", settings.SEARCH_RATE_LIMITS[name])
    return limit.consume(requester(request))


@require_GET
def search_page(request):
    attempt = _consume(request, "page")
    if not attempt.allowed:
        response = render(request, "search/too_many.html", {"message": TOO_MANY}, status=429)
        response["Retry-After"] = str(attempt.retry_after)
        return response
    params, problems = SearchParams.from_query(request.GET)
    context = {
        "sorts": SORTS,
        "problems": problems,
        "data": request.GET,
        "radius_choices": RADIUS_CHOICES,
        "default_radius": f"{DEFAULT_RADIUS_MILES:g}",
        "starts_within_choices": STARTS_WITHIN_WEEKS,
        "closing_within_choices": CLOSING_WITHIN_DAYS,
        "only_show": ONLY_SHOW,
        "names": labels(),
    }
    if problems:
        return render(request, "search/search.html", context, status=400)
    results = search_opportunities(params, with_campaign=True, with_further=True, with_facets=FACET_GROUPS)
    record = search_record(results)
    names = context["names"]
    context.update(
        params=params,
        results=results,
        facet_groups=_facet_groups(results, names),
        names=names,
        map=results_map.result_points(results.shown, params.near) if results.shown else None,
        previous_page=query_string(params, page=params.page - 1) if params.page > 1 else None,
        next_page=query_string(params, page=params.page + 1) if params.page < results.pages else None,
        widenings=[(widening, query_string(widening.params)) for widening in results.widenings],
        suggestion_link=query_string(params, q=results.suggestion, page=1) if results.suggestion else None,
        understood=understood_chips(results),
        first_number=(params.page - 1) * params.page_size + 1,
        further_first_number=(params.page - 1) * params.page_size + 1 + len(results.hits),
        save_query=query_string(params, page=1),
        save_name=search_name(params, names),
        save_frequencies=SavedSearch.Frequency.choices,
    )
    # Result links go through result_click below, so the report can count them; straight to the item if the search
    # was not recorded.
    context["result_links"] = result_links(record, results.shown, first_position=context["first_number"])
    # Every posting on the page was shown to the resident: one statement counts them all. The API's results are
    # not counted: its clients are programs, and what they show people, if anything, is theirs to count.
    activity_record(request, event=IMPRESSIONS, postings=shown_postings(results.shown))
    return render(request, "search/search.html", context)


def shown_postings(hits) -> list[tuple[type, int]]:
    """(model, pk) of each result, from its document id: counting needs no record loaded."""
    return [(apps.get_model(source.label), pk) for source, pk in (parse_doc_id(hit.id) for hit in hits)]


@require_GET
@never_cache
def result_click(request, token):
    """A result followed from the search page: counted (search/clicks.py), then on to the item's own page."""
    attempt = _consume(request, "click")
    if not attempt.allowed:
        response = render(request, "search/too_many.html", {"message": TOO_MANY_CLICKS}, status=429)
        response["Retry-After"] = str(attempt.retry_after)
        return response
    try:
        click = read_click_token(token)
    except BadClickToken:
        raise Http404("This result link was changed or cut short") from None
    url = result_url(click.document_id)
    if url is None:
        raise Http404("This result has been taken down")
    result_click_record(click)
    return HttpResponseRedirect(url)


@require_GET
def autocomplete_view(request):
    attempt = _consume(request, "autocomplete")
    if not attempt.allowed:
        response = JsonResponse({"results": [], "message": TOO_MANY}, status=429)
        response["Retry-After"] = str(attempt.retry_after)
        return response
    return JsonResponse(suggest(request.GET.get("q", "")).as_dict())


@require_GET
@cache_control(max_age=86400, public=True)
def boundaries_view(request):
    return HttpResponse(results_map.boundaries_svg(), content_type="image/svg+xml")

