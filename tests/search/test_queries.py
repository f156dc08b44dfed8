"""The query the engine receives, read with to_dict(): forgiving matching, nearer first, preferences as boosts."""

from search.params import Location, SearchParams
from search.queries import MINIMUM_SHOULD_MATCH, opportunity_search

KEIGHLEY = Location("BD21", 53.867, -1.911, "E08000032")


def body(**params) -> dict:
    return opportunity_search(SearchParams(**params), with_facets=False).to_dict()


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
    query = opportunity_search(SearchParams(q="spreadsheat"), with_facets=False).to_dict()

    assert query["suggest"]["spelling"]["term"]["field"] == "spelling"
