"""Wagtail's Moderators group may verify employers and training providers."""

from django.db import migrations


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="accounts", model="organisation")
    permission, _ = Permission.objects.get_or_create(
        codename="verify_organisation",
        content_type=content_type,
        defaults={"name": "Can verify employers and training providers"},
    )
    admin_access = Permission.objects.filter(codename="access_admin", content_type__app_label="wagtailadmin")
    moderators, _ = Group.objects.get_or_create(name="Moderators")
    moderators.permissions.add(permission, *admin_access)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("wagtailcore", "0002_initial_data"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
