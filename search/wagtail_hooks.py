from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import INDEX_PROBLEMS_PERMISSION, PERMISSION, IndexProblemsReportView, UnmetDemandReportView


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path("reports/unmet-demand/", UnmetDemandReportView.as_view(), name="search_unmet_demand"),
        path("reports/search-index-problems/", IndexProblemsReportView.as_view(), name="search_index_problems"),
    ]


class ReportMenuItem(MenuItem):
    def __init__(self, *args, permission=PERMISSION, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


@hooks.register("register_reports_menu_item")
def register_unmet_demand_menu_item():
    return ReportMenuItem("Unmet demand (searches)", reverse("search_unmet_demand"), icon_name="search", order=700)


@hooks.register("register_reports_menu_item")
def register_index_problems_menu_item():
    return ReportMenuItem(
        "Search index problems", reverse("search_index_problems"), icon_name="warning", order=710,
        permission=INDEX_PROBLEMS_PERMISSION,
    )
