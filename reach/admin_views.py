"""The authority's report in the Wagtail admin: a sponsor campaign's reach, by sponsor, tier, local authority and
day, with its chart and CSV."""

from django.contrib.auth.mixins import PermissionRequiredMixin
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .figures import csv_response, report_context
from .forms import CampaignReportForm
from .reports import campaign_report, latest_campaign

# Moderators hold it (publishing migration 0004), as the authority's staff in the admin.
PERMISSION = "publishing.view_postingactivity"


class CampaignReachReportView(PermissionRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    permission_required = PERMISSION
    raise_exception = True
    page_title = "Campaign reach"
    page_subtitle = "what residents did with a campaign's postings"
    header_icon = "view"
    template_name = "reach/admin/campaign_report.html"

    def get(self, request, *args, **kwargs):
        latest = latest_campaign()
        if latest is None:
            return self.render_to_response(self.get_context_data())
        form = CampaignReportForm(request.GET, initial={"campaign": latest})
        if form.is_bound and not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        choice = form.choice()
        report = campaign_report(campaign=choice["campaign"], period=choice["period"], sponsor=choice["sponsor"])
        if request.GET.get("format") == "csv":
            return csv_response(report)
        return self.render_to_response(self.get_context_data(form=form, **report_context(report, query=form.query())))
