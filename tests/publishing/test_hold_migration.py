"""Items that moderators stopped before the hold existed are held once the migration runs; items their own
organisation withdrew are not."""

import importlib

import pytest
from django.apps import apps

from courses.models import Programme
from publishing import services
from publishing.models import Status
from tests.courses.factories import ProgrammeFactory
from tests.publishing.helpers import member_of

pytestmark = pytest.mark.django_db


def test_the_migration_holds_what_moderators_took_down_or_sent_back(moderator):
    taken_down = ProgrammeFactory(status=Status.PUBLISHED)
    services.item_take_down(item=taken_down, by=moderator, reason="Misleading pay")
    withdrawn_by_owner = ProgrammeFactory(status=Status.PUBLISHED)
    services.item_withdraw(item=withdrawn_by_owner, by=member_of(withdrawn_by_owner))
    sent_back = ProgrammeFactory(status=Status.PENDING_REVIEW)
    services.item_reject(item=sent_back, by=moderator, reason="Add the exam board")
    Programme.objects.update(held_by_moderator=False)  # as before the field existed

    migration = importlib.import_module("courses.migrations.0003_held_by_moderator")
    migration.hold_what_moderators_stopped(apps, None)

    held = set(Programme.objects.filter(held_by_moderator=True).values_list("pk", flat=True))
    assert held == {taken_down.pk, sent_back.pk}
