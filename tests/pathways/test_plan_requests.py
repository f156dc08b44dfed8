"""How much a plan costs the search engine: its searches go in at most two requests, and the same answers (or a
saved plan opened again) cost none until the index changes. Counted at a proxy in front of the real engine."""

import json

import pytest
from django.urls import reverse

from benchmarks.faults.proxy import EngineProxy
from courses.models import Programme
from pathways import services
from pathways.answers import Answers
from pathways.planning import plan_for
from tests.courses.factories import help_to_get_online
from tests.pathways.factories import skills
from tests.pathways.test_api import ANSWERS
from tests.search.helpers import sync_now

pytestmark = [pytest.mark.engine, pytest.mark.usefixtures("search_indices", "clear_limits")]


@pytest.fixture
def engine(settings, search_engine):
    """The real engine behind a proxy that counts the requests it is sent."""
    with EngineProxy(search_engine) as proxy:
        settings.SEARCH_URL = proxy.url
        yield proxy


@pytest.fixture
def opportunities(search_indices):
    help_to_get_online("Drop-in help at Headingley Library", postcode="LS6 3HG", areas=("EDS-F", "EDS-T"))
    help_to_get_online("Data bootcamp", postcode="BD1 1AA", areas=("ADV-DATA",), tier_code="advanced", cost=Programme.Cost.PAID)
    sync_now()


def plan_api(client):
    response = client.post("/api/v1/pathways/plan", json.dumps(ANSWERS), content_type="application/json")
    assert response.status_code == 200, response.content
    return response.json()


def titles(plan):
    return {opportunity["title"] for step in plan["steps"] for opportunity in step["opportunities"]}


def test_a_plan_sends_its_searches_and_wider_searches_in_two_requests(client, opportunities, engine):
    plan = plan_api(client)

    assert plan["mode"] == "full" and len(plan["steps"]) >= 3
    assert any(step["widened"] for step in plan["steps"])  # the bootcamp is in Bradford, further than they travel
    assert {"Drop-in help at Headingley Library", "Data bootcamp"} <= titles(plan)
    assert engine.requests == 2


def test_the_same_answers_cost_no_searches_until_the_index_changes(client, opportunities, engine):
    plan_api(client)
    asked = engine.requests

    assert titles(plan_api(client)) == titles(plan_api(client))
    assert engine.requests == asked
    help_to_get_online("Spreadsheets at Leeds Central Library", postcode="LS1 3AB", areas=("EDS-F", "EDS-T"))
    sync_now()
    asked = engine.requests

    assert "Spreadsheets at Leeds Central Library" in titles(plan_api(client))
    assert engine.requests > asked


def test_a_saved_plan_opened_again_is_not_built_again_until_something_new_is_indexed(client, resident, bank, opportunities, engine):
    answers = Answers(skills=skills(), postcode="LS6", cost="free")
    saved = services.pathway_plan_save(user=resident, answers=answers, plan_data=plan_for(bank=bank, answers=answers))
    client.force_login(resident)
    page = reverse("pathways:saved_plan", args=[saved.pk])
    client.get(page)
    asked = engine.requests

    assert "Drop-in help at Headingley Library" in client.get(page).content.decode()
    assert engine.requests == asked
    help_to_get_online("Free tablet lessons in Hyde Park", postcode="LS6 1AA")
    sync_now()

    assert "Free tablet lessons in Hyde Park" in client.get(page).content.decode()
    assert engine.requests > asked
    saved.refresh_from_db()
    assert any(o["title"] == "Free tablet lessons in Hyde Park" for step in saved.snapshot["steps"] for o in step["opportunities"])
