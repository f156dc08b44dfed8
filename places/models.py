"""Where things are: local authorities and postcode districts, from data/reference (ONS, OGL v3.0)."""

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


class Located(models.Model):
    """An address with a postcode; the location comes from the postcode's district.

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
        self.local_authority = place.district.local_authority

    def clean(self):
        super().clean()
        if self.postcode:
            self.resolve_location()
