"""Words and title trigrams of vacancies and sponsored opportunities for the basic search
(publishing.text_search); PostgreSQL only."""

from django.db import migrations

from publishing.text_search import PostgresOnlyAddIndex, TrigramExtensionKept, text_search_indexes


class Migration(migrations.Migration):
    dependencies = [
        ("careers", "0010_career_profile_programmes_move_to_courses"),
    ]

    operations = [
        TrigramExtensionKept(),  # skipped on SQLite by Django itself
        *(PostgresOnlyAddIndex(model_name="apprenticeshipvacancy", index=index) for index in text_search_indexes("vacancy")),
        *(PostgresOnlyAddIndex(model_name="sponsoredopportunity", index=index) for index in text_search_indexes("sponsored")),
    ]
