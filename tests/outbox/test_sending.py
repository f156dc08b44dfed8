"""Scheduled emails wait in the outbox and are sent one by one: a refused address never holds up the others,
a server that is briefly down is tried again later, and an email that may have reached the server is never
sent twice by itself."""

import datetime
import logging

import pytest
from django.core import mail
from django.utils import timezone

from outbox.models import OutgoingEmail
from outbox.services import (
    ABANDONED_AFTER,
    abandoned_mark,
    email_queue,
    email_send_again,
    emails_send,
    old_emails_delete,
)
from outbox.tasks import send_emails_task
from tests.accounts.factories import UserFactory
from tests.careers.helpers import sign_in_with_totp

from . import mail_servers

pytestmark = pytest.mark.django_db

State = OutgoingEmail.State


def queue(address: str, key: str | None = None, **kwargs) -> bool:
    return email_queue(key=key or f"test:{address.partition('@')[0]}", to=address, subject=f"Hello {address}", body="Body", **kwargs)


@pytest.fixture
def administrator_client(client):
    sign_in_with_totp(client, UserFactory(is_staff=True, is_superuser=True))
    return client


@pytest.fixture
def refusing_server(settings, monkeypatch):
    settings.EMAIL_BACKEND = "tests.outbox.mail_servers.RefusingServer"
    monkeypatch.setattr(mail_servers, "REFUSED", {})
    return mail_servers.REFUSED


def test_an_email_is_queued_once_per_key_and_sent_once():
    assert queue("ada@example.org", key="alert:1:abc")
    assert not queue("ada@example.org", key="alert:1:abc")  # a second run decided the same thing

    assert emails_send()[State.SENT] == 1
    emails_send()

    (message,) = mail.outbox
    assert message.to == ["ada@example.org"] and message.subject == "Hello ada@example.org"
    email = OutgoingEmail.objects.get()
    assert email.state == State.SENT and email.sent_at is not None
    # The same Message-ID on every try lets mail clients drop a repeat and an operator find it in a log.
    assert message.extra_headers["Message-ID"] == email.message_id


def test_a_refused_address_does_not_hold_up_the_others_and_is_not_logged(refusing_server, caplog):
    refusing_server["gone@example.org"] = 550
    for address in ("ada@example.org", "gone@example.org", "grace@example.org"):
        queue(address)

    with caplog.at_level(logging.INFO):
        counts = emails_send()

    assert sorted(address for message in mail.outbox for address in message.to) == ["ada@example.org", "grace@example.org"]
    assert counts[State.SENT] == 2 and counts[State.FAILED] == 1
    failed = OutgoingEmail.objects.get(state=State.FAILED)
    assert failed.to == "gone@example.org"
    assert failed.last_error.startswith("SMTPRecipientsRefused: 550") and "gone@example.org" not in failed.last_error
    assert "example.org" not in caplog.text  # no address reaches the logs


def test_a_temporary_refusal_is_tried_again_later_with_longer_waits(refusing_server):
    refusing_server["busy@example.org"] = 451
    queue("busy@example.org")
    now = timezone.now()

    emails_send(now=now)
    email = OutgoingEmail.objects.get()
    assert (email.state, email.attempts) == (State.PENDING, 1)
    first_wait = email.next_attempt_at - now
    emails_send(now=now)  # not due yet: left alone
    assert OutgoingEmail.objects.get().attempts == 1

    emails_send(now=email.next_attempt_at)
    email.refresh_from_db()
    assert email.attempts == 2 and email.next_attempt_at - timezone.now() > first_wait

    del refusing_server["busy@example.org"]  # the server recovers
    emails_send(now=email.next_attempt_at)
    assert OutgoingEmail.objects.get().state == State.SENT
    assert len(mail.outbox) == 1


def test_an_unreachable_mail_server_leaves_every_email_waiting(settings):
    settings.EMAIL_BACKEND = "tests.outbox.mail_servers.UnreachableServer"
    queue("ada@example.org")

    send_emails_task.delay()

    email = OutgoingEmail.objects.get()
    assert (email.state, email.attempts) == (State.PENDING, 0)
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    emails_send()
    assert len(mail.outbox) == 1


def test_a_connection_lost_after_the_message_went_out_is_not_sent_again_by_itself(settings, administrator_client):
    settings.EMAIL_BACKEND = "tests.outbox.mail_servers.DroppingServer"
    queue("ada@example.org")
    queue("grace@example.org")

    emails_send()
    emails_send(now=timezone.now() + datetime.timedelta(days=1))

    assert len(mail.outbox) == 2  # the server got each once
    assert set(OutgoingEmail.objects.values_list("state", flat=True)) == {State.UNCERTAIN}
    page = administrator_client.get("/admin/emails/not-sent/").content.decode()
    assert "Not known whether it was sent" in page and "Hello ada@example.org" in page

    # An administrator checked the provider's log, found nothing, and sends it again.
    email = OutgoingEmail.objects.get(to="ada@example.org")
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    administrator_client.post(f"/admin/emails/{email.pk}/send-again/")
    assert mail.outbox[-1].to == ["ada@example.org"] and len(mail.outbox) == 3
    assert OutgoingEmail.objects.get(pk=email.pk).state == State.SENT


def test_only_administrators_see_the_emails_not_sent(client, moderator_client):
    assert moderator_client.get("/admin/emails/not-sent/").status_code in {302, 403}  # Wagtail's "no permission"
    assert "Every email has gone" not in moderator_client.get("/admin/emails/not-sent/", follow=True).content.decode()
    assert client.get("/admin/emails/not-sent/").status_code == 302


def test_a_row_left_sending_by_a_dead_worker_becomes_uncertain_and_is_not_resent():
    queue("ada@example.org")
    started = timezone.now() - ABANDONED_AFTER - datetime.timedelta(minutes=1)
    OutgoingEmail.objects.update(state=State.SENDING, sending_since=started, attempts=1)

    emails_send()
    assert abandoned_mark() == 1

    assert mail.outbox == []
    assert OutgoingEmail.objects.get().state == State.UNCERTAIN
    with pytest.raises(ValueError):
        email_send_again(email=OutgoingEmail.objects.create(key="sent", to="x@example.org", state=State.SENT))


def test_a_deleted_account_takes_its_waiting_emails_with_it():
    person = UserFactory()
    queue(person.email, user=person)
    person.delete()
    emails_send()
    assert mail.outbox == [] and not OutgoingEmail.objects.exists()


def test_old_emails_are_deleted_after_a_month_once_sent():
    queue("ada@example.org")
    queue("grace@example.org")
    emails_send()
    OutgoingEmail.objects.filter(to="ada@example.org").update(sent_at=timezone.now() - datetime.timedelta(days=31))

    assert old_emails_delete() == 1
    assert list(OutgoingEmail.objects.values_list("to", flat=True)) == ["grace@example.org"]
