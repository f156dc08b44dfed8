import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "skills_site.settings.production")

from skills_site.settings.environment import exit_on_configuration_error  # noqa: E402

exit_on_configuration_error()
application = get_wsgi_application()
