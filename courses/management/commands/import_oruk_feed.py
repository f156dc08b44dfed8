"""manage.py import_oruk_feed --provider <slug or id> --url https://… [--skill-areas EDS-F] [--agree-open-licence]

Reads another directory's Open Referral UK feed (HSDS UK profile 3.0 API) into the provider's programmes of
kind inclusion support, as drafts (courses/feeds/oruk.py). Prints what did not map; the same report is on the
import's page in the provider portal. Exits with status 1 when the feed could not be read or a service failed.
"""

from django.core.management.base import BaseCommand, CommandError

from courses.feeds.oruk import OrukProblem, oruk_import
from courses.models import ProgrammeImport, Provider


class Command(BaseCommand):
    help = "Import inclusion support from an Open Referral UK feed into a provider's programmes."

    def add_arguments(self, parser):
        parser.add_argument("--provider", required=True, help="the provider's slug, as in /providers/<slug>/, or its id")
        parser.add_argument("--url", required=True, help="the feed's base address, e.g. https://directory.example.org/api")
        parser.add_argument("--skill-areas", default="EDS-F", help="skill area codes for every service, separated by ; (ORUK has none)")
        parser.add_argument(
            "--agree-open-licence",
            action="store_true",
            help="the feed's publisher allows these services to be republished under the Open Government Licence v3.0",
        )

    def handle(self, *args, **options):
        key = options["provider"]
        providers = Provider.objects.select_related("organisation")
        provider = providers.filter(pk=int(key)).first() if key.isdigit() else providers.filter(organisation__slug=key).first()
        if provider is None:
            raise CommandError(f"No provider has the slug or id {key!r}")
        try:
            job = oruk_import(
                provider=provider, url=options["url"], skill_areas=options["skill_areas"], licence_agreed=options["agree_open_licence"]
            )
        except OrukProblem as problem:
            raise CommandError(str(problem)) from None
        for note in job.notes:
            self.stdout.write(f"service {note['line']}{', ' + note['field'] if note['field'] else ''}: {note['message']}")
        for error in job.row_errors:
            self.stderr.write(f"service {error['line']}{', ' + error['field'] if error['field'] else ''}: {error['message']}")
        for message in job.file_errors:
            self.stderr.write(message)
        if job.state == ProgrammeImport.State.FAILED:
            raise CommandError("Nothing was imported.")
        summary = f"{job.total_rows} services imported: {job.created_count} created, {job.updated_count} updated, {job.failed_count} failed"
        if job.failed_count:
            raise CommandError(summary)
        self.stdout.write(self.style.SUCCESS(summary))
