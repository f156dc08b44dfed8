"""Training providers, their venues, and the programmes (courses and inclusion support) they run."""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable

from accounts.models import Organisation, OrganisationProfile
from pathways.models import SkillArea, Tier
from places.models import Located
from publishing.identifiers import RegisterCodeField, one_per_register_code, validate_lars_code, validate_ukprn
from publishing.models import Publishable, Status
from publishing.rich_text import FEATURES, clean_rich_text, validate_long_text, validate_rich_text_length

# What stops a programme being published (Programme.publication_problems); imports name the column for each.
NEEDS_START = 'Add a start date in the future, or tick "people can start any time"'
NEEDS_VENUE = "Add the venue where it happens"
NEEDS_CONTACT = "Say how to apply or enquire"


class Provider(OrganisationProfile):
    """A training provider's public profile; membership and verification live on its organisation."""

    organisation = models.OneToOneField(Organisation, on_delete=models.CASCADE, related_name="provider")
    public_kind = "provider"  # in the open-data API and its tombstones (publishing.models.Removal)

    class Kind(models.TextChoices):
        FE_COLLEGE = "fe_college", _("Further education college")
        UNIVERSITY = "university", _("University")
        INDEPENDENT = "independent", _("Independent training provider")
        BOOTCAMP = "bootcamp", _("Bootcamp")
        COMMUNITY_CENTRE = "community_centre", _("Community centre")
        LIBRARY = "library", _("Library")
        CHARITY = "charity", _("Charity")
        ONLINE = "online", _("Online provider")

    kind = models.CharField(max_length=20, choices=Kind.choices)
    phone = models.CharField(max_length=30, blank=True)
    email = models.EmailField(blank=True, help_text="A public enquiries address, not a person's own")
    ukprn = RegisterCodeField(
        "UKPRN",
        validators=[validate_ukprn],
        help_text="UK Provider Reference Number, if you have one: 8 digits starting with 1, like 10001234",
    )

    class Meta(OrganisationProfile.Meta):
        constraints = [
            one_per_register_code(
                "ukprn",
                name="one_provider_per_ukprn",
                message="Another provider on this site gives this UKPRN. If it is yours, contact us",
            )
        ]

    def get_absolute_url(self):
        return reverse("courses:provider", kwargs={"slug": self.slug})


class Venue(Located):
    provider = models.ForeignKey(Provider, on_delete=models.CASCADE, related_name="venues")
    name = models.CharField(max_length=200)
    step_free_access = models.BooleanField(default=False)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return f"{self.name}, {self.town or self.postcode}"


