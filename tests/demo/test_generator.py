"""`generate_opportunities`: many plausible, open opportunities, the same every time for a seed."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction

from careers.models import ApprenticeshipVacancy, SponsoredOpportunity
from courses.models import Programme
from demo import synthetic
from demo.employers import APPRENTICE_MINIMUM_HOURLY

pytestmark = pytest.mark.django_db


def generate(*, seed: int, count: int) -> str:
    call_command("generate_opportunities", "--count", str(count), "--seed", str(seed), stdout=io.StringIO())
    return synthetic.digest(seed=seed)


def generate_and_undo(*, seed: int, count: int) -> tuple[str, list[str]]:
    """Generate into the database as it is now, then roll back, so the next run starts from the same place."""
    with transaction.atomic():
        fingerprint = generate(seed=seed, count=count)
        titles = list(
            Programme.objects.filter(slug__startswith=f"gen-{seed}-").order_by("slug").values_list("title", flat=True)
        )
        transaction.set_rollback(True)
    return fingerprint, titles


def test_the_same_seed_and_count_give_the_same_rows():
    first = generate_and_undo(seed=7, count=500)
    second = generate_and_undo(seed=7, count=500)

    assert first == second


def test_different_seeds_give_different_rows():
    _, seven = generate_and_undo(seed=7, count=500)
    _, eight = generate_and_undo(seed=8, count=500)

    assert seven != eight


def test_it_makes_exactly_the_count_asked_for_in_the_expected_mix_all_open():
    generate(seed=3, count=500)

    programmes = Programme.objects.filter(slug__startswith="gen-3-")
    vacancies = ApprenticeshipVacancy.objects.filter(slug__startswith="gen-3-")
    opportunities = SponsoredOpportunity.objects.filter(slug__startswith="gen-3-")
    assert (programmes.count(), vacancies.count(), opportunities.count()) == (350, 75, 75)
    assert programmes.open().count() == 350
    assert vacancies.open().count() == 75
    assert opportunities.open().count() == 75
    for programme in programmes.prefetch_related("venues"):
        assert programme.publication_problems() == [], programme.slug
        assert programme.provider.is_verified and programme.is_demo
    for vacancy in vacancies:
        assert vacancy.weekly_wage >= APPRENTICE_MINIMUM_HOURLY * vacancy.hours_per_week
        assert vacancy.start_date > vacancy.closing_date
        assert vacancy.local_authority_id


def test_items_vary_across_the_fields_search_filters_on():
    generate(seed=4, count=500)

    programmes = Programme.objects.filter(slug__startswith="gen-4-")
    assert programmes.values("tier").distinct().count() == 3
    assert set(programmes.values_list("delivery_mode", flat=True)) == set(Programme.DeliveryMode.values)
    assert set(programmes.values_list("cost", flat=True)) == set(Programme.Cost.values)
    assert programmes.values("skill_areas").distinct().count() >= 15
    assert programmes.values("venues__local_authority").exclude(venues=None).distinct().count() >= 5
    opportunities = SponsoredOpportunity.objects.filter(slug__startswith="gen-4-")
    assert set(opportunities.values_list("kind", flat=True)) == set(SponsoredOpportunity.Kind.values)
    assert opportunities.filter(is_remote=True).exists() and opportunities.filter(is_remote=False).exists()


def test_a_seed_already_used_is_refused():
    generate(seed=5, count=20)

    with pytest.raises(CommandError, match="seed 5 already exist"):
        generate(seed=5, count=20)
