"""Reach in the portals, for the organisation's own members only (publishing.portal.PortalMixin): each posting's
figures day by day, and for an employer that sponsors a campaign, its own postings' figures in that campaign.
Another organisation's posting or campaign is a 404, as everywhere in the portals."""

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.generic import TemplateView

from careers.models import SponsorCampaign
from careers.portal_views import OPPORTUNITIES, VACANCIES, EmployerPortalMixin
from courses.portal_views import PROGRAMMES, ProviderPortalMixin
from publishing import registry

from .figures import csv_response, repeat_minutes, report_context
from .forms import PeriodForm
from .reports import campaign_report, campaigns_sponsored_by, posting_report, postings_totals, sponsors_of

POSTINGS_PER_PAGE = 50


class ReachMixin:
    """The period chosen in the query string (the last 30 days unless another was), and a report as a page or,
    with format=csv, as its CSV."""

    posting_types = ()  # the portal's publishing.portal.PostingType for each kind of posting
    posting_url_name = ""

    def period_form(self) -> PeriodForm:
        return PeriodForm(self.request.GET)

    def report_response(self, report, form, **context):
        if self.request.GET.get("format") == "csv":
            return csv_response(report)
        return self.render_to_response(self.get_context_data(form=form, **context, **report_context(report, query=form.query())))

    def invalid_response(self, form, **context):
        return self.render_to_response(self.get_context_data(form=form, **context), status=400)

    def posting_url(self, posting_type, item) -> str:
        return reverse(self.posting_url_name, kwargs={"organisation": self.organisation.slug, "kind": posting_type.url_name, "pk": item.pk})


class OverviewView(ReachMixin, TemplateView):
    """Every posting of the organisation with its figures over the period, each linking to its days."""

    template_name = "reach/portal/overview.html"

    def postings(self):
        return [
            (posting_type, item)
            for posting_type in self.posting_types
            for item in posting_type.model.objects.filter(**{registry.owner_field(posting_type.model): self.profile}).order_by("title", "pk")
        ]

    def get(self, request, *args, **kwargs):
        form = self.period_form()
        if form.is_bound and not form.is_valid():
            return self.invalid_response(form)
        period = form.choice()["period"]
        page = Paginator(self.postings(), POSTINGS_PER_PAGE).get_page(request.GET.get("page"))
        totals = postings_totals(items=[item for _, item in page.object_list], period=period)
        rows = [
            {"item": item, "noun": posting_type.noun, "url": self.posting_url(posting_type, item), "totals": totals[type(item), item.pk]}
            for posting_type, item in page.object_list
        ]
        context = {"form": form, "period": period, "page": page, "rows": rows, "repeat_minutes": repeat_minutes()}
        return self.render_to_response(self.get_context_data(**context, **self.more_context()))

    def more_context(self) -> dict:
        return {}


class PostingView(ReachMixin, TemplateView):
    """One posting's figures, day by day."""

    template_name = "reach/portal/posting.html"

    def get(self, request, *args, **kwargs):
        posting_type = next((found for found in self.posting_types if found.url_name == kwargs["kind"]), None)
        if posting_type is None:
            raise Http404("No such kind of posting")
        model = posting_type.model
        item = get_object_or_404(model, pk=kwargs["pk"], **{registry.owner_field(model): self.profile})
        context = {"item": item, "noun": posting_type.noun, "portal_item_url": item.get_portal_url()}
        form = self.period_form()
        if form.is_bound and not form.is_valid():
            return self.invalid_response(form, **context)
        return self.report_response(posting_report(item=item, period=form.choice()["period"]), form, **context)


class EmployerReachMixin(EmployerPortalMixin):
    posting_types = (VACANCIES, OPPORTUNITIES)
    posting_url_name = "reach:employer_posting"


class ProviderReachMixin(ProviderPortalMixin):
    posting_types = (PROGRAMMES,)
    posting_url_name = "reach:provider_posting"


class EmployerOverviewView(EmployerReachMixin, OverviewView):
    def more_context(self) -> dict:
        return {"campaigns": campaigns_sponsored_by(employer=self.profile)}


class EmployerPostingView(EmployerReachMixin, PostingView):
    pass


class ProviderOverviewView(ProviderReachMixin, OverviewView):
    pass


class ProviderPostingView(ProviderReachMixin, PostingView):
    pass


class SponsorCampaignView(EmployerReachMixin, ReachMixin, TemplateView):
    """A campaign the employer sponsors: its own postings in it only, by tier, local authority and day."""

    template_name = "reach/portal/campaign.html"

    def get(self, request, *args, **kwargs):
        sponsors = sponsors_of(employer=self.profile)
        campaign = get_object_or_404(SponsorCampaign.objects.filter(sponsors__in=sponsors).distinct(), slug=kwargs["campaign"])
        sponsor = next(sponsor for sponsor in sponsors if campaign.sponsors.filter(pk=sponsor.pk).exists())
        form = self.period_form()
        if form.is_bound and not form.is_valid():
            return self.invalid_response(form, campaign=campaign)
        report = campaign_report(campaign=campaign, sponsor=sponsor, period=form.choice()["period"])
        return self.report_response(report, form, campaign=campaign)
