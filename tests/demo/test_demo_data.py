"""The demo data a new developer, a tester or a demonstration audience sees after `load_demo_data`.

The data is loaded twice, once for the whole module, inside a transaction that is rolled back afterwards,
so the rest of the suite never sees it.
"""

import datetime
import io

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from careers.models import (
    ApprenticeshipStandard,
    ApprenticeshipVacancy,
    CampaignPage,
    CareerProfilePage,
    Employer,
    SponsorCampaign,
    SponsoredOpportunity,
    StoryPage,
)
from courses.models import Programme, ProgrammeRun, Provider
from demo import employers as careers_demo
from demo import providers as courses_demo
from demo.employers import APPRENTICE_MINIMUM_HOURLY, demo_employers, demo_opportunities, demo_vacancies
from demo.providers import demo_programmes, demo_providers, plan_programmes
from demo.reach import DAYS
from home.models import HomePage
from pathways.models import SkillArea, Tier
from places.models import LocalAuthority
from publishing.models import PostingActivity, Status
from publishing.rich_text import clean_rich_text
from reach.reports import Period, campaign_report

pytestmark = pytest.mark.django_db

ADVANCED_LEVELS = {"3", "4", "5", "6"}
GENERAL_LEVELS = {"entry", "1", "2"}


def row_counts() -> dict[str, int]:
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()}


def edit_stamps() -> dict[tuple[str, int], datetime.datetime]:
    items = [*demo_programmes(), *demo_vacancies(), *demo_opportunities()]
    return {(item._meta.label, item.pk): item.updated_at for item in items}


