"""What programmes, vacancies and sponsored opportunities share: a status that moves through review to
publication, and a record of every change of status (who, when, why)."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"
    PENDING_REVIEW = "pending_review", "Waiting for review"
    PUBLISHED = "published", "Published"
    WITHDRAWN = "withdrawn", "Withdrawn"
    ARCHIVED = "archived", "Archived"


class PublishableQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Status.PUBLISHED)

    def open(self):
        """Published and still open to residents: what pages, the API and search may show."""
        queryset = self.published()
        if "closing_date" in {field.name for field in self.model._meta.fields}:
            queryset = queryset.filter(models.Q(closing_date__isnull=True) | models.Q(closing_date__gte=timezone.localdate()))
        return queryset


class Publishable(models.Model):
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True)
    status_reason = models.TextField(blank=True, help_text="A moderator's reason, shown to the poster")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)
    published_at = models.DateTimeField(null=True, blank=True)
    is_demo = models.BooleanField(default=False, help_text="Demonstration content, not a real offer")

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def owner_organisation(self):
        raise NotImplementedError

    def publication_problems(self) -> list[str]:
        """What stops this item being published, in words for the poster. Subclasses add their own."""
        return []

    @property
    def is_open(self) -> bool:
        closing = getattr(self, "closing_date", None)
        return self.status == Status.PUBLISHED and (closing is None or closing >= timezone.localdate())


class StatusChange(models.Model):
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    item = GenericForeignKey("content_type", "object_id")
    from_status = models.CharField(max_length=20, choices=Status.choices)
    to_status = models.CharField(max_length=20, choices=Status.choices)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    reason = models.TextField(blank=True)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-at"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return f"{self.from_status} → {self.to_status}"
