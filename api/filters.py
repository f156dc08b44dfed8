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
        super().__init__(**kwargs)

    def validate(self, value):
        super().validate(value)
        if value:
            known = list(self.codes())
            if value not in known:
                raise forms.ValidationError(f"Unknown {self.noun}: use one of {', '.join(known)}.")


class ReferenceCodeFilter(django_filters.CharFilter):
    field_class = ReferenceCodeField


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


class UpdatedSinceFilter(django_filters.CharFilter):  # a string in the schema: a date or a date and time
    field_class = DateOrDateTimeField
