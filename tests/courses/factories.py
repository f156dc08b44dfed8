import csv
import datetime
import io

import factory
from django.utils import timezone

from accounts.models import Organisation
from courses.models import Programme, ProgrammeRun, Provider, Venue
from pathways.models import SkillArea, Tier
from publishing.models import Status
from tests.accounts.factories import OrganisationFactory


def tier(code: str) -> Tier:
    return Tier.objects.get(code=code)


def skill_area(code: str) -> SkillArea:
    return SkillArea.objects.get(code=code)


class ProviderFactory(factory.django.DjangoModelFactory):
    """A provider whose organisation is verified, unless verified=False."""

    class Meta:
        model = Provider

    class Params:
        verified = True

    organisation = factory.SubFactory(
        OrganisationFactory,
        kind=Organisation.Kind.PROVIDER,
        verified_at=factory.Maybe(factory.SelfAttribute("..verified"), factory.LazyFunction(timezone.now), None),
    )
    kind = Provider.Kind.FE_COLLEGE
    description = "A further education college with campuses across the city."
    website = "https://college.example.org"


class VenueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Venue
        skip_postgeneration_save = True

    provider = factory.SubFactory(ProviderFactory)
    name = "Central Library"
    address = "Calverley Street"
    town = "Leeds"
    postcode = "LS1 3AB"

    @factory.post_generation
    def located(venue, create, extracted, **kwargs):
        venue.resolve_location()
        if create:
            venue.save()


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme
        skip_postgeneration_save = True

    provider = factory.SubFactory(ProviderFactory)
    reference = factory.Sequence(lambda n: f"PRG-{n:05d}")
    title = factory.Sequence(lambda n: f"Introduction to spreadsheets {n}")
    slug = factory.Sequence(lambda n: f"introduction-to-spreadsheets-{n}")
    summary = "Learn to use spreadsheets for budgets and work, at your own pace."
    description = "<p>Bring your own laptop or borrow one of ours.</p>"
    tier = factory.LazyFunction(lambda: tier("general"))
    level = Programme.Level.L1
    delivery_mode = Programme.DeliveryMode.ONLINE
    cost = Programme.Cost.FREE
    duration = "6 weeks"
    how_to_apply = "Book online or call the college."
    enquiry_url = "https://college.example.org/book"

    @factory.post_generation
    def skill_areas(programme, create, extracted, **kwargs):
        if create:
            programme.skill_areas.set(extracted or [skill_area("EDS-H")])

    @factory.post_generation
    def runs(programme, create, extracted, **kwargs):
        """One run starting in three weeks, unless runs=[] or a list of (start, end) pairs is given."""
        if not create:
            return
        today = timezone.localdate()
        dates = extracted if extracted is not None else [(today + datetime.timedelta(weeks=3), today + datetime.timedelta(weeks=9))]
        for starts_on, ends_on in dates:
            ProgrammeRun.objects.create(programme=programme, starts_on=starts_on, ends_on=ends_on)


def help_to_get_online(title, *, postcode=None, cost=Programme.Cost.FREE, areas=("EDS-F",), tier_code="inclusion", **fields):
    """A published programme that helps people get online: online, or in person at a venue in the postcode."""
    programme = ProgrammeFactory(
        title=title,
        status=Status.PUBLISHED,
        tier=tier(tier_code),
        skill_areas=[skill_area(code) for code in areas],
        cost=cost,
        cost_amount=40 if cost == Programme.Cost.PAID else None,
        delivery_mode=Programme.DeliveryMode.IN_PERSON if postcode else Programme.DeliveryMode.ONLINE,
        **fields,
    )
    if postcode:
        programme.venues.add(VenueFactory(provider=programme.provider, postcode=postcode))
    return programme


# Import files ---------------------------------------------------------------------------------------


def row(**values) -> dict:
    """One row of an import file, valid unless the values given make it otherwise."""
    return {
        "reference": "R1",
        "title": "Email for beginners",
        "summary": "Set up an email account and send your first email.",
        "tier": "inclusion",
        "skill_areas": "EDS-C",
        "delivery_mode": "online",
        "cost": "free",
        "how_to_apply": "Book at the library desk.",
        "starts_any_time": "yes",
        **values,
    }


def csv_bytes(rows: list[dict], *, encoding="utf-8") -> bytes:
    columns = list(dict.fromkeys(name for item in rows for name in item))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode(encoding)
