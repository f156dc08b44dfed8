from django.apps import AppConfig


class PublishingConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "publishing"
    verbose_name = "Publishing and moderation"

    def ready(self):
        from accounts.personal_data import register_section

        register_section("emails_you_stopped", _opt_outs)
        _connect_tombstones()


def _connect_tombstones() -> None:
    from django.db.models.signals import pre_delete

    from . import registry, services

    for model in registry.posting_models() + registry.profile_models():
        pre_delete.connect(services.on_deleting, sender=model, dispatch_uid=f"publishing-removal-{model._meta.label_lower}")


def _opt_outs(user) -> list[dict]:
    return [
        {"topic": topic, "since": created_at.isoformat()}
        for topic, created_at in user.email_opt_outs.values_list("topic", "created_at")
    ]
