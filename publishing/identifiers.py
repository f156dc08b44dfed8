"""Identifiers that national registers give providers, employers and qualifications, so others can match our
records with theirs: UKPRN (UK Register of Learning Providers), Companies House number, LARS learning aim
reference (the Learning Aim Reference Service). Each is optional, and kept in the form the register writes it."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models

# https://www.ukrlp.co.uk/: eight digits, the first always 1.
UKPRN = re.compile(r"1[0-9]{7}")
# https://find-and-update.company-information.service.gov.uk/: eight digits (England and Wales), or two letters
# for where or how it is registered (SC Scotland, NI Northern Ireland, OC a partnership…) and six digits.
COMPANY_NUMBER = re.compile(r"[0-9]{8}|[A-Z]{2}[0-9]{6}")
# https://www.gov.uk/government/publications/learning-aim-reference-service-lars: eight letters and digits.
LARS_CODE = re.compile(r"[A-Z0-9]{8}")


def normalise_code(value: str) -> str:
    """As the register writes it: capitals, no spaces ("sc 123456" → "SC123456")."""
    return "".join((value or "").split()).upper()


def validate_ukprn(value: str) -> None:
    if not UKPRN.fullmatch(value):
        raise ValidationError(
            "Enter a UKPRN of 8 digits starting with 1, like 10001234. You can find it on the UK Register of Learning Providers",
            code="invalid_ukprn",
        )


def validate_company_number(value: str) -> None:
    if not COMPANY_NUMBER.fullmatch(value):
        raise ValidationError(
            "Enter a Companies House number of 8 characters: 8 digits, like 01234567, or 2 letters and 6 digits, "
            "like SC123456",
            code="invalid_company_number",
        )


def validate_lars_code(value: str) -> None:
    if not LARS_CODE.fullmatch(value):
        raise ValidationError(
            "Enter a LARS learning aim reference of 8 letters and digits, like 60312345 or Z0001234",
            code="invalid_lars_code",
        )


class RegisterCodeField(models.CharField):
    """An optional code from a register, written as the register writes it whatever way it was typed, and checked
    by its validator after that (models' full_clean, so portal forms and imports alike)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 8)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)
        # The register's own validator checks the length, with a message that says what to write instead.
        self.validators[:] = [validator for validator in self.validators if not isinstance(validator, MaxLengthValidator)]

    def to_python(self, value):
        return normalise_code(super().to_python(value))

    def formfield(self, **kwargs):
        # Room for the spaces people type ("SC 123 456"): the model keeps it without them, in max_length.
        return super().formfield(**{"max_length": self.max_length + 4, **kwargs})


def one_per_register_code(field: str, *, name: str, message: str) -> models.UniqueConstraint:
    """No two organisations give the same register code; any number give none."""
    return models.UniqueConstraint(fields=[field], condition=~models.Q(**{field: ""}), name=name, violation_error_message=message)
