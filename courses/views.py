from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from publishing.selectors import can_view, can_view_organisation, counts_as_resident_visit
from publishing.services import activity_count
from publishing.views import leave_for

from .models import Programme, Provider
from .structured_data import programme_json_ld, provider_json_ld


def _visible_programme(request, slug) -> Programme:
    programme = get_object_or_404(
        Programme.objects.select_related("provider__organisation", "tier", "sponsor_campaign"), slug=slug
    )
    if not can_view(item=programme, user=request.user):
        raise Http404("No such programme")
    return programme


def programme_detail(request, slug):
    programme = _visible_programme(request, slug)
    if programme.is_open and counts_as_resident_visit(item=programme, request=request):
        activity_count(item=programme, views=1)
    return render(
        request,
        "courses/programme_detail.html",
        {
            "programme": programme,
            "runs": programme.future_runs().select_related("venue"),
            "venues": programme.venues.select_related("local_authority"),
            "json_ld": programme_json_ld(programme, request),
        },
    )


def programme_apply(request, slug):
    """The "apply" button: counted, then on to the provider's own page (only ever the address they gave)."""
    programme = _visible_programme(request, slug)
    if not (programme.is_open and programme.enquiry_url):
        return redirect(programme)
    if counts_as_resident_visit(item=programme, request=request):
        activity_count(item=programme, apply_clicks=1)
    return leave_for(request, url=programme.enquiry_url, item=programme)


def provider_detail(request, slug):
    provider = get_object_or_404(Provider.objects.select_related("organisation"), organisation__slug=slug)
    if not can_view_organisation(organisation=provider.organisation, user=request.user):
        raise Http404("No such provider")
    return render(
        request,
        "courses/provider_detail.html",
        {
            "provider": provider,
            "programmes": provider.programmes.open().select_related("tier").order_by("title"),
            "venues": provider.venues.select_related("local_authority"),
            "json_ld": provider_json_ld(provider, request),
        },
    )
