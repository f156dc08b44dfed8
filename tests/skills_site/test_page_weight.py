"""The heaviest resident page, search results near a postcode with the map, stays within 100 KB on a first visit.

An approximation of benchmarks/page_weight.py (which serves the production recipe): the HTML from the test client
and each stylesheet, script, image and icon it links, read from the static files, every one gzipped at level 6 as
a server would send them; the result counts bytes transferred, not bytes on disk."""

import gzip
import re

import pytest
from django.contrib.staticfiles import finders
from django.templatetags.static import static

from publishing.models import Status
from tests.courses.factories import ProgrammeFactory, VenueFactory
from tests.search.helpers import sync_now

BUDGET = 100_000
LINKED = re.compile(r'<(?:link[^>]+rel="(?:stylesheet|icon)"[^>]*href|script[^>]+src|img[^>]+src)="(/[^"]+)"', re.I)


def transferred(content: bytes) -> int:
    return len(gzip.compress(content, compresslevel=6))


@pytest.fixture
def courses_near_leeds(search_indices):
    for number, postcode in enumerate(["LS1 3AB", "LS6 3HG"] * 10):
        programme = ProgrammeFactory(title=f"Computer course for beginners {number}", status=Status.PUBLISHED)
        programme.venues.add(VenueFactory(provider=programme.provider, postcode=postcode))
    sync_now()


def test_search_results_with_the_map_are_within_100_kb_on_a_first_visit(client, courses_near_leeds):
    response = client.get("/search/", {"q": "computer course", "near": "LS1 4AP", "radius": "10"})
    html = response.content.decode()
    assert response.status_code == 200 and "Computer course for beginners" in html

    static_prefix = static("")
    linked = sorted(set(LINKED.findall(html)))
    files = {path: finders.find(path.removeprefix(static_prefix)) for path in linked if path.startswith(static_prefix)}
    assert all(files.values()), f"linked files not found: {[path for path, found in files.items() if not found]}"
    drawn = [client.get(path).content for path in linked if not path.startswith(static_prefix)]  # the map's boundaries

    total = transferred(response.content) + sum(transferred(open(found, "rb").read()) for found in files.values())
    total += sum(transferred(content) for content in drawn)
    assert files, "the page links its stylesheet and scripts"
    assert total <= BUDGET, f"{total / 1000:.1f} KB transferred: over the 100 KB budget"