@pytest.fixture(scope="module")
def loads(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        first_output = io.StringIO()
        call_command("load_demo_data", stdout=first_output)
        first = {"counts": row_counts(), "stamps": edit_stamps(), "output": first_output.getvalue()}
        second_output = io.StringIO()
        call_command("load_demo_data", stdout=second_output)
        second = {"counts": row_counts(), "stamps": edit_stamps(), "output": second_output.getvalue()}
        yield first, second
        transaction.set_rollback(True)


@pytest.fixture
def demo(loads):
    return loads[0]


def test_loading_again_changes_nothing(loads):
    first, second = loads

    assert second["counts"] == first["counts"]
    assert second["stamps"] == first["stamps"]
    assert "written: nothing" in second["output"]


def test_on_a_later_day_dates_move_on_so_everything_stays_open(demo):
    later = timezone.localdate() + datetime.timedelta(days=30)

    written = courses_demo.load(today=later) | careers_demo.load(today=later)

    assert written["programme runs"] > 0
    assert written["apprenticeship vacancies"] == demo_vacancies().count()
    assert not ProgrammeRun.objects.filter(programme__in=demo_programmes(), starts_on__lt=later).exists()
    assert not demo_vacancies().filter(closing_date__lt=later + datetime.timedelta(weeks=1)).exists()
    assert courses_demo.load(today=later) | careers_demo.load(today=later) == {}


def test_the_summary_names_the_counts(demo):
    assert "programmes: 300" in demo["output"]
    assert "sponsored opportunities: 40" in demo["output"]


def test_the_plan_is_the_same_for_the_same_day():
    today = datetime.date(2025, 6, 2)

    assert [plan.values for plan in plan_programmes(today)] == [plan.values for plan in plan_programmes(today)]


def test_there_are_verified_fictional_providers_of_every_kind_with_venues(demo):
    providers = list(demo_providers().select_related("organisation").prefetch_related("venues"))

    assert len(providers) >= 30
    assert {provider.kind for provider in providers} == set(Provider.Kind.values)
    for provider in providers:
        assert provider.is_demo and provider.is_verified
        assert "fictional demo organisation" in provider.description
        assert 1 <= len(provider.venues.all()) <= 3
        assert all(venue.local_authority_id and venue.latitude for venue in provider.venues.all())


def test_programmes_span_every_tier_skill_area_and_local_authority(demo):
    programmes = demo_programmes().select_related("tier").prefetch_related("skill_areas", "venues")

    assert len(programmes) == 300
    assert {programme.tier.code for programme in programmes} == {Tier.INCLUSION, Tier.GENERAL, Tier.ADVANCED}
    assert {area.code for programme in programmes for area in programme.skill_areas.all()} == set(
        SkillArea.objects.values_list("code", flat=True)
    )
    assert {venue.local_authority_id for programme in programmes for venue in programme.venues.all()} == set(
        LocalAuthority.objects.values_list("pk", flat=True)
    )


def test_levels_suit_each_tier(demo):
    for programme in demo_programmes().select_related("tier"):
        allowed = {"inclusion": {"entry"}, "general": GENERAL_LEVELS, "advanced": ADVANCED_LEVELS}[programme.tier.code]
        assert programme.level in allowed, programme.slug


def test_drop_in_help_is_a_real_share_of_the_inclusion_tier(demo):
    inclusion = demo_programmes().filter(tier__code=Tier.INCLUSION)
    support = inclusion.filter(kind=Programme.Kind.INCLUSION_SUPPORT)

    assert support.count() >= inclusion.count() // 4
    assert set(support.values_list("provider__kind", flat=True)) <= {"library", "community_centre", "charity"}
    assert support.filter(provider__kind="library").exists()
    assert support.filter(provider__kind="community_centre").exists()
    assert all(programme.starts_any_time for programme in support)
    assert support.filter(free_device_loan=True).exists()
    assert support.filter(free_data=True).exists()
    assert support.exclude(other_languages="").exists()
    assert support.filter(step_free_access=True).exists()


def test_every_programme_is_published_and_publishable(demo):
    programmes = demo_programmes().prefetch_related("venues")

    for programme in programmes:
        assert programme.status == Status.PUBLISHED and programme.published_at and programme.is_demo
        assert programme.publication_problems() == [], programme.slug
        has_venue = bool(programme.venues.all())
        assert has_venue == (programme.delivery_mode != Programme.DeliveryMode.ONLINE), programme.slug
    assert set(programmes.values_list("delivery_mode", flat=True)) == set(Programme.DeliveryMode.values)
    assert demo_programmes().filter(starts_any_time=False).count() > 150


def test_costs_are_mixed_and_explained(demo):
    programmes = demo_programmes()

    assert set(programmes.values_list("cost", flat=True)) == set(Programme.Cost.values)
    for programme in programmes.filter(cost=Programme.Cost.PAID):
        assert programme.cost_amount > 0
    for programme in programmes.filter(cost=Programme.Cost.FUNDED):
        assert programme.funding_eligibility.startswith("Free if")


def test_runs_are_in_the_future(demo):
    today = timezone.localdate()
    for programme in demo_programmes().filter(starts_any_time=False).prefetch_related("runs"):
        runs = programme.runs.all()
        assert runs, programme.slug
        assert all(run.starts_on >= today and run.ends_on > run.starts_on for run in runs)


def test_apprenticeships_are_on_real_standards_and_pay_at_least_the_minimum(demo):
    vacancies = demo_vacancies().select_related("standard", "tier", "training_provider__provider").prefetch_related("skill_areas")
    today = timezone.localdate()

    assert len(vacancies) >= 60
    assert {vacancy.standard_id for vacancy in vacancies} == set(
        ApprenticeshipStandard.objects.values_list("pk", flat=True)
    )
    for vacancy in vacancies:
        assert vacancy.weekly_wage >= APPRENTICE_MINIMUM_HOURLY * vacancy.hours_per_week
        assert 30 <= vacancy.hours_per_week <= 40
        assert today + datetime.timedelta(weeks=1) <= vacancy.closing_date <= today + datetime.timedelta(weeks=10)
        assert vacancy.start_date > vacancy.closing_date
        assert 1 <= vacancy.positions <= 3
        assert vacancy.local_authority_id and vacancy.district_id
        assert vacancy.training_provider.provider.is_demo
        assert vacancy.tier.code == Tier.ADVANCED or vacancy.standard.level <= 3
        assert vacancy.skill_areas.all() and all(area.code.startswith("ADV-") for area in vacancy.skill_areas.all())
        assert vacancy.is_open and vacancy.publication_problems() == []
    assert ApprenticeshipVacancy.objects.open().filter(pk__in=[v.pk for v in vacancies]).count() == len(vacancies)


def test_sponsored_opportunities_come_from_fifteen_employers(demo):
    opportunities = demo_opportunities()

    assert opportunities.count() == 40
    assert opportunities.values("sponsor").distinct().count() == 15
    assert set(opportunities.values_list("kind", flat=True)) == set(SponsoredOpportunity.Kind.values)
    assert opportunities.filter(sponsor_campaign__isnull=False).exists()
    for opportunity in opportunities:
        assert opportunity.is_open and opportunity.publication_problems() == []
        if opportunity.is_remote:
            assert opportunity.postcode == "" and opportunity.district_id is None
        else:
            assert opportunity.district_id and opportunity.local_authority_id


def test_employers_are_verified_fictional_and_varied(demo):
    employers = list(demo_employers().select_related("organisation"))

    assert len(employers) == 15
    assert len({employer.sector for employer in employers}) >= 8
    assert {employer.size for employer in employers} == set(Employer.Size.values)
    assert {employer.disability_confident for employer in employers} == set(Employer.DisabilityConfident.values)
    for employer in employers:
        assert employer.is_demo and employer.organisation.is_verified
        assert "fictional demo organisation" in employer.description


def test_there_is_no_placeholder_text_and_rich_text_is_clean(demo):
    items = [*demo_programmes(), *demo_vacancies(), *demo_opportunities()]
    organisations = [*demo_providers(), *demo_employers()]

    for item in items:
        text = f"{item.title} {item.summary} {item.description}".lower()
        assert "lorem" not in text and "ipsum" not in text, item.slug
        assert clean_rich_text(item.description) == item.description, item.slug
    for organisation in organisations:
        assert "lorem" not in f"{organisation.name} {organisation.description}".lower()


def test_campaign_pages_career_profiles_and_stories_are_live(demo):
    home = HomePage.objects.get()
    pages = sum(
        model.objects.descendant_of(home).live().count() for model in (CampaignPage, CareerProfilePage, StoryPage)
    )

    assert pages >= 12


def test_the_demo_data_has_drop_ins_but_device_loans_need_arranging():
    plans = [plan for plan in plan_programmes(timezone.localdate()) if plan.course.kind == Programme.Kind.INCLUSION_SUPPORT]

    assert any(plan.values["drop_in"] for plan in plans)
    assert not any(plan.values["drop_in"] for plan in plans if plan.course.key == "DROPIN-DEVICES")


def test_every_demo_posting_has_plausible_reach_for_the_last_30_days(demo):
    postings = demo_programmes().count() + demo_vacancies().count() + demo_opportunities().count()
    since = timezone.localdate() - datetime.timedelta(days=DAYS - 1)
    figures = PostingActivity.objects.filter(day__gte=since)

    assert figures.count() == postings * DAYS
    for row in figures.filter(views__gt=0)[:200]:
        assert row.impressions >= row.views >= max(row.apply_clicks, row.saves)


def test_the_demo_campaigns_reach_report_has_figures_for_every_sponsor(demo):
    campaign = SponsorCampaign.objects.get(slug="digital-futures-pledge")

    report = campaign_report(campaign=campaign, period=Period.last_days(30))

    sponsors = report.tables[0]
    assert len(sponsors.rows) == campaign.sponsors.count() + 1  # and all postings
    assert all(int(row[4]) > 0 and int(row[5]) > 0 for row in sponsors.rows)  # shown in search, page views
