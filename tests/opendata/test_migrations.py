"""Demo content loaded before posters were asked to agree to the open licence agrees when the field arrives;
real postings do not, until their posters agree. Real migrations, so real commits (serialized_rollback restores
the reference data)."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from careers.models import SponsoredOpportunity
from courses.models import Programme
from publishing.models import Status
from tests.careers.factories import SponsoredOpportunityFactory
from tests.courses.factories import ProgrammeFactory

BEFORE = [("courses", "0013_drop_unused_words_index"), ("careers", "0014_drop_unused_words_indexes")]


def migrate(targets=None):
    executor = MigrationExecutor(connection)
    executor.migrate(targets or executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_demo_postings_agree_and_real_ones_wait_for_their_posters():
    demo = ProgrammeFactory(status=Status.PUBLISHED, is_demo=True)
    real = ProgrammeFactory(status=Status.PUBLISHED)
    demo_opportunity = SponsoredOpportunityFactory(status=Status.PUBLISHED, is_demo=True)

    migrate(BEFORE)
    migrate()

    assert Programme.objects.get(pk=demo.pk).licence_agreed_at is not None
    assert Programme.objects.get(pk=real.pk).licence_agreed_at is None
    assert SponsoredOpportunity.objects.get(pk=demo_opportunity.pk).licence_agreed_at is not None
