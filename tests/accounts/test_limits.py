"""The one limiter behind every page's rate limit: a burst of simultaneous tries cannot slip past it, a
household's IPv6 addresses count as one, and behind a proxy the count is kept on the real client only when
the proxy is trusted."""

import threading
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.test import RequestFactory

from accounts.limits import Limit, client_address


def from_address(address: str, **headers):
    return RequestFactory().get("/", REMOTE_ADDR=address, **headers)


def fresh_limit(attempts: int, seconds: int = 60 * 60) -> Limit:
    """A limit no other test counts on, so no cache needs clearing (clearing Redis would empty the broker)."""
    return Limit(f"test-{uuid.uuid4().hex}", attempts=attempts, seconds=seconds)


@pytest.fixture(params=["locmem", "redis"])
def cache_backend(request, settings):
    """The test settings' local-memory cache, and the Redis cache that production uses (CACHE_URL)."""
    if request.param == "redis":
        assert settings.CELERY_BROKER_URL, "make test sets CELERY_BROKER_URL to the Redis it starts"
        backend = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": settings.CELERY_BROKER_URL}
        settings.CACHES = {"default": backend}
    return request.param


def test_a_burst_of_simultaneous_tries_lets_exactly_one_through_a_limit_of_one(cache_backend):
    limit = fresh_limit(attempts=1)
    start = threading.Barrier(8)

    def attempt(_):
        start.wait()
        return limit.consume("203.0.113.7").allowed

    with ThreadPoolExecutor(max_workers=8) as pool:
        allowed = list(pool.map(attempt, range(8)))

    assert allowed.count(True) == 1


def test_tries_past_the_limit_are_refused_with_how_long_to_wait():
    limit = fresh_limit(attempts=2, seconds=60)

    attempts = [limit.consume("203.0.113.7") for _ in range(3)]

    assert [attempt.allowed for attempt in attempts] == [True, True, False]
    assert 0 < attempts[-1].retry_after <= 60
    assert limit.consume("203.0.113.8").allowed  # someone else is not held up


def test_a_refunded_try_does_not_count():
    limit = fresh_limit(attempts=1)

    limit.consume("203.0.113.7").refund()

    assert limit.consume("203.0.113.7").allowed


def test_ipv6_addresses_in_one_64_network_share_a_count_and_other_networks_do_not():
    limit = fresh_limit(attempts=1)
    first, same_network, other_network = (
        client_address(from_address(address)) for address in ("2001:db8:1:2::1", "2001:db8:1:2:ffff:ffff:ffff:9", "2001:db8:1:3::1")
    )

    assert limit.consume(first).allowed
    assert not limit.consume(same_network).allowed
    assert limit.consume(other_network).allowed


def test_an_ipv4_address_is_kept_as_it_is():
    assert client_address(from_address("198.51.100.7")) == "198.51.100.7"
    assert client_address(from_address("::ffff:198.51.100.7")) == "198.51.100.7"


def test_behind_a_trusted_proxy_the_forwarded_client_is_counted(settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1

    assert client_address(from_address("10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.7")) == "198.51.100.7"
    # Only the address the trusted proxy added counts; what the client wrote before it does not.
    assert client_address(from_address("10.0.0.1", HTTP_X_FORWARDED_FOR="192.0.2.1, 198.51.100.7")) == "198.51.100.7"


def test_without_a_trusted_proxy_a_forwarded_address_is_ignored(settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0

    assert client_address(from_address("10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.7")) == "10.0.0.1"
