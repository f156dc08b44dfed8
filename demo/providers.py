"""Demo training providers, their venues and programmes, from demo/data/providers.yaml and programmes.yaml.

`plan_programmes()` decides everything from a fixed seed (and today's date, so runs stay in the future);
`load()` makes the database match that plan, writing only what differs, so running it again changes nothing.
"""

import datetime
import random
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.text import slugify

from accounts.models import Organisation
from courses.models import Programme, ProgrammeRun, Provider, Venue
from pathways.models import SkillArea, Tier
from publishing.models import Status

from .loading import html, next_monday, profile_sync, read, sync_fields

SEED = 20250601

# Provider kinds that help people in their own rooms: they hold the drop-ins, and teach in person when they can.
COMMUNITY = ("library", "community_centre", "charity")


@dataclass(frozen=True)
class DemoVenue:
    name: str
    address: str
    town: str
    postcode: str
    step_free_access: bool = True


@dataclass(frozen=True)
class DemoProvider:
    slug: str
    name: str
    kind: str
    description: str
    phone: str
    venues: tuple[DemoVenue, ...]

    @property
    def website(self) -> str:
        return f"https://{self.slug}.example"

    @property
    def email(self) -> str:
        return f"courses@{self.slug}.example"


@dataclass(frozen=True)
class DemoCourse:
    """One kind of course or help session; several providers may run it."""

    key: str
    tier: str
    areas: tuple[str, ...]
    titles: tuple[str, ...]
    summary: str
    intro: str
    learn: tuple[str, ...]
    providers: tuple[str, ...]
    levels: tuple[str, ...] = ("entry",)
    modes: tuple[str, ...] = ("in_person",)
    costs: tuple[str, ...] = ("free",)
    price: tuple[int, int] = (0, 0)
    weeks: int = 6
    hours: str = "2"
    kind: str = "course"
    device_loan: float = 0.0
    free_data: float = 0.0
    languages: float = 0.0
    self_paced: bool = False
    drop_in: bool = False  # people come along without booking


@dataclass(frozen=True)
class Catalogue:
    """What the providers teach, and the wording the plan picks from (demo/data/programmes.yaml)."""

    inclusion_support: tuple[DemoCourse, ...]
    courses: tuple[DemoCourse, ...]  # the drop-in help first, then the courses of every tier
    targets: dict[str, int]  # how many programmes of each tier
    inclusion_support_count: int  # how many of the inclusion tier are drop-in help
    funding_rules: dict[str, tuple[str, ...]]
    languages: tuple[str, ...]
    drop_in_times: tuple[str, ...]
    class_times: dict[str, tuple[str, ...]]
    who_for: dict[str, tuple[str, ...]]
    career_changers_welcome: tuple[str, ...]  # the who_for sentences that welcome career changers and returners
    how_to_apply: dict[str, str]


@cache
def read_providers() -> tuple[DemoProvider, ...]:
    data = read("providers.yaml")
    return tuple(
        DemoProvider(
            slug=row["slug"],
            name=row["name"],
            kind=row["kind"],
            description=f"{row['about']} {data['fictional']}",
            phone=row["phone"],
            venues=tuple(DemoVenue(**venue) for venue in row["venues"]),
        )
        for row in data["providers"]
    )


@cache
def read_catalogue() -> Catalogue:
    data = read("programmes.yaml")
    inclusion_support = tuple(DemoCourse(**row) for row in data["inclusion_support"])
    return Catalogue(
        inclusion_support=inclusion_support,
        courses=inclusion_support + tuple(DemoCourse(**row) for row in data["courses"]),
        **{name: data[name] for name in Catalogue.__dataclass_fields__ if name not in {"inclusion_support", "courses"}},
    )


@dataclass(frozen=True)
class ProgrammePlan:
    provider: DemoProvider
    course: DemoCourse
    reference: str
    venues: tuple[DemoVenue, ...]
    areas: tuple[str, ...]
    runs: tuple[tuple[datetime.date, datetime.date, DemoVenue | None, str], ...]
    values: dict


def address_of(venue: DemoVenue) -> str:
    street = "" if venue.address in venue.name else f", {venue.address}"
    return f"{venue.name}{street}, {venue.town}"


def duration_text(course: DemoCourse) -> str:
    if course.kind == Programme.Kind.INCLUSION_SUPPORT:
        return "Drop in: no need to book"
    if course.self_paced:
        return "About 10 hours, at your own pace"
    if course.weeks >= 52:
        return f"{course.weeks // 52} years, part-time"
    if course.weeks >= 30:
        return f"One academic year ({course.weeks} weeks)"
    return f"{course.weeks} weeks"


