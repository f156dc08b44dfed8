"""Load local authorities and postcode districts from data/reference (ONS / OS data, OGL v3.0)."""

import csv
from pathlib import Path

from django.db import migrations

REFERENCE = Path(__file__).resolve().parents[2] / "data" / "reference"


def load(apps, schema_editor):
    LocalAuthority = apps.get_model("places", "LocalAuthority")
    PostcodeDistrict = apps.get_model("places", "PostcodeDistrict")
    with open(REFERENCE / "lcr_local_authorities.csv", encoding="utf-8") as file:
        for row in csv.DictReader(file):
            LocalAuthority.objects.update_or_create(
                code=row["lad_code"],
                defaults={
                    "name": row["lad_name"],
                    "kind": row["lad_type"],
                    "county": row["county"],
                    "status": row["status"],
                    "west_yorkshire": row["west_yorkshire_combined_authority_constituent"] == "yes",
                    "latitude": float(row["approx_centroid_latitude"]),
                    "longitude": float(row["approx_centroid_longitude"]),
                },
            )
    authorities = {authority.code: authority for authority in LocalAuthority.objects.all()}
    with open(REFERENCE / "postcode_districts.csv", encoding="utf-8") as file:
        for row in csv.DictReader(file):
            PostcodeDistrict.objects.update_or_create(
                outcode=row["outcode"],
                defaults={
                    "area": row["postcode_area"],
                    "latitude": float(row["latitude"]),
                    "longitude": float(row["longitude"]),
                    "places": row["town_area"][:300],
                    "post_town": row["post_town"],
                    "local_authority": authorities.get(row["centroid_lcr_lad_code"]),
                    "in_use": row["active_postcodes"] not in {"", "0"} and row["non_geographic"] != "yes",
                },
            )


class Migration(migrations.Migration):
    dependencies = [("places", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
