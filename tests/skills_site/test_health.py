"""/healthz tells an operator which service is down."""

import json
import urllib.error
import urllib.request

import pytest

from tests.helpers import closed_port_url

pytestmark = pytest.mark.django_db


def test_all_services_up(client, search_engine):
    response = client.get("/healthz")

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["services"]["database"]["vendor"] == "postgresql"
    assert body["services"]["search"]["status"] in {"green", "yellow"}
    assert body["services"]["broker"]["mode"] == "redis"


def test_search_engine_down(client, settings):
    settings.SEARCH_URL = closed_port_url("http")

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["down"] == ["search"]


def test_broker_down(client, settings, search_engine):
    settings.CELERY_BROKER_URL = closed_port_url("redis")

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["down"] == ["broker"]


def test_database_down(serve_site):
    site = serve_site(DATABASE_URL=closed_port_url("postgres") + "/skills")

    with pytest.raises(urllib.error.HTTPError) as answer:
        urllib.request.urlopen(f"{site}/healthz", timeout=20)

    assert answer.value.code == 503
    assert "database" in json.loads(answer.value.read())["down"]


def test_the_load_balancers_check_stays_up_while_search_and_the_broker_are_down(client, settings):
    """One engine outage must not take every web node out of rotation: basic search still answers."""
    settings.SEARCH_URL = closed_port_url("http")
    settings.CELERY_BROKER_URL = closed_port_url("redis")

    live = client.get("/healthz/live")
    full = client.get("/healthz")

    assert live.status_code == 200
    assert live.json()["services"]["database"]["up"] is True
    assert full.status_code == 503
    assert full.json()["down"] == ["broker", "search"]


def test_the_load_balancers_check_fails_without_the_database(serve_site):
    site = serve_site(DATABASE_URL=closed_port_url("postgres") + "/skills")

    with pytest.raises(urllib.error.HTTPError) as answer:
        urllib.request.urlopen(f"{site}/healthz/live", timeout=20)

    assert answer.value.code == 503
    assert json.loads(answer.value.read())["down"] == ["database"]