def funding_rule(rng: random.Random, course: DemoCourse, provider: DemoProvider, level: str) -> str:
    rules = read_catalogue().funding_rules[course.tier]
    if course.tier != "advanced":
        return rng.choice(rules)
    if level == "3" and provider.kind == "fe_college":
        return rng.choice(rules[1:])
    return rules[0]


def programme_description(
    *, course, venues, who, when, device_loan, free_data, languages, cost, amount, eligibility
) -> str:
    """What a resident reads: what it is, what they learn, who it is for, where and when, and what it costs."""
    drop_in = course.kind == Programme.Kind.INCLUSION_SUPPORT
    where = []
    if venues:
        names = " and ".join(address_of(venue) for venue in venues)
        where.append(f"{'Come along to' if drop_in else 'Sessions take place at'} {names}.")
        if all(venue.step_free_access for venue in venues):
            where.append("There is step-free access and an accessible toilet.")
        else:
            where.append("There are steps at the entrance: call us and we will arrange help or another room.")
    elif course.self_paced:
        where.append("You study online whenever suits you, with a tutor to message or phone.")
    else:
        where.append("You learn online in live sessions with a tutor: you need a device and an internet connection.")
    if when:
        where.append(f"Open {when}.")
    if device_loan:
        where.append("You can borrow a laptop or tablet for free if you do not have one.")
    if free_data:
        where.append("We can give you a free SIM card with mobile data.")
    if languages:
        where.append(f"Help is available in {languages}.")

    if cost == Programme.Cost.FREE:
        money = "It is free."
    elif cost == Programme.Cost.FUNDED:
        money = f"{eligibility}. If you are not sure whether you qualify, ask us and we will check."
    else:
        money = f"The fee is £{amount:,.0f}{' a year' if course.weeks >= 52 else ''}. You can pay in instalments."
    return html(
        course.intro,
        ("We can help with:" if drop_in else "You will learn:", course.learn),
        who,
        " ".join(where),
        money,
    )


