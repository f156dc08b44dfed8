#!/usr/bin/env python
import os
import sys


def main():
    # Development unless DJANGO_ENV (or DJANGO_SETTINGS_MODULE) says otherwise; servers and workers default to
    # production (skills_site/__init__.py).
    if "DJANGO_SETTINGS_MODULE" not in os.environ:
        os.environ.setdefault("DJANGO_ENV", "dev")
    from django.core.management import execute_from_command_line

    from skills_site.settings.environment import exit_on_configuration_error

    exit_on_configuration_error()
    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
