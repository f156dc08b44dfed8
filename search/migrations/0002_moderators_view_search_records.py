"""Moderators may read the anonymous search log through the unmet-demand report."""

from django.db import migrations


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="search", model="searchrecord")
    permission, _ = Permission.objects.get_or_create(
        codename="view_searchrecord", content_type=content_type, defaults={"name": "Can view search record"}
    )
    Group.objects.get_or_create(name="Moderators")[0].permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial"), ("accounts", "0002_moderators_verify_organisations")]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
