"""Wagtail locales for the languages residents can choose (settings.LANGUAGES), so editors can translate pages,
and Wagtail's editors and moderators may make the translated copies ("Translate", simple_translation).

English stays the default locale, "en-gb" like LANGUAGE_CODE: the pages that exist keep it. A database made
when the locale was still called "en" has it renamed, so its pages stay English rather than orphaned.
"""

from django.db import migrations

DEFAULT = "en-gb"
OTHERS = ("ur", "pl", "ro")


def add_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore.Locale")
    if not Locale.objects.filter(language_code=DEFAULT).exists():
        Locale.objects.filter(language_code="en").update(language_code=DEFAULT)
    Locale.objects.get_or_create(language_code=DEFAULT)
    for code in OTHERS:
        Locale.objects.get_or_create(language_code=code)


def let_editors_translate(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="simple_translation", model="simpletranslation")
    permission, _ = Permission.objects.get_or_create(
        codename="submit_translation", content_type=content_type, defaults={"name": "Can submit translations"}
    )
    for group in Group.objects.filter(name__in=["Editors", "Moderators"]):
        group.permissions.add(permission)


def remove_unused_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore.Locale")
    Page = apps.get_model("wagtailcore.Page")
    Locale.objects.filter(language_code__in=OTHERS).exclude(pk__in=Page.objects.values("locale")).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0005_home_page_campaign_blocks"),
        ("wagtailcore", "0098_apitoken"),
        ("simple_translation", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(add_locales, remove_unused_locales),
        migrations.RunPython(let_editors_translate, migrations.RunPython.noop),
    ]
