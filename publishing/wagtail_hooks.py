from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import (
    OrganisationUnverifyView,
    PostingDecisionView,
    PostingQueueView,
    PublishedPostingsView,
    StatusChangeLogView,
    VerifiedOrganisationsView,
)
from .services import is_moderator


@hooks.register("register_admin_urls")
def register_moderation_urls():
    return [
        path("postings/to-review/", PostingQueueView.as_view(), name="publishing_posting_queue"),
        path("postings/published/", PublishedPostingsView.as_view(), name="publishing_published_postings"),
        path("postings/decisions/", StatusChangeLogView.as_view(), name="publishing_status_changes"),
        path(
            "postings/<str:label>/<int:pk>/<slug:decision>/",
            PostingDecisionView.as_view(),
            name="publishing_posting_decision",
        ),
        path("organisations/verified/", VerifiedOrganisationsView.as_view(), name="publishing_verified_organisations"),
        path(
            "organisations/<int:pk>/unverify/", OrganisationUnverifyView.as_view(), name="publishing_organisation_unverify"
        ),
    ]


class ModeratorMenuItem(MenuItem):
    def is_shown(self, request):
        return is_moderator(request.user)


@hooks.register("register_admin_menu_item")
def register_posting_queue_menu_item():
    return ModeratorMenuItem("Postings to review", reverse("publishing_posting_queue"), icon_name="tasks", order=251)


@hooks.register("register_admin_menu_item")
def register_published_postings_menu_item():
    return ModeratorMenuItem("Take down a posting", reverse("publishing_published_postings"), icon_name="warning", order=252)


@hooks.register("register_admin_menu_item")
def register_status_changes_menu_item():
    return ModeratorMenuItem("Posting decisions", reverse("publishing_status_changes"), icon_name="history", order=253)


@hooks.register("register_admin_menu_item")
def register_verified_organisations_menu_item():
    return ModeratorMenuItem(
        "Withdraw verification", reverse("publishing_verified_organisations"), icon_name="warning", order=254
    )
