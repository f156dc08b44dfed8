"""People and the organisations (employers, training providers and partner organisations) they act for."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils.text import slugify


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required")
        user = self.model(email=self.normalize_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.update(is_staff=True, is_superuser=True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """Someone with an account. Email is the login; there is no username."""

    class Role(models.TextChoices):
        RESIDENT = "resident", "Resident looking for skills or a job"
        EMPLOYER = "employer", "Someone from an employer"
        PROVIDER = "provider", "Someone from a training provider"
        # A digital helper: someone at a library, community centre or digital champion group who sits with
        # residents. The value matches Organisation.Kind.PARTNER, as the other roles match their kinds.
        PARTNER = "partner", "A digital helper at a library, community centre or digital champion group"

    username = None
    email = models.EmailField("email address", unique=True)
    role = models.CharField(max_length=16, choices=Role.choices, default=Role.RESIDENT)
    # The new organisation someone asked for at sign-up (of the kind their role names). It is created only
    # once they confirm their email address, so no one can put words on the site without a working address.
    organisation_requested = models.CharField(max_length=200, blank=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    class Meta:
        ordering = ["email"]

    def __str__(self):
        return self.get_full_name() or self.email


class Organisation(models.Model):
    """An employer, a training provider or a partner organisation whose digital helpers sit with residents.
    Nothing of theirs is public, and their helpers keep nothing, until a moderator verifies them."""

    class Kind(models.TextChoices):
        EMPLOYER = "employer", "Employer"
        PROVIDER = "provider", "Training provider"
        PARTNER = "partner", "Partner organisation (library, community centre or digital champion group)"

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=220, unique=True)
    kind = models.CharField(max_length=16, choices=Kind.choices)
    website = models.URLField(blank=True)
    # A member's new website for the organisation's public profile waits here until a moderator approves it:
    # postings may link to the profile's website without a moderator looking (publishing.posting_checks.links), so
    # until then the approved one stays in force.
    website_requested = models.URLField("new website waiting for a moderator", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    verified_at = models.DateTimeField(null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["name"]
        permissions = [("verify_organisation", "Can verify employers and training providers")]

    def __str__(self):
        return self.name

    @property
    def is_verified(self) -> bool:
        return self.verified_at is not None

    @property
    def profile(self):
        """The provider's or employer's public profile, or None before a member has set it up (and always for a
        partner organisation, which has none)."""
        if self.kind == self.Kind.PARTNER:
            return None
        return getattr(self, "provider" if self.kind == self.Kind.PROVIDER else "employer", None)

    @classmethod
    def unique_slug_for(cls, name: str) -> str:
        base = slugify(name)[:200] or "organisation"
        slug, n = base, 2
        while cls.objects.filter(slug=slug).exists():
            slug, n = f"{base}-{n}", n + 1
        return slug


class Membership(models.Model):
    """A person acting for an organisation. A request to join waits until an existing member approves."""

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting for approval"
        ACTIVE = "active", "Member"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="memberships")
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    requested_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["requested_at"]
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="one_membership_per_person_and_organisation")
        ]

    def __str__(self):
        return f"{self.user} at {self.organisation} ({self.get_status_display()})"


class OrganisationProfile(models.Model):
    """What a provider's and an employer's public profile share; membership and verification stay on the
    organisation, which each subclass links to with its own one-to-one `organisation` field."""

    description = models.TextField(blank=True)
    website = models.URLField(blank=True)
    is_demo = models.BooleanField(default=False)

    class Meta:
        abstract = True
        ordering = ["organisation__name"]

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        return self.organisation.name

    @property
    def slug(self) -> str:
        return self.organisation.slug

    @property
    def is_verified(self) -> bool:
        return self.organisation.is_verified
