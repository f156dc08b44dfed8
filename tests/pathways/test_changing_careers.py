"""People whose work is changing, who were made redundant or are coming back after a break: the assessment asks
about their situation (optionally), and their plan has a step about changing careers, with what welcomes career
changers and returners, free careers advice and others' stories."""

import json

import pytest
from django.urls import reverse

from careers.models import SponsoredOpportunity
from pathways.answers import Answers
from pathways.planning import build_plan
from pathways.views.assessment import SESSION_ANSWERS
from publishing.models import Status
from tests.careers.factories import SponsoredOpportunityFactory
from tests.careers.page_factories import StoryPageFactory
from tests.courses.factories import help_to_get_online
from tests.pathways.factories import skills, with_foundation
from tests.pathways.test_pages import answer_essentials, url
from tests.search.helpers import sync_now

pytestmark = pytest.mark.django_db

CHANGING = ["job-at-risk", "redundant", "returning"]
NOT_CHANGING = ["working", "looking", "education", "not-say", ""]


# The question -------------------------------------------------------------------------------------------------


def test_the_situation_is_asked_last_and_can_be_skipped(client):
    answer_essentials(client, foundation=False)
    for code in ("postcode", "cost", "learning", "age"):
        client.post(url(code), {"answer": ""})

    assert client.post(url("goal"), {"answer": ""})["Location"] == url("situation")
    page = client.get(url("situation")).content.decode()
    skipped = client.post(url("situation"), {})

    assert '<h1 class="govuk-fieldset__heading">Which of these describes your situation best?</h1>' in page
    assert "Working, but my job is changing or at risk" in page and "I have been made redundant" in page
    assert "I&#x27;d rather not say" in page
    assert "You can skip this question" in page
    assert skipped["Location"] == reverse("pathways:check")
    assert client.session[SESSION_ANSWERS]["situation"] == ""


def test_the_situation_answer_is_kept_and_shown_back(client):
    answer_essentials(client, foundation=False)

    client.post(url("situation"), {"answer": "not-say"})
    client.post(url("goal"), {"answer": ""})

    assert client.session[SESSION_ANSWERS]["situation"] == "not-say"
    assert "I&#x27;d rather not say" in client.get(reverse("pathways:check")).content.decode()
    assert client.post(url("situation"), {"answer": "on-the-moon"}).status_code == 200  # the page again, with the error


def test_the_api_takes_the_situation_and_lists_its_answers_when_it_is_wrong(client):
    response = client.post(
        "/api/v1/pathways/plan", json.dumps({"skills": skills(), "situation": "on-the-moon"}), content_type="application/json"
    )

    assert response.status_code == 400
    assert response.json()["errors"]["situation"] == [
        "“on-the-moon” is not an answer to this question. Its answers are: working, job-at-risk, redundant, returning, "
        "looking, education, not-say"
    ]


# The step -----------------------------------------------------------------------------------------------------


@pytest.fixture
def career_changes(search_indices):
    help_to_get_online("Data analysis for career changers", areas=("ADV-DATA",), tier_code="advanced", welcomes_career_changers=True)
    help_to_get_online("Spreadsheets for work", areas=("EDS-H",), tier_code="general")
    SponsoredOpportunityFactory(title="Technology returners programme", kind=SponsoredOpportunity.Kind.RETURNER, status=Status.PUBLISHED)
    SponsoredOpportunityFactory(title="Junior data analyst", kind=SponsoredOpportunity.Kind.PAID_ROLE, status=Status.PUBLISHED)
    StoryPageFactory(title="From the shop floor to data analyst", first_name="Priya", who_they_are="career changer")
    StoryPageFactory(title="Back to work in cyber security after a career break", first_name="Aisha", who_they_are="returner")
    StoryPageFactory(title="Earning while I learn to code", first_name="Jordan", who_they_are="apprentice")
    sync_now()


def change_careers_step(plan):
    return next((step for step in plan.steps if step.key == "change-careers"), None)


def plan_for(situation: str, **answers):
    from pathways.selectors import question_bank

    return build_plan(bank=question_bank(), answers=Answers(skills=with_foundation(), situation=situation, **answers))


@pytest.mark.parametrize("situation", CHANGING)
def test_a_plan_changes_careers_for_people_whose_work_is_changing_made_redundant_or_returning(career_changes, situation):
    step = change_careers_step(plan_for(situation))

    assert step is not None and step.title == "Change careers"
    assert {opportunity["title"] for opportunity in step.opportunities} == {"Data analysis for career changers", "Technology returners programme"}
    assert step.advice == {
        "name": "National Careers Service",
        "text": "A careers adviser can talk through changing careers, your CV and training with you, for free.",
        "phone": "0800 100 900",
        "url": "https://nationalcareers.service.gov.uk",
    }
    assert {story["who"] for story in step.stories} == {"Priya, career changer", "Aisha, returner"}
    assert "career_changers=on" in step.search


def test_returners_see_returner_programmes_first(career_changes):
    step = change_careers_step(plan_for("returning"))

    assert step.opportunities[0]["title"] == "Technology returners programme"
    assert step.why.startswith("Returner programmes")


@pytest.mark.parametrize("situation", NOT_CHANGING)
def test_other_situations_have_no_step_about_changing_careers(career_changes, situation):
    assert change_careers_step(plan_for(situation)) is None


def test_children_have_no_step_about_changing_careers(career_changes):
    assert change_careers_step(plan_for("redundant", age="under-16")) is None


def test_the_plan_page_gives_the_national_careers_service_and_the_stories(client, career_changes):
    session = client.session
    session[SESSION_ANSWERS] = {"skills": {**with_foundation(), "interests": []}, "situation": "redundant"}
    session.save()

    page = client.get(reverse("pathways:plan")).content.decode()

    assert "Change careers" in page
    assert 'Call the National Careers Service free on <a class="govuk-link" href="tel:0800100900">0800 100 900</a>' in page
    assert 'href="https://nationalcareers.service.gov.uk"' in page
    assert "From the shop floor to data analyst</a> <span class=\"govuk-body-s\">(Priya, career changer)</span>" in page
    assert "Earning while I learn to code" not in page


def test_the_api_gives_the_advice_and_the_stories_with_the_step(client, career_changes):
    response = client.post(
        "/api/v1/pathways/plan", json.dumps({"skills": with_foundation(), "situation": "job-at-risk"}), content_type="application/json"
    )

    [step] = [step for step in response.json()["steps"] if step["key"] == "change-careers"]
    assert step["advice"]["phone"] == "0800 100 900"
    assert {story["title"] for story in step["stories"]} == {
        "From the shop floor to data analyst",
        "Back to work in cyber security after a career break",
    }
    assert all(story["url"].startswith("http://testserver/") for story in step["stories"])
