"""Venues sit at their own postcode's point, so residents see real distances: in search (against the real
OpenSearch node), on the search page and in pathway plans."""

import pytest

from courses.models import Programme
from pathways.answers import Answers
from pathways.planning import build_plan
from pathways.selectors import question_bank
from places.models import Postcode
from publishing.models import Status
from search.models import SearchRecord
from search.params import parse
from search.service import search_opportunities
from tests.careers.factories import ApprenticeshipVacancyFactory
from tests.courses.factories import ProgrammeFactory, VenueFactory, skill_area, tier
from tests.pathways.factories import skills
from tests.search.helpers import sync_now

# Three real postcodes in LS6 (data/reference/postcodes_lcr.csv). The middle of LS6 is nearer Headingley, but a
# resident at home in Burley is nearer the Burley venue.
HOME = "LS6 1SN"
BURLEY = "LS6 1QA"  # 0.1 miles from HOME, 0.9 from the middle of LS6
HEADINGLEY = "LS6 1AA"  # 0.8 miles from HOME, 0.3 from the middle of LS6


def computer_club(title: str, postcode: str) -> Programme:
    """Free help to get online, in person at a venue with this postcode."""
    programme = ProgrammeFactory(
        title=title,
        status=Status.PUBLISHED,
        tier=tier("inclusion"),
        skill_areas=[skill_area("EDS-F")],
        delivery_mode=Programme.DeliveryMode.IN_PERSON,
    )
    programme.venues.add(VenueFactory(provider=programme.provider, postcode=postcode))
    return programme


def search(**query):
    params, problems = parse(query)
    assert not problems, problems
    return search_opportunities(params)


def test_a_venue_saved_with_a_full_postcode_sits_at_that_postcodes_point(db):
    venue = VenueFactory(postcode="ls6 1qa")
    venue.refresh_from_db()
    point = Postcode.objects.get(postcode="LS6 1QA")

    assert venue.postcode == "LS6 1QA"
    assert (venue.latitude, venue.longitude) == (point.latitude, point.longitude)
    assert (venue.district.outcode, venue.local_authority.name) == ("LS6", "Leeds")


def test_a_vacancy_takes_the_local_authority_of_its_own_postcode(db):
    vacancy = ApprenticeshipVacancyFactory(postcode="WF3 1AA")  # in Leeds; the WF3 district is centred in Wakefield

    assert vacancy.local_authority.name == "Leeds"


@pytest.mark.usefixtures("search_indices")
def test_a_search_near_a_full_postcode_orders_venues_in_one_district_by_their_real_distance():
    computer_club("Computer club in Burley", BURLEY)
    computer_club("Computer club in Headingley", HEADINGLEY)
    sync_now()

    from_home = search(near="ls6 1sn", sort="distance", in_person="on")
    from_the_district = search(near="LS6", sort="distance", in_person="on")

    assert [(hit.title, hit.distance) for hit in from_home.hits] == [
        ("Computer club in Burley", 0.1),
        ("Computer club in Headingley", 0.8),
    ]
    assert (from_home.params.near.postcode, from_home.params.near.precise) == ("LS6 1SN", True)
    # From the outcode alone we only know the middle of LS6, and say so.
    assert [(hit.title, hit.distance) for hit in from_the_district.hits] == [
        ("Computer club in Headingley", 0.3),
        ("Computer club in Burley", 0.9),
    ]
    assert (from_the_district.params.near.postcode, from_the_district.params.near.precise) == ("LS6", False)


@pytest.mark.usefixtures("search_indices", "clear_limits")
def test_the_search_page_keeps_the_full_postcode_in_its_links_records_only_the_outcode_and_credits_the_data(client):
    computer_club("Computer club in Headingley", HEADINGLEY)
    sync_now()

    nothing_so_close = client.get("/search/", {"near": "ls6 1sn", "radius": "0.5", "in_person": "on"}).content.decode()
    found = client.get("/search/", {"near": "LS6 1SN", "radius": "1", "in_person": "on"}).content.decode()

    assert "near=LS6+1SN&amp;radius=3" in nothing_so_close  # "Search within 3 miles", the nearest that finds it, still starts from home
    assert "Computer club in Headingley" in found and "0.8 miles away" in found
    assert "1 result within 1 mile of LS6 1SN" in found
    assert "Contains Royal Mail data © Royal Mail copyright and database right 2025" in found  # under the map
    assert list(SearchRecord.objects.values_list("outcode", flat=True)) == ["LS6", "LS6"]
    assert not any("1SN" in str(record.__dict__) for record in SearchRecord.objects.all())


@pytest.mark.usefixtures("search_indices")
def test_a_plan_measures_from_the_middle_of_the_residents_district_to_each_venues_own_point():
    """Plans keep only the outcode (docs/pathways.md), so the distance is from the middle of LS6, no longer 0."""
    computer_club("Computer club in Burley", BURLEY)
    sync_now()

    plan = build_plan(bank=question_bank(), answers=Answers(skills=skills(), postcode="LS6", travel=3, cost="free", learning="in_person"))

    assert [(item["title"], item["distance"]) for item in plan.steps[0].opportunities] == [("Computer club in Burley", 0.9)]
