"""places.Postcode. It is unmanaged (see its Meta), so this migration creates its table itself; makemigrations
writes no foreign keys for an unmanaged model, so they are written here by hand."""

import django.db.models.deletion
from django.db import migrations, models


def create_table(apps, schema_editor):
    schema_editor.create_model(apps.get_model("places", "Postcode"))


def drop_table(apps, schema_editor):
    schema_editor.delete_model(apps.get_model("places", "Postcode"))


class Migration(migrations.Migration):
    dependencies = [("places", "0002_load_reference_places")]

    operations = [
        migrations.CreateModel(
            name="Postcode",
            fields=[
                ("postcode", models.CharField(help_text="As Royal Mail writes it, like LS1 4AP", max_length=8, primary_key=True, serialize=False)),
                ("district", models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.PROTECT, related_name="postcodes", to="places.postcodedistrict")),
                ("latitude", models.FloatField()),
                ("longitude", models.FloatField()),
                ("local_authority", models.ForeignKey(blank=True, db_constraint=False, help_text="Empty outside the ten authorities we hold", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to="places.localauthority")),
            ],
            options={"managed": False},
        ),
        migrations.RunPython(create_table, drop_table),
    ]
