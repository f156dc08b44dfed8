#!/usr/bin/env python
import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "skills_site.settings.dev")
    from django.core.management import execute_from_command_line

    from skills_site.settings.environment import exit_on_configuration_error

    exit_on_configuration_error()
    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
