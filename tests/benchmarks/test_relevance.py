"""The relevance benchmark's yardstick: its metrics give known numbers, its rules grade items as written,
and the judged set is broad enough to mean something. No services needed."""

import math

import pytest

from benchmarks.relevance_judging import (
    TIERS,
    Item,
    Outcome,
    Query,
    UnknownPlace,
    authorities,
    failures,
    has_any,
    load_queries,
    ndcg,
    place,
    precision,
    quiet,
    recall,
)

# Metrics --------------------------------------------------------------------------------------


def test_ndcg_of_a_known_ranking():
    # Returned: grade 2, grade 0, grade 1. The data also hold one more grade 1 item.
    dcg = 3 / math.log2(2) + 0 + 1 / math.log2(4)
    ideal = 3 / math.log2(2) + 1 / math.log2(3) + 1 / math.log2(4)
    assert ndcg([2, 0, 1], [2, 1, 1]) == pytest.approx(dcg / ideal)
    assert ndcg([2, 0, 1], [2, 1, 1]) == pytest.approx(0.8473, abs=1e-4)


def test_ndcg_is_one_for_the_best_order_and_zero_when_nothing_relevant_came_back():
    assert ndcg([2, 2, 1], [1, 2, 2]) == pytest.approx(1.0)
    assert ndcg([], [2, 1]) == 0.0
    assert ndcg([0, 0, 0], [2, 1]) == 0.0


def test_ndcg_counts_only_the_first_ten():
    assert ndcg([0] * 10 + [2], [2]) == 0.0


def test_ndcg_is_undefined_when_the_data_hold_nothing_relevant():
    assert ndcg([0, 0], []) is None


def test_precision_is_the_relevant_share_of_what_was_shown_on_the_first_page():
    assert precision([2, 0, 1, 0]) == 0.5
    assert precision([1] * 5 + [0] * 10) == 0.5
    assert precision([]) is None


def test_recall_counts_relevant_items_in_the_first_fifty_out_of_those_that_could_be_there():
    assert recall([2, 0, 1], relevant_in_data=4) == 0.5
    assert recall([1] * 50 + [1] * 10, relevant_in_data=65) == 1.0  # 50 of 65 is all a page of 50 could hold
    assert recall([0] * 50 + [1] * 10, relevant_in_data=10) == 0.0
    assert recall([0], relevant_in_data=0) is None


def test_quiet_falls_with_each_result_on_the_first_page():
    assert quiet(0) == 1.0
    assert quiet(3) == pytest.approx(0.7)
    assert quiet(250) == 0.0


# Rules ----------------------------------------------------------------------------------------


def item(**fields) -> Item:
    defaults = {"id": "programme-1", "kind": "programme", "title": "", "summary": "", "text": "", "tier": "general"}
    return Item(**(defaults | fields))


def test_words_match_whole_words_plurals_hyphens_and_prefixes():
    assert has_any("Spreadsheets for beginners", ["spreadsheet"])
    assert has_any("Two years, part-time", ["part time"])
    assert has_any("Troubleshooting your computer", ["troubleshoot*"])
    assert not has_any("Free laptops to borrow, said the librarian", ["AI"])
    assert has_any("AI tools at work", ["ai"])


def test_places_are_found_from_the_reference_data():
    assert place("Halifax").outcodes == ("HX1",)  # "Halifax Town Centre"
    assert place("Selby").outcodes == ("YO8",)  # by its post town
    assert place("LS9 8AB").outcodes == ("LS9",)
    assert authorities()[place("Skipton").authority] == "Craven"
    with pytest.raises(UnknownPlace):
        place("Atlantis")


def test_a_course_in_halifax_is_near_halifax_and_one_in_york_is_not():
    rule = {"near": "Halifax", "within_miles": 10}
    in_halifax = item(locations=((53.7216, -1.8633),))
    in_york = item(locations=((53.9576, -1.0827),))
    online = item(online=True, delivery_mode="online")
    assert failures(rule, in_halifax) == []
    assert failures(rule, in_york)
    assert failures(rule, online)
    assert failures(rule | {"or_online": True}, online) == []


def test_an_item_gets_the_highest_grade_whose_rule_it_meets():
    (query,) = [q for q in load_queries() if q.q == "free excel course in halifax"]
    free_online = item(title="Excel for work: formulas and charts", free=True, online=True, delivery_mode="online")
    paid_online = item(title="Excel for work: formulas and charts", online=True, delivery_mode="online")
    python = item(title="Python for beginners", free=True, online=True, delivery_mode="online")
    assert query.judge(free_online)[0] == 2
    assert query.judge(paid_online)[0] == 1
    assert query.judge(python)[0] == 0


# The judged set -------------------------------------------------------------------------------


def test_the_judged_set_is_broad():
    queries = load_queries()
    assert len(queries) >= 80
    assert {query.tier for query in queries} >= set(TIERS)
    covered = {p.authority for query in queries for p in query.places}
    assert covered >= set(authorities()), f"no query near {set(authorities()) - covered}"
    for tag in ("place", "postcode", "typo", "intent", "sentence", "nothing"):
        assert any(tag in query.tags for query in queries), tag


def test_the_judged_set_refuses_rules_it_cannot_apply(tmp_path):
    path = tmp_path / "queries.toml"
    path.write_text('[[query]]\nq = "python"\ntier = "advanced"\ngrade2 = {words = ["python"]}\n')
    with pytest.raises(ValueError, match="unknown rule keys"):
        load_queries(path)
    path.write_text('[[query]]\nq = "python"\ntier = "advanced"\ngrade2 = {near = "Atlantis"}\n')
    with pytest.raises(UnknownPlace):
        load_queries(path)


def test_a_drop_since_the_previous_run_is_a_regression_unless_the_rules_changed():
    from benchmarks.relevance import changes

    query = Query(q="python", tier="advanced", grade2=({"words_any": ["python"]},))
    missed = Outcome(query=query, total=1, returned=["programme-2"], grades=[0], judged={"programme-1": 2})
    previous = {"queries": {"python": {"ndcg10": 1.0, "total": 1, "zero": False, "quiet10": None, "rules": query.fingerprint}}}
    worse, better, rejudged = changes([missed], previous)
    assert len(worse) == 1 and "1.000 → 0.000" in worse[0]
    previous["queries"]["python"]["rules"] = "other rules"
    assert changes([missed], previous) == ([], [], ["python"])
