"""Every client of the API is throttled: a signed-in person on their account, anyone else on their address.
A refusal is JSON that says when to come back."""

import json

import pytest

from tests.pathways.factories import skills

pytestmark = pytest.mark.usefixtures("search_indices", "clear_limits")


@pytest.fixture
def low_rates(settings):
    rates = {**settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], "search": "3/minute", "pathways": "2/minute"}
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": rates}


def test_a_signed_in_person_is_throttled_on_the_search_api(client, low_rates, resident):
    client.force_login(resident)

    statuses = [client.get("/api/v1/search/", {"q": "python"}).status_code for _ in range(3)]
    refused = client.get("/api/v1/search/", {"q": "python"})

    assert statuses == [200, 200, 200]
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert "Expected available in" in refused.json()["detail"]


def test_a_signed_in_person_is_counted_on_their_account_not_their_address(client, low_rates, resident):
    client.force_login(resident)
    for number in range(3):
        client.get("/api/v1/search/autocomplete/", {"q": "py"}, REMOTE_ADDR=f"198.51.100.{number}")

    assert client.get("/api/v1/search/", {"q": "python"}, REMOTE_ADDR="198.51.100.99").status_code == 429
    client.logout()
    assert client.get("/api/v1/search/", {"q": "python"}, REMOTE_ADDR="198.51.100.99").status_code == 200


def test_anyone_else_is_counted_on_their_address(client, low_rates):
    for _ in range(3):
        client.get("/api/v1/search/", {"q": "python"})

    assert client.get("/api/v1/search/", {"q": "python"}).status_code == 429
    assert client.get("/api/v1/search/", {"q": "python"}, REMOTE_ADDR="198.51.100.7").status_code == 200


def test_a_signed_in_person_is_throttled_on_the_pathways_api(client, low_rates, resident):
    client.force_login(resident)
    body = json.dumps({"skills": skills()})

    statuses = [client.post("/api/v1/pathways/plan", body, content_type="application/json").status_code for _ in range(3)]

    assert statuses == [200, 200, 429]
