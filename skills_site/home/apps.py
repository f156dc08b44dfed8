from django.apps import AppConfig


class DemoCommandsConfig(AppConfig):
    """Only until the demo app takes them: the demo data and synthetic generator commands, left here when the
    home pages moved to home/, need an installed app to be found."""

    name = "skills_site.home"
    label = "demo_commands"
