"""Personal pathway plans that a resident chose to keep: in their account, or behind a private link.

A plan keeps the answers (never a name, an email address or a full postcode: only the first part of the
postcode) and the plan as it was last built, so new matches can be told apart from ones already shown.
"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q

# 30 characters that cannot be mistaken for each other when read aloud or written down: no 0/O, 1/I/L, U.
REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
REFERENCE_LENGTH = 8
TOKEN_BYTES = 24  # 32 URL-safe characters: 192 random bits


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def new_reference() -> str:
    return "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(REFERENCE_LENGTH))


def format_reference(reference: str) -> str:
    """"K7F3QX9M" → "K7F3-QX9M", easier to read over the phone."""
    return f"{reference[:4]}-{reference[4:]}" if reference else ""


class PathwayPlan(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="pathway_plans"
    )
    # The link opens the plan on its own, so it is long and random; it sits beside the plan it protects, so
    # hashing it would not protect anything more.
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    reference = models.CharField(max_length=REFERENCE_LENGTH, unique=True, null=True, blank=True, editable=False)
    check_outcode = models.CharField(
        max_length=4, blank=True, help_text="The first part of a postcode that, with the reference, opens the plan"
    )
    answers = models.JSONField(help_text="The self-assessment answers, as the API takes them")
    snapshot = models.JSONField(default=dict, help_text="The plan as last built: placement, steps and matches")
    seen_opportunities = models.JSONField(default=list, help_text="Ids of the opportunities already shown")
    notify_new_matches = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    refreshed_at = models.DateTimeField(null=True, blank=True)
    opened_at = models.DateTimeField(null=True, blank=True)
    notified_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(reference__isnull=True) | ~Q(check_outcode=""), name="pathway_plan_reference_needs_second_factor"
            ),
            models.CheckConstraint(
                condition=Q(notify_new_matches=False) | Q(user__isnull=False), name="pathway_plan_notifications_need_account"
            ),
        ]

    def __str__(self):
        return f"Pathway plan {self.pk} ({self.created_at:%d %B %Y})"

    @property
    def reference_display(self) -> str:
        return format_reference(self.reference or "")
