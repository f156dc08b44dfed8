from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import PERMISSION, CampaignReachReportView


@hooks.register("register_admin_urls")
def register_report_urls():
    return [path("reports/campaign-reach/", CampaignReachReportView.as_view(), name="reach_campaign_report")]


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


@hooks.register("register_reports_menu_item")
def register_campaign_reach_menu_item():
    return ReportMenuItem("Campaign reach", reverse("reach_campaign_report"), icon_name="view", order=720)
