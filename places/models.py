"""Where things are: local authorities, postcode districts and full postcodes, from data/reference (ONS and
OS Code-Point Open, OGL v3.0)."""

from django.core.exceptions import ValidationError
from django.db import models


class LocalAuthority(models.Model):
    code = models.CharField("ONS code", max_length=9, unique=True)
    name = models.CharField(max_length=100)
    kind = models.CharField(max_length=60)
    county = models.CharField(max_length=60)
    status = models.CharField(max_length=200)
    west_yorkshire = models.BooleanField(help_text="A constituent of the West Yorkshire Combined Authority")
    latitude = models.FloatField()
    longitude = models.FloatField()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "local authorities"

    def __str__(self):
        return self.name


class PostcodeDistrict(models.Model):
    """A postcode district (outcode such as LS1) and its centroid, which stands in for any postcode in it."""

    outcode = models.CharField(max_length=4, unique=True)
    area = models.CharField(max_length=2)
    latitude = models.FloatField()
    longitude = models.FloatField()
    places = models.CharField(max_length=300, blank=True)
    post_town = models.CharField(max_length=100, blank=True)
    local_authority = models.ForeignKey(
        LocalAuthority, null=True, blank=True, on_delete=models.SET_NULL, related_name="postcode_districts"
    )
    in_use = models.BooleanField(default=True, help_text="False for terminated and non-geographic districts")

    class Meta:
        ordering = ["area", "outcode"]

    def __str__(self):
        return self.outcode


class Postcode(models.Model):
    """A live full postcode and its own point (OS Code-Point Open), about 15 addresses around one spot.

    Reference data, loaded by migration 0004; a postcode that is not here (terminated, too new, outside the
    region) falls back to its district's centroid.
    """

    postcode = models.CharField(max_length=8, primary_key=True, help_text="As Royal Mail writes it, like LS1 4AP")
    district = models.ForeignKey(PostcodeDistrict, on_delete=models.PROTECT, db_constraint=False, related_name="postcodes")
    latitude = models.FloatField()
    longitude = models.FloatField()
    local_authority = models.ForeignKey(
        LocalAuthority,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        db_constraint=False,
        related_name="+",
        help_text="Empty outside the ten authorities we hold",
    )

    class Meta:
        # 96,000 rows that only migrations write. Unmanaged, so Django's test machinery neither copies them for
        # serialized_rollback nor empties the table after each transactional test (restoring them took over a
        # minute a test); and so no database constraints towards tables that it does empty. Migration 0003
        # creates the table: write any schema change to it by hand, as makemigrations will not.
        managed = False

    def __str__(self):
        return self.postcode


class Located(models.Model):
    """An address with a postcode; the location is the postcode's own point, or its district's centroid when
    we do not hold the full postcode.

    Call resolve_location() (clean() does) after setting the postcode.
    """

    address = models.CharField(max_length=300, blank=True, help_text="Building and street")
    town = models.CharField(max_length=100, blank=True)
    postcode = models.CharField(max_length=8, help_text="For example LS1 4AP")
    district = models.ForeignKey(PostcodeDistrict, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    latitude = models.FloatField(null=True, blank=True, editable=False)
    longitude = models.FloatField(null=True, blank=True, editable=False)
    local_authority = models.ForeignKey(
        LocalAuthority, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )

    class Meta:
        abstract = True

    def resolve_location(self) -> None:
        from .postcodes import PostcodeError, locate

        try:
            place = locate(self.postcode)
        except PostcodeError as error:
            raise ValidationError({"postcode": str(error)}) from None
        self.postcode = place.postcode
        self.district = place.district
        self.latitude, self.longitude = place.latitude, place.longitude
        self.local_authority = place.local_authority

    def clean(self):
        super().clean()
        if self.postcode:
            self.resolve_location()
