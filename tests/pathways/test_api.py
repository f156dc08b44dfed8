"""POST /api/v1/pathways/plan: the same placement and plan as the pages, and a 400 that lists every problem."""

import json

import pytest
from django.urls import reverse

from courses.models import Programme
from tests.pathways.factories import skills
from tests.courses.factories import help_to_get_online
from tests.search.helpers import sync_now

API = "/api/v1/pathways/plan"


def post(client, body):
    return client.post(API, json.dumps(body) if not isinstance(body, str) else body, content_type="application/json")


@pytest.fixture
def opportunities(search_indices):
    help_to_get_online("Drop-in help at Headingley Library", postcode="LS6 3HG", areas=("EDS-F", "EDS-T"))
    help_to_get_online("Free spreadsheets for work", postcode="LS1 3AB", areas=("EDS-H",), tier_code="general")
    help_to_get_online("Data bootcamp", postcode="LS1 3AB", areas=("ADV-DATA",), tier_code="advanced", cost=Programme.Cost.PAID)
    sync_now()


ANSWERS = {
    "skills": {
        **skills(communicating=["send-email", "video-call"], information=["search-online"]),
        "using-a-device": ["turn-on-device", "use-controls", "change-settings", "open-apps"],
        "getting-online": ["know-internet", "connect-wifi", "open-website", "keep-passwords-private", "change-password"],
        "interests": ["ADV-DATA"],
        "data": ["sort-data"],
    },
    "postcode": "LS6 1AA",
    "travel": 5,
    "cost": "any",
    "learning": "either",
    "age": "24-plus",
    "goal": "change-career",
}


def test_the_api_places_and_plans(client, opportunities):
    response = post(client, ANSWERS)

    assert response.status_code == 200, response.content
    body = response.json()
    assert body["answers"]["postcode"] == "LS6"  # only the first part is used
    areas = {area["skill_area"]: area for area in body["placement"]["areas"]}
    assert areas["EDS-C"]["tier"] == "general" and areas["EDS-T"]["tier"] == "inclusion" and areas["ADV-DATA"]["tier"] == "advanced"
    assert areas["EDS-C"]["explanation"].startswith("You're confident with video calls and email.")
    steps = {step["key"]: step for step in body["steps"]}
    assert [o["title"] for o in steps["inclusion"]["opportunities"]] == ["Drop-in help at Headingley Library"]
    assert [o["title"] for o in steps["learn-ADV-DATA"]["opportunities"]] == ["Data bootcamp"]
    assert steps["inclusion"]["opportunities"][0]["url"].startswith("http://testserver/programmes/")


def _walk_the_pages(client, answers):
    for code, values in answers["skills"].items():
        assert client.post(reverse("pathways:question", args=[code]), {"answer": values or ["none"]}).status_code == 302
    for code in ("postcode", "travel", "cost", "learning", "age", "goal", "situation"):
        assert client.post(reverse("pathways:question", args=[code]), {"answer": answers.get(code, "")}).status_code == 302
    response = client.get(reverse("pathways:plan"))
    assert response.status_code == 200
    return response.context["plan"]


def _absolute(plan: dict) -> dict:
    for step in plan["steps"]:
        for opportunity in step["opportunities"]:
            opportunity["url"] = f"http://testserver{opportunity['url']}"
    if plan["career_profile"]:
        plan["career_profile"]["url"] = f"http://testserver{plan['career_profile']['url']}"
    return plan


def test_a_plan_from_the_api_equals_the_plan_from_the_pages(client, opportunities):
    from_pages = _walk_the_pages(client, ANSWERS)

    from_api = post(client, ANSWERS).json()

    assert from_api == _absolute(json.loads(json.dumps(from_pages)))
    assert [step["key"] for step in from_api["steps"]] == ["inclusion", "general", "learn-ADV-DATA", "work-ADV-DATA"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("body", "problems"),
    [
        ({}, {"skills": ["Send the skills answers: each question's code with a list of the statements the person can do"]}),
        ({"skills": "everything"}, {"skills": ['Send the skills answers as an object, like {"using-a-device": ["turn-on-device"]}']}),
        ({"skills": {**skills(), "communicating": "send-email"}}, {"skills.communicating": ["Send a list of codes, or an empty list if the person can do none of them"]}),
        ({"skills": {**skills(), "communicating": ["send-email", "fly-a-plane"]}},
         {"skills.communicating": ["“fly-a-plane” is not an answer to this question. Its answers are: send-messages, video-call, send-email, work-email, online-meeting"]}),
        ({"skills": {**skills(), "<script>": []}}, {"skills.<script>": ["There is no question with this code. The questions are: " + ", ".join(
            ["using-a-device", "getting-online", "communicating", "information", "transacting", "problem-solving", "staying-safe", "interests",
             "software", "data", "cyber", "cloud", "ai", "design", "marketing", "it-support"])]}),
        ({"skills": {"communicating": []}}, {"skills": ["Answer every question that everyone is asked. Missing: using-a-device, getting-online, information, transacting, problem-solving, staying-safe"]}),
        ({"skills": skills(), "postcode": "SW1A 1AA"}, {"postcode": ["We do not have SW1A on our map: we cover Leeds City Region and the areas around it"]}),
        ({"skills": skills(), "postcode": 6}, {"postcode": ["Send the postcode as text, like “LS1 4AP” or “LS1”"]}),
        ({"skills": skills(), "travel": 5}, {"travel": ["Send a postcode too: we measure the distance from it"]}),
        ({"skills": skills(), "postcode": "LS6", "travel": "far"}, {"travel": ["Send the miles as one of these numbers: 1, 3, 5, 10, 25"]}),
        ({"skills": skills(), "cost": "cheap", "age": 42}, {
            "cost": ["“cheap” is not an answer to this question. Its answers are: free, any"],
            "age": ["“42” is not an answer to this question. Its answers are: under-16, 16-18, 19-23, 24-plus, not-say"],
        }),
        ({"skills": skills(), "password": "hunter2"}, {"password": ["We do not know this answer. Send only these: skills, postcode, travel, cost, learning, age, goal, situation"]}),
        ([1, 2, 3], {"answers": ['Send the answers as a JSON object, like {"skills": {…}}']}),
        ("{not json", {"answers": ["The body is not valid JSON"]}),
    ],
)
def test_invalid_answers_get_a_400_listing_each_problem(client, body, problems):
    response = post(client, body)

    assert response.status_code == 400
    assert response.json() == {"errors": problems}


@pytest.mark.django_db
def test_the_endpoint_is_in_the_openapi_schema(client):
    schema = client.get("/api/v1/schema/?format=json").json()

    operation = schema["paths"]["/api/v1/pathways/plan"]["post"]
    assert operation["operationId"] == "pathways_plan"
    # The plan; a problem with the answers; a signed-in browser's missing CSRF token; a body not JSON; throttled.
    assert set(operation["responses"]) == {"200", "400", "403", "415", "429"}
    answers = schema["components"]["schemas"]["Answers"]
    assert "skills" in answers["properties"]
    assert answers["additionalProperties"] is False
