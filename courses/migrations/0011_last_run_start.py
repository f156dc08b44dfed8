"""When each programme's last run starts, kept by PostgreSQL for the basic search (courses.last_run_start)."""

from django.db import migrations

from courses.last_run_start import AddLastRunStart


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0010_stored_search_words"),
    ]

    operations = [
        AddLastRunStart(),
    ]
