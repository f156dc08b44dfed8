"""`make run` on a fresh machine: the zero-setup SQLite database migrates from nothing to the latest schema.

The suite itself runs on PostgreSQL, so without this a migration that only PostgreSQL can apply (a GIN index, a
cast) would break the README's first command and nothing else would notice.
"""

import os
import subprocess
import sys

from tests.helpers import REPO


def test_a_fresh_sqlite_database_migrates_to_the_latest_schema(tmp_path):
    database = tmp_path / "zero-setup.sqlite3"
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DATABASE_", "DJANGO_"))}
    env.update(DJANGO_SETTINGS_MODULE="skills_site.settings.dev", DATABASE_URL=f"sqlite:///{database}")
    migrate = subprocess.run([sys.executable, "manage.py", "migrate", "--noinput"], cwd=REPO, env=env, capture_output=True, text=True, timeout=900)
    assert migrate.returncode == 0, migrate.stderr[-3000:]
    unapplied = subprocess.run([sys.executable, "manage.py", "migrate", "--check"], cwd=REPO, env=env, capture_output=True, text=True, timeout=300)
    assert unapplied.returncode == 0, unapplied.stdout + unapplied.stderr
