"""A bad environment variable stops start-up with one clear line that names it."""

import json
import os
import subprocess
import sys
from urllib.parse import urlsplit

import pytest

from tests.helpers import REPO
from tests.skills_site.environments import PRODUCTION


def production_setting(name: str):
    """A setting as production reads it (the README's recipe, loopback values), through manage.py in its own process."""
    result = manage("shell", "-c", f"import json; from django.conf import settings; print(json.dumps(settings.{name}))", **PRODUCTION)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def manage(*args, **environment):
    env = {key: value for key, value in os.environ.items() if key not in {"DATABASE_URL", "SECRET_KEY", "DEBUG", "DJANGO_ENV", "DJANGO_SETTINGS_MODULE"}}
    env.update(environment)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=REPO, env=env, capture_output=True, text=True, timeout=60
    )


@pytest.mark.parametrize(
    "variable, value",
    [
        ("DATABASE_URL", "not a database url"),
        ("DATABASE_URL", "postgres://skills@localhost:fivefourthreetwo/skills"),
        ("SEARCH_URL", "http://127.0.0.1:ninetwohundred"),
        ("SEARCH_URL", "opensearch-somewhere"),
        ("CELERY_BROKER_URL", "amqp-ish nonsense"),
        ("DEBUG", "maybe"),
        ("EMAIL_URL", "pigeon://loft"),
        ("SEARCH_URL", "http://127.0.0.1:9200,http://127.0.0.1:ninetwoohone"),
        ("MEDIA_STORAGE", "dropbox"),
        ("DATABASE_CONN_MAX_AGE", "a minute"),
        ("DATABASE_TRANSACTION_POOLING", "sometimes"),
    ],
)
def test_malformed_value_stops_start_up_naming_the_variable(variable, value):
    result = manage("check", DJANGO_SETTINGS_MODULE="skills_site.settings.dev", **{variable: value})

    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Configuration error:")
    assert variable in lines[0]


def test_production_refuses_to_start_without_a_secret_key():
    result = manage("check", DJANGO_SETTINGS_MODULE="skills_site.settings.production")

    assert result.returncode != 0
    assert result.stderr.strip() == "Configuration error: SECRET_KEY must be set when DEBUG is off"


def test_production_settings_are_secure():
    code = (
        "import json; from django.conf import settings as s; print(json.dumps({"
        "'cookie': s.SESSION_COOKIE_SECURE, 'csrf': s.CSRF_COOKIE_SECURE, 'hsts': s.SECURE_HSTS_SECONDS,"
        "'ssl': s.SECURE_SSL_REDIRECT, 'debug': s.DEBUG, 'csp': s.CONTENT_SECURITY_POLICY['DIRECTIVES']['default-src'],"
        "'middleware': s.MIDDLEWARE}))"
    )
    result = manage("shell", "-c", code, **PRODUCTION)

    assert result.returncode == 0, result.stderr
    production = json.loads(result.stdout.strip().splitlines()[-1])
    assert production["cookie"] and production["csrf"] and production["ssl"]
    assert production["hsts"] >= 31536000
    assert production["debug"] is False
    assert production["csp"] == ["'self'"]
    assert "csp.middleware.CSPMiddleware" in production["middleware"]
    assert not any("debug_toolbar" in m for m in production["middleware"])


S3 = {
    "MEDIA_STORAGE": "s3",
    "AWS_STORAGE_BUCKET_NAME": "skills-media",
    "AWS_ACCESS_KEY_ID": "AKIAEXAMPLE",
    "AWS_SECRET_ACCESS_KEY": "example-secret",
}

MEDIA = (
    "import json; from django.conf import settings as s; from django.core.files.storage import default_storage as d;"
    "print(json.dumps({'backend': s.STORAGES['default']['BACKEND'], 'url': d.url('images/laptop.png'),"
    "'img': s.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src']}))"
)


def production_media(**environment) -> dict:
    result = manage("shell", "-c", MEDIA, **PRODUCTION, **environment)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_refuses_a_media_bucket_it_cannot_use():
    result = manage("check", **PRODUCTION, MEDIA_STORAGE="s3", AWS_STORAGE_BUCKET_NAME="skills-media")

    assert result.returncode != 0
    assert result.stderr.strip() == "Configuration error: AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY must be set in production"


def test_media_stay_on_the_shared_disk_unless_a_bucket_is_chosen():
    media = production_media()

    assert media["backend"] == "django.core.files.storage.FileSystemStorage"
    assert media["url"] == "/media/images/laptop.png"


@pytest.mark.parametrize(
    "store, origin",
    [
        ({"AWS_S3_REGION_NAME": "eu-west-2"}, "https://skills-media.s3.amazonaws.com"),
        ({"AWS_S3_ENDPOINT_URL": "https://objects.example.org"}, "https://objects.example.org"),
        ({"AWS_S3_CUSTOM_DOMAIN": "media.skills.example.org"}, "https://media.skills.example.org"),
    ],
)
def test_media_in_a_bucket_are_linked_where_the_content_security_policy_lets_images_load(store, origin):
    media = production_media(**S3, **store)

    assert media["backend"] == "storages.backends.s3.S3Storage"
    link = urlsplit(media["url"])
    assert f"{link.scheme}://{link.netloc}" == origin
    assert origin in media["img"]


def test_behind_pgbouncer_in_transaction_mode_no_cursor_outlives_its_transaction():
    code = (
        "import json; from django.conf import settings as s; d = s.DATABASES['default'];"
        "print(json.dumps([d['CONN_MAX_AGE'], d['DISABLE_SERVER_SIDE_CURSORS']]))"
    )
    result = manage("shell", "-c", code, **PRODUCTION, DATABASE_TRANSACTION_POOLING="true", DATABASE_CONN_MAX_AGE="300")

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == [300, True]
