from django.apps import AppConfig


class CareersConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "careers"

    def ready(self):
        # Pathway plans show the career profile that fits a person's specialisms; pathways sits below careers,
        # so careers tells it how to find one.
        from pathways import planning

        from .selectors import career_changer_stories, career_profile_sharing

        planning.career_profile_finders.append(career_profile_sharing)
        planning.story_finders.append(career_changer_stories)
