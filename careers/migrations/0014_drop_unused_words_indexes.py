"""The functional words indexes, unused since the stored search_words columns (0012) answer the basic search: one
vector fewer to compute on every write. PostgreSQL only, as they were built."""

from django.db import migrations

from publishing.text_search import PostgresOnlyRemoveIndex, words_index


class Migration(migrations.Migration):
    dependencies = [
        ("careers", "0013_campaign_codes_pledges_and_places"),
    ]

    operations = [
        PostgresOnlyRemoveIndex(model_name="apprenticeshipvacancy", index=words_index("vacancy")),
        PostgresOnlyRemoveIndex(model_name="sponsoredopportunity", index=words_index("sponsored")),
    ]
