"""Turning one row into a programme of one provider, validated as the portal's forms validate it."""

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

from careers.models import SponsorCampaign
from pathways.models import SkillArea, Tier
from places.postcodes import PostcodeError, normalise
from publishing import services as publishing
from publishing.models import Status
from publishing.rich_text import has_unsafe_markup, rich_text_from_input, validate_rich_text_input

from ..models import NEEDS_CONTACT, NEEDS_START, NEEDS_VENUE, Programme, ProgrammeRun, Venue
from .columns import BOOLEAN_COLUMNS, COLUMNS, REQUIRED_COLUMNS, TEXT_COLUMNS
from .reading import Row, RowError
from .values import ValueProblem, as_text, parse_bool, parse_choice, parse_codes, parse_count, parse_decimal, parse_runs

EMPTY_MESSAGES = {
    "reference": "Give each programme your own reference, so a re-import updates it instead of adding a copy.",
    "skill_areas": "Give at least one skill area code, such as EDS-C or ADV-DATA.",
}
PROBLEM_COLUMNS = {NEEDS_START: "runs", NEEDS_VENUE: "venue_name", NEEDS_CONTACT: "how_to_apply"}


class RowInvalid(Exception):
    def __init__(self, errors: list[RowError]):
        super().__init__(f"{len(errors)} problems")
        self.errors = errors


def _errors_from(error: ValidationError, line: int, *, prefix: str = "", fields=None) -> list[RowError]:
    if not hasattr(error, "error_dict"):
        return [RowError(line, PROBLEM_COLUMNS.get(message, ""), message) for message in error.messages]
    found = []
    for name, errors in error.message_dict.items():
        column = "" if name == NON_FIELD_ERRORS else f"{prefix}{name}"
        if fields is not None and name not in fields and name != NON_FIELD_ERRORS:
            column = ""
        found += [RowError(line, column, message) for message in errors]
    return found


