"""Emails to people, each with a one-click unsubscribe link that works without signing in.

The link carries a signed token naming the person and the topic (one kind of email); it never expires, so
an old email's link still works. Opening it shows a page with an Unsubscribe button (mail scanners open
links, so opening one changes nothing); mail clients that support RFC 8058 unsubscribe with one POST to the
same address, from the List-Unsubscribe headers.

They go through the email outbox (outbox.services): `queue` writes the email in the caller's transaction,
under a key naming what it is about, and a worker sends it.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.utils.translation import gettext

from outbox.services import email_queue

from .models import EmailOptOut

SALT = "publishing.unsubscribe"

# Topics of the emails organisations' members get.
POSTING_DECISIONS = "posting_decisions"
CLOSING_REMINDERS = "closing_reminders"

TOPIC_DESCRIPTIONS = {
    POSTING_DECISIONS: "emails about moderators' decisions on your organisation's postings",
    CLOSING_REMINDERS: "reminders that your organisation's postings close soon",
}


class BadToken(Exception):
    pass


def unsubscribe_token(*, user, topic: str) -> str:
    return signing.dumps({"u": user.pk, "t": topic}, salt=SALT, compress=True)


def read_unsubscribe_token(token: str):
    """(user, topic) from a token; BadToken if it was not made here or the person no longer exists."""
    try:
        data = signing.loads(token, salt=SALT)
        user = get_user_model().objects.get(pk=data["u"])
        return user, str(data["t"])
    except (signing.BadSignature, KeyError, TypeError, get_user_model().DoesNotExist):
        raise BadToken from None


def absolute(path: str) -> str:
    return f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}{path}"


def opt_out(*, user, topic: str) -> None:
    EmailOptOut.objects.get_or_create(user=user, topic=topic)


def opt_in(*, user, topic: str) -> None:
    EmailOptOut.objects.filter(user=user, topic=topic).delete()


def queue(*, key: str, user, subject: str, body: str, unsubscribe_path: str, unsubscribe_words: str) -> bool:
    """Queue one plain-text email whose footer, and headers, let the person stop this kind of email.
    False when an email with this key was queued before (so this one is not)."""
    link = absolute(unsubscribe_path)
    footer = "\n\n--\n" + gettext("To stop {what}, open this link (no need to sign in):").format(what=unsubscribe_words) + f"\n{link}\n"
    return email_queue(
        key=key,
        user=user,
        to=user.email,
        subject=gettext("Digital Skills: {subject}").format(subject=" ".join(subject.split())),  # a line break in a title would break the header
        body=body.rstrip() + footer,
        headers={"List-Unsubscribe": f"<{link}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
    )
