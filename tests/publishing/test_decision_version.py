"""A moderator decides on what they read: a posting changed after the queue was opened is not approved
(or sent back) until the moderator has seen the change."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from publishing import services
from publishing.models import Status
from tests.courses.factories import ProgrammeFactory
from tests.portal.data import programme_data
from tests.publishing.helpers import decide, member_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def waiting():
    programme = ProgrammeFactory(reference="NEW-1", title="Cyber security for small businesses", starts_any_time=True)
    services.item_publish(item=programme, by=member_of(programme))
    return programme


def version_on_queue(client, item, decision="approve") -> str:
    page = client.get(reverse("publishing_posting_queue")).content.decode()
    action = reverse("publishing_posting_decision", args=[item._meta.label_lower, item.pk, decision])
    form = re.search(rf'<form method="post" action="{re.escape(action)}">(.*?)</form>', page, re.DOTALL).group(1)
    return re.search(r'name="version" value="([^"]+)"', form).group(1)


def member_edits(item, **changes):
    client = Client()  # the member's own browser
    client.force_login(member_of(item))
    url = reverse("provider_portal:programme_edit", kwargs={"organisation": item.provider.slug, "pk": item.pk})
    response = client.post(url, programme_data(starts_any_time="on", **changes))
    assert response.status_code == 302


def test_an_approval_of_a_posting_changed_since_the_moderator_read_it_is_refused(moderator_client, waiting):
    seen = version_on_queue(moderator_client, waiting)
    member_edits(waiting, description="Now with a word from our partner, Aire Valley Training.")

    refused = decide(moderator_client, waiting, "approve", version=seen).content.decode()

    waiting.refresh_from_db()
    assert waiting.status == Status.PENDING_REVIEW
    assert "has changed since you opened it" in refused
    assert "partner" in waiting.description

    fresh = version_on_queue(moderator_client, waiting)
    decide(moderator_client, waiting, "approve", version=fresh)
    waiting.refresh_from_db()
    assert waiting.status == Status.PUBLISHED


def test_sending_back_a_changed_posting_is_refused_too(moderator_client, waiting):
    seen = version_on_queue(moderator_client, waiting, "reject")
    waiting.summary = "A different summary than the moderator read."
    waiting.save()

    page = decide(moderator_client, waiting, "reject", version=seen, reason="Say which exam board").content.decode()

    waiting.refresh_from_db()
    assert (waiting.status, waiting.held_by_moderator) == (Status.PENDING_REVIEW, False)
    assert "has changed since you opened it" in page


def test_an_approval_without_a_version_is_refused(moderator_client, waiting):
    moderator_client.post(reverse("publishing_posting_decision", args=[waiting._meta.label_lower, waiting.pk, "approve"]))

    waiting.refresh_from_db()
    assert waiting.status == Status.PENDING_REVIEW


def test_a_new_start_date_is_a_change_the_moderator_must_see(moderator_client, waiting):
    from tests.careers.factories import in_days

    seen = version_on_queue(moderator_client, waiting)
    waiting.runs.create(starts_on=in_days(3))

    decide(moderator_client, waiting, "approve", version=seen)

    waiting.refresh_from_db()
    assert waiting.status == Status.PENDING_REVIEW


def test_an_unchanged_posting_is_approved(moderator_client, waiting):
    decide(moderator_client, waiting, "approve", version=version_on_queue(moderator_client, waiting))

    waiting.refresh_from_db()
    assert waiting.status == Status.PUBLISHED
