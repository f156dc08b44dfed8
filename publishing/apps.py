from django.apps import AppConfig


class PublishingConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "publishing"
    verbose_name = "Publishing and moderation"

    def ready(self):
        from accounts.personal_data import register_section

        register_section("emails_you_stopped", _opt_outs)


def _opt_outs(user) -> list[dict]:
    return [
        {"topic": topic, "since": created_at.isoformat()}
        for topic, created_at in user.email_opt_outs.values_list("topic", "created_at")
    ]
