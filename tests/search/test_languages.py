"""Residents who search in Polish, Romanian or Urdu (its own script or Roman letters) find what an English search
for the same need finds, on the real OpenSearch node: search/synonyms/ maps their words to the English our
items use, and the search reads "free" or "course" in them as it does in English."""

import pytest

from courses.models import Programme
from search.analyzers import read_language_synonyms
from search.connection import get_client, index_name
from search.documents import OPPORTUNITY_INDEX
from tests.search.helpers import programme, search, sync_now

pytestmark = [pytest.mark.engine, pytest.mark.usefixtures("search_indices")]

RULES = [rule.split("=>") for rule in read_language_synonyms()]


def titles(results) -> list[str]:
    return [hit.title for hit in results.hits]


def words(text: str, analyzer: str = "english_text") -> set[str]:
    analysed = get_client().indices.analyze(index=index_name(OPPORTUNITY_INDEX), body={"analyzer": analyzer, "text": text})
    return {token["token"] for token in analysed["tokens"]}


@pytest.fixture
def computer_basics():
    programme("Computer basics", summary="Switch on, use a mouse and keyboard, and find things online.", cost=Programme.Cost.FREE)
    programme("Pottery for beginners", summary="Make a bowl on the wheel.", cost=Programme.Cost.FREE)
    sync_now()


@pytest.mark.parametrize("q", ["komputer", "komputera", "کمپیوٹر", "كمپيوٹر", "kampyutar", "calculatorul"])
def test_computer_in_another_language_finds_the_computer_course_first(computer_basics, q):
    found = titles(search(q=q))

    assert found[0] == "Computer basics"
    assert found == titles(search(q="computer"))  # what an English search for "computer" finds, in its order


@pytest.mark.parametrize("q", ["komputer", "کمپیوٹر"])
def test_the_words_are_understood_even_when_searched_exactly_as_typed(computer_basics, q):
    found = titles(search(q=q, as_typed="on"))

    assert found[0] == "Computer basics"
    assert found == titles(search(q="computer", as_typed="on"))


def test_free_in_polish_puts_free_courses_first():
    programme("Computer course for beginners", cost=Programme.Cost.FREE)
    programme("Computer course with a certificate", cost=Programme.Cost.PAID, cost_amount=120)
    sync_now()

    results = search(q="darmowy kurs komputerowy")

    found = titles(results)
    assert found[0] == "Computer course for beginners"
    assert "Computer course with a certificate" not in found[:1]
    assert {reading.key for reading in results.understood} >= {"free"}


def test_jobs_in_polish_with_a_place_read_the_place_too(computer_basics):
    results = search(q="praca IT Leeds")

    assert {reading.key for reading in results.understood} >= {"place", "job"}


@pytest.mark.parametrize("typed, english", RULES, ids=[typed.strip() for typed, _ in RULES])
def test_every_form_in_the_language_files_reads_as_its_english(search_engine, search_indices, typed, english):
    """Each form on the left of a rule gives, in the engine, every word of the English on its right."""
    for form in typed.split(","):
        assert words(english, "english_index") <= words(form.strip()), form


def test_false_friends_keep_their_english_meaning(search_engine, search_indices):
    # "calculator" is a computer in Romanian, a calculator in English: alone it stays a calculator.
    assert "comput" not in words("calculator")
    assert "comput" in words("curs calculator")
    # English words are never turned into another language's.
    assert words("computer course") & {"komput", "kurs", "curs"} == set()
