# Settings: production unless DJANGO_ENV or DJANGO_SETTINGS_MODULE says otherwise (skills_site/__init__.py).
from django.core.asgi import get_asgi_application

from skills_site.settings.environment import exit_on_configuration_error
from skills_site.web_process import settle

exit_on_configuration_error()
application = get_asgi_application()
settle()
