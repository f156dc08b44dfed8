"""What a basic search costs and what it promises: a bounded number of queries whatever the number of items,
a distance order that never loses an item inside the radius, and counts that say "more than" where they stop."""

import json
import math

import pytest

from courses.models import Programme, Venue
from places.distances import distance_miles
from publishing.models import Status
from search.basic import basic_search, fulltext
from search.params import SearchParams
from tests.careers.factories import ApprenticeshipVacancyFactory
from tests.courses.factories import ProgrammeFactory, VenueFactory
from tests.helpers import closed_port_url
from tests.pathways.factories import skills

# A basic search's queries: settings, names, a bounded count and the first rows per table (by distance, a few
# steps outwards), then the page's documents with their related rows. Measured at 22–33; a query per hit would
# add 50 with the items below.
MAX_SEARCH_QUERIES = 40


def search(**query):
    params, problems = SearchParams.from_query(query)
    assert not problems, problems
    return basic_search(params)


def in_person(title, *, latitude, longitude, **fields):
    programme = ProgrammeFactory(title=title, status=Status.PUBLISHED, delivery_mode=Programme.DeliveryMode.IN_PERSON, **fields)
    venue = VenueFactory(provider=programme.provider)
    Venue.objects.filter(pk=venue.pk).update(latitude=latitude, longitude=longitude)  # a point of our choosing
    programme.venues.add(venue)
    return programme


def point(origin, miles: float, bearing: float) -> tuple[float, float]:
    """The point `miles` from origin (latitude, longitude) on a bearing in degrees, on a sphere."""
    lat, lon, angle, theta = math.radians(origin[0]), math.radians(origin[1]), miles / 3958.8, math.radians(bearing)
    lat2 = math.asin(math.sin(lat) * math.cos(angle) + math.cos(lat) * math.sin(angle) * math.cos(theta))
    lon2 = lon + math.atan2(math.sin(theta) * math.sin(angle) * math.cos(lat), math.cos(angle) - math.sin(lat) * math.sin(lat2))
    return math.degrees(lat2), math.degrees(lon2)


@pytest.fixture
def ring(db):
    """In-person programmes on rings around LS1 4AP at every bearing (the box's edges and corners): just inside
    5 miles, and just outside."""
    near = SearchParams.from_query({"near": "LS1 4AP"})[0].near
    origin = (near.latitude, near.longitude)
    inside, outside = {}, set()
    for step in range(16):
        bearing = step * 22.5
        miles = 0.3 + step * 0.29  # 0.3 to 4.65 miles, one programme each
        lat, lon = point(origin, miles, bearing)
        inside[in_person(f"Inside {step}", latitude=lat, longitude=lon).title] = distance_miles(origin[0], origin[1], lat, lon)
        lat, lon = point(origin, 4.97, bearing)
        inside[in_person(f"Edge {step}", latitude=lat, longitude=lon).title] = distance_miles(origin[0], origin[1], lat, lon)
        lat, lon = point(origin, 5.1, bearing)
        outside.add(in_person(f"Outside {step}", latitude=lat, longitude=lon).title)
    return inside, outside


def test_the_distance_order_keeps_every_item_inside_the_radius_nearest_first(ring):
    inside, outside = ring

    results = search(near="LS1 4AP", radius="5", sort="distance", in_person="on", page_size="50")

    assert [hit.title for hit in results.hits] == sorted(inside, key=inside.get)
    assert results.total == len(inside) == 32 and not results.total_capped


def test_each_page_by_distance_holds_the_next_nearest(ring):
    inside, _ = ring
    nearest = sorted(inside, key=inside.get)

    pages = [search(near="LS1 4AP", radius="5", sort="distance", in_person="on", page_size="5", page=str(page)) for page in (1, 2, 7)]

    assert [hit.title for hit in pages[0].hits] == nearest[:5]
    assert [hit.title for hit in pages[1].hits] == nearest[5:10]
    assert [hit.title for hit in pages[2].hits] == nearest[30:]


