"""Digital apprenticeship standards from data/reference (IfATE / Skills England pages, OGL v3.0).

Existing rows are matched by title and left as editors made them.
"""

import csv
from pathlib import Path

from django.db import migrations

REFERENCE = Path(__file__).resolve().parents[2] / "data" / "reference"


def load(apps, schema_editor):
    ApprenticeshipStandard = apps.get_model("careers", "ApprenticeshipStandard")
    with open(REFERENCE / "digital_apprenticeship_standards.csv", encoding="utf-8") as file:
        for row in csv.DictReader(file):
            ApprenticeshipStandard.objects.get_or_create(
                title=row["title"],
                defaults={
                    "reference": row["reference"],
                    "level": int(row["level"]),
                    "is_degree": row["degree_apprenticeship"] == "yes",
                    "typical_duration_months": int(row["typical_duration_months"]) if row["typical_duration_months"] else None,
                    "route": row["route"],
                    "source_url": row["source_1"][:300],
                    "note": row["status_note"][:300],
                },
            )


class Migration(migrations.Migration):
    dependencies = [("careers", "0002_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
