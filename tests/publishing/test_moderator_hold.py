"""A moderator's decision holds: an item a moderator took down or sent back goes live again only when a
moderator approves it, however its organisation tries to publish it (portal, import, scheduled feed)."""

import pytest
from django.urls import reverse

from courses import imports
from courses.models import ProgrammeImport
from publishing import services
from publishing.models import Status
from tests.courses.factories import ProgrammeFactory, ProviderFactory, csv_bytes, row
from tests.publishing.helpers import established, member_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def taken_down(moderator):
    """A published programme of a trusted, verified provider, taken down by a moderator."""
    programme = established(ProgrammeFactory(reference="R1", title="Quick riches with Excel", status=Status.PUBLISHED))
    services.item_take_down(item=programme, by=moderator, reason="The pay described is misleading.")
    return programme


@pytest.fixture
def sent_back(moderator):
    """A trusted provider's programme that a moderator sent back with a reason."""
    programme = established(ProgrammeFactory(reference="R1", title="Excel basics"))
    programme.status = Status.PENDING_REVIEW
    programme.save()
    services.item_reject(item=programme, by=moderator, reason="Say which exam board the course follows.")
    return programme


def portal_publish(client, programme):
    client.force_login(member_of(programme))
    url = reverse(
        "provider_portal:programme_action", kwargs={"organisation": programme.provider.slug, "pk": programme.pk}
    )
    return client.post(url, {"action": "publish", "open_licence": "on"}, follow=True)


@pytest.mark.parametrize("decision", ["taken_down", "sent_back"])
def test_a_member_publishing_an_item_a_moderator_stopped_sends_it_back_to_review(request, decision):
    programme = request.getfixturevalue(decision)

    services.item_publish(item=programme, by=member_of(programme))

    programme.refresh_from_db()
    assert programme.status == Status.PENDING_REVIEW
    assert "A moderator stopped this posting" in programme.status_reason


def test_the_portal_publish_button_cannot_undo_a_take_down(client, taken_down):
    page = portal_publish(client, taken_down).content.decode()

    taken_down.refresh_from_db()
    assert taken_down.status == Status.PENDING_REVIEW
    assert "is waiting for a moderator" in page and "A moderator stopped this posting" in page


def test_a_re_import_with_publish_yes_cannot_undo_a_take_down(taken_down):
    job = ProgrammeImport.objects.create(
        provider=taken_down.provider,
        created_by=member_of(taken_down),
        filename="programmes.csv",
        content=csv_bytes([row(title="Excel basics, honestly", publish="yes")]),
    )

    job = imports.run_import(job)

    assert job.failed_count == 0, job.row_errors
    taken_down.refresh_from_db()
    assert (taken_down.title, taken_down.status) == ("Excel basics, honestly", Status.PENDING_REVIEW)


def test_a_scheduled_feed_cannot_undo_a_take_down(taken_down):
    job = ProgrammeImport.objects.create(
        provider=taken_down.provider, filename="feed.csv", content=csv_bytes([row(publish="yes")])
    )

    imports.run_import(job)

    taken_down.refresh_from_db()
    assert taken_down.status == Status.PENDING_REVIEW


def test_editing_a_held_item_never_makes_it_live(client, taken_down):
    from tests.portal.data import programme_data

    client.force_login(member_of(taken_down))
    url = reverse("provider_portal:programme_edit", kwargs={"organisation": taken_down.provider.slug, "pk": taken_down.pk})

    client.post(url, programme_data(reference="R1", starts_any_time="on"))

    taken_down.refresh_from_db()
    assert taken_down.status == Status.WITHDRAWN


def test_a_moderators_approval_releases_the_hold(taken_down, moderator):
    member = member_of(taken_down)
    services.item_publish(item=taken_down, by=member)
    services.item_approve(item=taken_down, by=moderator)
    services.item_withdraw(item=taken_down, by=member)

    services.item_publish(item=taken_down, by=member)  # the organisation's own withdrawal needs no moderator

    taken_down.refresh_from_db()
    assert taken_down.status == Status.PUBLISHED


def test_a_member_withdrawing_their_own_item_can_publish_it_again():
    programme = established(ProgrammeFactory(status=Status.PUBLISHED))
    member = member_of(programme)
    services.item_withdraw(item=programme, by=member)

    services.item_publish(item=programme, by=member)

    programme.refresh_from_db()
    assert programme.status == Status.PUBLISHED


def test_a_copy_of_a_taken_down_item_also_waits_for_a_moderator(taken_down):
    from courses.services import programme_duplicate

    member = member_of(taken_down)
    copy = programme_duplicate(programme=taken_down, by=member)

    services.item_publish(item=copy, by=member)

    copy.refresh_from_db()
    assert copy.status == Status.PENDING_REVIEW


def test_a_moderator_may_publish_a_held_item_directly(taken_down, moderator):
    services.item_publish(item=taken_down, by=moderator)

    taken_down.refresh_from_db()
    assert taken_down.status == Status.PUBLISHED
    services.item_withdraw(item=taken_down, by=member_of(taken_down))
    services.item_publish(item=taken_down, by=member_of(taken_down))
    taken_down.refresh_from_db()
    assert taken_down.status == Status.PUBLISHED


def test_an_unverified_provider_is_unaffected(moderator):
    programme = ProgrammeFactory(provider=ProviderFactory(verified=False))

    services.item_publish(item=programme, by=member_of(programme))

    programme.refresh_from_db()
    assert programme.status == Status.PENDING_REVIEW
    assert "A moderator stopped" not in programme.status_reason
