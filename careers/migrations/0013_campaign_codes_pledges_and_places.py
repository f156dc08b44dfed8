"""Sponsor campaigns get a code (filled from their slugs), a campaign page and sponsors' pledges; sponsored
opportunities get a number of places and whether they welcome career changers."""

import re

import django.core.validators
import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models

CODE_LENGTH = 20


def codes_from_slugs(apps, schema_editor):
    """"digital-futures-pledge" → "DIGITALFUTURESPLEDGE": the slug's letters and digits in capitals, cut to 20
    characters; a number on the end where two would be the same."""
    SponsorCampaign = apps.get_model("careers", "SponsorCampaign")
    taken = set()
    for campaign in SponsorCampaign.objects.order_by("pk"):
        base = re.sub(r"[^A-Z0-9]", "", campaign.slug.upper())[:CODE_LENGTH] or "CAMPAIGN"
        base = base.ljust(3, "0")
        code, number = base, 2
        while code in taken:
            suffix = str(number)
            code, number = base[: CODE_LENGTH - len(suffix)] + suffix, number + 1
        taken.add(code)
        campaign.code = code
        campaign.save(update_fields=["code"])


class Migration(migrations.Migration):
    dependencies = [
        ("careers", "0012_stored_search_words"),
    ]

    operations = [
        migrations.AddField(
            model_name="sponsorcampaign",
            name="code",
            field=models.CharField(max_length=20, default="", editable=False),
            preserve_default=False,
        ),
        migrations.RunPython(codes_from_slugs, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="sponsorcampaign",
            name="code",
            field=models.CharField(
                help_text="Providers and employers give it in their import files, like LCRDIGITAL26: capital letters and digits",
                max_length=20,
                unique=True,
                validators=[
                    django.core.validators.RegexValidator(
                        "^[A-Z0-9]{3,20}$", "Use 3 to 20 capital letters and digits, with no spaces, like LCRDIGITAL26"
                    )
                ],
            ),
        ),
        migrations.AddField(
            model_name="sponsorcampaign",
            name="campaign_page",
            field=models.ForeignKey(
                blank=True,
                help_text="The campaign page residents read about it on: its pledges and their progress show there",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="careers.campaignpage",
            ),
        ),
        migrations.AddField(
            model_name="sponsoredopportunity",
            name="places",
            field=models.PositiveIntegerField(
                default=1, help_text="How many people it can take", validators=[django.core.validators.MinValueValidator(1)]
            ),
        ),
        migrations.AddField(
            model_name="sponsoredopportunity",
            name="welcomes_career_changers",
            field=models.BooleanField(
                default=False,
                help_text="People changing career, or coming back after a break, are encouraged to apply",
                verbose_name="welcomes career changers and returners",
            ),
        ),
        migrations.CreateModel(
            name="Pledge",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("sort_order", models.IntegerField(blank=True, editable=False, null=True)),
                (
                    "places",
                    models.PositiveIntegerField(
                        help_text="How many places it pledged", validators=[django.core.validators.MinValueValidator(1)]
                    ),
                ),
                (
                    "description",
                    models.CharField(
                        help_text="What the places are, as residents read them after the number: “bootcamp places”, “paid placements”",
                        max_length=80,
                    ),
                ),
                (
                    "counts",
                    models.CharField(
                        choices=[
                            ("any", "Any of the sponsor's postings"),
                            ("apprenticeship", "Apprenticeship vacancies"),
                            ("paid_role", "Paid roles"),
                            ("bootcamp_place", "Sponsored bootcamp or course places"),
                            ("placement", "Placements or work experience"),
                            ("returner", "Returner programmes"),
                            ("scholarship", "Scholarships"),
                        ],
                        default="any",
                        help_text="Which of its postings in the campaign count towards it",
                        max_length=20,
                        verbose_name="postings counted",
                    ),
                ),
                (
                    "campaign",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="pledges", to="careers.sponsorcampaign"
                    ),
                ),
                (
                    "sponsor",
                    models.ForeignKey(
                        help_text="One of the campaign's sponsors. Its postings count when it is linked to its employer profile",
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="pledges",
                        to="careers.sponsor",
                    ),
                ),
            ],
            options={
                "ordering": ["sort_order"],
                "abstract": False,
                "constraints": [
                    models.UniqueConstraint(fields=("campaign", "sponsor"), name="one_pledge_per_sponsor_per_campaign")
                ],
            },
        ),
    ]