class _Planner:
    def __init__(self, today: datetime.date):
        self.today = today
        self.rng = random.Random(SEED)
        self.catalogue = read_catalogue()
        self.load = Counter()
        self.venue_use = Counter()
        self.references = Counter()
        self.slugs = set()
        self.plans: list[ProgrammePlan] = []

    def slug_for(self, title: str, provider: DemoProvider) -> str:
        candidates = [slugify(title)[:200], slugify(f"{title} {provider.name}")[:200]]
        candidates += [f"{candidates[1]}-{n}" for n in range(2, 100)]
        slug = next(candidate for candidate in candidates if candidate not in self.slugs)
        self.slugs.add(slug)
        return slug

    def venues_for(self, provider: DemoProvider, mode: str) -> tuple[DemoVenue, ...]:
        if mode == Programme.DeliveryMode.ONLINE:
            return ()
        ranked = sorted(provider.venues, key=lambda venue: self.venue_use[venue])
        # Colleges sometimes run the same course at two campuses.
        count = 2 if provider.kind == "fe_college" and len(ranked) > 1 and self.rng.random() < 0.2 else 1
        return tuple(ranked[:count])

    def mode_for(self, course: DemoCourse, provider: DemoProvider) -> str:
        if provider.kind == "online":
            return Programme.DeliveryMode.ONLINE
        if provider.kind in COMMUNITY and "in_person" in course.modes:
            return Programme.DeliveryMode.IN_PERSON
        return self.rng.choice(course.modes)

    def add(self, course: DemoCourse, provider: DemoProvider, venue=None) -> None:
        rng = self.rng
        mode = self.mode_for(course, provider)
        venues = (venue,) if venue else self.venues_for(provider, mode)
        for used in venues:
            self.venue_use[used] += 1
        self.load[provider.slug] += 1
        self.references[(provider.slug, course.key)] += 1
        reference = f"{course.key}-{self.references[(provider.slug, course.key)]}"
        place = venues[0] if venues else None
        title = rng.choice(course.titles).format(venue=place.name if place else "", town=place.town if place else "")
        level = rng.choice(course.levels)

        cost = rng.choice(course.costs)
        amount, eligibility = None, ""
        if cost == Programme.Cost.PAID:
            low, high = course.price
            step = 50 if high >= 1000 else 5
            amount = Decimal(rng.randrange(low, high + 1, step))
        elif cost == Programme.Cost.FUNDED:
            eligibility = funding_rule(rng, course, provider, level)

        special_devices = provider.slug == "second-life-devices"
        device_loan = rng.random() < course.device_loan or special_devices
        free_data = rng.random() < course.free_data or special_devices
        languages = ""
        if rng.random() < course.languages or provider.slug == "open-doors-digital":
            languages = rng.choice(self.catalogue.languages)
        step_free = bool(venues) and all(used.step_free_access for used in venues)

        runs = ()
        drop_in = course.kind == Programme.Kind.INCLUSION_SUPPORT
        starts_any_time = drop_in or course.self_paced
        when = rng.choice(self.catalogue.drop_in_times) if drop_in else rng.choice(self.catalogue.class_times[mode])
        if not starts_any_time:
            long_course = course.weeks >= 30
            start = next_monday(
                self.today + datetime.timedelta(days=rng.randint(20, 120) if long_course else rng.randint(3, 45))
            )
            planned = []
            for number in range(1 if long_course else rng.choice((1, 2, 2, 3))):
                ends = start + datetime.timedelta(weeks=course.weeks, days=-3)
                planned.append((start, ends, venues[number % len(venues)] if venues else None, when))
                start = next_monday(ends + datetime.timedelta(days=rng.choice((7, 14, 28))))
            runs = tuple(planned)

        slug = self.slug_for(title, provider)
        who = rng.choice(self.catalogue.who_for[course.tier])
        self.plans.append(
            ProgrammePlan(
                provider=provider,
                course=course,
                reference=reference,
                venues=venues,
                areas=course.areas,
                runs=runs,
                values={
                    "kind": course.kind,
                    "title": title,
                    "slug": slug,
                    "summary": course.summary,
                    "description": programme_description(
                        course=course,
                        venues=venues,
                        who=who,
                        when=when if drop_in else "",
                        device_loan=device_loan,
                        free_data=free_data,
                        languages=languages,
                        cost=cost,
                        amount=amount,
                        eligibility=eligibility,
                    ),
                    "level": level,
                    "delivery_mode": mode,
                    "cost": cost,
                    "cost_amount": amount,
                    "funding_eligibility": eligibility,
                    "duration": duration_text(course),
                    "hours_per_week": Decimal(course.hours),
                    "starts_any_time": starts_any_time,
                    "how_to_apply": self.catalogue.how_to_apply[provider.kind],
                    "enquiry_url": f"{provider.website}/courses/{slug}",
                    "enquiry_email": provider.email,
                    "enquiry_phone": provider.phone,
                    "free_device_loan": device_loan,
                    "free_data": free_data,
                    "other_languages": languages,
                    "step_free_access": step_free,
                    "drop_in": course.drop_in,
                    "welcomes_career_changers": who in self.catalogue.career_changers_welcome,
                },
            )
        )


def plan_programmes(today: datetime.date) -> list[ProgrammePlan]:
    """Every demo programme, decided from the seed: drop-in help first, then courses tier by tier."""
    planner = _Planner(today)
    catalogue = planner.catalogue
    places = [
        (provider, venue)
        for provider in read_providers()
        if provider.kind in COMMUNITY
        for venue in provider.venues
    ]
    offered = set()
    for provider, venue in places + planner.rng.sample(places, len(places)):
        if len(planner.plans) == catalogue.inclusion_support_count:
            break
        choices = [
            course
            for course in catalogue.inclusion_support
            if provider.kind in course.providers and (venue, course.key) not in offered
        ]
        course = planner.rng.choice(choices)
        offered.add((venue, course.key))
        planner.add(course, provider, venue)

    for tier, target in catalogue.targets.items():
        courses = [
            course for course in catalogue.courses if course.tier == tier and course.kind == Programme.Kind.COURSE
        ]
        made = sum(1 for plan in planner.plans if plan.course.tier == tier)
        for number in range(target - made):
            course = courses[number % len(courses)]
            eligible = [
                provider
                for provider in read_providers()
                if provider.kind in course.providers and (provider.kind != "online" or "online" in course.modes)
            ]
            least = min(planner.load[provider.slug] for provider in eligible)
            planner.add(course, planner.rng.choice([p for p in eligible if planner.load[p.slug] == least]))
    return planner.plans


def demo_providers():
    return Provider.objects.filter(organisation__slug__in=[provider.slug for provider in read_providers()])


