"""When a closing date passes the item closes and leaves search; the employer is emailed a few days before."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from outbox.services import emails_send
from publishing import services
from publishing.emails import send_closing_reminders
from publishing.models import EmailOptOut, Status, StatusChange
from publishing.tasks import CLOSING_REMINDER_DAYS, close_expired_task, closing_reminders_task
from search.params import parse
from search.service import search_opportunities
from tests.careers.factories import ApprenticeshipVacancyFactory, SponsoredOpportunityFactory, in_days
from tests.publishing.helpers import established, member_of
from tests.search.helpers import sync_now

pytestmark = pytest.mark.django_db


def found(q: str) -> set[str]:
    params, _ = parse({"q": q})
    return {hit.title for hit in search_opportunities(params, with_facets=False).hits}


@pytest.mark.usefixtures("search_indices")
def test_an_item_closes_the_day_after_its_closing_date_and_leaves_search(django_capture_on_commit_callbacks):
    vacancy = ApprenticeshipVacancyFactory(title="Cloud engineer apprentice", status=Status.PUBLISHED, closing_date=timezone.localdate(), start_date=in_days(30))
    still_open = SponsoredOpportunityFactory(title="Cloud bootcamp place", status=Status.PUBLISHED, closing_date=in_days(1))
    sync_now()
    assert found("cloud") == {"Cloud engineer apprentice", "Cloud bootcamp place"}

    closed = services.items_close_expired(today=in_days(1))
    sync_now()

    assert closed == 1
    vacancy.refresh_from_db()
    assert vacancy.status == Status.CLOSED
    change = StatusChange.objects.get(object_id=vacancy.pk, to_status=Status.CLOSED)
    assert (change.by, change.reason) == (None, "The closing date passed.")
    assert found("cloud") == {"Cloud bootcamp place"}
    still_open.refresh_from_db()
    assert still_open.status == Status.PUBLISHED


def test_the_beat_task_closes_what_has_expired():
    expired = SponsoredOpportunityFactory(status=Status.PUBLISHED, closing_date=in_days(-1))
    draft = SponsoredOpportunityFactory(closing_date=in_days(-1))

    close_expired_task.delay()

    expired.refresh_from_db()
    draft.refresh_from_db()
    assert (expired.status, draft.status) == (Status.CLOSED, Status.DRAFT)


def test_a_closed_item_still_shows_as_closed_and_can_reopen_with_a_new_date(client):
    vacancy = established(ApprenticeshipVacancyFactory(status=Status.PUBLISHED, closing_date=in_days(-1), start_date=in_days(20)))
    services.items_close_expired()

    page = client.get(vacancy.get_absolute_url()).content.decode()
    assert "This closed on" in page and "How to apply" not in page

    vacancy.refresh_from_db()
    vacancy.closing_date = in_days(14)
    vacancy.save()
    services.item_publish(item=vacancy, by=member_of(vacancy))
    vacancy.refresh_from_db()
    assert vacancy.status == Status.PUBLISHED


def test_the_employer_is_reminded_once_a_few_days_before_closing():
    soon = ApprenticeshipVacancyFactory(title="Data apprentice", status=Status.PUBLISHED, closing_date=in_days(CLOSING_REMINDER_DAYS))
    SponsoredOpportunityFactory(sponsor=soon.employer, title="Data bootcamp", status=Status.PUBLISHED, closing_date=in_days(1))
    SponsoredOpportunityFactory(sponsor=soon.employer, status=Status.PUBLISHED, closing_date=in_days(CLOSING_REMINDER_DAYS + 1))
    SponsoredOpportunityFactory(sponsor=soon.employer, closing_date=in_days(1))  # a draft
    person = member_of(soon)

    closing_reminders_task.delay()
    closing_reminders_task.delay()

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [person.email]
    assert message.subject == "Digital Skills: 2 of your postings close soon"
    assert message.body.index("Data bootcamp") < message.body.index("Data apprentice")
    assert f"/portal/employer/{soon.employer.slug}/apprenticeships/{soon.pk}/" in message.body
    assert "/portal/employer/email/unsubscribe/" in message.body


def test_a_new_closing_date_gets_a_new_reminder():
    vacancy = ApprenticeshipVacancyFactory(status=Status.PUBLISHED, closing_date=in_days(2))
    member_of(vacancy)
    send_closing_reminders(within_days=3)
    emails_send()  # the outbox's sender, which beat runs every minute
    vacancy.closing_date = in_days(10)
    vacancy.save()

    send_closing_reminders(within_days=3, today=in_days(8))
    emails_send()

    assert len(mail.outbox) == 2


def test_members_who_unsubscribed_get_no_reminders():
    vacancy = ApprenticeshipVacancyFactory(status=Status.PUBLISHED, closing_date=in_days(2))
    EmailOptOut.objects.create(user=member_of(vacancy), topic="closing_reminders")

    send_closing_reminders(within_days=3)
    send_closing_reminders(within_days=3, today=timezone.localdate() + datetime.timedelta(days=1))
    emails_send()

    assert mail.outbox == []
