"""Migrations that move data keep it: a vacancy's training provider survives being named by organisation.
Real migrations, backwards and forwards, so real commits (serialized_rollback restores the reference data)."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from careers.models import ApprenticeshipVacancy
from tests.careers.factories import ApprenticeshipVacancyFactory
from tests.courses.factories import ProviderFactory

BEFORE = ("careers", "0008_places_at_postcode_points")
AFTER = ("careers", "0009_training_provider_is_an_organisation")


def migrate(target):
    executor = MigrationExecutor(connection)
    executor.migrate([target])
    return executor.loader.project_state([target]).apps


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_vacancy_keeps_its_training_provider_across_the_move_to_organisations():
    provider = ProviderFactory()
    vacancy = ApprenticeshipVacancyFactory(training_provider=provider.organisation)
    untrained = ApprenticeshipVacancyFactory(training_provider=None)

    old = migrate(BEFORE)
    OldVacancy = old.get_model("careers", "ApprenticeshipVacancy")
    assert OldVacancy.objects.get(pk=vacancy.pk).training_provider_id == provider.pk  # the provider profile
    assert OldVacancy.objects.get(pk=untrained.pk).training_provider_id is None

    migrate(AFTER)
    assert ApprenticeshipVacancy.objects.get(pk=vacancy.pk).training_provider_id == provider.organisation_id
    assert ApprenticeshipVacancy.objects.get(pk=untrained.pk).training_provider_id is None
