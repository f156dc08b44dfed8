"""Demo employers, their apprenticeship vacancies and sponsored opportunities, from demo/data/employers.yaml.

Needs the demo training providers (demo.providers.load) first. Like demo.providers, it plans everything from a
fixed seed and today's date, then writes only what differs, so running it again changes nothing.
"""

import datetime
import random
import re
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.text import slugify

from accounts.models import Organisation
from careers.models import (
    ApprenticeshipStandard,
    ApprenticeshipVacancy,
    Employer,
    Pledge,
    Sponsor,
    SponsorCampaign,
    SponsoredOpportunity,
)
from courses.models import Provider
from pathways.models import SkillArea, Tier
from publishing.models import Status

from .loading import html, next_monday, profile_sync, read, sync_fields
from .providers import read_providers

SEED = 20250602

# The apprentice rate of the National Minimum Wage from 1 April 2025: £7.55 an hour, for apprentices under 19
# or in the first year of their apprenticeship (https://www.gov.uk/national-minimum-wage-rates). No demo
# vacancy pays less. Check the figure each April.
APPRENTICE_MINIMUM_HOURLY = Decimal("7.55")

# Pay for apprentices by the standard's level, in pounds an hour; every band starts at or above the
# apprentice minimum (APPRENTICE_MINIMUM_HOURLY).
HOURLY_PAY = {3: (7.55, 10.50), 4: (9.00, 12.60), 6: (10.50, 14.50), 7: (13.00, 17.50)}
HOURS = (Decimal("30"), Decimal("35"), Decimal("36"), Decimal("37"), Decimal("37.5"), Decimal("40"))


@dataclass(frozen=True)
class Site:
    address: str
    town: str
    postcode: str


@dataclass(frozen=True)
class DemoEmployer:
    slug: str
    name: str
    sector: str
    size: str
    disability_confident: str
    about: str
    description: str
    sites: tuple[Site, ...]
    teams: tuple[str, ...]
    standards: tuple[str, ...]  # standard titles it recruits apprentices for, most wanted first

    @property
    def website(self) -> str:
        return f"https://{self.slug}.example"


@dataclass(frozen=True)
class Role:
    """What an apprentice on a standard does, and which skill areas and tier that is."""

    title: str
    skill_areas: tuple[str, ...]
    duties: tuple[str, ...]
    looking_for: tuple[str, ...]
    tier: str = "advanced"


@dataclass(frozen=True)
class DemoOpportunity:
    employer: str  # slug
    kind: str
    title: str
    tier: str
    skill_areas: tuple[str, ...]
    pay: str
    summary: str
    offers: tuple[str, ...]
    remote: bool = False
    in_campaign: bool = False
    places: int = 1
    career_changers: bool = False  # welcomes people changing career or returning after a break


@cache
def read_employers() -> tuple[DemoEmployer, ...]:
    data = read("employers.yaml")
    return tuple(
        DemoEmployer(
            **{name: value for name, value in row.items() if name != "sites"},
            description=f"{row['about']} {data['fictional']}",
            sites=tuple(Site(**site) for site in row["sites"]),
        )
        for row in data["employers"]
    )


@cache
def read_roles() -> dict[str, Role]:
    """What an apprentice does, by the title of the apprenticeship standard."""
    return {standard: Role(**role) for standard, role in read("employers.yaml")["roles"].items()}


@cache
def read_opportunities() -> tuple[DemoOpportunity, ...]:
    return tuple(DemoOpportunity(**row) for row in read("employers.yaml")["opportunities"])


def texts(name: str) -> dict:
    """One table of wording from demo/data/employers.yaml: `campaign`, `opportunity_kinds`, `disability_confident`."""
    return read("employers.yaml")[name]


def postcode_area(postcode: str) -> str:
    return re.match(r"[A-Z]+", postcode)[0]


def possessive(name: str) -> str:
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def introduction(employer: DemoEmployer) -> str:
    """The about text ("A start-up in Skipton ...") as a sentence that names the employer."""
    return f"{employer.name} is {employer.about[0].lower()}{employer.about[1:]}"


def demo_employers():
    return Employer.objects.filter(organisation__slug__in=[employer.slug for employer in read_employers()])


