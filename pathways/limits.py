"""Counting tries, so private plans cannot be found by trying codes or links one after another, nor emailed
without end. The limiter itself is accounts.limits: it counts in the cache, on the client's address (an IPv6
/64) and on the reference code or plan tried.

The look-up limits count failures only: a try is counted before it is judged, and refunded when it opens a
plan, so an adviser who opens many plans correctly is never stopped."""

from accounts.limits import Limit

FIND_BY_CLIENT = Limit("find-client", attempts=10, seconds=15 * 60)
FIND_BY_REFERENCE = Limit("find-reference", attempts=5, seconds=60 * 60)
LINK_BY_CLIENT = Limit("link-client", attempts=20, seconds=60 * 60)
EMAIL_BY_CLIENT = Limit("email-client", attempts=5, seconds=60 * 60)
EMAIL_BY_PLAN = Limit("email-plan", attempts=5, seconds=24 * 60 * 60)
