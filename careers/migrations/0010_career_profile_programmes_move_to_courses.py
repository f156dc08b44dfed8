"""A career profile's example programmes move to courses (courses builds on careers, never the reverse). Only
Django's picture of the models changes here; the table and its rows are kept, and courses' next migration takes
the model over and renames the table."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("careers", "0009_training_provider_is_an_organisation")]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[migrations.DeleteModel(name="CareerProfileProgramme")], database_operations=[]),
    ]
