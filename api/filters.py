"""Query-string filters of open data, each value checked before it reaches the database."""

import datetime
import re

import django_filters
from django import forms
from django.utils import timezone
from django.utils.dateparse import parse_datetime


class ReferenceCodeField(forms.CharField):
    """A code from reference data; an unknown one is refused with the list of known codes."""

    def __init__(self, *, codes, noun, **kwargs):
        self.codes, self.noun = codes, noun
        super().__init__(strip=False, **kwargs)  # " LS" is not a code: exactly what the schema lists

    def validate(self, value):
        super().validate(value)
        if value:
            known = list(self.codes())
            if value not in known:
                raise forms.ValidationError(f"Unknown {self.noun}: use one of {', '.join(known)}.")


class DescribedFilter(django_filters.CharFilter):
    """A filter that gives the OpenAPI schema exactly the values it accepts (`parameter_schema()`)."""

    def parameter_schema(self) -> dict:
        raise NotImplementedError

    @property
    def _spectacular_annotation(self) -> dict:
        # drf-spectacular reads a filter's schema from this attribute (what @extend_schema_field sets); a property,
        # so that reference codes are read when the schema is made, never at import.
        return {"field": {**self.parameter_schema(), "description": self.extra.get("help_text", "")}}


class ReferenceCodeFilter(DescribedFilter):
    field_class = ReferenceCodeField

    def parameter_schema(self) -> dict:
        return {"type": "string", "enum": ["", *self.extra["codes"]()]}  # empty: no filter


class DateOrDateTimeField(forms.Field):
    """An ISO 8601 date (from midnight, UK time) or date and time (UK time unless it gives an offset)."""

    message = "Enter an ISO 8601 date or date and time, such as 2025-09-01 or 2025-09-01T09:30:00Z."

    def to_python(self, value):
        if value in self.empty_values:
            return None
        # An unencoded "+" in a query string arrives as a space: 2025-09-01T09:30:00 01:00.
        text = re.sub(r"(T[0-9:.]+) ([0-9]{2}:?[0-9]{2})$", r"\1+\2", value.strip())
        try:
            moment = parse_datetime(text)  # Python 3.11 reads a plain date as midnight
            if moment is None:
                raise forms.ValidationError(self.message)
            if timezone.is_naive(moment):
                moment = timezone.make_aware(moment)
            # Out of range once in UTC (year 1 or 9999 with an offset) would otherwise fail in the database.
            return moment.astimezone(datetime.UTC)
        except (ValueError, OverflowError):
            raise forms.ValidationError(self.message) from None


class UpdatedSinceFilter(DescribedFilter):
    field_class = DateOrDateTimeField

    def parameter_schema(self) -> dict:
        return {"anyOf": [{"type": "string", "format": "date"}, {"type": "string", "format": "date-time"}, {"enum": [""]}]}
