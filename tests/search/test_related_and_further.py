"""What a result page adds to the matches, on the real OpenSearch node: the rest of a skill area the best
matches share (marked related, below them), and, when fewer than a page are near the place, the nearest of
the rest from a wider radius after them. And typo tolerance only for words we do not know."""

import pytest
from django.urls import reverse

from search.params import Location, SearchParams
from search.service import search_opportunities
from tests.courses.factories import skill_area
from tests.search.helpers import programme, search, sync_now

pytestmark = [pytest.mark.engine, pytest.mark.usefixtures("search_indices")]


def cyber(title, **fields):
    return programme(title, skill_areas=[skill_area("ADV-CYBER")], **fields)


def test_the_rest_of_a_skill_area_the_best_matches_share_comes_after_them_marked_related():
    cyber("Ethical hacking: foundations", summary="Ethical hacking and penetration testing.")
    cyber("Ethical hacking for beginners", summary="Learn ethical hacking safely.")
    cyber("Cyber security analyst bootcamp", summary="Monitor networks and respond to incidents.")
    programme("Spreadsheets at work", summary="Formulas and charts.")
    sync_now()

    results = search(q="ethical hacking")

    assert [(hit.title, hit.related) for hit in results.hits][-1] == ("Cyber security analyst bootcamp", True)
    assert {hit.title for hit in results.hits[:2]} == {"Ethical hacking: foundations", "Ethical hacking for beginners"}
    assert not any(hit.related for hit in results.hits[:2])
    assert "Spreadsheets at work" not in {hit.title for hit in results.hits}


def test_one_match_alone_does_not_bring_in_its_skill_area():
    cyber("Ethical hacking: foundations", summary="Ethical hacking and penetration testing.")
    cyber("Cyber security analyst bootcamp", summary="Monitor networks and respond to incidents.")
    sync_now()

    assert [hit.title for hit in search(q="ethical hacking").hits] == ["Ethical hacking: foundations"]


def test_a_word_we_know_is_not_read_as_another_word_we_know_but_a_misspelling_still_finds_it():
    programme("Tablet basics", summary="Get started with your new device.")
    programme("Tables in Word documents", summary="Lay out information neatly.")
    sync_now()

    assert [hit.title for hit in search(q="tablet").hits] == ["Tablet basics"]
    assert search(q="tablte").hits[0].title == "Tablet basics"


def test_fewer_than_a_page_nearby_shows_the_nearest_of_the_rest_after_them():
    programme("Python in Skipton", postcode="BD23 1AA", summary="Python programming.")
    programme("Python in Leeds", postcode="LS1 3AB", summary="Python programming.")  # about 22 miles away
    programme("Python in York", postcode="YO1 7HH", summary="Python programming.")  # about 38 miles away
    sync_now()

    results = search(q="python skipton")

    assert [hit.title for hit in results.hits] == ["Python in Skipton"]
    assert results.total == 1
    assert [hit.title for hit in results.further] == ["Python in Leeds"]
    assert results.further_radius == 25  # the nearest rung of the ladder that finds more
    assert results.further[0].distance > 10


def test_a_full_page_nearby_has_nothing_further_away():
    programme("Python in Skipton", postcode="BD23 1AA", summary="Python programming.")
    programme("Python in Leeds", postcode="LS1 3AB", summary="Python programming.")
    sync_now()

    assert search(q="python skipton", page_size="1").further == []


def test_the_api_and_the_page_say_which_are_related_and_which_further_away(client):
    cyber("Ethical hacking in Skipton", postcode="BD23 1AA", summary="Ethical hacking.")
    cyber("Ethical hacking at Skipton library", postcode="BD23 1AA", summary="Ethical hacking.")
    cyber("Cyber security in Skipton", postcode="BD23 1AA", summary="Security operations.")
    cyber("Ethical hacking in Leeds", postcode="LS1 3AB", summary="Ethical hacking.")
    sync_now()

    body = client.get("/api/v1/search/", {"q": "ethical hacking in skipton"}).json()

    related = {hit["title"]: hit["related"] for hit in body["results"]}
    assert related == {"Ethical hacking in Skipton": False, "Ethical hacking at Skipton library": False, "Cyber security in Skipton": True}
    assert body["further_away"]["within_miles"] == 25
    assert [hit["title"] for hit in body["further_away"]["results"]] == ["Ethical hacking in Leeds"]

    page = client.get(reverse("search:page"), {"q": "ethical hacking in skipton"}).content.decode()
    assert "Further away: 1 more within 25 miles of BD23" in page
    assert "Related<span class=\"govuk-visually-hidden\">: in the same skill area as the best matches</span>" in page
    assert page.index("Cyber security in Skipton") < page.index("Further away") < page.index("Ethical hacking in Leeds")



def test_callers_that_read_the_hits_alone_do_not_pay_for_further_away():
    programme("Python in Skipton", postcode="BD23 1AA", summary="Python programming.")
    programme("Python in Leeds", postcode="LS1 3AB", summary="Python programming.")
    sync_now()
    params, _ = SearchParams.from_query({"q": "python skipton"})

    results = search_opportunities(params, with_facets=False)  # as pathway plans and alerts ask

    assert [hit.title for hit in results.hits] == ["Python in Skipton"]
    assert results.further == [] and results.further_radius is None


def test_the_widening_ladder_offers_the_nearest_radius_that_finds_more_and_shows_its_nearest():
    programme("Python in Headingley", postcode="LS6 1AA", summary="Python programming.")  # 0.8 miles from LS6 1SN
    programme("Python in Hunslet", postcode="LS10 1AD", summary="Python programming.")  # 2.1 miles
    programme("Python in Bradford", postcode="BD1 1HY", summary="Python programming.")  # 7.6 miles
    sync_now()

    within_a_mile = search_opportunities(SearchParams(q="python", near=Location.from_place("LS6 1SN"), radius=1.0), with_further=True)
    within_three = search_opportunities(SearchParams(q="python", near=Location.from_place("LS6 1SN"), radius=3.0), with_further=True)

    assert [hit.title for hit in within_a_mile.hits] == ["Python in Headingley"]
    assert [(widening.label, widening.total) for widening in within_a_mile.widenings] == [("Search within 3 miles", 2)]
    assert (within_a_mile.further_radius, [hit.title for hit in within_a_mile.further]) == (3, ["Python in Hunslet"])
    assert [(widening.label, widening.total) for widening in within_three.widenings] == [("Search within 10 miles", 3)]
    assert [hit.title for hit in within_three.further] == ["Python in Bradford"]
