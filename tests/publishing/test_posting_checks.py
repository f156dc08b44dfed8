"""The automated checks every posting passes before it reaches residents or a moderator."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from publishing import posting_checks as checks
from publishing import services
from publishing.models import Status
from tests.careers.factories import ApprenticeshipVacancyFactory, SponsoredOpportunityFactory, in_days
from tests.courses.factories import ProgrammeFactory
from tests.publishing.helpers import established, member_of

pytestmark = pytest.mark.django_db


def test_required_information_comes_first_and_blocks_publishing():
    programme = ProgrammeFactory(runs=[], how_to_apply="", enquiry_url="")

    report = checks.run_checks(programme)

    assert [(finding.check, finding.message) for finding in report.problems] == [
        ("required", 'Add a start date in the future, or tick "people can start any time"'),
        ("required", "Say how to apply or enquire"),
    ]


@pytest.mark.parametrize(
    ("summary", "phrase"),
    [
        ("Join our YOUNG and   energetic team", '"young and energetic"'),
        ("No fucking nonsense", '"fucking"'),
        ("A registration fee of £50 applies", '"registration fee"'),
        ("Native English speakers only", '"native english speakers"'),
    ],
)
def test_banned_phrases_are_found_whatever_their_case_and_spacing(summary, phrase):
    opportunity = SponsoredOpportunityFactory(summary=summary)

    report = checks.run_checks(opportunity)

    assert len(report.problems) == 1
    assert report.problems[0].field == "summary"
    assert phrase in report.problems[0].message


def test_whole_words_only_so_ordinary_words_pass():
    # "class" holds "ass", "Scunthorpe" a rude word, "bitcoin" starts like one; "analyst" and "shitake" too.
    programme = ProgrammeFactory(
        title="Evening class in Scunthorpe",
        summary="Analyst skills; shitake mushroom logistics; understanding bitcoin.",
    )

    assert checks.language(programme) == []


def test_the_explanation_says_why_a_phrase_is_not_allowed():
    vacancy = ApprenticeshipVacancyFactory(description="<p>We want a digital native.</p>")

    (finding,) = checks.language(vacancy)

    assert finding.field == "description"
    assert "Equality Act 2010" in finding.message


def test_the_phrase_file_is_grouped_with_explanations():
    groups = checks.parse_phrase_groups("# comment\n[rude] Be nice.\nbad word\n\n[empty] Nothing here.\n")

    assert [(group.name, group.explanation) for group in groups] == [("rude", "Be nice.")]
    assert groups[0].pattern.search("a BAD  word here")
    with pytest.raises(ValueError):
        checks.parse_phrase_groups("orphan phrase\n")


@pytest.mark.parametrize(
    ("start", "wage", "hours", "ok"),
    [
        (in_days(30), "240.00", "30", True),  # £8.00 an hour, the rate from 1 April 2026
        (in_days(30), "239.99", "30", False),
        (in_days(30), "300.00", "37.5", True),
        (in_days(30), "299.99", "37.5", False),
    ],
)
def test_an_apprentice_wage_below_the_legal_minimum_is_refused(start, wage, hours, ok):
    vacancy = ApprenticeshipVacancyFactory(
        weekly_wage=Decimal(wage), hours_per_week=Decimal(hours), closing_date=start - datetime.timedelta(days=5), start_date=start
    )

    problems = checks.apprentice_wage(vacancy)

    assert (problems == []) == ok
    if not ok:
        assert "Apprentices must be paid at least £8.00 an hour" in problems[0].message
        assert "https://www.gov.uk/national-minimum-wage-rates" in problems[0].message


def test_the_rate_in_force_on_a_day_is_used():
    assert checks.apprentice_minimum_hourly(datetime.date(2025, 3, 31)) == (datetime.date(2024, 4, 1), Decimal("6.40"))
    assert checks.apprentice_minimum_hourly(datetime.date(2025, 4, 1)) == (datetime.date(2025, 4, 1), Decimal("7.55"))
    assert checks.apprentice_minimum_hourly(datetime.date(2026, 4, 1)) == (datetime.date(2026, 4, 1), Decimal("8.00"))


def test_links_to_the_posters_own_site_and_known_sites_pass_others_are_flagged():
    programme = ProgrammeFactory(
        provider__organisation__website="https://www.airevalley.example.org",
        enquiry_url="https://apply.airevalley.example.org/course",
        description='<p>See <a href="https://www.gov.uk/advanced-learner-loans">loans</a>, '
        '<a href="mailto:help@airevalley.example.org">email us</a> or www.cheap-certs.example.com today.</p>',
    )

    (flag,) = checks.links(programme)

    assert flag.field == "description"
    assert "www.cheap-certs.example.com" in flag.message and "airevalley.example.org" in flag.message
    assert checks.run_checks(programme).problems == []


def test_an_unexpected_link_sends_a_trusted_organisations_posting_to_review():
    opportunity = established(SponsoredOpportunityFactory(apply_url="https://bit.ly/apply-now"))

    services.item_publish(item=opportunity, by=member_of(opportunity))

    opportunity.refresh_from_db()
    assert opportunity.status == Status.PENDING_REVIEW
    assert "bit.ly" in opportunity.status_reason


def test_a_failed_check_explains_itself_when_publishing():
    programme = ProgrammeFactory(summary="Guaranteed income once you finish!")

    with pytest.raises(ValidationError) as error:
        services.item_publish(item=programme, by=member_of(programme))

    assert error.value.messages == [
        'The summary uses "guaranteed income". Postings must not ask people for money or make promises that are signs of a scam.'
    ]


def test_the_completeness_score_says_what_would_raise_it():
    bare = ProgrammeFactory(description="", duration="", hours_per_week=None, enquiry_url="", how_to_apply="Call us")
    full = ProgrammeFactory(
        description="<p>" + "word " * 60 + "</p>", hours_per_week=3, enquiry_phone="0113 000 0000", other_languages="Urdu"
    )

    low, advice = checks.completeness(bare)
    high, _ = checks.completeness(full)

    assert low < high == 100
    assert advice[0] == "Describe what people will learn and do, in at least 50 words"
    assert 'Say how long it lasts, e.g. "10 weeks"' in advice
