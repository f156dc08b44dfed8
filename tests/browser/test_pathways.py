"""The self-assessment in a real browser: a keyboard-only run from the start page to a kept plan, with axe-core
checking every page on the way (and the search page) for serious or critical accessibility problems."""

import pytest

from courses.models import Programme
from tests.browser.helpers import serious_violations, tab_to
from tests.courses.factories import help_to_get_online
from tests.search.helpers import sync_now

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# What the person ticks on each page; [] means "None of these"; a string is typed or chosen.
ANSWERS = [
    ("using-a-device", ["turn-on-device", "use-controls", "change-settings", "open-apps"]),
    ("getting-online", ["know-internet", "connect-wifi", "open-website", "keep-passwords-private", "change-password"]),
    ("communicating", ["send-email", "video-call"]),
    ("information", []),
    ("transacting", []),
    ("problem-solving", ["find-help"]),
    ("staying-safe", []),
    ("interests", ["ADV-DATA"]),
    ("data", []),
    ("postcode", "LS6"),
    ("travel", "5"),
    ("cost", "free"),
    ("learning", "either"),
    ("age", None),  # skipped
    ("goal", "change-career"),
    ("situation", "job-at-risk"),
]


@pytest.fixture
def opportunities(search_indices):  # noqa: F811
    help_to_get_online("Drop-in help at Headingley Library", postcode="LS6 3HG", areas=("EDS-F", "EDS-T", "EDS-S"))
    help_to_get_online("Spreadsheets for work", postcode="LS1 3AB", areas=("EDS-H",), tier_code="general")
    help_to_get_online("Data analysis bootcamp", postcode="LS1 3AB", areas=("ADV-DATA",), tier_code="advanced", cost=Programme.Cost.FUNDED)
    sync_now()


def check_accessibility(page, found: list) -> None:
    found.append((page.url.split("/", 3)[-1] + (" (with an error)" if page.locator(".govuk-error-summary").count() else ""), serious_violations(page)))


def press_continue(page) -> None:
    tab_to(page, "button.govuk-button")
    with page.expect_navigation():
        page.keyboard.press("Enter")


def answer_with_the_keyboard(page, code: str, answer) -> None:
    if isinstance(answer, list):
        for value in answer or ["none"]:
            tab_to(page, f'input[value="{value}"]')
            page.keyboard.press("Space")
    elif code == "postcode":
        tab_to(page, "#answer")
        page.keyboard.type(answer)
    elif answer is not None:
        tab_to(page, 'input[type="radio"]')  # one tab stop for the group; arrows choose
        for _ in range(10):
            if page.evaluate("() => document.activeElement.value") == answer:
                break
            page.keyboard.press("ArrowDown")
        page.keyboard.press("Space")
    press_continue(page)


def test_the_assessment_with_the_keyboard_only_to_a_kept_plan_with_no_serious_accessibility_problems(live_server, page, opportunities):
    found: list[tuple[str, list[str]]] = []
    page.goto(f"{live_server.url}/pathways/")
    check_accessibility(page, found)
    tab_to(page, "a.govuk-button--start")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    # A missing answer: the error summary, then the answer.
    first_code = ANSWERS[0][0]
    assert page.url.endswith(f"/pathways/questions/{first_code}/")
    press_continue(page)
    assert page.locator(".govuk-error-summary").is_visible()
    assert "Error: " in page.title()
    check_accessibility(page, found)

    for number, (code, answer) in enumerate(ANSWERS, start=1):
        assert page.url.endswith(f"/pathways/questions/{code}/"), page.url
        assert f"Question {number} of" in page.locator(".govuk-caption-l").inner_text()
        check_accessibility(page, found)
        answer_with_the_keyboard(page, code, answer)

    assert page.url.endswith("/pathways/check/")
    check_accessibility(page, found)
    tab_to(page, 'a[href="/pathways/plan/"]')
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert page.locator("h1").inner_text() == "Your digital skills plan"
    plan_text = page.locator("main").inner_text()
    assert "Drop-in help at Headingley Library" in plan_text
    assert "Data analysis bootcamp" in plan_text
    assert "You're confident with video calls and email." in plan_text
    assert "Change careers" in plan_text and "0800 100 900" in plan_text
    check_accessibility(page, found)

    tab_to(page, 'form[action="/pathways/plan/keep/"] button')
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/pathways/p/" in page.url
    assert page.locator(".app-reference").is_visible()
    check_accessibility(page, found)

    page.goto(f"{live_server.url}/pathways/find/")
    check_accessibility(page, found)
    page.goto(f"{live_server.url}/search/?q=data&near=LS6&radius=10")
    assert "Data analysis bootcamp" in page.locator("main").inner_text()
    check_accessibility(page, found)

    assert len(found) == len(ANSWERS) + 7  # start, an error, the questions, check, plan, kept plan, find, search
    assert [(where, problems) for where, problems in found if problems] == []
