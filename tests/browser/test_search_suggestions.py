"""The search box's suggestions in a real browser: typing shows them, the arrow keys move through them, Enter
searches, Escape closes them, the box tells assistive technology what is happening, a 429 stops the asking,
and without JavaScript the plain forms work as before."""

import pytest
from django.core.cache import cache

from courses.models import Programme
from publishing.models import Status
from tests.browser.helpers import serious_violations
from tests.courses.factories import ProgrammeFactory, VenueFactory, tier
from tests.search.helpers import sync_now

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

BOX = "#search-q"
LIST = "[role=listbox]"


@pytest.fixture
def courses(search_indices, clear_limits):  # noqa: F811
    ProgrammeFactory(title="Data analysis bootcamp", status=Status.PUBLISHED)
    ProgrammeFactory(title="Databases for beginners", status=Status.PUBLISHED)
    drop_in = ProgrammeFactory(
        title="Keighley Library laptop drop-in",
        status=Status.PUBLISHED,
        tier=tier("inclusion"),
        delivery_mode=Programme.DeliveryMode.IN_PERSON,
        starts_any_time=True,
        free_device_loan=True,
        drop_in=True,
    )
    drop_in.venues.add(VenueFactory(provider=drop_in.provider, postcode="BD21 3SX"))
    sync_now()


def box_state(page, selector=BOX) -> dict:
    return page.eval_on_selector(
        selector,
        """box => ({
            role: box.getAttribute('role'),
            expanded: box.getAttribute('aria-expanded'),
            active: box.getAttribute('aria-activedescendant'),
            controls: box.getAttribute('aria-controls'),
            value: box.value,
        })""",
    )


def selected(page) -> list[str]:
    return page.eval_on_selector_all("[role=option][aria-selected=true]", "options => options.map(option => option.id)")


def keyboard_through_the_suggestions_to_a_search(page, url):
    page.goto(f"{url}/search/")
    page.focus(BOX)
    page.keyboard.type("data")
    page.wait_for_selector(f"{LIST} [role=option]")

    state = box_state(page)
    listbox = page.locator(LIST)
    assert (state["role"], state["expanded"], state["active"]) == ("combobox", "true", None)
    assert state["controls"] == listbox.get_attribute("id")
    options = page.locator("[role=option]")
    texts = options.all_inner_texts()
    assert texts[0].startswith("Data") and "Skill area" in texts[0]
    assert any(text.startswith("Data analysis bootcamp") for text in texts)
    assert page.locator("[role=status]").inner_text().startswith(f"{len(texts)} suggestions")
    assert serious_violations(page) == []

    page.keyboard.press("ArrowDown")
    first = options.nth(0).get_attribute("id")
    assert box_state(page)["active"] == first and selected(page) == [first]
    page.keyboard.press("ArrowDown")
    assert box_state(page)["active"] == options.nth(1).get_attribute("id")
    page.keyboard.press("ArrowUp")
    assert box_state(page)["active"] == first

    page.keyboard.press("Escape")
    state = box_state(page)
    assert (state["expanded"], state["active"], state["value"]) == ("false", None, "data")
    assert listbox.is_hidden()

    # Down opens them again; Enter on a suggestion searches for it.
    bootcamp = next(number for number, text in enumerate(texts) if text.startswith("Data analysis bootcamp"))
    for _ in range(bootcamp + 1):
        page.keyboard.press("ArrowDown")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "q=Data+analysis+bootcamp" in page.url
    assert "Data analysis bootcamp" in page.locator(".app-results").inner_text()


def enter_without_a_choice_on_the_home_page(page, url):
    page.goto(f"{url}/")
    page.focus("#home-q")
    page.keyboard.type("databa")
    page.wait_for_selector(f"{LIST} [role=option]")
    assert box_state(page, "#home-q")["expanded"] == "true"

    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/search/?q=databa")


def too_many_requests_stop_the_asking(page, url, settings):
    settings.SEARCH_RATE_LIMITS = {**settings.SEARCH_RATE_LIMITS, "autocomplete": "2/minute"}
    cache.clear()
    asked = []
    page.on("response", lambda response: asked.append(response.status) if "/search/autocomplete/" in response.url else None)
    page.goto(f"{url}/search/")
    page.focus(BOX)

    page.keyboard.type("d")  # one letter is too few to ask about
    for letter in "ata":
        with page.expect_response(lambda response: "/search/autocomplete/" in response.url):
            page.keyboard.type(letter)
    assert asked == [200, 200, 429]
    assert box_state(page)["expanded"] == "false"

    page.keyboard.type(" analysis")
    page.wait_for_timeout(600)  # longer than the pause between key presses and a request
    assert asked == [200, 200, 429]


def without_javascript(browser, url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(f"{url}/search/")
        assert box_state(page)["role"] is None  # a plain search field
        page.fill(BOX, "data analysis")
        with page.expect_navigation():
            page.press(BOX, "Enter")
        assert "Data analysis bootcamp" in page.locator(".app-results").inner_text()

        page.goto(f"{url}/")
        page.fill("#help-near", "BD21")
        page.check("#help-drop_in")
        with page.expect_navigation():
            page.click("text=Find help near you")
        assert "help=drop_in" in page.url and "near=BD21" in page.url
        assert "Keighley Library laptop drop-in" in page.locator(".app-results").inner_text()
        assert page.is_checked("input[name=help][value=drop_in]")
    finally:
        context.close()


# One test, because each browser test restores the reference data (about a minute): the story runs in order.
def test_the_search_box_suggests_as_you_type_and_the_forms_work_without_javascript(live_server, browser, page, courses, settings):
    keyboard_through_the_suggestions_to_a_search(page, live_server.url)
    enter_without_a_choice_on_the_home_page(page, live_server.url)
    without_javascript(browser, live_server.url)
    too_many_requests_stop_the_asking(page, live_server.url, settings)
