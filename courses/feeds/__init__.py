"""Feeds in: a provider's file of programmes at an address of theirs, pulled every hour and imported as an
upload is (pulling.py), fetched safely (fetching.py)."""

from .pulling import due_feeds_pull, feed_check_soon, feed_pull, feed_remove, feed_save

__all__ = ["due_feeds_pull", "feed_check_soon", "feed_pull", "feed_remove", "feed_save"]
