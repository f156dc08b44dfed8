"""An apprenticeship vacancy names its training provider by organisation (accounts), not by the courses app's
provider profile, so that careers needs nothing of courses. Each vacancy keeps the same provider: the new link
is its profile's organisation."""

import django.db.models.deletion
from django.db import migrations, models


def to_organisations(apps, schema_editor):
    Vacancy = apps.get_model("careers", "ApprenticeshipVacancy")
    for vacancy in Vacancy.objects.filter(training_provider__isnull=False).select_related("training_provider"):
        Vacancy.objects.filter(pk=vacancy.pk).update(training_organisation_id=vacancy.training_provider.organisation_id)


def to_profiles(apps, schema_editor):
    Vacancy = apps.get_model("careers", "ApprenticeshipVacancy")
    Provider = apps.get_model("courses", "Provider")
    profiles = dict(Provider.objects.values_list("organisation_id", "pk"))
    for vacancy in Vacancy.objects.filter(training_organisation__isnull=False):
        Vacancy.objects.filter(pk=vacancy.pk).update(training_provider_id=profiles.get(vacancy.training_organisation_id))


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_website_review_and_organisation_requested"),
        ("careers", "0008_places_at_postcode_points"),
        ("courses", "0006_venues_at_postcode_points"),
    ]

    operations = [
        migrations.AddField(
            model_name="apprenticeshipvacancy",
            name="training_organisation",
            field=models.ForeignKey(
                null=True, blank=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to="accounts.organisation"
            ),
        ),
        migrations.RunPython(to_organisations, to_profiles),
        migrations.RemoveField(model_name="apprenticeshipvacancy", name="training_provider"),
        migrations.RenameField(model_name="apprenticeshipvacancy", old_name="training_organisation", new_name="training_provider"),
        migrations.AlterField(
            model_name="apprenticeshipvacancy",
            name="training_provider",
            field=models.ForeignKey(
                blank=True,
                limit_choices_to={"kind": "provider"},
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="apprenticeships_trained",
                to="accounts.organisation",
            ),
        ),
    ]
