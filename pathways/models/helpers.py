"""Plans a digital helper kept for a resident they sat with, in their partner organisation's list.

The resident agreed to it, and the record holds nothing more personal than a first name or initials and the
first part of their postcode. Only active members of the organisation (while it is verified) can see it.
"""

from django.conf import settings
from django.db import models

from .plans import PathwayPlan


class HelpedResident(models.Model):
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.CASCADE, related_name="+")
    # Deleting the plan deletes this record too: a resident who withdraws consent leaves nothing behind.
    plan = models.OneToOneField(PathwayPlan, on_delete=models.CASCADE, related_name="helped_resident")
    name = models.CharField("first name or initials", max_length=20)
    outcode = models.CharField("first part of the postcode", max_length=4)
    consent_at = models.DateTimeField(help_text="When the resident agreed that the organisation keeps their plan")
    helped_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    helped_at = models.DateTimeField(help_text="The last visit: when the plan was kept or last updated")

    class Meta:
        ordering = ["-helped_at", "-pk"]

    def __str__(self):
        return f"{self.name} ({self.outcode})"
