"""Venues whose full postcode we hold move from their district's centroid to the postcode's own point."""

from django.db import migrations

from places.data_migrations import move_to_postcode_points


class Migration(migrations.Migration):
    dependencies = [("courses", "0005_programme_drop_in"), ("places", "0004_load_postcodes")]
    operations = [migrations.RunPython(move_to_postcode_points("courses.Venue"), migrations.RunPython.noop)]
