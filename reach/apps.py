from django.apps import AppConfig


class ReachConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "reach"
    verbose_name = "Reach reports"

    def ready(self):
        # The portals live in courses and careers, below this app: it tells them where its pages are.
        from publishing import portal

        portal.added_nav_items["employer_portal"].append(("Reach", "reach:employer"))
        portal.added_nav_items["provider_portal"].append(("Reach", "reach:provider"))
        portal.added_posting_links["employer_portal"].append(("Reach day by day", "reach:employer_posting"))
        portal.added_posting_links["provider_portal"].append(("Reach day by day", "reach:provider_posting"))