def demo_vacancies():
    return ApprenticeshipVacancy.objects.filter(employer__in=demo_employers())


def demo_opportunities():
    return SponsoredOpportunity.objects.filter(sponsor__in=demo_employers())


def totals() -> dict[str, int]:
    return {
        "employers": demo_employers().count(),
        "apprenticeship vacancies": demo_vacancies().count(),
        "sponsored opportunities": demo_opportunities().count(),
    }


class _Slugs:
    def __init__(self):
        self.taken = set()

    def __call__(self, *names: str) -> str:
        candidates = [slugify(name)[:200] for name in names]
        candidates += [f"{candidates[-1]}-{n}" for n in range(2, 100)]
        slug = next(candidate for candidate in candidates if candidate not in self.taken)
        self.taken.add(slug)
        return slug


def pledging_employers() -> set[str]:
    """The employers whose pledges the demo campaign shows: their apprenticeship vacancies are part of it too."""
    return {pledge["employer"] for pledge in texts("campaign")["pledges"]}


def plan_vacancies(today: datetime.date, standards: dict[str, ApprenticeshipStandard]) -> list[dict]:
    """Every demo vacancy as field values (plus `_employer`, `_provider`, `_skill_areas`, `_campaign`), from the
    seed."""
    rng = random.Random(SEED)
    in_campaign = pledging_employers()
    slug_for = _Slugs()
    disability_confident = texts("disability_confident")
    plans = []
    for employer in read_employers():
        wanted = list(employer.standards)
        if employer.size == Employer.Size.LARGE:
            wanted += wanted[:2]
        for number, standard_title in enumerate(wanted):
            standard, role = standards[standard_title], read_roles()[standard_title]
            team = employer.teams[number % len(employer.teams)]
            site = employer.sites[number % len(employer.sites)]
            title = f"{role.title}, {team}"

            kinds = ("university",) if standard.level >= 6 else ("fe_college", "independent")
            eligible = [provider for provider in read_providers() if provider.kind in kinds]
            nearby = [
                provider
                for provider in eligible
                if any(postcode_area(venue.postcode) == postcode_area(site.postcode) for venue in provider.venues)
            ]
            provider = rng.choice(nearby or eligible)

            hours = rng.choice(HOURS)
            low, high = HOURLY_PAY[standard.level]
            hourly = max(Decimal(str(round(rng.uniform(low, high), 2))), APPRENTICE_MINIMUM_HOURLY)
            weekly = (hourly * hours).quantize(Decimal("0.01"))
            closing = today + datetime.timedelta(days=rng.randint(7, 70))
            starts = next_monday(closing + datetime.timedelta(days=rng.randint(14, 60)))
            positions = rng.randint(1, 3)
            months = standard.typical_duration_months or {3: 18, 4: 24, 6: 48, 7: 24}[standard.level]
            slug = slug_for(f"{role.title} {employer.name}", f"{title} {employer.name}")
            openings = {1: "one apprentice", 2: "two apprentices", 3: "three apprentices"}[positions]
            plans.append(
                {
                    "_employer": employer.slug,
                    "_provider": provider.slug,
                    "_skill_areas": role.skill_areas,
                    "_campaign": employer.slug in in_campaign,
                    "reference": f"APP-{number + 1:02d}",
                    "standard_id": standard.pk,
                    "title": title,
                    "slug": slug,
                    "summary": f"Work and train with {possessive(employer.name)} {team} on the level {standard.level} "
                    f"{standard.title} apprenticeship, earning £{weekly:,.2f} a week.",
                    "description": html(
                        f"{introduction(employer)} We are looking for {openings} to join our {team}.",
                        ("What you will do:", role.duties),
                        f"You will work towards the level {standard.level} {standard.title} apprenticeship with "
                        f"{provider.name}, spending about a day a week on off-the-job training. It usually takes "
                        f"around {months} months.",
                        ("We are looking for:", role.looking_for),
                        f"You will work {hours.normalize()} hours a week, Monday to Friday, and earn £{weekly:,.2f} "
                        f"a week. {disability_confident[employer.disability_confident]}".strip(),
                    ),
                    "_tier": role.tier,
                    "address": site.address,
                    "town": site.town,
                    "postcode": site.postcode,
                    "weekly_wage": weekly,
                    "hours_per_week": hours,
                    "closing_date": closing,
                    "start_date": starts,
                    "positions": positions,
                    "how_to_apply": "Apply online with your CV and a few lines about why you want this "
                    "apprenticeship. You do not need experience: we will train you.",
                    "apply_url": f"{employer.website}/apprenticeships/{slug}",
                }
            )
    return plans


