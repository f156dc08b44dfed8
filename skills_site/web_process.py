"""What a web server's process does once, after the application is loaded and before its first request."""

import gc

from django.urls import get_resolver


def settle() -> None:
    """Load the URLconf (and with it every view module) now rather than on the first request, then move all that
    was loaded out of the garbage collector's sight. A process holds about 240,000 objects after start-up, and
    each full collection walked every one of them: 120–140 ms, landing on about one basic search in eight
    (benchmarks/RESULTS.md, basic mode). What is loaded at start-up lives as long as the process, so there is
    nothing in it to collect; frozen, a full collection walks only what requests made."""
    get_resolver().url_patterns
    gc.collect()
    gc.freeze()
