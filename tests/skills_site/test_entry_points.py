"""Every way the platform starts (WSGI, ASGI, Celery, manage.py) runs on the settings the operator asked for,
and production refuses to start rather than fall back to something unsafe."""

import json
import os
import subprocess
import sys

import pytest

from tests.helpers import REPO
from tests.skills_site.environments import PRODUCTION

REPORT_SETTINGS = (
    "import json, os; from django.conf import settings as s; print(json.dumps({"
    "'module': os.environ['DJANGO_SETTINGS_MODULE'], 'debug': s.DEBUG,"
    "'static': s.STORAGES['staticfiles']['BACKEND'], 'ssl': s.SECURE_SSL_REDIRECT,"
    "'hsts': s.SECURE_HSTS_SECONDS, 'cache': s.CACHES['default']['BACKEND'],"
    "'email_timeout': s.EMAIL_TIMEOUT, 'eager': s.CELERY_TASK_ALWAYS_EAGER}))"
)


def fresh_python(code: str, **environment) -> subprocess.CompletedProcess:
    """A new interpreter with none of the test run's Django variables, only those given."""
    drop = {"DJANGO_SETTINGS_MODULE", "DJANGO_ENV", "DEBUG", *PRODUCTION}
    env = {key: value for key, value in os.environ.items() if key not in drop}
    env.update(environment)
    return subprocess.run([sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True, timeout=60)


def settings_seen_by(entry_point: str, **environment) -> dict:
    result = fresh_python(f"import {entry_point}; {REPORT_SETTINGS}", **environment)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("entry_point", ["skills_site.wsgi", "skills_site.asgi", "skills_site.celery"])
def test_servers_and_workers_run_on_production_settings(entry_point):
    seen = settings_seen_by(entry_point, **PRODUCTION)

    assert seen["module"] == "skills_site.settings.production"
    assert seen["debug"] is False
    assert seen["static"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    assert seen["ssl"] is True and seen["hsts"] >= 31536000
    assert seen["cache"] == "django.core.cache.backends.redis.RedisCache"
    assert seen["eager"] is False


def test_wsgi_with_nothing_said_is_production_not_development():
    """An operator who forgets DJANGO_ENV gets production's refusal to start, never a debug server."""
    result = fresh_python("import skills_site.wsgi")

    assert result.returncode != 0
    assert result.stderr.strip().splitlines()[-1].startswith("Configuration error:")
    assert "SECRET_KEY" in result.stderr


def test_celery_worker_with_nothing_said_does_not_use_the_insecure_key():
    result = fresh_python("import skills_site; from django.conf import settings; print(settings.SECRET_KEY)")

    assert result.returncode != 0
    assert "insecure" not in result.stdout


def test_manage_py_follows_django_env():
    code = (
        "import sys, runpy; sys.argv = ['manage.py', 'shell', '-c', " + repr(REPORT_SETTINGS) + "];"
        "runpy.run_path('manage.py', run_name='__main__')"
    )
    production = fresh_python(code, **PRODUCTION)
    development = fresh_python(code)

    assert production.returncode == 0, production.stderr
    assert json.loads(production.stdout.strip().splitlines()[-1])["module"] == "skills_site.settings.production"
    assert development.returncode == 0, development.stderr
    assert json.loads(development.stdout.strip().splitlines()[-1])["module"] == "skills_site.settings.dev"


def test_a_settings_module_that_disagrees_with_django_env_stops_start_up():
    result = fresh_python("import skills_site", DJANGO_ENV="production", DJANGO_SETTINGS_MODULE="skills_site.settings.dev")

    assert result.returncode != 0
    assert "DJANGO_ENV" in result.stderr and "DJANGO_SETTINGS_MODULE" in result.stderr


def test_an_unknown_django_env_is_named():
    result = fresh_python("import skills_site", DJANGO_ENV="prod")

    assert result.returncode != 0
    assert "DJANGO_ENV" in result.stderr.strip().splitlines()[-1]


@pytest.mark.parametrize("missing", ["CACHE_URL", "CELERY_BROKER_URL", "WAGTAILADMIN_BASE_URL", "ALLOWED_HOSTS", "EMAIL_URL"])
def test_production_refuses_to_start_without_a_service_it_needs(missing):
    environment = {key: value for key, value in PRODUCTION.items() if key != missing}

    result = fresh_python("import skills_site.wsgi", **environment)

    assert result.returncode != 0
    last_line = result.stderr.strip().splitlines()[-1]
    assert last_line.startswith("Configuration error:") and missing in last_line


def test_production_sends_mail_with_a_timeout():
    assert 0 < settings_seen_by("skills_site.wsgi", **PRODUCTION)["email_timeout"] <= 30


def test_a_web_process_has_its_views_loaded_and_its_start_up_objects_frozen():
    # The first request finds the views imported, and a full garbage collection no longer walks the ~240,000
    # objects loaded at start-up (skills_site.web_process).
    result = fresh_python(
        "import gc, sys; import skills_site.wsgi; print(gc.get_freeze_count(), 'search.views' in sys.modules)",
        DJANGO_SETTINGS_MODULE="skills_site.settings.test",
    )
    assert result.returncode == 0, result.stderr
    frozen, views_loaded = result.stdout.split()[-2:]
    assert views_loaded == "True"
    assert int(frozen) > 100_000