class Programme(Publishable):
    """A course, or inclusion support such as a library's drop-in help session."""

    class Kind(models.TextChoices):
        COURSE = "course", _("Course")
        INCLUSION_SUPPORT = "inclusion_support", _("Help to get online")

    class Level(models.TextChoices):
        ENTRY = "entry", _("Entry level")
        L1 = "1", _("Level 1")
        L2 = "2", _("Level 2")
        L3 = "3", _("Level 3")
        L4 = "4", _("Level 4")
        L5 = "5", _("Level 5")
        L6 = "6", _("Level 6 (degree)")
        L7 = "7", _("Level 7 (master's)")
        L8 = "8", _("Level 8 (doctorate)")

    class DeliveryMode(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        ONLINE = "online", _("Online")
        BLENDED = "blended", _("Partly online, partly in person")

    class Cost(models.TextChoices):
        FREE = "free", _("Free")
        FUNDED = "funded", _("Free if you are eligible")
        PAID = "paid", _("Paid")

    provider = models.ForeignKey(Provider, on_delete=models.CASCADE, related_name="programmes")
    reference = models.CharField(max_length=60, help_text="Your own reference; re-imports update by it")
    lars_code = RegisterCodeField(
        "LARS learning aim reference",
        validators=[validate_lars_code],
        help_text="For a qualification: its 8-character learning aim reference, like 60312345",
    )
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.COURSE)
    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=220, unique=True)
    summary = models.CharField(max_length=300, help_text="One or two plain sentences")
    description = RichTextField(features=FEATURES, blank=True, validators=[validate_rich_text_length])
    tier = models.ForeignKey(Tier, on_delete=models.PROTECT, related_name="+")
    skill_areas = models.ManyToManyField(SkillArea, related_name="+")
    level = models.CharField(max_length=5, choices=Level.choices, default=Level.ENTRY)
    delivery_mode = models.CharField(max_length=20, choices=DeliveryMode.choices)
    venues = models.ManyToManyField(Venue, blank=True, related_name="programmes")
    cost = models.CharField(max_length=10, choices=Cost.choices)
    cost_amount = models.DecimalField(
        max_digits=8, decimal_places=2, null=True, blank=True, validators=[MinValueValidator(Decimal("0"))]
    )
    funding_eligibility = models.CharField(
        max_length=300, blank=True, help_text='Who it is free for, e.g. "Free if you are 19+ and have no level 2"'
    )
    duration = models.CharField(max_length=100, blank=True, help_text='e.g. "10 weeks" or "one morning"')
    hours_per_week = models.DecimalField(max_digits=4, decimal_places=1, null=True, blank=True)
    starts_any_time = models.BooleanField(default=False, help_text="Ongoing: people can start any time")
    how_to_apply = models.TextField(blank=True, validators=[validate_long_text])
    enquiry_url = models.URLField(blank=True)
    enquiry_email = models.EmailField(blank=True)
    enquiry_phone = models.CharField(max_length=30, blank=True)
    # What a person at the very start needs to know before they come.
    free_device_loan = models.BooleanField(default=False)
    free_data = models.BooleanField(default=False, help_text="Free mobile data or SIM cards")
    other_languages = models.CharField(max_length=200, blank=True, help_text="Help in other languages, e.g. Urdu, Polish")
    step_free_access = models.BooleanField(default=False)
    drop_in = models.BooleanField("drop in, no need to book", default=False, help_text="People can come along without booking")
    welcomes_career_changers = models.BooleanField(
        "welcomes career changers and returners",
        default=False,
        help_text="People changing career, or coming back after a break, are encouraged to join",
    )
    places = models.PositiveIntegerField(
        default=1, validators=[MinValueValidator(1)], help_text="How many places it offers, across all its runs"
    )
    sponsor_campaign = models.ForeignKey(
        "careers.SponsorCampaign", null=True, blank=True, on_delete=models.SET_NULL, related_name="programmes"
    )

    organisation_field = "provider__organisation"
    public_kind = "programme"
    detail_url_name = "courses:programme"
    portal_url_name = "provider_portal:programme"
    checked_text_fields = ("title", "summary", "description", "how_to_apply", "funding_eligibility", "duration")
    checked_link_fields = ("enquiry_url",)
    reviewed_relations = ("runs",)

    class Meta:
        ordering = ["title"]
        constraints = [
            models.UniqueConstraint(fields=["provider", "reference"], name="one_programme_per_provider_reference")
        ]

    @property
    def is_free(self) -> bool:
        return self.cost == self.Cost.FREE

    def future_runs(self):
        return self.runs.filter(starts_on__gte=timezone.localdate()).order_by("starts_on")

    def clean(self):
        super().clean()
        self.description = clean_rich_text(self.description)
        if self.cost == self.Cost.PAID and not self.cost_amount:
            raise ValidationError({"cost_amount": "Enter how much a paid programme costs"})
        if self.cost == self.Cost.FUNDED and not self.funding_eligibility.strip():
            raise ValidationError({"funding_eligibility": "Say who can do it for free, e.g. \"Free if you are 19+\""})
        if self.status == Status.PUBLISHED:
            problems = self.publication_problems()
            if problems:
                raise ValidationError(problems)

    def publication_problems(self) -> list[str]:
        problems = []
        if not self.pk or not (self.starts_any_time or self.future_runs().exists()):
            problems.append(NEEDS_START)
        if self.delivery_mode != self.DeliveryMode.ONLINE and self.pk and not self.venues.exists():
            problems.append(NEEDS_VENUE)
        if not (self.how_to_apply or self.enquiry_url or self.enquiry_email or self.enquiry_phone):
            problems.append(NEEDS_CONTACT)
        return problems

    def completeness_items(self) -> list[tuple[int, bool, str]]:
        saved = self.pk is not None
        in_person = self.delivery_mode != self.DeliveryMode.ONLINE
        return [
            (20, len(strip_tags(self.description or "").split()) >= 50, "Describe what people will learn and do, in at least 50 words"),
            (15, saved and self.skill_areas.exists(), "Choose the skill areas it covers"),
            (15, self.starts_any_time or (saved and self.future_runs().exists()), "Add the dates it runs"),
            (10, bool(self.duration), 'Say how long it lasts, e.g. "10 weeks"'),
            (10, self.hours_per_week is not None, "Say how many hours a week it takes"),
            (10, bool(self.enquiry_phone or self.enquiry_email), "Give a phone number or email address for questions"),
            (10, self.cost != self.Cost.PAID or bool(self.funding_eligibility), "Say whether anyone can get help with the cost"),
            (5, bool(self.other_languages), "Say whether help is available in other languages"),
            (5, not in_person or self.step_free_access, "Say whether there is step-free access"),
        ]


