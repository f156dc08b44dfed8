"""The moderators' queue of organisations waiting for verification, and of new websites waiting to be checked,
inside the Wagtail admin."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.views.generic import TemplateView, View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import selectors, services
from .models import Organisation


class ModeratorRequiredMixin:
    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("accounts.verify_organisation"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class OrganisationQueueView(ModeratorRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    page_title = "Organisations to verify"
    header_icon = "group"
    template_name = "accounts/admin/organisation_queue.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["organisations"] = selectors.organisations_awaiting_verification().prefetch_related(
            "memberships__user"
        )
        context["websites"] = selectors.organisations_with_website_to_check().select_related("provider", "employer")
        return context


class OrganisationVerifyView(ModeratorRequiredMixin, View):
    def post(self, request, pk):
        organisation = get_object_or_404(Organisation, pk=pk)
        services.organisation_verify(organisation=organisation, by=request.user)
        messages.success(request, f"{organisation.name} is verified: its members can now publish.")
        return redirect("accounts_organisation_queue")


class OrganisationWebsiteDecideView(ModeratorRequiredMixin, View):
    def post(self, request, pk, decision):
        organisation = get_object_or_404(Organisation, pk=pk)
        if decision == "approve":
            services.organisation_website_approve(organisation=organisation, by=request.user)
            messages.success(request, f"{organisation.name}'s new website is approved: links to it now pass the checks.")
        elif decision == "decline":
            services.organisation_website_decline(organisation=organisation, by=request.user)
            messages.success(request, f"{organisation.name}'s new website is turned down: the approved one stays.")
        else:
            raise Http404("Unknown decision")
        return redirect("accounts_organisation_queue")
