"""The employer portal (/portal/employer/): apprenticeship vacancies, sponsored opportunities, the profile,
and per-posting counts of views and apply clicks. Every page is for the organisation's active members only
(publishing.portal.PortalMixin)."""

from itertools import chain

from django.views.generic import TemplateView

from accounts.models import Organisation
from publishing import selectors as publishing_selectors
from publishing import portal

from .forms import ApprenticeshipVacancyForm, EmployerForm, SponsoredOpportunityForm
from .models import ApprenticeshipVacancy, Employer, SponsoredOpportunity


class EmployerPortalMixin(portal.PortalMixin):
    kind = Organisation.Kind.EMPLOYER
    namespace = "employer_portal"
    profile_model = Employer
    profile_form = EmployerForm
    nav_items = [("Postings", "dashboard"), ("Profile", "profile")]


class HomeView(portal.PortalHomeView):
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


class EmployerProfileView(EmployerPortalMixin, portal.ProfileView):
    pass


VACANCIES = portal.PostingType(model=ApprenticeshipVacancy, form_class=ApprenticeshipVacancyForm, url_name="apprenticeship")
OPPORTUNITIES = portal.PostingType(model=SponsoredOpportunity, form_class=SponsoredOpportunityForm, url_name="opportunity")


# One set of posting views for both kinds: the URLs give each its PostingType.
class PostingFormView(EmployerPortalMixin, portal.PostingFormView):
    pass


class PostingDetailView(EmployerPortalMixin, portal.PostingDetailView):
    pass


class PostingActionView(EmployerPortalMixin, portal.PostingActionView):
    pass
