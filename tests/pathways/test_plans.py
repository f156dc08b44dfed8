"""Pathway plans against the real search engine: steps from where the person is upwards, and the search
respects where they are, how far they travel, what they can pay and how they want to learn."""

import pytest

from careers.models import CareerProfileSkill
from courses.models import Programme
from pathways.answers import Answers
from pathways.planning import build_plan
from publishing.models import Status
from tests.careers.factories import ApprenticeshipVacancyFactory, SponsoredOpportunityFactory
from tests.careers.page_factories import CareerProfilePageFactory
from tests.courses.factories import help_to_get_online, skill_area, tier
from tests.pathways.factories import ESSENTIAL_AREAS, FOUNDATION, skills, statements_at
from tests.search.helpers import sync_now

pytestmark = pytest.mark.usefixtures("search_indices")

BEGINNER = skills()  # answered everything, ticked nothing



def first_step(plan):
    return plan.steps[0]


def titles(step) -> set[str]:
    return {opportunity["title"] for opportunity in step.opportunities}


@pytest.fixture
def local_help():
    help_to_get_online("Drop-in help at Headingley Library", postcode="LS6 3HG")
    help_to_get_online("Get online in Bradford", postcode="BD1 1AA")
    help_to_get_online("Tablet course in the city centre, paid", postcode="LS1 3AB", cost=Programme.Cost.PAID)
    help_to_get_online("Get started online, from home")
    sync_now()


def test_a_beginners_plan_starts_with_free_help_near_them(bank, local_help):
    plan = build_plan(bank=bank, answers=Answers(skills=BEGINNER, postcode="LS6", travel=3, cost="free", learning="in_person"))

    step = first_step(plan)
    assert step.key == "inclusion" and step.title == "Get started with free help near LS6"
    assert titles(step) == {"Drop-in help at Headingley Library"}
    assert step.opportunities[0]["distance"] < 1
    assert step.widened == ""
    assert "near=LS6" in step.search and "radius=3" in step.search


@pytest.mark.parametrize(
    ("preferences", "expected"),
    [
        ({"travel": 10}, {"Drop-in help at Headingley Library", "Get online in Bradford"}),  # further
        ({"learning": "either"}, {"Drop-in help at Headingley Library", "Get started online, from home"}),  # online too
        ({"learning": "online"}, {"Get started online, from home"}),
    ],
)
def test_plans_follow_distance_and_how_people_want_to_learn(bank, local_help, preferences, expected):
    answers = {"skills": BEGINNER, "postcode": "LS6", "travel": 3, "cost": "free", "learning": "in_person", **preferences}

    plan = build_plan(bank=bank, answers=Answers(**answers))

    assert titles(first_step(plan)) == expected


def test_paid_options_appear_only_for_those_who_can_pay_and_never_as_the_first_free_help(bank, local_help):
    help_to_get_online("Paid spreadsheets for work", postcode="LS1 3AB", cost=Programme.Cost.PAID, areas=("EDS-H",), tier_code="general")
    help_to_get_online("Free spreadsheets for work", postcode="LS1 3AB", areas=("EDS-H",), tier_code="general")
    sync_now()
    can_pay = Answers(skills=BEGINNER, postcode="LS6", travel=3, cost="any", learning="in_person", goal="better-job")
    needs_free = Answers(**{**can_pay.__dict__, "cost": "free"})

    plan = build_plan(bank=bank, answers=can_pay)

    assert "Tablet course in the city centre, paid" not in titles(plan.steps[0])  # getting started is always free
    assert plan.steps[1].key == "general"
    assert titles(plan.steps[1]) == {"Paid spreadsheets for work", "Free spreadsheets for work"}
    assert titles(build_plan(bank=bank, answers=needs_free).steps[1]) == {"Free spreadsheets for work"}


def test_nothing_nearby_widens_the_distance_and_says_so(bank):
    help_to_get_online("Get online in Bradford", postcode="BD1 1AA")
    sync_now()

    step = first_step(build_plan(bank=bank, answers=Answers(skills=BEGINNER, postcode="LS6", travel=3, learning="in_person")))

    assert titles(step) == {"Get online in Bradford"}
    assert step.widened == "There was nothing within 3 miles of LS6, so we looked up to 10 miles away."
    assert "radius=10" in step.search