class RowImporter:
    """Turns rows into programmes of one provider, remembering look-ups between rows."""

    def __init__(self, *, provider, by=None, licence_agreed_at=None):
        self.provider = provider
        self.by = by
        self.licence_agreed_at = licence_agreed_at
        self.tiers = {tier.code: tier for tier in Tier.objects.all()}
        self.tier_names = {tier.name.lower(): tier for tier in self.tiers.values()}
        self.skill_areas = {area.code.upper(): area for area in SkillArea.objects.all()}
        self.campaigns = {campaign.code: campaign for campaign in SponsorCampaign.objects.all()}

    def _tier(self, value):
        text = as_text(value).lower()
        tier = self.tiers.get(text) or self.tier_names.get(text)
        if tier is None:
            raise ValueProblem(f'"{as_text(value)}" is not a level of digital skill: use {", ".join(self.tiers)}.')
        return tier

    def _skill_areas(self, value):
        codes = parse_codes(value)
        if not codes:
            raise ValueProblem("Give at least one skill area code, such as EDS-C or ADV-DATA.")
        unknown = [code for code in codes if code.upper() not in self.skill_areas]
        if unknown:
            raise ValueProblem(f"{', '.join(unknown)} {'are not skill area codes' if len(unknown) > 1 else 'is not a skill area code'}: see the list in the format guide.")
        return [self.skill_areas[code.upper()] for code in codes]

    def _campaign(self, value, programme):
        """The campaign of a code, if it runs today or the programme is part of it already; empty: none."""
        code = as_text(value).upper()
        if not code:
            return None
        campaign = self.campaigns.get(code)
        if campaign is None:
            raise ValueProblem(f'"{as_text(value)}" is not the code of a sponsor campaign we know: ask its organisers for the code, like LCRDIGITAL26.')
        if campaign.pk != programme.sponsor_campaign_id:
            refusal = campaign.tagging_refusal()
            if refusal:
                raise ValueProblem(refusal)
        return campaign

    def _venue(self, values, errors, line):
        name, postcode = as_text(values.get("venue_name")), as_text(values.get("venue_postcode"))
        if not (name or postcode):
            return None
        if not postcode:
            errors.append(RowError(line, "venue_postcode", "Give the venue's postcode."))
            return None
        if not name:
            errors.append(RowError(line, "venue_name", "Give the venue's name."))
            return None
        try:
            _, full_postcode = normalise(postcode)
        except PostcodeError as error:
            errors.append(RowError(line, "venue_postcode", str(error)))
            return None
        venue = Venue.objects.filter(provider=self.provider, name__iexact=name, postcode=full_postcode).first()
        venue = venue or Venue(provider=self.provider, name=name, postcode=postcode)
        for column, attribute in [("venue_address", "address"), ("venue_town", "town")]:
            if column in values:
                setattr(venue, attribute, as_text(values[column]))
        if "venue_step_free_access" in values:
            try:
                venue.step_free_access = parse_bool(values["venue_step_free_access"])
            except ValueProblem as problem:
                errors.append(RowError(line, "venue_step_free_access", str(problem)))
        try:
            venue.full_clean(exclude=["provider"])
        except ValidationError as error:
            errors += _errors_from(error, line, prefix="venue_")
            return None
        return venue

    def apply(self, row: Row) -> tuple[Programme, bool, list[RowError]]:
        """Create or update the row's programme. Raises RowInvalid, leaving the caller to roll back."""
        line, values = row.line, row.values
        errors = list(row.errors)
        notes = []
        if errors:
            raise RowInvalid(errors)
        empty = [column for column in REQUIRED_COLUMNS if column in values and not as_text(values[column]) and values[column] != []]
        if empty:
            raise RowInvalid([RowError(line, column, EMPTY_MESSAGES.get(column, f"The {column.replace('_', ' ')} is empty: every programme needs one.")) for column in empty])
        reference = as_text(values.get("reference"))
        existing = Programme.objects.filter(provider=self.provider, reference=reference).first()
        programme = existing or Programme(provider=self.provider, reference=reference)
        parsed = {}

        def read(column, parser):
            if column not in values:
                return
            try:
                parsed[column] = parser(values[column])
            except ValueProblem as problem:
                errors.append(RowError(line, column, str(problem)))

        for column in TEXT_COLUMNS:
            read(column, as_text)
        for column in BOOLEAN_COLUMNS + ["publish"]:
            read(column, parse_bool)
        read("kind", lambda value: parse_choice(value, Programme.Kind.choices) if as_text(value) else Programme.Kind.COURSE)
        read("level", lambda value: parse_choice(value, Programme.Level.choices) if as_text(value) else Programme.Level.ENTRY)
        read("delivery_mode", lambda value: parse_choice(value, Programme.DeliveryMode.choices))
        read("cost", lambda value: parse_choice(value, Programme.Cost.choices))
        read("cost_amount", parse_decimal)
        read("hours_per_week", parse_decimal)
        read("tier", self._tier)
        read("skill_areas", self._skill_areas)
        read("runs", parse_runs)
        read("places", lambda value: parse_count(value) or Programme._meta.get_field("places").default)
        read("sponsor_campaign", lambda value: self._campaign(value, programme))
        if "description" in values:
            description = as_text(values["description"])
            try:
                validate_rich_text_input(description)  # before parsing: a huge value is never parsed
            except ValidationError as error:
                errors += [RowError(line, "description", message) for message in error.messages]
            else:
                parsed["description"] = rich_text_from_input(description)
                if has_unsafe_markup(description):
                    notes.append(RowError(line, "description", "We removed scripts, styles or unsafe links from the description."))
        venue = self._venue(values, errors, line)

        for column, value in parsed.items():
            if column not in {"skill_areas", "runs", "publish"}:
                setattr(programme, column, value)
        if not programme.slug:
            programme.slug = publishing.unique_slug(Programme, programme.title or reference)
        runs = parsed.get("runs")
        for starts_on, ends_on, _ in runs or []:
            if ends_on and ends_on < starts_on:
                errors.append(RowError(line, "runs", f"The run starting {starts_on:%Y-%m-%d} ends before it starts."))
        # Whether a public programme may stay public is checked once its runs and venue are saved (below).
        status, programme.status = programme.status, Status.DRAFT
        try:
            programme.full_clean(exclude=["provider", "slug", *[name for name in {e.field for e in errors} if name]])
        except ValidationError as error:
            errors += _errors_from(error, line, fields=COLUMNS)
        finally:
            programme.status = status
        if errors:
            raise RowInvalid(errors)

        created = programme.pk is None
        if self.licence_agreed_at is not None:  # agreed once for the file, recorded on each of its programmes
            programme.licence_agreed_at = self.licence_agreed_at
        programme.save()
        if "skill_areas" in parsed:
            programme.skill_areas.set(parsed["skill_areas"])
        if venue is not None:
            venue.save()
            programme.venues.set([venue])
        if runs is not None:
            self._replace_runs(programme, runs, venue)
        try:
            if parsed.get("publish") and programme.status not in {Status.PUBLISHED, Status.PENDING_REVIEW}:
                if self.by is None:
                    publishing.item_publish_from_feed(item=programme)
                else:
                    publishing.item_publish(item=programme, by=self.by)
            else:
                publishing.item_edited(item=programme, by=self.by)
        except ValidationError as error:
            raise RowInvalid(_errors_from(error, line)) from None
        return programme, created, notes

    def _replace_runs(self, programme, runs, venue):
        kept = []
        for starts_on, ends_on, note in runs:
            run, _ = ProgrammeRun.objects.update_or_create(
                programme=programme, starts_on=starts_on, defaults={"ends_on": ends_on, "note": note}
            )
            kept.append(run.pk)
        programme.runs.exclude(pk__in=kept).delete()
