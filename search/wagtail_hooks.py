from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import PERMISSION, UnmetDemandReportView


@hooks.register("register_admin_urls")
def register_unmet_demand_url():
    return [path("reports/unmet-demand/", UnmetDemandReportView.as_view(), name="search_unmet_demand")]


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


@hooks.register("register_reports_menu_item")
def register_unmet_demand_menu_item():
    return ReportMenuItem("Unmet demand (searches)", reverse("search_unmet_demand"), icon_name="search", order=700)
