"""Programmes' words stored for the basic search to match and rank (publishing.text_search); PostgreSQL only."""

from django.db import migrations

from publishing.text_search import AddStoredWords


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0009_import_heartbeat"),
    ]

    operations = [
        AddStoredWords("courses_programme", "programme_search_words"),
    ]
