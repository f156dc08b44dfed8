from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import OrganisationQueueView, OrganisationVerifyView, OrganisationWebsiteDecideView


@hooks.register("register_admin_urls")
def register_organisation_queue_urls():
    return [
        path("organisations/to-verify/", OrganisationQueueView.as_view(), name="accounts_organisation_queue"),
        path(
            "organisations/<int:pk>/verify/", OrganisationVerifyView.as_view(), name="accounts_organisation_verify"
        ),
        path(
            "organisations/<int:pk>/website/<str:decision>/",
            OrganisationWebsiteDecideView.as_view(),
            name="accounts_organisation_website_decide",
        ),
    ]


class ModeratorMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("accounts.verify_organisation")


@hooks.register("register_admin_menu_item")
def register_organisation_queue_menu_item():
    return ModeratorMenuItem(
        "Organisations to verify", reverse("accounts_organisation_queue"), icon_name="group", order=250
    )
