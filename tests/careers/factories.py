import datetime

import factory
from django.utils import timezone

from accounts.models import Organisation
from careers.models import ApprenticeshipStandard, ApprenticeshipVacancy, Employer, SponsorCampaign, SponsoredOpportunity
from tests.accounts.factories import OrganisationFactory
from tests.courses.factories import skill_area, tier


def in_days(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


class EmployerFactory(factory.django.DjangoModelFactory):
    """An employer whose organisation is verified, unless verified=False."""

    class Meta:
        model = Employer

    class Params:
        verified = True

    organisation = factory.SubFactory(
        OrganisationFactory,
        kind=Organisation.Kind.EMPLOYER,
        verified_at=factory.Maybe(factory.SelfAttribute("..verified"), factory.LazyFunction(timezone.now), None),
    )
    sector = "Financial services"
    size = Employer.Size.LARGE
    disability_confident = Employer.DisabilityConfident.EMPLOYER
    website = "https://employer.example.org"


class SponsorCampaignFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SponsorCampaign

    name = factory.Sequence(lambda n: f"Digital skills pledge {n}")
    slug = factory.Sequence(lambda n: f"digital-skills-pledge-{n}")
    code = factory.Sequence(lambda n: f"PLEDGE{n:03d}")
    starts_on = factory.LazyFunction(lambda: in_days(-30))
    ends_on = factory.LazyFunction(lambda: in_days(120))


def running_campaign() -> SponsorCampaign:
    """A campaign running today, that portals and imports accept."""
    return SponsorCampaignFactory(name="Digital Futures Pledge", code="DIGITAL26", starts_on=in_days(-10), ends_on=in_days(100))


def ended_campaign() -> SponsorCampaign:
    """A campaign that ended in 2020, that portals and imports refuse."""
    return SponsorCampaignFactory(name="Spring skills pledge", code="SPRING20", starts_on=datetime.date(2020, 3, 1), ends_on=datetime.date(2020, 5, 31))


class ApprenticeshipVacancyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ApprenticeshipVacancy
        skip_postgeneration_save = True

    employer = factory.SubFactory(EmployerFactory)
    standard = factory.LazyFunction(lambda: ApprenticeshipStandard.objects.get(reference="ST0116"))
    title = factory.Sequence(lambda n: f"Software developer apprentice {n}")
    slug = factory.Sequence(lambda n: f"software-developer-apprentice-{n}")
    summary = "Join our development team and study for a level 4 qualification."
    description = "<p>You will build and test web services with experienced developers.</p>"
    tier = factory.LazyFunction(lambda: tier("advanced"))
    address = "1 Wellington Place"
    town = "Leeds"
    postcode = "LS1 4AP"
    weekly_wage = 320
    hours_per_week = 37.5
    closing_date = factory.LazyFunction(lambda: in_days(30))
    start_date = factory.LazyFunction(lambda: in_days(60))
    positions = 2
    how_to_apply = "Apply online with a short statement about why you want to code."
    apply_url = "https://employer.example.org/careers"

    @factory.post_generation
    def located(vacancy, create, extracted, **kwargs):
        vacancy.resolve_location()
        if create:
            vacancy.save()
            vacancy.skill_areas.set([skill_area("ADV-SOFTWARE")])


class SponsoredOpportunityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SponsoredOpportunity
        skip_postgeneration_save = True

    sponsor = factory.SubFactory(EmployerFactory)
    kind = SponsoredOpportunity.Kind.BOOTCAMP_PLACE
    title = factory.Sequence(lambda n: f"Funded data bootcamp place {n}")
    slug = factory.Sequence(lambda n: f"funded-data-bootcamp-place-{n}")
    summary = "A fully funded 12-week data analysis bootcamp place, with an interview at the end."
    description = "<p>For people changing career into data.</p>"
    tier = factory.LazyFunction(lambda: tier("advanced"))
    address = "Bradford Digital Hub"
    town = "Bradford"
    postcode = "BD1 1AA"
    pay = "Fully funded, with a £500 bursary"
    closing_date = factory.LazyFunction(lambda: in_days(21))
    starts_on = factory.LazyFunction(lambda: in_days(45))
    how_to_apply = "Apply online; no experience needed."
    apply_url = "https://employer.example.org/bootcamp"

    @factory.post_generation
    def located(opportunity, create, extracted, **kwargs):
        if opportunity.postcode:
            opportunity.resolve_location()
        if create:
            opportunity.save()
            opportunity.skill_areas.set([skill_area("ADV-DATA")])
