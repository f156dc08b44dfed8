"""Emails not sent, in the Wagtail admin for administrators: why, and a button to send one again."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.views.generic import TemplateView, View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import selectors, services
from .models import OutgoingEmail


class AdministratorRequiredMixin:
    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_superuser:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class EmailsNotSentView(AdministratorRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    page_title = "Emails not sent"
    header_icon = "mail"
    template_name = "outbox/admin/not_sent.html"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs) | {"emails": selectors.emails_not_sent()}


class SendAgainView(AdministratorRequiredMixin, View):
    def post(self, request, pk):
        email = get_object_or_404(OutgoingEmail, pk=pk)
        try:
            services.email_send_again(email=email)
        except ValueError as error:
            messages.error(request, str(error))
        else:
            services.send_soon()
            messages.success(request, f"“{email.subject}” will be sent again within a minute.")
        return redirect("outbox_not_sent")
