"""Career profiles' example programmes, taken over from careers with their rows: the model joins courses'
picture of the models on careers' old table, which is then renamed to courses'."""

import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0006_venues_at_postcode_points"),
        ("careers", "0010_career_profile_programmes_move_to_courses"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="CareerProfileProgramme",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("sort_order", models.IntegerField(blank=True, editable=False, null=True)),
                        (
                            "page",
                            modelcluster.fields.ParentalKey(
                                on_delete=django.db.models.deletion.CASCADE, related_name="programme_links", to="careers.careerprofilepage"
                            ),
                        ),
                        (
                            "programme",
                            models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="+", to="courses.programme"),
                        ),
                    ],
                    options={"ordering": ["sort_order"], "abstract": False, "db_table": "careers_careerprofileprogramme"},
                ),
            ],
            database_operations=[],
        ),
        migrations.AlterModelTable(name="careerprofileprogramme", table=None),
    ]
