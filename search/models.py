"""The outbox that makes index sync lose nothing, and the anonymous search log."""

from django.db import models
from django.utils import timezone


class IndexOutboxEntry(models.Model):
    """"This record changed": written in the same transaction as the change, removed once the index agrees.

    A periodic task drains what is left (the broker or the engine was down). A document the engine rejects
    keeps its row with the engine's reason and is not retried.
    """

    label = models.CharField(max_length=100, help_text='The model, as "app_label.modelname"')
    object_id = models.CharField(max_length=40)
    enqueued_at = models.DateTimeField(default=timezone.now)
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now, db_index=True)
    last_error = models.TextField(blank=True)
    rejected = models.BooleanField(default=False, db_index=True)

    class Meta:
        ordering = ["id"]
        verbose_name = "index outbox entry"
        verbose_name_plural = "index outbox entries"

    def __str__(self):
        return f"{self.label} {self.object_id}"


class SearchRecord(models.Model):
    """One search, anonymously: no user, no IP address, and no location finer than the outcode."""

    searched_at = models.DateTimeField(default=timezone.now, db_index=True)
    query = models.CharField(max_length=200, blank=True)
    filters = models.JSONField(default=dict)
    outcode = models.CharField(max_length=4, blank=True)
    local_authority = models.CharField(max_length=9, blank=True, help_text="ONS code, from the outcode or the filter")
    tier = models.CharField(max_length=20, blank=True)
    result_count = models.PositiveIntegerField()
    mode = models.CharField(max_length=5, default="full")

    class Meta:
        ordering = ["-searched_at"]

    def __str__(self):
        return f"{self.query!r} ({self.result_count})"
