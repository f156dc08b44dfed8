# Every entry point (manage.py, wsgi, asgi, `celery -A skills_site`) imports this package first, so the
# settings module is chosen here, once, before Django or Celery reads it.
from .settings.environment import select_settings_module

select_settings_module()

from .celery import app as celery_app  # noqa: E402

__all__ = ["celery_app"]