def plan_opportunities(today: datetime.date) -> list[dict]:
    rng = random.Random(SEED + 1)
    slug_for = _Slugs()
    kinds, disability_confident = texts("opportunity_kinds"), texts("disability_confident")
    employers = {employer.slug: employer for employer in read_employers()}
    numbers = Counter()
    plans = []
    for opportunity in read_opportunities():
        employer = employers[opportunity.employer]
        numbers[employer.slug] += 1
        site = employer.sites[(numbers[employer.slug] - 1) % len(employer.sites)]
        closing = today + datetime.timedelta(days=rng.randint(10, 60))
        starts = next_monday(closing + datetime.timedelta(days=rng.randint(14, 45)))
        slug = slug_for(opportunity.title, f"{opportunity.title} {employer.name}")
        where = (
            "You can do this from anywhere: it is remote."
            if opportunity.remote
            else f"It is based at our {site.town} site on {site.address}."
        )
        plans.append(
            {
                "_employer": employer.slug,
                "_skill_areas": opportunity.skill_areas,
                "_tier": opportunity.tier,
                "_campaign": opportunity.in_campaign,
                "kind": opportunity.kind,
                "reference": f"SP-{numbers[employer.slug]:02d}",
                "title": opportunity.title,
                "slug": slug,
                "summary": opportunity.summary,
                "description": html(
                    kinds[opportunity.kind]["introduction"].format(employer=employer.name)
                    + f" {introduction(employer)}",
                    ("What you get:", opportunity.offers),
                    f"Pay: {opportunity.pay}. {where}",
                    disability_confident[employer.disability_confident],
                ),
                "is_remote": opportunity.remote,
                "address": "" if opportunity.remote else site.address,
                "town": "" if opportunity.remote else site.town,
                "postcode": "" if opportunity.remote else site.postcode,
                "pay": opportunity.pay,
                "closing_date": closing,
                "starts_on": starts,
                "places": opportunity.places,
                "welcomes_career_changers": opportunity.career_changers,
                "how_to_apply": kinds[opportunity.kind]["how_to_apply"],
                "apply_url": f"{employer.website}/opportunities/{slug}",
            }
        )
    return plans


def _employers_sync(written: Counter) -> dict[str, Employer]:
    employers = {}
    for demo in read_employers():
        fields = {
            "sector": demo.sector,
            "size": demo.size,
            "disability_confident": demo.disability_confident,
            "description": demo.description,
        }
        employers[demo.slug] = profile_sync(
            Employer, kind=Organisation.Kind.EMPLOYER, demo=demo, fields=fields, written=written, counted_as="employers"
        )
    return employers


def _campaign_sync(today: datetime.date, employers: dict[str, Employer], written: Counter) -> SponsorCampaign:
    planned = texts("campaign")
    campaign = SponsorCampaign.objects.filter(slug=planned["slug"]).first() or SponsorCampaign(slug=planned["slug"])
    changed = sync_fields(
        campaign,
        name=planned["name"],
        code=planned["code"],
        description=planned["description"],
        starts_on=today - datetime.timedelta(days=60),
        ends_on=today + datetime.timedelta(days=240),
    )
    sponsors = []
    for slug in dict.fromkeys(opportunity.employer for opportunity in read_opportunities() if opportunity.in_campaign):
        employer = employers[slug]
        sponsor = Sponsor.objects.filter(employer=employer).first() or Sponsor(employer=employer)
        if sync_fields(sponsor, name=employer.organisation.name, website=employer.website):
            sponsor.save()
            written["sponsors"] += 1
        sponsors.append(sponsor)
    if campaign._state.adding or {sponsor.pk for sponsor in campaign.sponsors.all()} != {s.pk for s in sponsors}:
        campaign.sponsors.set(sponsors)
        changed = True
    if changed:
        campaign.save()
        written["sponsor campaigns"] += 1
    _pledges_sync(campaign, employers, written)
    return campaign


