"""Fill the site with fictional Leeds City Region demo content. Idempotent: run it as often as you like."""

import time

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Locale

from demo import employers, providers, reach
from home.models import HomePage


class Command(BaseCommand):
    help = (
        "Load fictional demo providers, programmes, employers, apprenticeships, sponsored opportunities, "
        "campaign pages and the last 30 days of their reach. Running it again changes nothing (dates move with "
        "today, so items stay open)."
    )

    def handle(self, *args, **options):
        # Imported when run, so listing commands (make run probes with `help load_demo_data`) never needs it.
        from demo.campaign import load_campaign_pages

        started = time.monotonic()
        try:
            with transaction.atomic():
                written = providers.load() | employers.load()
                problems = self.publication_problems()
                if problems:
                    raise CommandError("Demo items that could not be published:\n" + "\n".join(problems))
                pages = load_campaign_pages(home=HomePage.objects.get(locale=Locale.get_default()))  # the English one
                written |= reach.load()
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from error

        totals = providers.totals() | employers.totals()
        for name, count in [*totals.items(), *pages.items()]:
            self.stdout.write(f"{name.replace('_', ' ')}: {count}")
        changed = ", ".join(f"{count} {name}" for name, count in written.items()) or "nothing"
        self.stdout.write(
            self.style.SUCCESS(f"Demo data loaded in {time.monotonic() - started:.1f}s; written: {changed}")
        )

    def publication_problems(self) -> list[str]:
        items = [
            *providers.demo_programmes(),
            *employers.demo_vacancies(),
            *employers.demo_opportunities(),
        ]
        return [f"{item.slug}: {problem}" for item in items for problem in item.publication_problems()]