def test_vacancies_by_distance_are_the_nearest_whatever_ring_holds_them(ring):
    near = SearchParams.from_query({"near": "LS1 4AP"})[0].near
    origin = (near.latitude, near.longitude)
    inside = {}
    for step in range(12):
        lat, lon = point(origin, 0.2 + step * 0.8, step * 30.0)  # 0.2 to 9.0 miles: every ring of a 10-mile radius
        vacancy = ApprenticeshipVacancyFactory(title=f"Apprentice {step}", status=Status.PUBLISHED)
        type(vacancy).objects.filter(pk=vacancy.pk).update(latitude=lat, longitude=lon)
        inside[vacancy.title] = distance_miles(origin[0], origin[1], lat, lon)
    far = ApprenticeshipVacancyFactory(title="Apprentice far away", status=Status.PUBLISHED)
    type(far).objects.filter(pk=far.pk).update(latitude=origin[0] + 0.3, longitude=origin[1])  # about 21 miles
    nearest = sorted(inside, key=inside.get)

    for size in ("1", "3", "7", "20"):
        results = search(near="LS1 4AP", radius="10", sort="distance", kind="apprenticeship", page_size=size)
        assert [hit.title for hit in results.hits] == nearest[: int(size)]
        assert results.total == 12


def test_online_programmes_follow_the_nearest_when_online_is_allowed(ring):
    ProgrammeFactory(title="Spreadsheets online", status=Status.PUBLISHED)

    results = search(near="LS1 4AP", radius="5", sort="distance", page_size="50")

    assert [hit.title for hit in results.hits][-1] == "Spreadsheets online"
    assert results.total == 33


def test_a_basic_search_costs_the_same_few_queries_for_many_items(ring, django_assert_max_num_queries):
    for number in range(10):
        ApprenticeshipVacancyFactory(title=f"Spreadsheet apprentice {number}", status=Status.PUBLISHED)

    for query in ({"q": "spreadsheets"}, {"q": "spreadsheet", "tier": "general", "free": "on"}, {"near": "LS1 4AP", "sort": "distance"}):
        with django_assert_max_num_queries(MAX_SEARCH_QUERIES):
            results = search(**query, page_size="50")
        assert len(results.hits) > 20


def test_past_the_cap_the_page_and_the_api_say_more_than(client, ring, settings, clear_limits, monkeypatch):
    settings.SEARCH_URL = closed_port_url("http")
    monkeypatch.setattr(fulltext, "TOTAL_CAP", 20)

    page = client.get("/search/", {"near": "LS1 4AP", "radius": "5"}).content.decode()
    body = client.get("/api/v1/search/", {"near": "LS1 4AP", "radius": "5"}).json()

    assert "More than 20 results" in page and "32 results" not in page
    assert body["mode"] == "basic" and body["total"] == 20 and body["total_capped"] is True
    assert body["facets"]["tier"] == [{"value": "general", "count": None}]  # there, but not counted


def test_under_the_cap_counts_are_exact(client, ring, settings, clear_limits):
    settings.SEARCH_URL = closed_port_url("http")

    body = client.get("/api/v1/search/", {"near": "LS1 4AP", "radius": "5"}).json()

    assert body["total"] == 32 and body["total_capped"] is False
    assert body["facets"]["tier"] == [{"value": "general", "count": 32}]


PLAN = {
    "skills": {**skills(communicating=["send-email"]), "interests": ["ADV-DATA"]},
    "postcode": "LS1 4AP",
    "travel": 5,
    "cost": "any",
    "learning": "either",
    "age": "24-plus",
    "goal": "change-career",
}
# A plan's searches in basic mode: per step a bounded count and the first rows, and the page's documents.
MAX_PLAN_QUERIES = 90


def test_a_plan_in_basic_mode_reads_a_few_rows_per_step(client, ring, settings, django_assert_max_num_queries):
    settings.SEARCH_URL = closed_port_url("http")

    with django_assert_max_num_queries(MAX_PLAN_QUERIES):
        response = client.post("/api/v1/pathways/plan", json.dumps(PLAN), content_type="application/json")

    body = response.json()
    assert response.status_code == 200 and body["mode"] == "basic"
    assert all(len(step["opportunities"]) <= 5 for step in body["steps"])
    assert any(step["opportunities"] for step in body["steps"])


def test_a_plan_step_past_the_cap_says_more_than(client, ring, settings, monkeypatch):
    settings.SEARCH_URL = closed_port_url("http")
    monkeypatch.setattr(fulltext, "HITS_ONLY_CAP", 3)

    body = client.post("/api/v1/pathways/plan", json.dumps(PLAN), content_type="application/json").json()

    capped = [step for step in body["steps"] if step["total_capped"]]
    assert capped and all(step["total"] == 3 and len(step["opportunities"]) == 5 for step in capped)
