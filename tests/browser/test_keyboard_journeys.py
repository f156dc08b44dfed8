"""Three journeys with the keyboard alone (Tab, arrows, Space, Enter; no clicks): a resident searching with
suggestions and filters, a provider posting a programme, and a provider importing a file. Wherever focus lands it
can be seen, and Tab always gets out of the page's content to its footer (focus is never trapped)."""

import pytest
from django.urls import reverse

from courses.models import Programme, ProgrammeImport
from publishing.models import Status
from tests.accounts.factories import member
from tests.browser.helpers import sign_in, tab_to
from tests.courses.factories import ProgrammeFactory, ProviderFactory, VenueFactory, csv_bytes, row, tier
from tests.publishing.helpers import established
from tests.search.helpers import sync_now

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# GOV.UK Frontend draws focus on the element (outline, box-shadow or a yellow background) or, for its
# checkboxes and radios, whose input is invisible, on the label's ::before box.
FOCUS_STYLE = """() => {
    const element = document.activeElement;
    const drawn = style => (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0 && style.outlineColor !== 'rgba(0, 0, 0, 0)')
        || style.boxShadow !== 'none' || style.backgroundColor === 'rgb(255, 221, 0)';
    if (element.matches('.govuk-checkboxes__input, .govuk-radios__input')) {
        return drawn(getComputedStyle(element.labels[0], '::before')) || drawn(getComputedStyle(element.labels[0], '::after'));
    }
    return drawn(getComputedStyle(element));
}"""


def focus_is_visible(page) -> bool:
    return page.evaluate(FOCUS_STYLE)


def tab_to_visibly(page, selector: str) -> None:
    tab_to(page, selector)
    assert focus_is_visible(page), f"{selector} has focus on {page.url} but nothing shows it"


def press_enter_and_wait(page) -> None:
    with page.expect_navigation():
        page.keyboard.press("Enter")


def tab_reaches_the_footer(page) -> None:
    """Focus is never trapped: Tab from wherever it is now carries on to the footer's links."""
    tab_to(page, ".govuk-footer a", limit=250)
    assert focus_is_visible(page)


@pytest.fixture
def courses(search_indices, clear_limits):
    provider = ProviderFactory()
    for title, cost in [("Data analysis bootcamp", "paid"), ("Data basics for beginners", "free"), ("Data skills for work", "free")]:
        ProgrammeFactory(provider=provider, title=title, status=Status.PUBLISHED, cost=cost, tier=tier("general"))
    sync_now()


def test_searching_with_suggestions_and_filters_by_keyboard(page, live_server, courses):
    page.goto(f"{live_server.url}/search/")
    tab_to_visibly(page, "#search-q")
    page.keyboard.type("data bas")
    page.wait_for_selector("[role=option]")
    page.keyboard.press("ArrowDown")
    press_enter_and_wait(page)
    assert "/search/?" in page.url  # Enter on a suggestion searches for it

    page.goto(f"{live_server.url}/search/?q=data")
    assert page.locator(".app-result, main li h2, main li h3").count() or "Data analysis bootcamp" in page.locator("main").inner_text()
    tab_to_visibly(page, ".app-filters summary")
    page.keyboard.press("Enter")  # opens "Filter results"
    tab_to_visibly(page, "#search-free")
    page.keyboard.press("Space")
    tab_to_visibly(page, ".app-filters button[type=submit]")
    press_enter_and_wait(page)

    results = page.locator("main").inner_text()
    assert "free=on" in page.url
    assert "Data basics for beginners" in results and "Data skills for work" in results
    assert "Data analysis bootcamp" not in results
    tab_reaches_the_footer(page)


def type_into(page, selector: str, text: str) -> None:
    tab_to_visibly(page, selector)
    page.keyboard.type(text)


def tick(page, selector: str) -> None:
    tab_to_visibly(page, selector)
    page.keyboard.press("Space")


def choose_radio(page, name: str, value: str) -> None:
    """Tab into the group, then the arrow keys move the choice, as they do in any group of radios."""
    tab_to_visibly(page, f"input[name={name}]")
    page.keyboard.press("Space")
    for _ in range(20):
        if page.evaluate("name => document.querySelector(`input[name=${name}]:checked`)?.value", name) == value:
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"the arrow keys never chose {value} in {name}")


def choose_option(page, selector: str, value: str) -> None:
    tab_to_visibly(page, selector)
    for _ in range(20):
        if page.eval_on_selector(selector, "select => select.value") == value:
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"the arrow keys never chose {value} in {selector}")


def test_posting_a_programme_in_the_provider_portal_by_keyboard(page, live_server):
    provider = ProviderFactory(organisation__name="Aire Valley College")
    established(ProgrammeFactory(provider=provider, title="Spreadsheets for work"))
    VenueFactory(provider=provider, name="Aire Valley College, Leeds campus")
    sign_in(page, live_server.url, member(provider))
    slug = provider.organisation.slug

    page.goto(live_server.url + reverse("provider_portal:dashboard", kwargs={"organisation": slug}))
    tab_to_visibly(page, f"a[href='{reverse('provider_portal:programme_new', kwargs={'organisation': slug})}']")
    press_enter_and_wait(page)

    type_into(page, "#id_reference", "CYBER-1")
    choose_radio(page, "kind", "course")
    type_into(page, "#id_title", "Cyber security for small businesses")
    type_into(page, "#id_summary", "Protect your business from the most common online attacks.")
    type_into(page, "#id_description", "Learn to spot scams, set up backups and keep devices up to date.")
    choose_radio(page, "tier", str(tier("general").pk))
    tick(page, "input[name=skill_areas]")
    choose_option(page, "#id_level", "2")
    choose_radio(page, "delivery_mode", "online")
    choose_radio(page, "cost", "free")
    type_into(page, "#id_duration", "4 weeks")
    tick(page, "#id_starts_any_time")
    type_into(page, "#id_how_to_apply", "Book online.")
    type_into(page, "#id_enquiry_url", "https://airevalley.example.org/cyber")
    tab_to_visibly(page, "main form button[type=submit]")
    press_enter_and_wait(page)

    assert page.locator(".govuk-error-summary").count() == 0, page.locator(".govuk-error-summary").inner_text()
    assert Programme.objects.filter(provider=provider, title="Cyber security for small businesses").exists()
    page.goto(live_server.url + reverse("provider_portal:dashboard", kwargs={"organisation": slug}))
    assert "Cyber security for small businesses" in page.locator("main").inner_text()
    tab_reaches_the_footer(page)


def test_importing_a_file_in_the_provider_portal_by_keyboard(page, live_server, tmp_path):
    provider = ProviderFactory(organisation__name="Aire Valley College")
    sign_in(page, live_server.url, member(provider))
    feed = tmp_path / "feed.csv"
    feed.write_bytes(csv_bytes([row(), row(reference="R2", cost="cheap")]))

    page.goto(live_server.url + reverse("provider_portal:imports", kwargs={"organisation": provider.organisation.slug}))
    tab_to_visibly(page, "input[type=file]")
    page.locator("input[type=file]:focus").set_input_files(str(feed))  # the file chooser is the system's, not the page's
    tick(page, "input[name=mode][value=valid_rows]")
    tick(page, "input[name=open_licence]")
    tab_to_visibly(page, "main form button[type=submit]")
    press_enter_and_wait(page)
    page.wait_for_selector("text=Imported, with problems")

    result = page.locator("main").inner_text()
    assert "cost" in result
    assert ProgrammeImport.objects.get().state == ProgrammeImport.State.FINISHED
    tab_reaches_the_footer(page)
