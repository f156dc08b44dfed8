"""Debian's Chromium, driven by Playwright, against pytest-django's live server; axe-core from npm.

`playwright install` is never needed: the system browser is used (make test installs the chromium package).
"""

import os
from pathlib import Path

import pytest

from tests.browser.helpers import AXE

# Playwright's sync API runs an event loop in the test's thread; Django would otherwise refuse database work there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture(scope="session")
def browser(django_db_setup):
    from django.db import connections
    from playwright.sync_api import sync_playwright

    assert CHROMIUM.exists(), "Chromium is missing: `make test` installs Debian's chromium package"
    assert AXE.exists(), "axe-core is missing: run `npm ci`"
    # The copy of the reference data that serialized_rollback restores after another test flushed the
    # database is kept on the connection object; Playwright's sync API moves this thread into a new async
    # context, where Django hands out new connection objects without it.
    serialized = {alias: getattr(connections[alias], "_test_serialized_contents", None) for alias in connections}
    with sync_playwright() as playwright:
        for alias, contents in serialized.items():
            if contents is not None:
                connections[alias]._test_serialized_contents = contents
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-background-networking", "--disable-gpu"], headless=True
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1024, "height": 900})
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()
