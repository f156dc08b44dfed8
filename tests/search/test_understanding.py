"""Reading residents' words: places, intent words and what is left to match. Pure functions over the
reference data's place names; no database, no engine."""

import csv
from functools import lru_cache

import pytest

from search.understanding import build_gazetteer, understand
from tests.helpers import REPO

REFERENCE = REPO / "data" / "reference"


@lru_cache(maxsize=1)
def gazetteer():
    with open(REFERENCE / "postcode_districts.csv", encoding="utf-8") as file:
        districts = [
            (row["outcode"], row["town_area"], row["post_town"], float(row["latitude"]), float(row["longitude"]), row["centroid_lcr_lad_code"])
            for row in csv.DictReader(file)
            if row["active_postcodes"] not in {"", "0"} and row["non_geographic"] != "yes"
        ]
    with open(REFERENCE / "lcr_local_authorities.csv", encoding="utf-8") as file:
        authorities = [
            (row["lad_code"], row["lad_name"], float(row["approx_centroid_latitude"]), float(row["approx_centroid_longitude"]))
            for row in csv.DictReader(file)
        ]
    return build_gazetteer(districts, authorities)


def read(q, **options):
    return understand(q, gazetteer(), **options)


def keys(understanding):
    return [reading.key for reading in understanding.readings]


@pytest.mark.parametrize(
    "q, label, near, words",
    [
        ("python course keighley", "Near Keighley (BD21)", "BD21", "python"),
        ("help in Dewsbury", "Near Dewsbury (WF12)", "WF12", ""),
        ("Hebden Bridge excel help", "Near Hebden Bridge (HX7)", "HX7", "excel"),
        ("BD7 apprenticeships", "Near BD7", "BD7", ""),
        ("LS9 8AB email help", "Near LS9 8AB", "LS9 8AB", "email"),
        ("ls98ab spreadsheets", "Near LS9 8AB", "LS9 8AB", "spreadsheets"),
    ],
)
def test_a_town_an_outcode_or_a_postcode_in_the_words_becomes_the_place_to_search_near(q, label, near, words):
    understanding = read(q)

    place = understanding.reading("place")
    assert (place.label, place.near) == (label, near)
    assert understanding.words == words


@pytest.mark.parametrize("q, label", [("Kirklees apprenticeships", "Near Kirklees (HD1)"), ("calderdale", "Near Calderdale (HX1)"), ("coding in leeds", "Near Leeds (LS1)")])
def test_a_local_authoritys_name_searches_near_its_main_town(q, label):
    assert read(q).reading("place").label == label


def test_a_place_name_that_is_also_an_ordinary_word_counts_only_after_in_or_near():
    assert read("idle hands").reading("place") is None
    assert read("idle hands").words == "idle hands"
    assert read("computer club in Idle").reading("place").near == "BD10"


def test_a_name_shared_by_two_places_is_not_guessed_but_offered():
    understanding = read("email help cottingley")

    assert understanding.reading("place") is None
    assert {(place.outcode, place.area) for place in understanding.place_choices} == {("BD16", "Bingley"), ("LS11", "Leeds")}
    assert understanding.words == "email"


@pytest.mark.parametrize(
    "q, outcode, spelt",
    [("Hudersfield computer help", "HD1", "Huddersfield"), ("excel in Wakefeild", "", "Wakefield"), ("Barnsly digital skills course", "", "Barnsley")],
)
def test_a_misspelt_place_is_read_as_the_place_and_offered_spelt_right(q, outcode, spelt):
    understanding = read(q)

    assert understanding.reading("place") is not None
    assert understanding.place_correction == spelt


def test_a_misspelt_word_that_is_one_of_ours_is_never_taken_for_a_place():
    understanding = read("computing course", is_known_word=lambda word: word == "computing")

    assert understanding.reading("place") is None


def test_a_place_is_not_read_when_the_resident_gave_a_postcode():
    understanding = read("python course keighley", place_given=True)

    assert understanding.reading("place") is None
    assert "keighley" in understanding.words


