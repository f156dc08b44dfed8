from django.apps import AppConfig


class PathwaysConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "pathways"

    def ready(self):
        from accounts.personal_data import register_section

        from .selectors import helper_personal_data, personal_data

        register_section("pathway_plans", personal_data)
        register_section("people_helped", helper_personal_data)
