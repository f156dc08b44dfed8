"""What programmes, vacancies and sponsored opportunities share: a status that moves through review to
publication, and a record of every change of status (who, when, why)."""

import hashlib
import json

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"
    PENDING_REVIEW = "pending_review", "Waiting for review"
    PUBLISHED = "published", "Published"
    # The closing date passed (publishing.services.items_close_expired): still shown, as closed, to anyone
    # with the link; no longer searchable or open to applications.
    CLOSED = "closed", "Closed"
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

    def public(self):
        """Open, and posted by a verified organisation: what residents, the API and search may see."""
        return self.open().filter(**{f"{self.model.organisation_field}__verified_at__isnull": False})

    def openly_licensed(self):
        """Public, and its poster agreed to the open licence: what the open-data files may hold."""
        return self.public().filter(licence_agreed_at__isnull=False)


# Fields about the item's place in the workflow rather than what it says: changing them is not a change of
# content (see Publishable.content_version).
WORKFLOW_FIELDS = {
    "id", "status", "status_reason", "held_by_moderator", "created_at", "updated_at", "published_at", "licence_agreed_at",
}  # fmt: skip

# What posters agree to for what they publish, so the nightly open-data files (opendata/) may include it.
OPEN_LICENCE_NAME = "Open Government Licence v3.0"
OPEN_LICENCE_URL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"


class Publishable(models.Model):
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True)
    status_reason = models.TextField(blank=True, help_text="A moderator's reason, shown to the poster")
    # Set when a moderator takes the item down or sends it back; until a moderator approves it again, its
    # organisation's publishing sends it to review instead of live (publishing.services.review_reasons).
    held_by_moderator = models.BooleanField(
        default=False, help_text="A moderator stopped it: only a moderator can make it live again"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)
    published_at = models.DateTimeField(null=True, blank=True)
    is_demo = models.BooleanField(default=False, help_text="Demonstration content, not a real offer")
    # On the posting, not the organisation: each posting is agreed to by whoever publishes it (or imports it), at
    # the time, so a licence one member accepted never covers what another posts later, and an item published
    # before agreement was asked for stays out of the open-data files until someone publishes it again.
    licence_agreed_at = models.DateTimeField(
        null=True, blank=True, help_text="When its poster agreed to publish it under the Open Government Licence v3.0"
    )

    objects = PublishableQuerySet.as_manager()

    # The lookup from this model to its Organisation ("provider__organisation"), so the moderation queue
    # and the portals can ask the same questions of every kind of posting.
    organisation_field = ""
    # What the automated checks (publishing/posting_checks.py) read: words for the language check, URLs for the
    # links check. Rich-text fields are read without their tags.
    checked_text_fields = ("title", "summary", "description", "how_to_apply")
    checked_link_fields: tuple[str, ...] = ()
    # Apprentices must be paid at least the apprentice rate of the National Minimum Wage.
    pays_apprentice_wage = False
    # One-to-many relations whose rows residents read as part of the posting (a programme's runs): a
    # moderator's decision covers them too.
    reviewed_relations: tuple[str, ...] = ()

    # What the open-data API and its tombstones call this kind of posting (Removal.Kind).
    public_kind = ""

    # The names of its public page's URL (by its slug) and of its page in the poster's portal (by the
    # organisation's slug and its pk).
    detail_url_name = ""
    portal_url_name = ""

    class Meta:
        abstract = True

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse(self.detail_url_name, kwargs={"slug": self.slug})

    def get_portal_url(self):
        return reverse(self.portal_url_name, kwargs={"organisation": self.owner_profile.slug, "pk": self.pk})

    @property
    def owner_profile(self):
        """The poster's public profile: the provider or employer named by organisation_field."""
        return getattr(self, self.organisation_field.split("__")[0])

    @property
    def owner_organisation(self):
        return self.owner_profile.organisation

    def publication_problems(self) -> list[str]:
        """What stops this item being published, in words for the poster. Subclasses add their own."""
        closing = getattr(self, "closing_date", None)
        if closing and closing < timezone.localdate():
            return ["The closing date has passed: set a new one"]
        return []

    def completeness_items(self) -> list[tuple[int, bool, str]]:
        """(points, done, advice) for each thing that makes a posting more useful to residents."""
        return []

    def own_websites(self) -> list[str]:
        """The poster's own web addresses (its organisation's and its profile's): links to them need no moderator."""
        return [self.owner_organisation.website, self.owner_profile.website]

    def content_version(self) -> str:
        """A fingerprint of what a moderator reads: it changes when the content does, not the status, so a
        decision can be refused when the item changed after the moderator opened it."""
        parts = [
            [field.attname, field.value_to_string(self)]
            for field in self._meta.concrete_fields
            if field.name not in WORKFLOW_FIELDS
        ]
        if self.pk:
            parts += [
                [field.name, sorted(getattr(self, field.name).values_list("pk", flat=True))]
                for field in self._meta.many_to_many
            ]
            parts += [[name, list(getattr(self, name).order_by("pk").values())] for name in self.reviewed_relations]
        return hashlib.sha256(json.dumps(parts, default=str).encode()).hexdigest()[:20]

    def reason_for_poster(self) -> str:
        """The reason a poster reads beside the status, saying whose it is: why it waits for review, or the
        moderator's reason for sending it back or taking it down; a closed item's reason as it is. Nothing for a
        live item, whose reason (if any) is history."""
        if not self.status_reason or self.status == Status.PUBLISHED:
            return ""
        if self.status == Status.CLOSED:
            return self.status_reason
        if self.status == Status.PENDING_REVIEW:
            return format_html("Why it is waiting: {}", self.status_reason)
        return format_html("Moderator's reason: {}", self.status_reason)

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


