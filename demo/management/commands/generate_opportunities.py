"""Bulk synthetic opportunities for load tests and benchmarks; see demo/synthetic.py."""

import time

from django.core.management.base import BaseCommand, CommandError

from demo import synthetic


class Command(BaseCommand):
    help = (
        "Generate N synthetic, published, open opportunities (about 70% programmes, 15% apprenticeship vacancies, "
        "15% sponsored opportunities). The same --seed and --count give the same rows. Bulk inserts send no "
        "signals: run `search_index --rebuild` afterwards."
    )

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, required=True, help="How many opportunities to make")
        parser.add_argument("--seed", type=int, default=1, help="Seeds the content; slugs start gen-<seed>-")

    def handle(self, *args, count, seed, **options):
        if count < 1:
            raise CommandError("--count must be 1 or more")
        started = time.monotonic()

        def progress(name, done, total):
            if options["verbosity"] > 1 or done == total:
                self.stdout.write(f"{name}: {done} of {total}")

        try:
            made = synthetic.generate(count=count, seed=seed, progress=progress)
        except synthetic.AlreadyGenerated as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(f"Generated {sum(made.values())} opportunities in {time.monotonic() - started:.1f}s")
        )
        self.stdout.write("Run `manage.py search_index --rebuild` to make them searchable.")
