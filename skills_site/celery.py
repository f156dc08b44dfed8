from celery import Celery

# The settings module was chosen by the package (skills_site/__init__.py) before this runs.
app = Celery("skills_site")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
app.autodiscover_tasks(["skills_site"])