class EmailOptOut(models.Model):
    """Someone asked, through an email's unsubscribe link, not to get one kind of email (a topic)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="email_opt_outs")
    topic = models.CharField(max_length=60)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "topic"], name="one_opt_out_per_person_and_topic")]

    def __str__(self):
        return f"{self.user} – {self.topic}"


class PostingActivity(models.Model):
    """A posting's reach on one day: how often residents were shown it on a search results page, opened its
    page, followed its "apply" (or enquiry) link and saved it. Counts only: no person, address, session or
    browser is stored (publishing/activity.py says what counts)."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    day = models.DateField()
    impressions = models.PositiveIntegerField(default=0, help_text="Shown on a search results page")
    views = models.PositiveIntegerField(default=0)
    apply_clicks = models.PositiveIntegerField(default=0)
    saves = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name_plural = "posting activity"
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id", "day"], name="one_activity_row_per_posting_and_day")
        ]

    def __str__(self):
        return (
            f"{self.content_type.model} {self.object_id} on {self.day}: {self.impressions} shown, {self.views} views, "
            f"{self.apply_clicks} clicks, {self.saves} saves"
        )


class ClosingReminder(models.Model):
    """The organisation was told this posting closes soon; one reminder per closing date."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    closing_date = models.DateField()
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "closing_date"], name="one_closing_reminder_per_posting_and_date"
            )
        ]

    def __str__(self):
        return f"{self.content_type.model} {self.object_id} closing {self.closing_date}"


class Removal(models.Model):
    """A tombstone: something the open-data API listed stopped being public, so harvesters that copied it can
    remove it too (/api/v1/removed/). Only what a harvester needs to find its copy: the kind, the public
    identifier (slug), when and a reason code; never who did it or a moderator's words."""

    class Kind(models.TextChoices):
        # The API lists each kind at the plural: /api/v1/programmes/, /api/v1/apprenticeships/…
        PROGRAMME = "programme", "Programme"
        APPRENTICESHIP = "apprenticeship", "Apprenticeship vacancy"
        OPPORTUNITY = "opportunity", "Sponsored opportunity"
        PROVIDER = "provider", "Training provider"
        EMPLOYER = "employer", "Employer"

    class Reason(models.TextChoices):
        WITHDRAWN = "withdrawn", "Withdrawn by its organisation or taken down by a moderator"
        CLOSED = "closed", "Its closing date passed"
        UNPUBLISHED = "unpublished", "Back to draft or waiting for a moderator"
        ARCHIVED = "archived", "Archived"
        DELETED = "deleted", "Deleted"
        UNVERIFIED = "organisation_unverified", "Its organisation is no longer verified"

    kind = models.CharField(max_length=20, choices=Kind.choices)
    slug = models.SlugField(max_length=220)
    reason = models.CharField(max_length=30, choices=Reason.choices)
    removed_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["removed_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["kind", "slug"], name="one_removal_per_public_item")]

    def __str__(self):
        return f"{self.kind} {self.slug} {self.reason} at {self.removed_at:%Y-%m-%d %H:%M}"
