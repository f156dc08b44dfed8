from django.http import Http404
from django.shortcuts import get_object_or_404, render

from publishing.selectors import can_view, can_view_organisation

from .models import ApprenticeshipVacancy, Employer, SponsoredOpportunity
from .structured_data import employer_json_ld, opportunity_json_ld, vacancy_json_ld


def apprenticeship_detail(request, slug):
    vacancy = get_object_or_404(
        ApprenticeshipVacancy.objects.select_related(
            "employer__organisation", "standard", "training_provider__organisation", "tier", "local_authority"
        ),
        slug=slug,
    )
    if not can_view(item=vacancy, user=request.user):
        raise Http404("No such apprenticeship")
    return render(
        request,
        "careers/apprenticeship_detail.html",
        {"vacancy": vacancy, "json_ld": vacancy_json_ld(vacancy, request)},
    )


def opportunity_detail(request, slug):
    opportunity = get_object_or_404(
        SponsoredOpportunity.objects.select_related("sponsor__organisation", "tier", "local_authority", "sponsor_campaign"),
        slug=slug,
    )
    if not can_view(item=opportunity, user=request.user):
        raise Http404("No such opportunity")
    return render(
        request,
        "careers/opportunity_detail.html",
        {"opportunity": opportunity, "json_ld": opportunity_json_ld(opportunity, request)},
    )


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