class ProgrammeRun(models.Model):
    """One run of a programme: its dates, and where if not every venue."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="runs")
    starts_on = models.DateField()
    ends_on = models.DateField(null=True, blank=True)
    venue = models.ForeignKey(Venue, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    note = models.CharField(max_length=200, blank=True, help_text='e.g. "Tuesday mornings, 10am to 12 noon"')

    class Meta:
        ordering = ["starts_on"]

    def __str__(self):
        return f"{self.programme} from {self.starts_on:%d %B %Y}"

    def clean(self):
        super().clean()
        if self.ends_on and self.starts_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": "The end date must be on or after the start date"})


class ProgrammeImport(models.Model):
    """One upload of a CSV or JSON file of programmes (courses/imports/ does the work, in a Celery task).

    The file is kept only until the import has run (or, when its worker died, until it is tried again); the
    result (counts, and errors by line and column) stays for the provider to read.
    """

    class State(models.TextChoices):
        QUEUED = "queued", "Waiting to start"
        CHECKING = "checking", "Checking rows"
        SAVING = "saving", "Saving"
        FINISHED = "finished", "Finished"
        FAILED = "failed", "Could not be read"
        STOPPED = "stopped", "Stopped part-way"  # its worker died; the provider may try again

    provider = models.ForeignKey(Provider, on_delete=models.CASCADE, related_name="imports")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    filename = models.CharField(max_length=255)
    content = models.BinaryField(editable=False, default=bytes)
    all_or_nothing = models.BooleanField(default=False)
    # The uploader agreed once, for the whole file, to the open licence; each programme it saves records this.
    licence_agreed_at = models.DateTimeField(null=True, blank=True)
    state = models.CharField(max_length=10, choices=State.choices, default=State.QUEUED)
    encoding = models.CharField(max_length=60, blank=True)
    total_rows = models.PositiveIntegerField(default=0)
    rows_checked = models.PositiveIntegerField(default=0)
    rows_saved = models.PositiveIntegerField(default=0)
    created_count = models.PositiveIntegerField(default=0)
    updated_count = models.PositiveIntegerField(default=0)
    failed_count = models.PositiveIntegerField(default=0)
    file_errors = models.JSONField(default=list, blank=True)
    row_errors = models.JSONField(default=list, blank=True, help_text='[{"line": 4, "field": "postcode", "message": "…"}]')
    notes = models.JSONField(default=list, blank=True, help_text="Changes we made, such as removing unsafe markup")
    started_at = models.DateTimeField(null=True, blank=True)
    # Written with each progress update: a running import whose heartbeat stops has lost its worker.
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.filename} ({self.get_state_display()})"

    @property
    def is_running(self) -> bool:
        return self.state in {self.State.QUEUED, self.State.CHECKING, self.State.SAVING}

    @property
    def percent(self) -> int:
        """How far it has got. All or nothing checks every row (the first half) before saving any (the second)."""
        if not self.is_running:
            return 100
        if not self.total_rows:
            return 0
        if self.all_or_nothing:
            done = self.rows_checked + self.rows_saved
            return min(99, 100 * done // (2 * self.total_rows))
        return min(99, 100 * self.rows_checked // self.total_rows)

    @property
    def saved_nothing(self) -> bool:
        if self.state == self.State.STOPPED:
            return self.all_or_nothing or self.rows_saved == 0
        return self.state == self.State.FAILED or (self.all_or_nothing and self.failed_count > 0)

    @property
    def can_retry(self) -> bool:
        return self.state == self.State.STOPPED and bool(self.content)


class CareerProfileProgramme(Orderable):
    """An example programme on a career profile page (careers' CareerProfilePage), edited there in its
    "Example programmes" panel. It lives here because courses builds on careers, never the reverse."""

    page = ParentalKey("careers.CareerProfilePage", on_delete=models.CASCADE, related_name="programme_links")
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("programme")]

    def __str__(self):
        return str(self.programme)


class ProgrammeFeed(models.Model):
    """A provider's file of programmes at an address of theirs (in the import format), pulled every hour and
    imported as an upload is (courses/feeds/). The validators and headers of the last pull make the next one
    conditional, so an unchanged file costs one short request and imports nothing."""

    class Format(models.TextChoices):
        CSV = "csv", "CSV"
        JSON = "json", "JSON"

    class Outcome(models.TextChoices):
        IMPORTED = "imported", "Changed: imported"
        NOT_CHANGED = "not_changed", "Not changed since the last check"
        FAILED = "failed", "Could not be fetched"

    provider = models.OneToOneField(Provider, on_delete=models.CASCADE, related_name="feed")
    url = models.URLField("address of the file", max_length=500)
    format = models.CharField(max_length=4, choices=Format.choices, default=Format.CSV)
    all_or_nothing = models.BooleanField(default=False)
    # The member who agreed to the open licence for whatever the feed holds, and when; each import records it.
    licence_agreed_at = models.DateTimeField()
    licence_agreed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    # The server's validators from the last file imported, sent back as If-None-Match / If-Modified-Since.
    etag = models.CharField(max_length=300, blank=True)
    last_modified = models.CharField(max_length=100, blank=True)
    # A server that ignores both still sends the same bytes: those are not imported again either.
    content_sha256 = models.CharField(max_length=64, blank=True)
    checked_at = models.DateTimeField(null=True, blank=True)
    changed_at = models.DateTimeField(null=True, blank=True)
    last_outcome = models.CharField(max_length=12, choices=Outcome.choices, blank=True)
    last_error = models.TextField(blank=True, help_text="Why the last check failed, in plain English")
    last_import = models.ForeignKey(ProgrammeImport, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    def __str__(self):
        return f"{self.provider}: {self.url}"

    @property
    def filename(self) -> str:
        return f"feed.{self.format}"
