from django.apps import AppConfig


class SearchConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "search"
    verbose_name = "Search"

    def ready(self):
        from accounts.personal_data import register_section

        from . import saved, signals

        signals.connect()
        register_section("saved_searches", saved.export_saved_searches)
        register_section("saved_items", saved.export_saved_items)
