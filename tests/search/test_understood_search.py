"""A resident's sentence searched on the real OpenSearch node: the place and intent words read out of it,
shown as removable chips, the rest matched forgivingly, nearer first."""

import pytest
from django.urls import reverse

from courses.models import Programme
from publishing.models import Status
from tests.careers.factories import ApprenticeshipVacancyFactory
from tests.courses.factories import skill_area
from tests.search.helpers import programme, search, sync_now

pytestmark = [pytest.mark.engine, pytest.mark.usefixtures("search_indices")]


def titles(results) -> list[str]:
    """In ranked order."""
    return [hit.title for hit in results.hits]


def test_a_town_in_the_words_finds_what_is_near_it_first():
    programme("Python for beginners", postcode="BD21 3AA")  # Keighley
    programme("Python in the city", postcode="LS1 3AB")  # Leeds, about 14 miles away
    programme("Pottery", postcode="BD21 3AA")
    sync_now()

    results = search(q="python course keighley")

    assert titles(results) == ["Python for beginners"]
    assert [reading.label for reading in results.understood] == ["Near Keighley (BD21)", "Courses"]
    assert results.searched.q == "python"


def test_nearer_ranks_higher_within_the_radius():
    programme("Computer help in Shipley", postcode="BD18 3AA", summary="Computer help for everyone")
    programme("Computer help in Bradford", postcode="BD1 1AA", summary="Computer help for everyone")
    sync_now()

    results = search(q="computer help", near="BD18", radius="15")

    assert titles(results) == ["Computer help in Shipley", "Computer help in Bradford"]


def test_free_in_the_words_leaves_out_what_costs_money():
    programme("Smartphone basics", cost=Programme.Cost.FREE, postcode="WF13 1AA")
    programme("Smartphone masterclass", cost=Programme.Cost.PAID, cost_amount=40, postcode="WF13 1AA")
    sync_now()

    results = search(q="free help with my smartphone in Dewsbury")

    assert titles(results) == ["Smartphone basics"]
    assert {reading.key for reading in results.understood} == {"place", "free"}


def test_a_sentence_with_a_stray_word_still_finds_the_course():
    programme("Video calls with family", summary="Use WhatsApp and Zoom to see the people you love.")
    sync_now()

    assert titles(search(q="how do i video call my grandkids")) == ["Video calls with family"]


def test_words_are_matched_across_fields():
    programme("Excel for work", summary="Formulas and charts in spreadsheets")
    sync_now()

    assert titles(search(q="excel charts")) == ["Excel for work"]


def test_apprenticeships_in_the_words_filter_the_kind():
    ApprenticeshipVacancyFactory(title="Software developer apprentice", status=Status.PUBLISHED, postcode="BD7 1AA")
    programme("Software development course", postcode="BD7 1AA")
    sync_now()

    results = search(q="BD7 apprenticeships")

    assert titles(results) == ["Software developer apprentice"]


def test_removing_a_chip_searches_without_it(client):
    programme("Python for beginners", postcode="BD21 3AA")
    programme("Python online", summary="Python at home")
    sync_now()

    page = client.get(reverse("search:page"), {"q": "python keighley"}).content.decode()

    assert "Near Keighley (BD21) · within 10 miles" in page
    assert "Remove<span class=\"govuk-visually-hidden\"> Near Keighley (BD21)" in page
    removed = search(q="python keighley", ignore="place")
    assert removed.understood == ()
    assert removed.searched.near is None


def test_the_words_as_typed_are_one_click_away(client):
    programme("Python for beginners", postcode="BD21 3AA")
    sync_now()

    as_typed = search(q="free python keighley", as_typed="on")

    assert as_typed.understood == ()
    assert as_typed.searched.q == "free python keighley"
    page = client.get(reverse("search:page"), {"q": "free python keighley"}).content.decode()
    assert "as_typed=on" in page


def test_the_api_says_what_it_understood(client):
    programme("Python for beginners", postcode="BD21 3AA")
    sync_now()

    body = client.get("/api/v1/search/", {"q": "free python course keighley"}).json()

    assert [(item["key"], item["label"]) for item in body["understood"]] == [
        ("place", "Near Keighley (BD21)"),
        ("free", "Free"),
        ("course", "Courses"),
    ]
    assert body["searched_words"] == "python"
    assert "ignore=place" in body["understood"][0]["without"]
    assert "as_typed=on" in body["as_typed"]
    assert [hit["title"] for hit in body["results"]] == ["Python for beginners"]


def test_when_the_place_empties_the_search_the_first_offer_is_to_drop_it():
    programme("Python for beginners", postcode="LS1 3AB")
    sync_now()

    results = search(q="python keighley")

    assert results.total == 0
    first = results.widenings[0]
    assert first.label == "Search without “Near Keighley (BD21)”"
    assert first.total == 1


def test_did_you_mean_offers_our_own_words_and_the_places_spelling():
    programme("Spreadsheets for work", skill_areas=[skill_area("EDS-H")])
    sync_now()

    assert search(q="spreadsheat").suggestion == "spreadsheets"
    assert search(q="spreadsheets Hudersfield").suggestion == "spreadsheets Huddersfield"


def test_did_you_mean_never_replaces_a_place_we_know():
    programme("Spreadsheets for work")
    sync_now()

    assert search(q="spreadsheets keighley", as_typed="on").suggestion == ""


def test_the_search_log_keeps_the_outcode_of_a_postcode_in_the_words(client):
    from search.models import SearchRecord

    client.get(reverse("search:page"), {"q": "LS9 8AB computer help"})

    record = SearchRecord.objects.get()
    assert record.query == "LS9 computer help"
    assert record.outcode == "LS9"
    assert record.local_authority == "E08000035"


def test_few_results_near_a_place_come_with_a_wider_search(client):
    programme("Python for beginners", postcode="BD21 3AA")  # Keighley
    programme("Python in the city", postcode="LS1 3AB")  # about 14 miles away
    sync_now()

    results = search(q="python keighley")

    assert [(widening.label, widening.total) for widening in results.widenings] == [("Search within 25 miles", 2)]  # the nearest rung that finds more
    page = client.get(reverse("search:page"), {"q": "python keighley"}).content.decode()
    assert "Only 1 found near you." in page


def test_distances_from_an_outcode_say_they_are_from_its_middle(client):
    programme("Python for beginners", postcode="BD21 3AA")
    sync_now()

    from_outcode = client.get(reverse("search:page"), {"q": "python keighley"}).content.decode()
    from_postcode = client.get(reverse("search:page"), {"q": "python", "near": "BD21 3AA"}).content.decode()

    assert "miles from the middle of BD21" in from_outcode
    assert "0.0 miles away" in from_postcode


def test_the_api_offers_the_places_a_shared_name_could_mean(client):
    programme("Email for beginners", postcode="LS11 5AA")
    sync_now()

    body = client.get("/api/v1/search/", {"q": "email help cottingley"}).json()

    assert body["understood"] == []
    assert {(choice["label"], choice["near"]) for choice in body["place_choices"]} == {
        ("Cottingley, Bingley (BD16)", "BD16"),
        ("Cottingley, Leeds (LS11)", "LS11"),
    }
    assert all(choice["without"] == "q=email+help" for choice in body["place_choices"])
