import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "skills_site.settings.production")

from skills_site.settings.environment import exit_on_configuration_error  # noqa: E402

exit_on_configuration_error()
application = get_asgi_application()
