"""Moderators, the authority's staff in the admin, may read postings' reach (Reports → Campaign reach)."""

from django.db import migrations


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="publishing", model="postingactivity")
    permission, _ = Permission.objects.get_or_create(
        codename="view_postingactivity", content_type=content_type, defaults={"name": "Can view posting activity"}
    )
    Group.objects.get_or_create(name="Moderators")[0].permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("publishing", "0003_posting_activity_impressions_and_saves"),
        ("accounts", "0002_moderators_verify_organisations"),
    ]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
