"""What the README's production recipe exports, with loopback values, for tests that start production."""

PRODUCTION = {
    "DJANGO_ENV": "production",
    "SECRET_KEY": "production-test-key-" + "x" * 40,
    "ALLOWED_HOSTS": "skills.example.org",
    "DATABASE_URL": "postgres://skills:skills@127.0.0.1:5432/skills",
    "CELERY_BROKER_URL": "redis://127.0.0.1:6379/0",
    "CACHE_URL": "redis://127.0.0.1:6379/2",
    "EMAIL_URL": "smtp://mailer:secret@smtp.example.org:587",
    "WAGTAILADMIN_BASE_URL": "https://skills.example.org",
}
