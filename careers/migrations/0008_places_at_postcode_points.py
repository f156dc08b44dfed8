"""Vacancies, sponsored opportunities and events whose full postcode we hold move from their district's
centroid to the postcode's own point."""

from django.db import migrations

from places.data_migrations import move_to_postcode_points


class Migration(migrations.Migration):
    dependencies = [("careers", "0007_long_text_limits"), ("places", "0004_load_postcodes")]
    operations = [
        migrations.RunPython(
            move_to_postcode_points("careers.ApprenticeshipVacancy", "careers.SponsoredOpportunity", "careers.EventPage"),
            migrations.RunPython.noop,
        )
    ]
