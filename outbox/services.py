"""Writing emails into the outbox, and sending them one by one.

A feature queues an email with `email_queue` in the same transaction as its decision to send it (the alert's
items recorded as sent, the reminder's closing date noted), so the two cannot disagree: either both are
saved or neither. The sender then delivers what is waiting:

1. claim one due row (`select_for_update(skip_locked)`, so two workers never take the same one) and commit
   it as "sending";
2. hold that row's lock while the mail server answers, then record "sent", or, when the server refused the
   message, "pending" again later (back-off) or "failed";
3. anything else (the connection dropped mid-message, the task was stopped) leaves it "uncertain": the
   server may have accepted it, so it is not sent again unless a person checks and asks.

A row still "sending" whose lock nobody holds belongs to a worker that died mid-send: `abandoned_mark`
turns it "uncertain" too. Logs name rows by id and key, never by address.
"""

import datetime
import hashlib
import logging
import re
import smtplib
import time

from django.core.mail import EmailMessage, get_connection
from django.db import IntegrityError, transaction
from django.utils import timezone
from kombu.exceptions import OperationalError

from .models import OutgoingEmail

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 10  # with the back-off below, about eight and a half hours of trying
FIRST_RETRY = datetime.timedelta(minutes=1)
LONGEST_WAIT = datetime.timedelta(hours=6)
# Longer than a send can take (EMAIL_TIMEOUT per step), so only a dead worker's row is this old.
ABANDONED_AFTER = datetime.timedelta(minutes=10)
RUN_BUDGET = 180  # seconds per sender run, well inside the task's soft time limit
KEEP_SENT = datetime.timedelta(days=30)
KEEP_UNSENT = datetime.timedelta(days=90)

State = OutgoingEmail.State
_ADDRESS = re.compile(r"\S+@\S+")


def email_key(kind: str, owner, about) -> str:
    """A key naming an email by what it tells: "alert:12:<digest of the items it lists>". Each item is told
    once (the callers record that), so a second run can only build the same email again, and finds its key taken."""
    digest = hashlib.sha256("|".join(sorted(str(part) for part in about)).encode()).hexdigest()[:16]
    return f"{kind}:{owner}:{digest}"


def email_queue(*, key: str, to: str, subject: str, body: str, headers: dict | None = None, user=None) -> bool:
    """Queue one email, unless one with this key was queued before. True when it was queued.

    Call it inside the transaction that records the decision to send; when it returns False, that decision
    was already taken (and its email queued) by another run."""
    try:
        with transaction.atomic():
            OutgoingEmail.objects.create(key=key, user=user, to=to, subject=subject, body=body, headers=headers or {})
    except IntegrityError:
        return False
    return True


def _backoff(attempts: int) -> datetime.timedelta:
    return min(FIRST_RETRY * 2 ** (attempts - 1), LONGEST_WAIT)


def _scrubbed(error: BaseException) -> str:
    """The server's answer for the staff list, with any address taken out."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        answers = list(error.recipients.values())
        code, text = answers[0] if answers else (0, b"")
        words = f"{code} {text.decode('utf-8', 'replace') if isinstance(text, bytes) else text}"
    elif isinstance(error, smtplib.SMTPResponseException):
        words = f"{error.smtp_code} {error.smtp_error.decode('utf-8', 'replace') if isinstance(error.smtp_error, bytes) else error.smtp_error}"
    else:
        words = str(error)
    return f"{type(error).__name__}: {_ADDRESS.sub('<address>', words)}"[:300]


def _refusal_code(error: BaseException) -> int | None:
    """The mail server's reply code when it answered with a refusal (so it did not take the message)."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _ in error.recipients.values()]
        return max(codes) if codes else 550
    if isinstance(error, smtplib.SMTPResponseException) and 400 <= error.smtp_code < 600:
        return error.smtp_code
    return None


def _claim(now: datetime.datetime) -> OutgoingEmail | None:
    with transaction.atomic():
        email = (
            OutgoingEmail.objects.select_for_update(skip_locked=True)
            .filter(state=State.PENDING, next_attempt_at__lte=now)
            .order_by("next_attempt_at", "pk")
            .first()
        )
        if email is None:
            return None
        email.state, email.sending_since, email.attempts = State.SENDING, now, email.attempts + 1
        email.save(update_fields=["state", "sending_since", "attempts"])
    return email


def _message(email: OutgoingEmail, connection) -> EmailMessage:
    return EmailMessage(
        subject=email.subject,
        body=email.body,
        to=[email.to],
        headers={**email.headers, "Message-ID": email.message_id},
        connection=connection,
    )


