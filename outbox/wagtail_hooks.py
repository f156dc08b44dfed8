from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import EmailsNotSentView, SendAgainView


@hooks.register("register_admin_urls")
def register_outbox_urls():
    return [
        path("emails/not-sent/", EmailsNotSentView.as_view(), name="outbox_not_sent"),
        path("emails/<int:pk>/send-again/", SendAgainView.as_view(), name="outbox_send_again"),
    ]


class AdministratorMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


@hooks.register("register_admin_menu_item")
def register_emails_not_sent_menu_item():
    return AdministratorMenuItem("Emails not sent", reverse("outbox_not_sent"), icon_name="mail", order=260)
