#!/usr/bin/env python
"""Boot the README's production recipe on loopback and check it as an operator would (make test runs this).

Runs collectstatic, migrate and `check --deploy` under DJANGO_ENV=production against the services that
scripts/services.sh started, serves with gunicorn, then reads the answers: HTTPS redirect, CSP and HSTS
headers, hashed static files that load, our own 404 page, health checks, and no second sign-in form.
Exits non-zero naming the first thing that is wrong.
"""

import http.client
import os
import re
import secrets
import socket
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PYTHON = sys.executable

PRODUCTION = {
    "DJANGO_ENV": "production",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "127.0.0.1",
    "DATABASE_URL": os.environ.get("DATABASE_URL", "postgres://skills:skills@127.0.0.1:5432/skills"),
    "CELERY_BROKER_URL": "redis://127.0.0.1:6379/3",
    "CACHE_URL": "redis://127.0.0.1:6379/4",
    "EMAIL_URL": "smtp://127.0.0.1:2525",
    "WAGTAILADMIN_BASE_URL": "https://127.0.0.1",
    "SEARCH_URL": os.environ.get("SEARCH_URL", "http://127.0.0.1:9200"),
    "SEARCH_INDEX_PREFIX": "production-check",
}


class CheckFailed(Exception):
    pass


def expect(condition: bool, what: str) -> None:
    if not condition:
        raise CheckFailed(what)
    print(f"  ok: {what}")


def run(*command: str, env: dict) -> None:
    result = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise CheckFailed(f"`{' '.join(command[1:])}` failed:\n{result.stdout[-2000:]}{result.stderr[-2000:]}")
    print(f"  ok: {' '.join(command[1:])}")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(port: int, path: str, *, https: bool = True) -> tuple[int, dict, str]:
    """One request, redirects not followed; `https` says what the (absent) proxy would have said."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    headers = {"Host": "127.0.0.1", **({"X-Forwarded-Proto": "https"} if https else {})}
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    body = response.read().decode("utf-8", "replace")
    answer = {name.lower(): value for name, value in response.getheaders()}
    connection.close()
    return response.status, answer, body


def serve(env: dict) -> tuple[subprocess.Popen, int]:
    port = free_port()
    server = subprocess.Popen(
        [PYTHON, "-m", "gunicorn", "skills_site.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2"],
        cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise CheckFailed(f"gunicorn stopped at start-up:\n{server.stderr.read()[-3000:]}")
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return server, port
        time.sleep(0.3)
    raise CheckFailed("gunicorn did not answer within 60 seconds")


def check_served_site(port: int) -> None:
    status, headers, _ = get(port, "/search/", https=False)
    expect(status == 301 and headers.get("location", "").startswith("https://"), "plain HTTP is redirected to HTTPS")

    status, _, _ = get(port, "/healthz/live", https=False)
    expect(status == 200, "/healthz/live answers 200 to the load balancer")

    status, headers, body = get(port, "/accounts/login/")
    expect(status == 200, "the sign-in page answers 200 over HTTPS")
    expect("default-src 'self'" in headers.get("content-security-policy", ""), "a Content Security Policy is sent")
    expect("max-age=31536000" in headers.get("strict-transport-security", ""), "HSTS is sent for a year")
    expect(headers.get("x-content-type-options") == "nosniff", "X-Content-Type-Options is nosniff")
    stylesheet = re.search(r'href="(/static/build/site\.[0-9a-f]{12}\.css)"', body)
    expect(stylesheet is not None, "the page links a hashed stylesheet (manifest static files)")
    status, headers, _ = get(port, stylesheet.group(1))
    expect(status == 200 and headers.get("content-type", "").startswith("text/css"), "the hashed stylesheet loads")
    expect("max-age=315360000" in headers.get("cache-control", ""), "hashed static files are cached for good")

    for path in ("/", "/search/?q=python+course", "/pathways/", "/api/v1/programmes/"):
        status, _, _ = get(port, path)
        expect(status == 200, f"{path} answers 200")

    status, _, body = get(port, "/no-such-page/")
    expect(status == 404 and "Page not found" in body and "URLconf" not in body, "a missing page is our own 404")

    status, headers, body = get(port, "/_util/login/")
    expect(status in {301, 302} and headers.get("location", "").startswith("/accounts/login/"), "/_util/login/ is not a login form")


def main() -> int:
    env = {key: value for key, value in os.environ.items() if key not in {"DJANGO_SETTINGS_MODULE", "DEBUG"}}
    env.update(PRODUCTION)
    manage = [PYTHON, "manage.py"]
    print("Production check (the README's recipe on loopback):")
    server = None
    try:
        run(*manage, "collectstatic", "--noinput", env=env)
        # Migrated first, as the README says: the deploy check builds the API's schema, which reads the reference
        # codes from the database (a fresh one has no tables until then).
        run(*manage, "migrate", "--noinput", env=env)
        run(*manage, "check", "--deploy", "--fail-level", "WARNING", env=env)
        server, port = serve(env)
        check_served_site(port)
    except CheckFailed as failure:
        print(f"Production check FAILED: {failure}", file=sys.stderr)
        return 1
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=20)
    print("Production check: all checks passed.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
