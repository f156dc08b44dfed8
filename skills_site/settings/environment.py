"""Typed reads of the process environment, used once by settings/base.py, and the choice of settings module.

A malformed value raises ConfigurationError with a one-line message that names the
variable; manage.py, wsgi.py and the Celery app print that line and stop.
"""

import os
from urllib.parse import parse_qs, unquote, urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


class ConfigurationError(ImproperlyConfigured):
    pass


SETTINGS_MODULES = {
    "production": "skills_site.settings.production",
    "dev": "skills_site.settings.dev",
    "test": "skills_site.settings.test",
}


def select_settings_module() -> None:
    """Set DJANGO_SETTINGS_MODULE from DJANGO_ENV, before Django or Celery reads it.

    Nothing said means production: a server or worker started without configuration then refuses to start
    (no SECRET_KEY) instead of running with debug on. manage.py says `dev` for itself, unless told otherwise.
    """
    environment = _raw("DJANGO_ENV")
    module = _raw("DJANGO_SETTINGS_MODULE")
    if environment is not None and environment not in SETTINGS_MODULES:
        raise SystemExit(f"Configuration error: DJANGO_ENV must be one of {', '.join(SETTINGS_MODULES)}, not {environment!r}")
    if module and environment and module != SETTINGS_MODULES[environment]:
        raise SystemExit(
            f"Configuration error: DJANGO_ENV={environment} but DJANGO_SETTINGS_MODULE={module}; set one of them"
        )
    os.environ["DJANGO_SETTINGS_MODULE"] = module or SETTINGS_MODULES[environment or "production"]


def require(*names: str) -> None:
    """Stop start-up naming every variable of `names` that is unset or empty."""
    missing = [name for name in names if not _raw(name)]
    if missing:
        raise ConfigurationError(f"{', '.join(missing)} must be set in production")


def _raw(name: str) -> str | None:
    value = os.environ.get(name)
    return value.strip() if value is not None else None


def read_str(name: str, *, default: str | None = None, required: bool = False) -> str | None:
    value = _raw(name)
    if value:
        return value
    if required:
        raise ConfigurationError(f"{name} must be set")
    return default


def read_bool(name: str, *, default: bool) -> bool:
    value = _raw(name)
    if value is None:
        return default
    if value.lower() in _TRUE:
        return True
    if value.lower() in _FALSE:
        return False
    raise ConfigurationError(f"{name} must be true or false, not {value!r}")


def read_choice(name: str, *, choices: tuple[str, ...], default: str) -> str:
    value = (_raw(name) or default).lower()
    if value not in choices:
        raise ConfigurationError(f"{name} must be one of {', '.join(choices)}, not {value!r}")
    return value


def read_list(name: str, *, default: list[str]) -> list[str]:
    value = _raw(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def read_database(name: str, *, default: str) -> dict:
    url = _raw(name) or default
    scheme = url.split("://", 1)[0] if "://" in url else ""
    if scheme not in {"postgres", "postgresql", "pgsql", "sqlite"}:
        raise ConfigurationError(
            f"{name} must look like postgres://user:password@host:5432/name or sqlite:///path"
        )
    try:
        config = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
        urlsplit(url).port  # raises on a port that is not a number
    except ValueError as error:
        raise ConfigurationError(f"{name} is malformed: {error}") from None
    if scheme != "sqlite" and not config.get("NAME"):
        raise ConfigurationError(f"{name} must name a database after the host, e.g. .../skills")
    return config


def read_http_urls(name: str, *, default: str) -> list[str]:
    """One http(s) URL, or several separated by commas (the nodes of one cluster), each without a trailing slash."""
    urls = [url.strip().rstrip("/") for url in (_raw(name) or default).split(",") if url.strip()]
    if not urls:
        raise ConfigurationError(f"{name} must be an http(s) URL such as http://127.0.0.1:9200")
    return [_http_url(name, url) for url in urls]


def read_optional_http_url(name: str) -> str | None:
    url = _raw(name)
    return _http_url(name, url.rstrip("/")) if url else None


def _http_url(name: str, url: str) -> str:
    parts = urlsplit(url)
    try:
        parts.port
    except ValueError:
        raise ConfigurationError(f"{name} has a port that is not a number: {url!r}") from None
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise ConfigurationError(f"{name} must be an http(s) URL such as http://127.0.0.1:9200, not {url!r}")
    return url


def read_int(name: str, *, default: int, minimum: int = 0) -> int:
    value = _raw(name)
    if not value:
        return default
    try:
        number = int(value)
    except ValueError:
        raise ConfigurationError(f"{name} must be a whole number, not {value!r}") from None
    if number < minimum:
        raise ConfigurationError(f"{name} must be at least {minimum}, not {number}")
    return number


def read_broker_url(name: str) -> str | None:
    url = _raw(name)
    if not url:
        return None
    parts = urlsplit(url)
    try:
        parts.port
    except ValueError:
        raise ConfigurationError(f"{name} has a port that is not a number: {url!r}") from None
    if parts.scheme not in {"redis", "rediss"} or not parts.hostname:
        raise ConfigurationError(f"{name} must be a redis:// URL such as redis://127.0.0.1:6379/0")
    return url


def read_email(name: str, *, default: str) -> dict:
    """EMAIL_URL: smtp://user:password@host:587?tls=true, console://, locmem:// or file:///path."""
    url = _raw(name) or default
    parts = urlsplit(url)
    backends = {
        "console": "django.core.mail.backends.console.EmailBackend",
        "locmem": "django.core.mail.backends.locmem.EmailBackend",
        "file": "django.core.mail.backends.filebased.EmailBackend",
        "smtp": "django.core.mail.backends.smtp.EmailBackend",
        "smtps": "django.core.mail.backends.smtp.EmailBackend",
    }
    if parts.scheme not in backends:
        raise ConfigurationError(f"{name} must start with smtp://, smtps://, console://, locmem:// or file://")
    config = {"EMAIL_BACKEND": backends[parts.scheme]}
    if parts.scheme == "file":
        config["EMAIL_FILE_PATH"] = parts.path
    if parts.scheme.startswith("smtp"):
        try:
            port = parts.port
        except ValueError:
            raise ConfigurationError(f"{name} has a port that is not a number") from None
        if not parts.hostname:
            raise ConfigurationError(f"{name} must name the mail server's host")
        query = parse_qs(parts.query)
        config.update(
            EMAIL_HOST=parts.hostname,
            EMAIL_PORT=port or (465 if parts.scheme == "smtps" else 587),
            EMAIL_HOST_USER=unquote(parts.username or ""),
            EMAIL_HOST_PASSWORD=unquote(parts.password or ""),
            EMAIL_USE_SSL=parts.scheme == "smtps",
            EMAIL_USE_TLS=parts.scheme == "smtp" and query.get("tls", ["true"])[0].lower() in _TRUE,
        )
    return config


def exit_on_configuration_error() -> None:
    """Load settings now, so a bad variable stops start-up with one clear line."""
    from django.conf import settings

    try:
        settings.INSTALLED_APPS
    except ConfigurationError as error:
        raise SystemExit(f"Configuration error: {error}") from None
