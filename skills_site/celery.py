import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "skills_site.settings.dev")

app = Celery("skills_site")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
app.autodiscover_tasks(["skills_site"])
