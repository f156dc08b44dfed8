"""manage.py import_programmes --provider <slug> [--all-or-nothing] [--agree-open-licence] FILE: a provider's scheduled feed.

Runs the same import as the portal, in this process, printing each row's problems by line number and
column. Exits with status 1 when the file could not be read or any row failed.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from courses import imports
from courses.models import ProgrammeImport, Provider


class Command(BaseCommand):
    help = "Import programmes for a provider from a CSV or JSON file (see docs/import-format.md)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="a CSV or JSON file in the format of docs/import-format.md")
        parser.add_argument("--provider", required=True, help="the provider's slug, as in /providers/<slug>/")
        parser.add_argument(
            "--all-or-nothing", action="store_true", help="import nothing unless every row is right"
        )
        parser.add_argument(
            "--agree-open-licence",
            action="store_true",
            help="the provider agreed to publish these programmes under the Open Government Licence v3.0 (open data)",
        )

    def handle(self, *args, **options):
        provider = Provider.objects.select_related("organisation").filter(organisation__slug=options["provider"]).first()
        if provider is None:
            raise CommandError(f"No provider has the slug {options['provider']!r}")
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"{path} is not a file")
        size, limit = path.stat().st_size, settings.IMPORT_MAX_UPLOAD_SIZE
        if size > limit:
            raise CommandError(
                f"{path.name} is {size / 1024 / 1024:.1f} MB; the most we import at once is {limit // (1024 * 1024)} MB. "
                "Split it into smaller files."
            )
        job = ProgrammeImport.objects.create(
            provider=provider,
            filename=path.name,
            content=path.read_bytes(),
            all_or_nothing=options["all_or_nothing"],
            licence_agreed_at=timezone.now() if options["agree_open_licence"] else None,
        )
        job = imports.run_import(job)
        for message in job.file_errors:
            self.stderr.write(message)
        for error in job.row_errors:
            self.stderr.write(f"line {error['line']}{', ' + error['field'] if error['field'] else ''}: {error['message']}")
        for note in job.notes:
            self.stdout.write(f"note: line {note['line']}{', ' + note['field'] if note['field'] else ''}: {note['message']}")
        if job.state == ProgrammeImport.State.FAILED:
            raise CommandError(f"{path.name} could not be imported.")
        summary = f"{job.total_rows} rows: {job.created_count} created, {job.updated_count} updated, {job.failed_count} failed"
        if job.failed_count:
            if job.all_or_nothing:
                summary += "; nothing was imported (all or nothing)"
            raise CommandError(summary)
        self.stdout.write(self.style.SUCCESS(summary))