@pytest.mark.parametrize(
    "q, key, changes",
    [
        ("free excel course", "free", {"free": True}),
        ("coding from home", "online", {"online": True}),
        ("remote data jobs", "online", {"online": True}),
        ("apprenticeships", "kind", {"kind": ("apprenticeship",)}),
        ("degree apprenticeship software", "degree", {"kind": ("apprenticeship",), "degree": True}),
        ("level 3 data", "level", {"level": ("3",)}),
        ("never used a computer", "beginner", {"prefer_tier": "inclusion", "prefer_kind": ("programme",), "prefer_words": ("beginner",)}),
        ("get online selby", "beginner", {"prefer_tier": "inclusion", "prefer_kind": ("programme",)}),
        ("drop in computer help", "drop_in", {"help": ("drop_in",), "prefer_words": ("drop-in",)}),
        ("i dont have a laptop can i borrow one", "device_loan", {"help": ("device_loan",), "prefer_words": ("borrow", "loan", "loans")}),
        ("free sim card", "free_data", {"help": ("free_data",), "prefer_words": ("sim", "data")}),
        ("job club in morley", "job_hunting", {"prefer_kind": ("programme",), "prefer_words": ("job", "cv", "applications", "interviews")}),
        ("cyber security jobs", "job", {"prefer_kind": ("apprenticeship", "sponsored")}),
        ("work experience in IT", "placement", {"prefer_type": ("placement",)}),
    ],
)
def test_intent_words_become_filters_or_preferences(q, key, changes):
    reading = read(q).reading(key)

    assert reading is not None
    assert reading.changes == changes


def test_a_degree_apprenticeship_is_not_read_twice_as_an_apprenticeship():
    assert keys(read("degree apprenticeship")) == ["degree"]


def test_words_that_say_when_rank_what_runs_then():
    understanding = read("evening web design class")

    assert set(keys(understanding)) == {"evening", "course"}
    assert understanding.words == "web design"
    assert understanding.reading("evening").changes == {"prefer_schedule": ("evening",)}


@pytest.mark.parametrize(
    "q, words",
    [
        ("where can I learn to use my phone", "phone"),
        ("I want help with email near me", "email"),
        ("how do i video call my grandkids", "video call grandkids"),
    ],
)
def test_filler_words_are_not_required(q, words):
    assert read(q).words == words


def test_a_removed_reading_leaves_its_words_to_match_as_typed():
    understanding = read("free python course keighley", ignore=("place", "free"))

    assert keys(understanding) == ["course"]
    assert understanding.words == "free python keighley"


def test_words_every_item_is_about_rank_but_are_not_required():
    understanding = read("tech jobs harrogate")

    assert understanding.words == ""
    assert "tech" in understanding.optional_words


@pytest.mark.parametrize("q, words", [("online banking help", "online banking"), ("remote working skills", "remote working")])
def test_online_as_the_topic_is_not_a_way_of_learning(q, words):
    understanding = read(q)

    assert understanding.reading("online") is None
    assert understanding.words == words


def test_every_phrase_of_a_reading_goes():
    understanding = read("online course i can do from home")

    assert keys(understanding) == ["online", "course"]
    assert understanding.words == ""


@pytest.mark.parametrize("q, key", [("apprentiship selby", "kind"), ("computers for beginers", "beginner")])
def test_a_misspelt_intent_word_is_still_read(q, key):
    assert read(q).reading(key) is not None


def test_ages_and_career_change_words_are_not_required():
    assert read("I'm 45 and want to change career into data").words == "data"


@pytest.mark.parametrize("q", ["computer course for beginners", "never used a computer", "beginners computer course Barnsley"])
def test_a_beginner_with_no_topic_gets_the_foundation_skills_first(q):
    assert read(q).preferences["prefer_skill"] == ("EDS-F",)


@pytest.mark.parametrize("q", ["coding for beginners", "spreadsheets for beginners", "computer help"])
def test_a_beginner_with_a_topic_or_no_beginner_words_gets_no_skill_preference(q):
    assert "prefer_skill" not in read(q).preferences
