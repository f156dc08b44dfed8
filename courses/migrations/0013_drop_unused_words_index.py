"""The functional words index, unused since the stored search_words column (0010) answers the basic search: one
vector fewer to compute on every write. PostgreSQL only, as it was built."""

from django.db import migrations

from publishing.text_search import PostgresOnlyRemoveIndex, words_index


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0012_places_and_career_changers"),
    ]

    operations = [PostgresOnlyRemoveIndex(model_name="programme", index=words_index("programme"))]
