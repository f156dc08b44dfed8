"""The email outbox: one row per scheduled email, written in the transaction that decides to send it."""

import hashlib

from django.conf import settings
from django.db import models
from django.utils import timezone


class OutgoingEmail(models.Model):
    class State(models.TextChoices):
        PENDING = "pending", "Waiting to be sent"
        SENDING = "sending", "Being sent"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed: the mail server refused it"
        # The worker died while talking to the mail server: it may or may not have accepted the message, so
        # it is not sent again unless someone checks the mail provider's log and asks for it.
        UNCERTAIN = "uncertain", "Not known whether it was sent"

    # Says what the email is about, such as "alert:12:2025-06-01": a second decision to send the same email
    # (a task delivered twice, two beat processes) finds the key taken and queues nothing.
    key = models.CharField(max_length=200, unique=True)
    # A deleted account's waiting emails go with it.
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    to = models.EmailField()
    subject = models.CharField(max_length=998)  # RFC 5322's longest line
    body = models.TextField()
    headers = models.JSONField(default=dict, blank=True)
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    last_error = models.CharField(max_length=300, blank=True, help_text="The mail server's answer, without addresses")
    created_at = models.DateTimeField(auto_now_add=True)
    sending_since = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["next_attempt_at"], condition=models.Q(state="pending"), name="outbox_due"),
            models.Index(fields=["state", "created_at"], name="outbox_state_created"),
        ]

    def __str__(self):
        return f"{self.key} ({self.get_state_display()})"

    @property
    def message_id(self) -> str:
        """The same Message-ID on every attempt: receiving servers and mail clients drop a repeat, and an
        operator can look an uncertain email up in the mail provider's log."""
        digest = hashlib.sha256(self.key.encode()).hexdigest()[:32]
        domain = settings.DEFAULT_FROM_EMAIL.rpartition("@")[2].rstrip(">").strip() or "localhost"
        return f"<{digest}@{domain}>"
