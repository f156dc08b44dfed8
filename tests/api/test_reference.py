"""The API reference at /api/v1/docs/: served with its scripts and styles from this site, under the Content
Security Policy production sends, with the schema to read when JavaScript does not run."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.staticfiles import finders

from tests.skills_site.test_configuration import production_setting

DOCS = "/api/v1/docs/"


@pytest.fixture(scope="module")
def production_policy():
    """The Content Security Policy of the production settings, as they are read in production."""
    return production_setting("CONTENT_SECURITY_POLICY")


@pytest.fixture
def with_production_policy(settings, production_policy):
    settings.MIDDLEWARE = [*settings.MIDDLEWARE, "csp.middleware.CSPMiddleware"]
    settings.CONTENT_SECURITY_POLICY = production_policy


def directives(header: str) -> dict[str, list[str]]:
    return {name: values for name, *values in (part.split() for part in header.split(";") if part.strip())}


@pytest.mark.django_db
def test_the_reference_loads_only_our_own_files_under_the_sites_policy(client, settings, with_production_policy, production_policy):
    response = client.get(DOCS)

    assert response.status_code == 200
    # The policy is production's own, unchanged for this page: scripts from this site only, no inline code or eval.
    policy = directives(response["Content-Security-Policy"])
    assert policy["script-src"] == production_policy["DIRECTIVES"]["script-src"] == ["'self'"]
    assert policy["default-src"] == ["'self'"]
    page = BeautifulSoup(response.content, "html.parser")
    scripts = page.find_all("script")
    assert len(scripts) == 3
    assert all(script.get("src") and not script.string for script in scripts)
    assets = [script["src"] for script in scripts] + [link["href"] for link in page.find_all("link")]
    [start_up_address] = [address for address in assets if not address.startswith(settings.STATIC_URL)]
    for address in assets:
        assert address.startswith("/") and not address.startswith("//"), f"{address} is not on our origin"
    for address in set(assets) - {start_up_address}:
        assert finders.find(address.removeprefix(settings.STATIC_URL)), f"{address} is not among our static files"
    start_up = client.get(start_up_address)
    assert start_up["Content-Type"].startswith("application/javascript")
    assert "/api/v1/schema/" in start_up.content.decode()


@pytest.mark.django_db
def test_without_javascript_the_reference_links_to_the_schema(client):
    page = BeautifulSoup(client.get(DOCS).content, "html.parser")

    links = [link["href"] for link in page.noscript.find_all("a")]
    assert links == ["/api/v1/schema/", "/api/v1/schema/?format=json"]
    for address in links:
        schema = client.get(address)
        assert schema.status_code == 200
        assert b"/api/v1/search/" in schema.content
