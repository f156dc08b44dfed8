"""Searching against the real OpenSearch node: words, filters, facets, location, sorts."""

import pytest

from careers.models import Employer, SponsoredOpportunity
from courses.models import Programme
from publishing.models import Status
from search.params import SearchParams
from search.service import autocomplete, search_opportunities
from tests.careers.factories import ApprenticeshipVacancyFactory, EmployerFactory, SponsorCampaignFactory, SponsoredOpportunityFactory, in_days
from tests.courses.factories import ProgrammeFactory, ProviderFactory, skill_area, tier
from tests.search.helpers import programme, search, sync_now

pytestmark = [pytest.mark.engine, pytest.mark.usefixtures("search_indices")]


def titles(results) -> set[str]:
    return {hit.title for hit in results.hits}


def test_synonyms_find_a_coding_course_when_asked_for_programming():
    programme("Coding for beginners", summary="Learn to write your first code.")
    programme("Spreadsheets at work")
    sync_now()

    assert titles(search(q="programming")) == {"Coding for beginners"}


def test_a_typo_still_finds_python():
    programme("Python for data analysis")
    sync_now()

    assert titles(search(q="pyhton")) == {"Python for data analysis"}


def test_a_misspelt_query_gets_a_did_you_mean_suggestion():
    programme("Cyber security essentials")
    sync_now()

    assert search(q="securty").suggestion == "security"


def test_matches_are_highlighted_and_escaped():
    programme("Excel <b>for</b> work", summary="Formulas, charts and pivot tables for your job.")
    sync_now()

    hit = search(q="charts").hits[0]

    assert "<mark>charts</mark>" in hit.highlights["summary"]
    assert "<b>" not in hit.highlights.get("title", "")


def test_autocomplete_suggests_titles_from_a_few_letters():
    programme("Digital marketing for small businesses")
    programme("Data analysis with Python")
    sync_now()

    assert [item["title"] for item in autocomplete("digi mark")] == ["Digital marketing for small businesses"]
    assert autocomplete("d") == []


def test_unpublished_expired_and_unverified_items_are_never_found():
    programme("Published web design course")
    ProgrammeFactory(title="Draft web design course")
    ProgrammeFactory(title="Pending web design course", status=Status.PENDING_REVIEW)
    ProgrammeFactory(title="Unverified web design course", status=Status.PUBLISHED, provider=ProviderFactory(verified=False))
    ApprenticeshipVacancyFactory(title="Expired web design apprenticeship", status=Status.PUBLISHED, closing_date=in_days(-1), start_date=in_days(9))
    sync_now()

    assert titles(search(q="web design")) == {"Published web design course"}


def test_start_and_closing_date_choices_count_each_item_once():
    """A course with several runs counts once in a range, and one that starts any time counts in every range, even
    when it has a run as well."""
    def weeks(*starts):
        return [(in_days(7 * week), in_days(7 * week + 30)) for week in starts]

    programme("Two runs, the first soon", runs=weeks(2, 20))
    programme("Any time", starts_any_time=True, runs=[])
    programme("Any time, and a run soon", starts_any_time=True, runs=weeks(2))
    programme("In ten weeks", runs=weeks(10))
    programme("Next autumn", runs=weeks(40))
    for days in (3, 7, 10, 20, 60):
        ApprenticeshipVacancyFactory(title=f"Closing in {days} days", status=Status.PUBLISHED, closing_date=in_days(days), start_date=in_days(70))
    sync_now()

    everything = search(kind="programme")
    chosen = search(kind="programme", starts_within="4")
    closing = search(kind="apprenticeship", closing_within="7")

    assert everything.facets["starts_within"] == [("4", 3), ("12", 4), ("26", 4)]
    assert chosen.total == 3 and chosen.facets["starts_within"] == everything.facets["starts_within"]
    assert closing.facets["closing_within"] == [("7", 2), ("14", 3), ("30", 4)]
    assert titles(closing) == {"Closing in 3 days", "Closing in 7 days"}


