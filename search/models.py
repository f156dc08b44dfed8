"""The outbox that makes index sync lose nothing, the anonymous search log (searches and the results followed
from them), and what residents save: searches (with email alerts of new matches) and items (with a reminder
before they close)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class IndexOutboxEntry(models.Model):
    """"This record changed": written in the same transaction as the change, removed once the index agrees.

    A periodic task drains what is left (the broker or the engine was down, or answered "busy"). A document the
    engine will never accept keeps its row, marked rejected with the engine's reason, until staff try it again.
    """

    label = models.CharField(max_length=100, help_text='The model, as "app_label.modelname"')
    object_id = models.CharField(max_length=40)
    enqueued_at = models.DateTimeField(default=timezone.now)
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now, db_index=True)
    last_error = models.TextField(blank=True)
    rejected = models.BooleanField(default=False, db_index=True)
    rejected_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = "index outbox entry"
        verbose_name_plural = "index outbox entries"

    def __str__(self):
        return f"{self.label} {self.object_id}"


class IndexVersion(models.Model):
    """How many times a searchable record has changed: the external version its document carries in the index.

    Bumped in the transaction of each change (search.signals.record_changes), so the row lock puts concurrent
    changes of one record in commit order, and the engine keeps the newest document whatever order the writes
    arrive in (version_type=external_gte). Rows are never deleted: a deleted record's tombstone needs its version.
    """

    label = models.CharField(max_length=100, help_text='The model, as "app_label.modelname"')
    object_id = models.CharField(max_length=40)
    version = models.PositiveBigIntegerField(default=1)
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["label", "object_id"], name="one_index_version_per_record")]

    def __str__(self):
        return f"{self.label} {self.object_id} v{self.version}"


class IndexRebuild(models.Model):
    """A rebuild in progress: the lock that keeps a second rebuild of the same index out, in any process, and
    the marker that tells drains to write to the new index as well (search.indexing)."""

    index = models.CharField(max_length=50, unique=True, help_text="opportunities or campaign")
    started_at = models.DateTimeField(default=timezone.now)
    started_by = models.CharField(max_length=200, help_text="host and process id, to tell whether it is still alive")
    loading = models.BooleanField(default=False, help_text="The new index is in place: drains write to it as well")

    def __str__(self):
        return f"{self.index} rebuild since {self.started_at:%Y-%m-%d %H:%M}"


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
    # API searches have no result links to follow: they count for what was found, not for click-through.
    source = models.CharField(max_length=4, choices=[("page", "Search page"), ("api", "API")], default="page")

    class Meta:
        ordering = ["-searched_at"]

    def __str__(self):
        return f"{self.query!r} ({self.result_count})"


class ResultClick(models.Model):
    """A resident followed a result of a recorded search: which one, and where it was in the list.

    Like the search itself, nothing that identifies the resident: no user, IP address or session.
    """

    search_record = models.ForeignKey(SearchRecord, on_delete=models.CASCADE, related_name="clicks")
    position = models.PositiveIntegerField(help_text="1 for the first result, counted across pages")
    kind = models.CharField(max_length=20, help_text="programme, apprenticeship or sponsored")
    document_id = models.CharField(max_length=40, help_text='The search document id, e.g. "programme-42"')
    clicked_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-clicked_at"]

    def __str__(self):
        return f"{self.document_id} at {self.position}"


class SavedSearch(models.Model):
    """A resident's search, kept as its URL state (SearchParams.to_query()), with optional email alerts."""

    class Frequency(models.TextChoices):
        DAILY = "daily", _("Every day")
        WEEKLY = "weekly", _("Once a week")
        NEVER = "never", _("No emails")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_searches")
    name = models.CharField(max_length=200)
    query = models.CharField(max_length=2000, blank=True, help_text="The search's URL query string")
    frequency = models.CharField(max_length=10, choices=Frequency.choices, default=Frequency.WEEKLY)
    created_at = models.DateTimeField(default=timezone.now)
    last_checked_at = models.DateTimeField(null=True, blank=True, help_text="When we last looked for new matches")
    # The language the resident used when they saved it (settings.LANGUAGES): its alerts are written in it.
    language = models.CharField(max_length=10, blank=True, help_text="Alerts are written in this language; empty: English")

    class Meta:
        ordering = ["-created_at"]
        verbose_name_plural = "saved searches"

    def __str__(self):
        return self.name


class SavedSearchAlertItem(models.Model):
    """An item already sent in this search's alerts: alerts never send it again."""

    saved_search = models.ForeignKey(SavedSearch, on_delete=models.CASCADE, related_name="sent_items")
    item = models.CharField(max_length=40, help_text='The search document id, e.g. "programme-42"')
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["saved_search", "item"], name="each_item_alerted_once_per_search")]

    def __str__(self):
        return f"{self.item} in {self.saved_search}"


class SavedItem(models.Model):
    """A programme, apprenticeship or sponsored opportunity a resident saved, to come back to."""

    class Kind(models.TextChoices):
        PROGRAMME = "programme", "Course or help to get online"
        APPRENTICESHIP = "apprenticeship", "Apprenticeship"
        SPONSORED = "sponsored", "Sponsored opportunity"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_items")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    object_id = models.PositiveBigIntegerField()
    created_at = models.DateTimeField(default=timezone.now)
    reminded_for = models.DateField(null=True, blank=True, help_text="The closing date we last sent a reminder about")

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["user", "kind", "object_id"], name="each_item_saved_once_per_person")
        ]

    def __str__(self):
        return f"{self.kind}-{self.object_id}"
