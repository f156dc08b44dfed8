"""manage.py publish_datasets: write the open-data files now, as the nightly job does."""

from django.core.management.base import BaseCommand

from opendata import services


class Command(BaseCommand):
    help = "Write the open-data files (CSV, JSON and their data dictionaries) served at /data/."

    def handle(self, *args, **options):
        for entry in services.datasets_publish():
            csv_file = next(published for published in entry["files"] if published["kind"] == "csv")
            self.stdout.write(f"{csv_file['filename']}: {entry['rows']} rows, {csv_file['bytes']} bytes, sha256 {csv_file['sha256']}")
