from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from publishing.selectors import can_view, can_view_organisation, counts_as_resident_visit
from publishing.services import activity_count
from publishing.views import leave_for

from .models import ApprenticeshipVacancy, Employer, SponsoredOpportunity
from .structured_data import employer_json_ld, opportunity_json_ld, vacancy_json_ld


def _visible_vacancy(request, slug) -> ApprenticeshipVacancy:
    vacancy = get_object_or_404(
        ApprenticeshipVacancy.objects.select_related(
            "employer__organisation", "standard", "training_provider__provider", "tier", "local_authority"
        ),
        slug=slug,
    )
    if not can_view(item=vacancy, user=request.user):
        raise Http404("No such apprenticeship")
    return vacancy


def _visible_opportunity(request, slug) -> SponsoredOpportunity:
    opportunity = get_object_or_404(
        SponsoredOpportunity.objects.select_related("sponsor__organisation", "tier", "local_authority", "sponsor_campaign"),
        slug=slug,
    )
    if not can_view(item=opportunity, user=request.user):
        raise Http404("No such opportunity")
    return opportunity


def _count_view(request, item) -> None:
    if item.is_open and counts_as_resident_visit(item=item, request=request):
        activity_count(item=item, views=1)


def _apply(request, item):
    """The "apply" button: counted, then on to the employer's own page (only ever the address they gave)."""
    if not (item.is_open and item.apply_url):
        return redirect(item)
    if counts_as_resident_visit(item=item, request=request):
        activity_count(item=item, apply_clicks=1)
    return leave_for(request, url=item.apply_url, item=item)


def apprenticeship_detail(request, slug):
    vacancy = _visible_vacancy(request, slug)
    _count_view(request, vacancy)
    return render(
        request,
        "careers/apprenticeship_detail.html",
        {"vacancy": vacancy, "json_ld": vacancy_json_ld(vacancy, request)},
    )


def apprenticeship_apply(request, slug):
    return _apply(request, _visible_vacancy(request, slug))


def opportunity_detail(request, slug):
    opportunity = _visible_opportunity(request, slug)
    _count_view(request, opportunity)
    return render(
        request,
        "careers/opportunity_detail.html",
        {"opportunity": opportunity, "json_ld": opportunity_json_ld(opportunity, request)},
    )


def opportunity_apply(request, slug):
    return _apply(request, _visible_opportunity(request, slug))


def employer_detail(request, slug):
    employer = get_object_or_404(Employer.objects.select_related("organisation"), organisation__slug=slug)
    if not can_view_organisation(organisation=employer.organisation, user=request.user):
        raise Http404("No such employer")
    return render(
        request,
        "careers/employer_detail.html",
        {
            "employer": employer,
            "vacancies": employer.vacancies.open().select_related("standard"),
            "opportunities": employer.sponsored_opportunities.open(),
            "json_ld": employer_json_ld(employer, request),
        },
    )