def _deliver(email: OutgoingEmail, connection) -> str:
    """Send one claimed email; returns what became of it (a State value)."""
    with transaction.atomic():
        # Held while the server answers: abandoned_mark skips a locked row, so a slow send is never mistaken
        # for a dead worker's.
        if not list(OutgoingEmail.objects.select_for_update().filter(pk=email.pk).values_list("pk", flat=True)):
            return "deleted"  # its account was deleted since it was claimed
        try:
            _message(email, connection).send()
        except Exception as error:
            code = _refusal_code(error)
            email.last_error = _scrubbed(error)
            if code is None:
                # Cut off mid-conversation (or stopped): the server may have taken it. Not sent again by itself.
                email.state = State.UNCERTAIN
            elif code >= 500 or email.attempts >= MAX_ATTEMPTS:
                email.state = State.FAILED
            else:
                email.state = State.PENDING
                email.next_attempt_at = timezone.now() + _backoff(email.attempts)
            logger.warning("Email %s (%s) not sent: %s, now %s", email.pk, email.key, type(error).__name__, email.state)
            email.save(update_fields=["state", "last_error", "next_attempt_at"])
            return email.state
        email.state, email.sent_at, email.last_error = State.SENT, timezone.now(), ""
        email.save(update_fields=["state", "sent_at", "last_error"])
    return State.SENT


def emails_send(*, now: datetime.datetime | None = None, limit: int = 500) -> dict:
    """Send the emails that are due, one at a time, until none is left, the run's budget is spent, or the
    mail server stops answering. Returns how many ended in each state."""
    counts = {state.value: 0 for state in (State.SENT, State.PENDING, State.FAILED, State.UNCERTAIN)}
    connection = get_connection(fail_silently=False)
    try:
        connection.open()
    except (OSError, smtplib.SMTPException) as error:
        logger.warning("Mail server unreachable (%s): emails wait for the next run", type(error).__name__)
        return counts
    started = time.monotonic()
    try:
        for _ in range(limit):
            email = _claim(now or timezone.now())
            if email is None:
                break
            outcome = _deliver(email, connection)
            counts[outcome] = counts.get(outcome, 0) + 1
            if outcome == State.UNCERTAIN or time.monotonic() - started > RUN_BUDGET:
                break  # the connection is in an unknown state, or the run has had its share
    finally:
        try:
            connection.close()
        except (OSError, smtplib.SMTPException):
            pass  # a server that dropped us has closed the connection already
    if any(counts.values()):
        logger.info("Outbox run: %s", counts)
    return counts


def abandoned_mark(*, now: datetime.datetime | None = None) -> int:
    """Rows left "sending" by a worker that died: nobody holds their lock and they are older than any send
    can take. The server may have accepted them, so they become "uncertain", never sent again by themselves."""
    cutoff = (now or timezone.now()) - ABANDONED_AFTER
    with transaction.atomic():
        stuck = list(
            OutgoingEmail.objects.select_for_update(skip_locked=True)
            .filter(state=State.SENDING, sending_since__lt=cutoff)
            .values_list("pk", flat=True)
        )
        OutgoingEmail.objects.filter(pk__in=stuck).update(
            state=State.UNCERTAIN, last_error="The worker stopped while sending: check the mail provider's log"
        )
    for pk in stuck:
        logger.warning("Email %s was being sent when its worker stopped: marked uncertain", pk)
    return len(stuck)


def email_send_again(*, email: OutgoingEmail) -> None:
    """A person checked (for an uncertain one, in the mail provider's log) and wants it sent again."""
    if email.state not in {State.FAILED, State.UNCERTAIN}:
        raise ValueError("Only a failed or uncertain email can be sent again")
    email.state, email.next_attempt_at, email.attempts = State.PENDING, timezone.now(), 0
    email.save(update_fields=["state", "next_attempt_at", "attempts"])


def old_emails_delete(*, now: datetime.datetime | None = None) -> int:
    """Their bodies hold names and unsubscribe links: sent ones go after a month, the rest after three."""
    now = now or timezone.now()
    count, _ = OutgoingEmail.objects.filter(state=State.SENT, sent_at__lt=now - KEEP_SENT).delete()
    unsent, _ = OutgoingEmail.objects.filter(
        state__in=[State.FAILED, State.UNCERTAIN], created_at__lt=now - KEEP_UNSENT
    ).delete()
    return count + unsent


def send_soon() -> None:
    """Ask a worker to send what was just queued; if the broker is down, beat's next run sends it."""
    from .tasks import send_emails_task  # tasks.py imports this module

    try:
        send_emails_task.delay()
    except OperationalError:
        logger.warning("Could not queue the email sender: the broker is unreachable; beat will run it")


