"""Words and title trigrams of programmes for the basic search (publishing.text_search); PostgreSQL only."""

from django.db import migrations

from publishing.text_search import PostgresOnlyAddIndex, TrigramExtensionKept, text_search_indexes


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0007_career_profile_programmes"),
    ]

    operations = [
        TrigramExtensionKept(),  # skipped on SQLite by Django itself
        *(PostgresOnlyAddIndex(model_name="programme", index=index) for index in text_search_indexes("programme")),
    ]