def test_a_page_asks_only_for_the_facets_it_shows():
    programme("Python for beginners", skill_areas=[skill_area("ADV-SOFTWARE")])
    programme("Python at the library", skill_areas=[skill_area("ADV-SOFTWARE"), skill_area("ADV-DATA")], starts_any_time=True, runs=[])
    sync_now()
    params, _ = SearchParams.from_query({"q": "python", "kind": "programme"})

    shown = search_opportunities(params, with_facets=("kind", "skill", "starts_within"))
    every = search_opportunities(params)

    assert set(shown.facets) == {"kind", "skill", "starts_within"}
    assert {name: every.facets[name] for name in shown.facets} == shown.facets
    assert dict(shown.facets["skill"]) == {"ADV-SOFTWARE": 2, "ADV-DATA": 1}
    assert len(every.facets) == 16


def test_each_filter_narrows_the_results():
    leeds_college = ProviderFactory(organisation__slug="leeds-college")
    bank = EmployerFactory(organisation__slug="aire-bank", disability_confident=Employer.DisabilityConfident.LEADER)
    campaign = SponsorCampaignFactory(slug="festival-pledge")
    programme("Email basics", tier=tier("inclusion"), level=Programme.Level.ENTRY, postcode="BD1 1AA", provider=leeds_college,
              skill_areas=[skill_area("EDS-C")], cost=Programme.Cost.FREE)
    programme("Paid web development", tier=tier("advanced"), level=Programme.Level.L4, cost=Programme.Cost.PAID, cost_amount=900,
              skill_areas=[skill_area("ADV-SOFTWARE")], runs=[(in_days(200), in_days(300))])
    ApprenticeshipVacancyFactory(title="Data apprenticeship", status=Status.PUBLISHED, employer=bank, closing_date=in_days(5), start_date=in_days(40))
    SponsoredOpportunityFactory(title="Sponsored returner role", status=Status.PUBLISHED, kind=SponsoredOpportunity.Kind.RETURNER,
                                sponsor_campaign=campaign, closing_date=in_days(60), sponsor__disability_confident="none")
    sync_now()

    assert titles(search(kind="apprenticeship")) == {"Data apprenticeship"}
    assert titles(search(tier="inclusion")) == {"Email basics"}
    assert titles(search(skill="ADV-SOFTWARE")) == {"Paid web development", "Data apprenticeship"}
    assert titles(search(level="4")) == {"Paid web development", "Data apprenticeship"}  # ST0116 is level 4
    assert titles(search(mode="in_person", kind="programme")) == {"Email basics"}
    assert "Paid web development" not in titles(search(free="on"))
    assert titles(search(authority="E08000032")) == {"Email basics", "Sponsored returner role"}
    assert titles(search(provider="leeds-college")) == {"Email basics"}
    assert titles(search(employer="aire-bank")) == {"Data apprenticeship"}
    assert "Paid web development" not in titles(search(starts_within="12", kind="programme"))
    assert titles(search(closing_within="7")) == {"Data apprenticeship"}
    assert titles(search(sponsored="on")) == {"Sponsored returner role"}
    assert titles(search(campaign="festival-pledge")) == {"Sponsored returner role"}
    assert titles(search(disability_confident="on")) == {"Data apprenticeship"}


def test_facet_counts_leave_out_their_own_filter_but_apply_the_others():
    for number in range(3):
        programme(f"Inclusion course {number}", tier=tier("inclusion"))
    programme("General course", tier=tier("general"))
    programme("Paid general course", tier=tier("general"), cost=Programme.Cost.PAID, cost_amount=50)
    sync_now()

    results = search(tier="inclusion", free="on")

    assert results.total == 3
    tiers = dict(results.facets["tier"])
    assert tiers == {"inclusion": 3, "general": 1}  # the paid course is out (free applies); tier itself does not
    assert dict(results.facets["free"]) == {"true": 3, "false": 0} or dict(results.facets["free"])["true"] == 3


@pytest.mark.parametrize("words", ["", "course"])
def test_facet_counts_are_the_same_with_words_or_without(words):
    """Without words each chosen facet is counted by a request of its own, with the other choices in its query; with
    words, under filters in one request (search.queries.facet_searches). A resident sees the same counts either way."""
    for number in range(3):
        programme(f"Inclusion course {number}", tier=tier("inclusion"), runs=[(in_days(3), in_days(30))])
    programme("Paid inclusion course", tier=tier("inclusion"), cost=Programme.Cost.PAID, cost_amount=50, runs=[(in_days(60), in_days(90))])
    programme("General course", tier=tier("general"), runs=[(in_days(90), in_days(120))])
    sync_now()

    results = search(q=words, tier="inclusion", free="on")

    assert titles(results) == {"Inclusion course 0", "Inclusion course 1", "Inclusion course 2"}
    assert dict(results.facets["tier"]) == {"inclusion": 3, "general": 1}  # free applies, tier itself does not
    assert dict(results.facets["free"]) == {"true": 3, "false": 1}  # tier applies, free itself does not
    assert dict(results.facets["kind"]) == {"programme": 3}  # not chosen: every choice applies
    assert dict(results.facets["starts_within"]) == {"4": 3, "12": 3, "26": 3}