def _pledges_sync(campaign: SponsorCampaign, employers: dict[str, Employer], written: Counter) -> None:
    existing = {pledge.sponsor.employer_id: pledge for pledge in campaign.pledges.select_related("sponsor")}
    for number, planned in enumerate(texts("campaign")["pledges"]):
        employer = employers[planned["employer"]]
        pledge = existing.get(employer.pk) or Pledge(campaign=campaign, sponsor=Sponsor.objects.filter(employer=employer).first())
        if sync_fields(pledge, places=planned["places"], description=planned["description"], counts=planned["counts"], sort_order=number):
            pledge.save()
            written["pledges"] += 1


def _items_sync(model, queryset, plans, related: dict, written: Counter, label: str) -> None:
    """Make the demo items of one model match their plans: fields, location, skill areas; drop stale ones."""
    existing = {item.slug: item for item in queryset.prefetch_related("skill_areas")}
    for plan in plans:
        values = {key: value for key, value in plan.items() if not key.startswith("_")}
        extra = {name: resolve(plan) for name, resolve in related.items()}
        item = existing.pop(plan["slug"], None) or model(slug=plan["slug"])
        new = item._state.adding
        moved = item.postcode != values["postcode"] or (values["postcode"] and item.district_id is None)
        changed = sync_fields(item, **values, **extra, status=Status.PUBLISHED, is_demo=True)
        if item.published_at is None:
            item.published_at = timezone.now()
            changed = True
        if item.licence_agreed_at is None:  # the demo's posters agree to the open licence as they publish
            item.licence_agreed_at = item.published_at
            changed = True
        if changed:
            if moved and item.postcode:
                item.resolve_location()
            item.save()
        want_areas = set(plan["_skill_areas"])
        if new or want_areas != {area.code for area in item.skill_areas.all()}:
            item.skill_areas.set(SkillArea.objects.filter(code__in=want_areas))
            changed = True
        if changed:
            written[label] += 1
            try:
                # The database enforces uniqueness; the checks here are the rules a provider or employer meets.
                item.full_clean(validate_unique=False, validate_constraints=False)
            except ValidationError as error:
                raise ValidationError(f"Demo {label} {plan['slug']}: {'; '.join(error.messages)}") from error
    for stale in existing.values():
        if stale.is_demo:
            stale.delete()


def load(*, today: datetime.date | None = None) -> dict[str, int]:
    """Make the demo employers, campaign, vacancies and sponsored opportunities match the plans."""
    today = today or timezone.localdate()
    written = Counter()
    tiers = {tier.code: tier.pk for tier in Tier.objects.all()}
    employers = _employers_sync(written)
    campaign = _campaign_sync(today, employers, written)
    providers = {
        provider.organisation.slug: provider.organisation_id
        for provider in Provider.objects.select_related("organisation").filter(
            organisation__slug__in=[provider.slug for provider in read_providers()]
        )
    }
    standards = {standard.title: standard for standard in ApprenticeshipStandard.objects.all()}
    _items_sync(
        ApprenticeshipVacancy,
        demo_vacancies(),
        plan_vacancies(today, standards),
        {
            "employer_id": lambda plan: employers[plan["_employer"]].pk,
            "training_provider_id": lambda plan: providers[plan["_provider"]],
            "tier_id": lambda plan: tiers[plan["_tier"]],
            "sponsor_campaign_id": lambda plan: campaign.pk if plan["_campaign"] else None,
        },
        written,
        "apprenticeship vacancies",
    )
    _items_sync(
        SponsoredOpportunity,
        demo_opportunities(),
        plan_opportunities(today),
        {
            "sponsor_id": lambda plan: employers[plan["_employer"]].pk,
            "tier_id": lambda plan: tiers[plan["_tier"]],
            "sponsor_campaign_id": lambda plan: campaign.pk if plan["_campaign"] else None,
        },
        written,
        "sponsored opportunities",
    )
    return dict(written)
