"""Send again the items whose places moved to their full postcodes' own points (courses 0006, careers 0008):
the outbox drain (every 30 seconds, or `manage.py search_index --drain`) updates their documents' locations.
A new database has none to send."""

from django.db import migrations


def resend(apps, schema_editor):
    IndexOutboxEntry = apps.get_model("search", "IndexOutboxEntry")
    held = apps.get_model("places", "Postcode").objects.values("postcode")
    changed = {
        "courses.programme": apps.get_model("courses", "Programme").objects.filter(venues__postcode__in=held),
        "careers.apprenticeshipvacancy": apps.get_model("careers", "ApprenticeshipVacancy").objects.filter(postcode__in=held),
        "careers.sponsoredopportunity": apps.get_model("careers", "SponsoredOpportunity").objects.filter(postcode__in=held),
    }
    entries = [
        IndexOutboxEntry(label=label, object_id=str(pk))
        for label, items in changed.items()
        for pk in items.values_list("pk", flat=True).distinct()
    ]
    IndexOutboxEntry.objects.bulk_create(entries, batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0004_result_clicks"),
        ("courses", "0006_venues_at_postcode_points"),
        ("careers", "0008_places_at_postcode_points"),
    ]
    operations = [migrations.RunPython(resend, migrations.RunPython.noop)]
