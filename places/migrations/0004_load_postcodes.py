"""Load every live full postcode with its own point from data/reference/postcodes_lcr.csv (OS Code-Point Open,
OGL v3.0; see data/reference/README.md).

About a second, on PostgreSQL or on `make run`'s SQLite, so it can run at every test database creation. The 13
rows with no point are left out (LS78 1LB, whose district we do not hold, and twelve BD98 bulk-mail postcodes):
like any postcode we do not hold, they fall back to their district or are refused with it.
"""

import csv
from pathlib import Path

from django.db import migrations

REFERENCE = Path(__file__).resolve().parents[2] / "data" / "reference"
FIELDS = ("postcode", "district", "latitude", "longitude", "local_authority")

# The release gives each postcode's local authority as it was in 2025; we hold the ten authorities of 2013.
# Barnsley kept its name but got a new code with its 2021 boundary change.
SUCCESSORS = {"E08000038": "E08000016"}
# North Yorkshire (E06000065) took in Craven, Harrogate and Selby in April 2023. For its postcodes we keep the
# former district that their postcode district's centroid lies in; where that is another authority (parts of
# BD20 and LS25, say), we cannot tell which former district it was, so the postcode has no local authority of ours.
NORTH_YORKSHIRE = "E06000065"
FORMER_NORTH_YORKSHIRE = {"E07000163", "E07000165", "E07000169"}


def _authority(code: str, district, authorities: dict) -> int | None:
    if not code:
        return district.local_authority_id
    if code == NORTH_YORKSHIRE:
        former = district.local_authority
        return former.pk if former and former.code in FORMER_NORTH_YORKSHIRE else None
    authority = authorities.get(SUCCESSORS.get(code, code))
    return authority.pk if authority else None


def load(apps, schema_editor):
    Postcode = apps.get_model("places", "Postcode")
    PostcodeDistrict = apps.get_model("places", "PostcodeDistrict")
    LocalAuthority = apps.get_model("places", "LocalAuthority")
    authorities = {authority.code: authority for authority in LocalAuthority.objects.all()}
    districts = {district.outcode: district for district in PostcodeDistrict.objects.select_related("local_authority")}
    rows = []
    with open(REFERENCE / "postcodes_lcr.csv", encoding="utf-8", newline="") as file:
        for row in csv.DictReader(file):
            if not row["latitude"]:
                continue
            district = districts[row["postcode"].split(" ")[0]]  # every postcode with a point has its district
            authority = _authority(row["lad_code"], district, authorities)
            rows.append((row["postcode"], district.pk, float(row["latitude"]), float(row["longitude"]), authority))
    # Rows straight to the table: bulk_create's 96,000 model instances took over 10 s on PostgreSQL, COPY takes 1.
    connection = schema_editor.connection
    table = schema_editor.quote_name(Postcode._meta.db_table)
    columns = ", ".join(schema_editor.quote_name(Postcode._meta.get_field(name).column) for name in FIELDS)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({', '.join(['%s'] * len(FIELDS))})", rows)


def unload(apps, schema_editor):
    apps.get_model("places", "Postcode").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("places", "0003_postcode")]
    operations = [migrations.RunPython(load, unload)]