def test_nothing_in_person_lets_in_online_options_and_says_so(bank):
    help_to_get_online("Get started online, from home")
    sync_now()

    step = first_step(build_plan(bank=bank, answers=Answers(skills=BEGINNER, postcode="LS6", travel=3, learning="in_person")))

    assert titles(step) == {"Get started online, from home"}
    assert step.widened == "There was nothing in person near LS6, so we have included online options."


def test_a_step_with_nothing_anywhere_says_so_and_still_free_means_free(bank):
    help_to_get_online("Tablet course in the city centre, paid", postcode="LS1 3AB", cost=Programme.Cost.PAID)
    sync_now()

    step = first_step(build_plan(bank=bank, answers=Answers(skills=BEGINNER, postcode="LS6", cost="free")))

    assert step.opportunities == [] and step.total == 0


def test_a_graduate_heading_for_software_reaches_courses_apprenticeships_and_sponsored_places(bank):
    everyday = {q: statements_at(bank, q) for q in [*FOUNDATION, *ESSENTIAL_AREAS]}
    answers = Answers(
        skills={**everyday, "interests": ["ADV-SOFTWARE", "ADV-DATA"], "software": ["code-guide", "build-app"], "data": []},
        postcode="LS1",
        goal="change-career",
    )
    help_to_get_online("Python bootcamp", postcode="LS1 3AB", areas=("ADV-SOFTWARE",), tier_code="advanced", level=Programme.Level.L4)
    ApprenticeshipVacancyFactory(title="Software developer apprentice", status=Status.PUBLISHED)  # ST0116, level 4, LS1 4AP
    SponsoredOpportunityFactory(title="Funded data bootcamp place", status=Status.PUBLISHED)
    help_to_get_online("Spreadsheet taster", postcode="LS1 3AB", areas=("ADV-DATA",), tier_code="general")
    profile = CareerProfilePageFactory(title="Software developer", summary="Build the apps and websites people use.")
    CareerProfileSkill.objects.create(page=profile, tier=tier("advanced"), skill_area=skill_area("ADV-SOFTWARE"))
    sync_now()

    plan = build_plan(bank=bank, answers=answers)

    assert [step.key for step in plan.steps] == ["learn-ADV-SOFTWARE", "work-ADV-SOFTWARE", "learn-ADV-DATA", "work-ADV-DATA"]
    learn, work, data_learn, data_work = plan.steps
    assert titles(learn) == {"Python bootcamp"}
    apprenticeship = work.opportunities[0]
    assert apprenticeship["title"] == "Software developer apprentice"
    assert apprenticeship["apprenticeship_level"] == 4 and apprenticeship["kind"] == "apprenticeship"
    assert apprenticeship["apprenticeship_standard"] == "Software developer"
    assert titles(data_learn) == {"Spreadsheet taster"}  # new to data: beginners' courses first
    assert data_learn.why.startswith("You are new to this")
    assert data_work.opportunities[0]["sponsored"] is True
    assert plan.career_profile == {"title": "Software developer", "summary": "Build the apps and websites people use.", "url": profile.url}
    assert plan.placement.area("ADV-SOFTWARE").tier == "advanced"


def test_steps_go_upwards_from_inclusion_to_general(bank, local_help):
    plan = build_plan(bank=bank, answers=Answers(skills=skills(communicating=["send-email"]), goal="first-job"))

    assert [step.key for step in plan.steps[:2]] == ["inclusion", "general"]
    assert plan.steps[0].why.startswith("Next for you: ")


def test_under_16s_are_not_sent_to_jobs(bank):
    everyday = {q: statements_at(bank, q) for q in [*FOUNDATION, *ESSENTIAL_AREAS]}
    answers = Answers(skills={**everyday, "interests": ["ADV-SOFTWARE"]}, age="under-16")

    plan = build_plan(bank=bank, answers=answers)

    assert [step.key for step in plan.steps] == ["learn-ADV-SOFTWARE"]
    assert plan.notes == ["Apprenticeships and jobs start at 16, so your plan shows courses and help."]


def test_plans_still_come_when_the_search_engine_is_down(bank, settings, local_help):
    from tests.helpers import closed_port_url

    settings.SEARCH_URL = closed_port_url("http")
    plan = build_plan(bank=bank, answers=Answers(skills=BEGINNER, postcode="LS6", travel=3, cost="free", learning="in_person"))

    assert plan.mode == "basic"
    assert titles(first_step(plan)) == {"Drop-in help at Headingley Library"}