def demo_programmes():
    return Programme.objects.filter(provider__in=demo_providers())


def totals() -> dict[str, int]:
    return {
        "providers": demo_providers().count(),
        "venues": Venue.objects.filter(provider__in=demo_providers()).count(),
        "programmes": demo_programmes().count(),
        "programme runs": ProgrammeRun.objects.filter(programme__in=demo_programmes()).count(),
    }


def _provider_sync(demo: DemoProvider, written: Counter) -> tuple[Provider, dict[str, Venue]]:
    fields = {"kind": demo.kind, "description": demo.description, "phone": demo.phone, "email": demo.email}
    provider = profile_sync(
        Provider, kind=Organisation.Kind.PROVIDER, demo=demo, fields=fields, written=written, counted_as="providers"
    )
    existing = {venue.name: venue for venue in provider.venues.all()}
    venues = {}
    for planned in demo.venues:
        venue = existing.pop(planned.name, None) or Venue(provider=provider, name=planned.name)
        moved = venue.postcode != planned.postcode or venue.district_id is None
        if sync_fields(
            venue,
            address=planned.address,
            town=planned.town,
            postcode=planned.postcode,
            step_free_access=planned.step_free_access,
        ):
            if moved:
                venue.resolve_location()
            venue.save()
            written["venues"] += 1
        venues[planned.name] = venue
    for stale in existing.values():
        stale.delete()
    return provider, venues


def load(*, today: datetime.date | None = None) -> dict[str, int]:
    """Make the demo providers, venues and programmes match the plan; returns how many rows were written."""
    today = today or timezone.localdate()
    tiers = {tier.code: tier.pk for tier in Tier.objects.all()}
    areas = {area.code: area.pk for area in SkillArea.objects.all()}
    written = Counter()
    providers, venues = {}, {}
    for demo in read_providers():
        providers[demo.slug], provider_venues = _provider_sync(demo, written)
        venues.update({(demo.slug, name): venue for name, venue in provider_venues.items()})

    existing = {
        (programme.provider_id, programme.reference): programme
        for programme in Programme.objects.filter(provider__in=providers.values()).prefetch_related(
            "skill_areas", "venues", "runs"
        )
    }
    for plan in plan_programmes(today):
        provider = providers[plan.provider.slug]
        programme = existing.pop((provider.pk, plan.reference), None) or Programme(
            provider=provider, reference=plan.reference
        )
        new = programme._state.adding
        want_runs = sorted(
            (starts, ends, venues[(plan.provider.slug, venue.name)].pk if venue else None, note)
            for starts, ends, venue, note in plan.runs
        )
        have_runs = [] if new else sorted((r.starts_on, r.ends_on, r.venue_id, r.note) for r in programme.runs.all())
        changed = sync_fields(
            programme, **plan.values, tier_id=tiers[plan.course.tier], status=Status.PUBLISHED, is_demo=True
        )
        if programme.published_at is None:
            programme.published_at = timezone.now()
            changed = True
        if programme.licence_agreed_at is None:  # the demo's posters agree to the open licence as they publish
            programme.licence_agreed_at = programme.published_at
            changed = True
        # New dates change the programme too (bulk-created runs send no signals of their own).
        if changed or want_runs != have_runs:
            programme.save()

        want_areas = {areas[code] for code in plan.areas}
        want_venues = {venues[(plan.provider.slug, venue.name)].pk for venue in plan.venues}
        if new or want_areas != {area.pk for area in programme.skill_areas.all()}:
            programme.skill_areas.set(want_areas)
            changed = True
        if new or want_venues != {venue.pk for venue in programme.venues.all()}:
            programme.venues.set(want_venues)
            changed = True
        if want_runs != have_runs:
            ProgrammeRun.objects.filter(programme=programme).delete()
            ProgrammeRun.objects.bulk_create(
                ProgrammeRun(programme=programme, starts_on=starts, ends_on=ends, venue_id=venue_id, note=note)
                for starts, ends, venue_id, note in want_runs
            )
            written["programme runs"] += len(want_runs)
            changed = True
        if changed:
            written["programmes"] += 1
            try:
                # The database enforces uniqueness; the checks here are the rules a provider or employer meets.
                programme.full_clean(validate_unique=False, validate_constraints=False)
            except ValidationError as error:
                raise ValidationError(f"Demo programme {plan.values['slug']}: {'; '.join(error.messages)}") from error
    for stale in existing.values():
        if stale.is_demo:
            stale.delete()
    return dict(written)