def test_location_radius_keeps_only_nearby_items_and_online_ones_labelled():
    programme("Leeds drop-in", postcode="LS1 1AA")
    programme("Harrogate class", postcode="HG1 1AA")
    programme("Online course")  # online by default in the factory
    sync_now()

    near = search(near="LS1 4AP", radius="5")

    assert titles(near) == {"Leeds drop-in", "Online course"}
    assert all(hit.distance <= 5 for hit in near.hits if not hit.online)
    assert next(hit for hit in near.hits if hit.title == "Online course").online
    assert titles(search(near="LS1", radius="5", in_person="on")) == {"Leeds drop-in"}


@pytest.mark.parametrize("outcode", ["LS1", "BD1", "WF1"])
def test_every_result_within_the_radius_really_is_within_it(outcode):
    for postcode in ["LS1 1AA", "LS6 1AA", "LS17 1AA", "BD1 1AA", "BD20 1AA", "WF1 1AA", "HX1 1AA", "HD1 1AA", "YO1 1AA"]:
        programme(f"Course in {postcode}", postcode=postcode)
    sync_now()

    results = search(near=outcode, radius="5", in_person="on", page_size="50")

    assert results.total >= 1
    assert all(hit.distance is not None and hit.distance <= 5 for hit in results.hits)
    far = search(near=outcode, radius="100", in_person="on", page_size="50")
    assert {hit.title for hit in far.hits if hit.distance <= 5} == titles(results)


def test_sorts():
    programme("Starts late", runs=[(in_days(90), in_days(120))], postcode="YO1 1AA")
    programme("Starts soon", runs=[(in_days(3), in_days(30))], postcode="LS1 1AA")
    ApprenticeshipVacancyFactory(title="Well paid", status=Status.PUBLISHED, weekly_wage=500, closing_date=in_days(40), start_date=in_days(50))
    ApprenticeshipVacancyFactory(title="Closes first", status=Status.PUBLISHED, weekly_wage=300, closing_date=in_days(2), start_date=in_days(50))
    sync_now()

    assert [hit.title for hit in search(kind="programme", sort="start").hits] == ["Starts soon", "Starts late"]
    assert [hit.title for hit in search(kind="programme", near="LS1", radius="50", sort="distance").hits] == ["Starts soon", "Starts late"]
    assert [hit.title for hit in search(kind="apprenticeship", sort="closing").hits] == ["Closes first", "Well paid"]
    assert [hit.title for hit in search(kind="apprenticeship", sort="wage").hits] == ["Well paid", "Closes first"]
    assert search(sort="newest").hits[0].title == "Closes first"


def test_a_tier_preference_ranks_that_tier_first_and_sponsored_items_are_labelled():
    programme("General skills course", tier=tier("general"))
    programme("Advanced skills course", tier=tier("advanced"))
    SponsoredOpportunityFactory(title="Sponsored skills placement", status=Status.PUBLISHED, tier=tier("advanced"))
    sync_now()

    results = search(q="skills", prefer_tier="general")

    assert results.hits[0].title == "General skills course"
    assert next(hit for hit in results.hits if hit.title == "Sponsored skills placement").sponsored


def test_zero_results_offer_ways_to_widen():
    programme("Cloud engineering bootcamp", tier=tier("advanced"))
    programme("York drop-in", tier=tier("inclusion"), postcode="YO1 1AA")
    sync_now()

    wrong_level = search(q="cloud", tier="inclusion")
    too_close = search(tier="inclusion", near="LS1", radius="3", in_person="on")

    assert wrong_level.total == 0
    assert ("Include every level", 1) in [(w.label, w.total) for w in wrong_level.widenings]
    assert too_close.total == 0
    assert ("Search within 25 miles", 1) in [(w.label, w.total) for w in too_close.widenings]
