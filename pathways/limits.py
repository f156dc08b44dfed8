"""Counting failed attempts, so private plans cannot be found by trying codes or links one after another.

Counts live in the cache (Redis in production: CACHE_URL), keyed on the client's address as allauth sees it for
its sign-in limits (ALLAUTH_TRUSTED_PROXY_COUNT behind a proxy), and on the reference code tried.
"""

import hashlib
from dataclasses import dataclass

from django.core.cache import cache


@dataclass(frozen=True)
class Limit:
    name: str
    attempts: int
    seconds: int


FIND_BY_CLIENT = Limit("find-client", attempts=10, seconds=15 * 60)
FIND_BY_REFERENCE = Limit("find-reference", attempts=5, seconds=60 * 60)
LINK_BY_CLIENT = Limit("link-client", attempts=20, seconds=60 * 60)
EMAIL_BY_CLIENT = Limit("email-client", attempts=5, seconds=60 * 60)
EMAIL_BY_PLAN = Limit("email-plan", attempts=5, seconds=24 * 60 * 60)


def _key(limit: Limit, value: str) -> str:
    digest = hashlib.sha256(value.encode()).hexdigest()[:32]  # no addresses or codes in the cache's keys
    return f"pathways:limit:{limit.name}:{digest}"


def is_exhausted(limit: Limit, value: str) -> bool:
    return cache.get(_key(limit, value), 0) >= limit.attempts


def record(limit: Limit, value: str) -> None:
    key = _key(limit, value)
    if cache.add(key, 1, limit.seconds):
        return
    try:
        cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.set(key, 1, limit.seconds)


def client(request) -> str:
    from allauth.account.adapter import get_adapter

    return get_adapter(request).get_client_ip(request)
