"""The employer portal (/portal/employer/): apprenticeship vacancies, sponsored opportunities, the profile,
and per-posting counts of views and apply clicks. Every page is for the organisation's active members only
(publishing.portal.PortalMixin)."""

from itertools import chain

from django.contrib import messages
from django.shortcuts import redirect
from django.views.generic import TemplateView

from accounts.models import Organisation
from publishing import selectors as publishing_selectors
from publishing.portal import (
    PortalHomeView,
    PortalMixin,
    PostingActionView,
    PostingDetailView,
    PostingFormView,
    PostingType,
)
from publishing.views import profile_saved_message

from . import services
from .forms import ApprenticeshipVacancyForm, EmployerForm, SponsoredOpportunityForm
from .models import ApprenticeshipVacancy, Employer, SponsoredOpportunity


class EmployerPortalMixin(PortalMixin):
    kind = Organisation.Kind.EMPLOYER
    namespace = "employer_portal"
    profile_model = Employer
    nav_items = [("Postings", "dashboard"), ("Profile", "profile")]


class HomeView(PortalHomeView):
    kind = Organisation.Kind.EMPLOYER
    namespace = "employer_portal"


class DashboardView(EmployerPortalMixin, TemplateView):
    template_name = "careers/portal/dashboard.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        vacancies = list(self.profile.vacancies.select_related("standard").order_by("-updated_at"))
        opportunities = list(self.profile.sponsored_opportunities.order_by("-updated_at"))
        context.update(
            vacancies=vacancies,
            opportunities=opportunities,
            activity=publishing_selectors.activity_totals(chain(vacancies, opportunities)),
        )
        return context


class ProfileView(EmployerPortalMixin, TemplateView):
    template_name = "publishing/portal/profile.html"
    profile_required = False

    def _form(self, data=None):
        instance = self.profile or services.employer_profile_new(organisation=self.organisation)
        # A new website waiting for a moderator is what the member last gave, so saving again keeps it waiting.
        waiting = self.organisation.website_requested
        return EmployerForm(data, instance=instance, initial={"website": waiting} if waiting else None)

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=self._form()))

    def post(self, request, *args, **kwargs):
        form = self._form(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        saved = services.employer_profile_save(employer=form.save(commit=False), by=request.user)
        messages.success(request, profile_saved_message(saved))
        return redirect(self.portal_url("dashboard"))


VACANCIES = PostingType(
    model=ApprenticeshipVacancy,
    form_class=ApprenticeshipVacancyForm,
    url_name="apprenticeship",
    owner_field="employer",
    save=lambda item, by, form: services.vacancy_save(vacancy=item, by=by, skill_areas=form.cleaned_data["skill_areas"]),
    copy=lambda item, by: services.vacancy_duplicate(vacancy=item, by=by),
)

OPPORTUNITIES = PostingType(
    model=SponsoredOpportunity,
    form_class=SponsoredOpportunityForm,
    url_name="opportunity",
    owner_field="sponsor",
    save=lambda item, by, form: services.opportunity_save(
        opportunity=item, by=by, skill_areas=form.cleaned_data["skill_areas"]
    ),
    copy=lambda item, by: services.opportunity_duplicate(opportunity=item, by=by),
)


class VacancyFormView(EmployerPortalMixin, PostingFormView):
    posting_type = VACANCIES


class VacancyDetailView(EmployerPortalMixin, PostingDetailView):
    posting_type = VACANCIES


class VacancyActionView(EmployerPortalMixin, PostingActionView):
    posting_type = VACANCIES


class OpportunityFormView(EmployerPortalMixin, PostingFormView):
    posting_type = OPPORTUNITIES


class OpportunityDetailView(EmployerPortalMixin, PostingDetailView):
    posting_type = OPPORTUNITIES


class OpportunityActionView(EmployerPortalMixin, PostingActionView):
    posting_type = OPPORTUNITIES
