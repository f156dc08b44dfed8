"""Vacancies' and sponsored opportunities' words stored for the basic search to match and rank
(publishing.text_search); PostgreSQL only."""

from django.db import migrations

from publishing.text_search import AddStoredWords


class Migration(migrations.Migration):
    dependencies = [
        ("careers", "0011_search_vectors"),
    ]

    operations = [
        AddStoredWords("careers_apprenticeshipvacancy", "vacancy_search_words"),
        AddStoredWords("careers_sponsoredopportunity", "sponsored_search_words"),
    ]
