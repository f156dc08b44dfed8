"""The query the engine receives, read with to_dict(): forgiving matching, nearer first, preferences as boosts."""

from search.params import Location, SearchParams
from search.queries import MINIMUM_SHOULD_MATCH, RELATED_WEIGHT, SYNONYM_WEIGHT, forgiving_typos, opportunity_search, vocabulary_check
from search.service import shared_skill_areas

KEIGHLEY = Location("BD21", 53.867, -1.911, "E08000032")


def body(**params) -> dict:
    return opportunity_search(SearchParams(**params)).to_dict()


def clauses(query: dict, name: str) -> list[dict]:
    """Every clause of one type anywhere in the query."""
    found = []

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == name:
                    found.append(value)
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(query)
    return found


def test_no_word_has_to_be_in_one_field_and_most_words_must_match():
    query = body(q="excel charts grandkids")

    assert "and" not in [clause.get("operator") for clause in clauses(query, "multi_match")]
    cross = [clause for clause in clauses(query, "multi_match") if clause.get("type") == "cross_fields"]
    assert cross and cross[0]["minimum_should_match"] == MINIMUM_SHOULD_MATCH
    assert any(field.startswith("standard_title") for field in cross[0]["fields"])


def test_words_close_together_rank_first_and_typos_are_tolerated():
    matches = clauses(body(q="video call"), "multi_match")

    assert any(clause.get("type") == "phrase" and clause.get("slop") for clause in matches)
    assert any(clause.get("fuzziness") == "AUTO" for clause in matches)


def test_a_known_location_ranks_nearer_items_higher_with_online_items_between():
    query = body(q="python", near=KEIGHLEY, radius=10.0)

    score = query["query"]["function_score"]
    assert score["boost_mode"] == "multiply"
    decay = next(function for function in score["functions"] if "gauss" in function)
    assert {"filter": {"bool": {"must_not": [{"exists": {"field": "locations"}}]}}, "weight": 0.2} in score["functions"]
    assert decay["gauss"]["locations"]["scale"] == "10mi"
    assert decay["gauss"]["locations"]["origin"] == {"lat": 53.867, "lon": -1.911}


def test_sorting_by_something_else_leaves_distance_out_of_the_score():
    assert clauses(body(q="python", near=KEIGHLEY, sort="start"), "gauss") == []


def test_preferences_from_the_words_reorder_and_filter_nothing():
    query = body(q="coding", prefer_kind=("programme",), prefer_type=("bootcamp_place",), prefer_schedule=("evening",), prefer_tier="inclusion")

    preferred = query["query"]["function_score"]
    assert preferred["boost_mode"] == "multiply"
    assert {"filter": {"terms": {"kind": ["programme"]}}, "weight": 2.0} in preferred["functions"]
    assert {"filter": {"term": {"tier": "inclusion"}}, "weight": 3.0} in preferred["functions"]
    assert {"filter": {"terms": {"opportunity_type": ["bootcamp_place"]}}, "weight": 1.5} in preferred["functions"]
    should = preferred["query"]["bool"]["should"]
    assert any(clause.get("multi_match", {}).get("query") == "evening" for clause in should)
    assert "post_filter" not in query


def test_online_and_degree_from_the_words_are_filters():
    filters = body(q="software", online=True, degree=True)["query"]["function_score"]["query"]["bool"]["filter"]

    assert {"term": {"online": True}} in filters
    assert {"term": {"degree": True}} in filters


def test_did_you_mean_draws_on_our_own_vocabulary():
    query = opportunity_search(SearchParams(q="spreadsheat")).to_dict()

    assert query["suggest"]["spelling"]["term"]["field"] == "spelling"


def test_the_words_as_typed_count_more_than_their_synonyms():
    cross = [clause for clause in clauses(body(q="coding"), "multi_match") if clause.get("type") == "cross_fields"]

    as_typed = [clause for clause in cross if clause.get("analyzer") == "english_index"]
    with_synonyms = [clause for clause in cross if "analyzer" not in clause]
    assert len(as_typed) == 1 and as_typed[0].get("boost", 1) == 1
    assert len(with_synonyms) == 1 and with_synonyms[0]["boost"] == SYNONYM_WEIGHT < 1


def test_only_the_words_our_vocabulary_lacks_are_forgiven_typos():
    per_word = forgiving_typos("tablet lesons", misspelt=("lesons",)).to_dict()["bool"]["should"]

    fuzziness = {clause["multi_match"]["query"]: clause["multi_match"]["fuzziness"] for clause in per_word}
    assert fuzziness == {"tablet": 0, "lesons": "AUTO"}
    # Not checked (the service could not ask the engine): every word is forgiven, as before.
    assert {clause["multi_match"]["fuzziness"] for clause in forgiving_typos("tablet lesons").to_dict()["bool"]["should"]} == {"AUTO"}


def test_the_vocabulary_check_asks_how_many_items_hold_each_word():
    check = vocabulary_check("tablet lesons")

    assert check["doc"] == {"spelling": "tablet lesons"} and check["term_statistics"] is True


def test_a_skill_area_the_best_matches_share_is_found_too_below_them_and_named():
    query = body(q="ethical hacking", related_skills=("ADV-CYBER",), best_score=20.0)

    related = clauses(query, "constant_score")
    assert related == [{"filter": {"terms": {"skill_areas": ["ADV-CYBER"]}}, "boost": RELATED_WEIGHT * 20.0, "_name": "related"}]
    assert any(clause.get("_name") == "words" for clause in clauses(query, "bool"))
    assert clauses(body(q="ethical hacking"), "constant_score") == []


def test_shared_skill_areas_need_two_strong_matches():
    assert shared_skill_areas([(10.0, ["ADV-CYBER"]), (9.0, ["ADV-CYBER", "ADV-CLOUD"]), (8.0, ["ADV-CYBER"])]) == ("ADV-CYBER",)
    # One strong match, and weak ones sharing another area: nothing is pulled in.
    assert shared_skill_areas([(10.0, ["ADV-CYBER"]), (3.0, ["EDS-H"]), (2.0, ["EDS-H"])]) == ()
    assert shared_skill_areas([]) == ()


def test_generic_words_rank_without_synonyms_and_intent_words_count_double_in_titles():
    should = body(q="", prefer_words=("computer", "bootcamp"))["query"]["function_score"]["query"]["bool"]["should"]

    by_query = {clause["multi_match"]["query"]: clause["multi_match"] for clause in should}
    assert by_query["computer"]["analyzer"] == "english_index"  # "computer" is not "laptop to borrow"
    assert "title^2" in by_query["bootcamp"]["fields"] and "analyzer" not in by_query["bootcamp"]


def test_a_preferred_skill_area_multiplies_the_score():
    functions = body(q="", prefer_skill=("EDS-F",))["query"]["function_score"]["functions"]

    assert {"filter": {"terms": {"skill_areas": ["EDS-F"]}}, "weight": 3.0} in functions


def test_items_already_shown_can_be_left_out():
    query = opportunity_search(SearchParams(q="python"), leave_out=("programme-1", "programme-2")).to_dict()

    assert [{"ids": {"values": ["programme-1", "programme-2"]}}] in clauses(query, "must_not")
