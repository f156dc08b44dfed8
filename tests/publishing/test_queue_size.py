"""The moderators' queue stays quick however long it grows: it comes a page at a time, checks only what is
shown, and an unverified organisation cannot fill it."""

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from courses import imports
from courses.models import ProgrammeImport
from publishing import services
from publishing.models import Status
from tests.careers.factories import ApprenticeshipVacancyFactory
from tests.courses.factories import ProgrammeFactory, ProviderFactory, csv_bytes, row
from tests.publishing.helpers import member_of

pytestmark = pytest.mark.django_db


def waiting_items(count, **kwargs):
    return [ProgrammeFactory(status=Status.PENDING_REVIEW, title=f"Waiting course {number:03d}", **kwargs) for number in range(count)]


def test_the_queue_comes_a_page_at_a_time_oldest_first(moderator_client):
    waiting_items(23)
    ApprenticeshipVacancyFactory(status=Status.PENDING_REVIEW, title="Newest vacancy")

    first = moderator_client.get(reverse("publishing_posting_queue")).content.decode()
    second = moderator_client.get(reverse("publishing_posting_queue"), {"p": 2}).content.decode()

    assert "Waiting course 000" in first and "Waiting course 019" in first
    assert "Waiting course 020" not in first and "Newest vacancy" not in first
    assert "Page 1 of 2" in first and "24 postings" in first
    assert "Waiting course 020" in second and "Newest vacancy" in second
    assert "Waiting course 000" not in second
    assert moderator_client.get(reverse("publishing_posting_queue"), {"p": "99"}).status_code == 200


def test_loading_the_queue_costs_the_same_however_many_items_wait(moderator_client):
    waiting_items(21)
    with CaptureQueriesContext(connection) as short_queue:
        moderator_client.get(reverse("publishing_posting_queue"))
    waiting_items(40)
    with CaptureQueriesContext(connection) as long_queue:
        page = moderator_client.get(reverse("publishing_posting_queue")).content.decode()

    assert "Page 1 of 4" in page
    assert len(long_queue.captured_queries) == len(short_queue.captured_queries)


@pytest.fixture
def full_unverified_provider():
    provider = ProviderFactory(verified=False)
    waiting_items(settings.REVIEW_QUEUE_LIMIT_UNVERIFIED, provider=provider)
    return provider


def test_an_unverified_organisation_cannot_send_more_than_the_limit_for_review(full_unverified_provider):
    one_more = ProgrammeFactory(provider=full_unverified_provider)

    with pytest.raises(ValidationError, match="already has 20 postings waiting"):
        services.item_publish(item=one_more, by=member_of(one_more))

    one_more.refresh_from_db()
    assert one_more.status == Status.DRAFT


def test_the_portal_explains_the_limit(client, full_unverified_provider):
    one_more = ProgrammeFactory(provider=full_unverified_provider)
    client.force_login(member_of(one_more))
    url = reverse("provider_portal:programme_action", kwargs={"organisation": one_more.provider.slug, "pk": one_more.pk})

    page = client.post(url, {"action": "publish", "open_licence": "on"}, follow=True)

    assert page.status_code == 200
    assert "already has 20 postings waiting for a moderator" in page.content.decode()
    one_more.refresh_from_db()
    assert one_more.status == Status.DRAFT


def test_an_import_reports_the_limit_on_the_row(full_unverified_provider):
    provider = full_unverified_provider
    job = ProgrammeImport.objects.create(
        provider=provider, created_by=member_of(provider.organisation), filename="more.csv",
        content=csv_bytes([row(reference="MORE-1", publish="yes")]),
    )

    job = imports.run_import(job)

    assert job.failed_count == 1
    assert "already has 20 postings waiting" in job.row_errors[0]["message"]


def test_a_verified_organisation_has_no_limit():
    provider = ProviderFactory()
    waiting_items(settings.REVIEW_QUEUE_LIMIT_UNVERIFIED, provider=provider)
    one_more = ProgrammeFactory(provider=provider)

    services.item_publish(item=one_more, by=member_of(one_more))

    one_more.refresh_from_db()
    assert one_more.status == Status.PENDING_REVIEW
