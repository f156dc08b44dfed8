from django.apps import AppConfig


class AccountsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "accounts"
    verbose_name = "Accounts and organisations"

    def ready(self):
        from allauth.account.signals import email_confirmed
        from allauth.mfa.signals import authenticator_added

        from .signals import record_authenticator_set_up, register_requested_organisation

        authenticator_added.connect(record_authenticator_set_up, dispatch_uid="accounts_record_authenticator_set_up")
        email_confirmed.connect(register_requested_organisation, dispatch_uid="accounts_register_requested_organisation")
