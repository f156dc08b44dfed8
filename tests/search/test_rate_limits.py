"""The search page and its autocomplete are generous to residents but stop a client that searches without end:
past the limit the page explains in plain words, and the autocomplete answers JSON, both with Retry-After."""

import pytest

pytestmark = [pytest.mark.engine, pytest.mark.usefixtures("search_indices", "clear_limits")]

TOO_MANY = "You have searched a lot in a short time. Wait a minute and try again."


@pytest.fixture
def low_limits(settings):
    settings.SEARCH_RATE_LIMITS = {"page": "2/minute", "autocomplete": "3/minute"}


def test_searching_without_end_gets_a_plain_page_that_says_to_wait(client, low_limits):
    statuses = [client.get("/search/", {"q": "python"}).status_code for _ in range(2)]
    refused = client.get("/search/", {"q": "python"})

    assert statuses == [200, 200]
    assert refused.status_code == 429
    assert 0 < int(refused["Retry-After"]) <= 60
    page = refused.content.decode()
    assert TOO_MANY in page and 'class="govuk-heading-l"' in page
    assert client.get("/search/", {"q": "python"}, REMOTE_ADDR="198.51.100.7").status_code == 200


def test_a_signed_in_resident_is_counted_on_their_account(client, low_limits, resident):
    client.force_login(resident)
    for _ in range(2):
        client.get("/search/", {"q": "python"}, REMOTE_ADDR="198.51.100.7")

    assert client.get("/search/", {"q": "python"}, REMOTE_ADDR="198.51.100.8").status_code == 429
    client.logout()
    assert client.get("/search/", {"q": "python"}, REMOTE_ADDR="198.51.100.8").status_code == 200


def test_autocomplete_without_end_gets_a_json_429(client, low_limits):
    statuses = [client.get("/search/autocomplete/", {"q": "py"}).status_code for _ in range(3)]
    refused = client.get("/search/autocomplete/", {"q": "py"})

    assert statuses == [200, 200, 200]
    assert refused.status_code == 429
    assert 0 < int(refused["Retry-After"]) <= 60
    assert refused.json() == {"results": [], "message": TOO_MANY}


def test_a_household_on_ipv6_shares_one_count(client, low_limits):
    for address in ("2001:db8:1:2::1", "2001:db8:1:2::2"):
        assert client.get("/search/", REMOTE_ADDR=address).status_code == 200

    assert client.get("/search/", REMOTE_ADDR="2001:db8:1:2::3").status_code == 429
    assert client.get("/search/", REMOTE_ADDR="2001:db8:1:3::1").status_code == 200


def test_behind_a_trusted_proxy_each_forwarded_client_has_its_own_count(client, low_limits, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    for _ in range(2):
        client.get("/search/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.7")

    assert client.get("/search/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.7").status_code == 429
    assert client.get("/search/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.8").status_code == 200


def test_without_a_trusted_proxy_a_forged_forwarded_address_does_not_escape_the_limit(client, low_limits):
    for number in range(2):
        client.get("/search/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=f"198.51.100.{number}")

    assert client.get("/search/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.99").status_code == 429
