"""Data migrations that apps with Located models call when the points of places change.

They work on historical models (apps.get_model), so they keep working as the real models change.
"""


def move_to_postcode_points(*labels: str):
    """A RunPython function: rows of these models ("app_label.ModelName") whose postcode we hold move to that
    postcode's own point and local authority, as Located.resolve_location() would now place them; rows with
    any other postcode keep their district's centroid."""

    def forwards(apps, schema_editor):
        Postcode = apps.get_model("places", "Postcode")
        points = None
        for label in labels:
            model = apps.get_model(label)
            rows = list(model.objects.exclude(postcode="").only("postcode", "latitude", "longitude", "local_authority"))
            if not rows:
                continue
            if points is None:  # about 96,000 rows: read once, and only when there is something to move
                points = {code: point for code, *point in Postcode.objects.values_list("postcode", "latitude", "longitude", "local_authority")}
            moved = []
            for row in rows:
                point = points.get(row.postcode)
                if point and point != [row.latitude, row.longitude, row.local_authority_id]:
                    row.latitude, row.longitude, row.local_authority_id = point
                    moved.append(row)
            model.objects.bulk_update(moved, ["latitude", "longitude", "local_authority"], batch_size=500)

    return forwards
