"""Rate limits for everyone: the pages' limits (a count per window in the cache) and the API's throttle.

A try is counted first and judged after, with the cache's atomic add() and incr() (Redis in production:
CACHE_URL), so a burst of simultaneous requests cannot all pass a check made before any of them is counted.
allauth's own limiter (allauth.core.internal.ratelimit) is internal to allauth and serialises on a cache lock
that refuses when busy, so it is not reused here.

A client is the address allauth sees for its sign-in limits (ALLAUTH_TRUSTED_PROXY_COUNT proxies in front),
with an IPv6 address taken as its /64 network: one home or phone is usually given a whole /64.
"""

import hashlib
import ipaddress
import time
from dataclasses import dataclass

from allauth.account.adapter import get_adapter
from django.core.cache import cache
from rest_framework.settings import api_settings
from rest_framework.throttling import ScopedRateThrottle, SimpleRateThrottle

PERIODS = {"second": 1, "minute": 60, "hour": 60 * 60, "day": 24 * 60 * 60}


@dataclass(frozen=True)
class Attempt:
    allowed: bool
    retry_after: int  # seconds until the window ends and tries are counted from zero again
    key: str

    def refund(self) -> None:
        """Take the try back, for limits that count only failures."""
        try:
            cache.decr(self.key)
        except ValueError:  # the count has already expired
            pass


@dataclass(frozen=True)
class Limit:
    name: str
    attempts: int
    seconds: int

    @classmethod
    def from_rate(cls, name: str, rate: str) -> "Limit":
        """A limit written as the API's rates are, e.g. "60/minute"."""
        attempts, period = rate.split("/")
        return cls(name, attempts=int(attempts), seconds=PERIODS[period])

    def consume(self, value: str) -> Attempt:
        """Count a try by value (a client, a user, a reference code) and say whether it is within the limit."""
        now = time.time()
        window = int(now // self.seconds)
        digest = hashlib.sha256(value.encode()).hexdigest()[:32]  # no addresses or codes in the cache's keys
        key = f"limit:{self.name}:{window}:{digest}"
        # The key outlives its window, so incr() never meets a key that expired after add() made it.
        cache.add(key, 0, timeout=2 * self.seconds)
        count = cache.incr(key)
        retry_after = max(1, int((window + 1) * self.seconds - now))
        return Attempt(allowed=count <= self.attempts, retry_after=retry_after, key=key)


def network(address: str) -> str:
    """An IPv4 address as it is; an IPv6 address as its /64 network."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if ip.version == 6 and ip.ipv4_mapped:
        return str(ip.ipv4_mapped)
    if ip.version == 6:
        return str(ipaddress.IPv6Network((ip, 64), strict=False))
    return str(ip)


def client_address(request) -> str:
    return network(get_adapter(request).get_client_ip(request))


def requester(request) -> str:
    """Who is counted: a signed-in person by their account, anyone else by their address."""
    if request.user.is_authenticated:
        return f"user:{request.user.pk}"
    return f"address:{client_address(request)}"


class ClientRateThrottle(SimpleRateThrottle):
    """The API's throttle, which applies to everyone: a signed-in person is counted on their account, anyone else
    on their address as DRF reads it (REST_FRAMEWORK["NUM_PROXIES"]). Subclasses name a `scope` of
    REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]."""

    @property
    def THROTTLE_RATES(self):  # noqa: N802 (DRF's name)
        # DRF reads the rates once, at import; reading them here lets the settings in force apply.
        return api_settings.DEFAULT_THROTTLE_RATES

    def get_cache_key(self, request, view):
        if request.user and request.user.is_authenticated:
            ident = f"user:{request.user.pk}"
        else:
            ident = f"address:{network(self.get_ident(request))}"
        return self.cache_format % {"scope": self.scope, "ident": ident}


class ScopedClientRateThrottle(ClientRateThrottle, ScopedRateThrottle):
    """The default throttle (REST_FRAMEWORK["DEFAULT_THROTTLE_CLASSES"]): a view names its rate with
    `throttle_scope`, as with DRF's ScopedRateThrottle, and is not throttled without one."""
