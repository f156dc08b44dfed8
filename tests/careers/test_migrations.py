"""Migrations that move data keep it: a vacancy's training provider survives being named by organisation, and a
career profile's example programmes survive their move from careers to courses.
Real migrations, backwards and forwards, so real commits (serialized_rollback restores the reference data)."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from careers.models import ApprenticeshipVacancy
from tests.careers.factories import ApprenticeshipVacancyFactory
from tests.courses.factories import ProviderFactory

BEFORE = ("careers", "0008_places_at_postcode_points")
AFTER = ("careers", "0009_training_provider_is_an_organisation")


def migrate(*targets):
    """Migrate to these (app, migration) nodes, or to the latest of every app when none are given."""
    executor = MigrationExecutor(connection)
    targets = list(targets) or executor.loader.graph.leaf_nodes()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_vacancy_keeps_its_training_provider_across_the_move_to_organisations():
    provider = ProviderFactory()
    vacancy = ApprenticeshipVacancyFactory(training_provider=provider.organisation)
    untrained = ApprenticeshipVacancyFactory(training_provider=None)

    old = migrate(BEFORE)
    OldVacancy = old.get_model("careers", "ApprenticeshipVacancy")
    assert OldVacancy.objects.get(pk=vacancy.pk).training_provider_id == provider.pk  # the provider profile
    assert OldVacancy.objects.get(pk=untrained.pk).training_provider_id is None

    migrate()
    assert ApprenticeshipVacancy.objects.get(pk=vacancy.pk).training_provider_id == provider.organisation_id
    assert ApprenticeshipVacancy.objects.get(pk=untrained.pk).training_provider_id is None


COURSES_BEFORE = ("courses", "0006_venues_at_postcode_points")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_career_profile_keeps_its_example_programmes_in_order_when_courses_take_them_over():
    from courses.models import CareerProfileProgramme
    from tests.careers.page_factories import CareerProfilePageFactory
    from tests.courses.factories import ProgrammeFactory

    first, second = ProgrammeFactory(title="First"), ProgrammeFactory(title="Second")
    profile = CareerProfilePageFactory(programme_links=[CareerProfileProgramme(programme=first), CareerProfileProgramme(programme=second)])

    old = migrate(COURSES_BEFORE, AFTER)
    OldLink = old.get_model("careers", "CareerProfileProgramme")  # careers' model, on careers' table
    assert list(OldLink.objects.filter(page_id=profile.pk).order_by("sort_order").values_list("programme_id", flat=True)) == [first.pk, second.pk]

    migrate()
    assert [link.programme for link in CareerProfileProgramme.objects.filter(page_id=profile.pk)] == [first, second]


BEFORE_CODES = ("careers", "0012_stored_search_words")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_existing_campaigns_get_codes_from_their_slugs():
    from careers.models import SponsorCampaign

    old = migrate(BEFORE_CODES)
    OldCampaign = old.get_model("careers", "SponsorCampaign")
    for slug in ["digital-futures-pledge", "leeds-digital-festival-skills-pledge-2026", "leeds-digital-festival-skills-pledge-2027", "it"]:
        OldCampaign.objects.create(name=slug, slug=slug, starts_on="2026-01-01")

    migrate()

    codes = dict(SponsorCampaign.objects.values_list("slug", "code"))
    assert codes == {
        "digital-futures-pledge": "DIGITALFUTURESPLEDGE",
        "leeds-digital-festival-skills-pledge-2026": "LEEDSDIGITALFESTIVAL",
        "leeds-digital-festival-skills-pledge-2027": "LEEDSDIGITALFESTIVA2",  # the same first 20 letters: numbered
        "it": "IT0",
    }
    for campaign in SponsorCampaign.objects.all():
        campaign.full_clean()
