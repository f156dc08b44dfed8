"""Synthetic opportunities in bulk, for load tests and benchmarks: `generate_opportunities --count N --seed S`.

Not demo content: titles are plausible but formulaic, and the providers and employers are plainly synthetic
("Synthetic provider 0042"). What matters is volume, variety across the fields search filters and ranks on,
and repeatability: the same seed and count give the same rows, so benchmark runs can be compared.

It lives here, beside its command, rather than in courses or careers because it writes to both apps in one
pass (a shared pool of organisations and places, one batching scheme, one digest), and it is a tool for
operators rather than domain logic.

Rows go in with bulk_create (and bulk inserts into the many-to-many tables), which sends no model signals:
after generating, rebuild the search index with `search_index --rebuild`.
"""

import datetime
import hashlib
import random
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from html import escape

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from accounts.models import Organisation
from careers.models import ApprenticeshipStandard, ApprenticeshipVacancy, Employer, SponsoredOpportunity
from courses.models import Programme, ProgrammeRun, Provider, Venue
from pathways.models import SkillArea, Tier
from places.models import PostcodeDistrict
from publishing.models import Status
from publishing.rich_text import clean_rich_text

from .employers import APPRENTICE_MINIMUM_HOURLY, read_roles
from .loading import read

BATCH = 2000
SHARES = {"programmes": 0.70, "vacancies": 0.15}  # the rest are sponsored opportunities

PROVIDER_KINDS = tuple(Provider.Kind.values)


@dataclass(frozen=True)
class Vocabulary:
    """What the generator picks among, from demo/data/synthetic.yaml."""

    topics: dict[str, tuple[str, ...]]  # by skill area code
    titles: dict[str, tuple[tuple[str, str | None], ...]]  # by tier: (pattern, level or None for any level)
    levels: dict[str, tuple[str, ...]]  # by tier
    weeks: tuple[int, ...]
    eligibility: tuple[str, ...]
    languages: tuple[str, ...]
    streets: tuple[str, ...]
    opportunity_titles: dict[str, tuple[str, ...]]  # by kind of sponsored opportunity
    sectors: tuple[str, ...]

    @property
    def foundation_areas(self) -> tuple[str, ...]:
        return tuple(code for code in self.topics if not code.startswith("ADV-"))

    @property
    def specialist_areas(self) -> tuple[str, ...]:
        return tuple(code for code in self.topics if code.startswith("ADV-"))


@cache
def vocabulary() -> Vocabulary:
    data = read("synthetic.yaml")
    titles = {tier: tuple((row["pattern"], row["level"]) for row in rows) for tier, rows in data["titles"].items()}
    return Vocabulary(**{**data, "titles": titles})


def weeks_text(weeks: int) -> str:
    return "1 week" if weeks == 1 else f"{weeks} weeks"


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


@cache
def paragraph(text: str) -> str:
    # Descriptions are built from a bounded set of fragments, each cleaned once: cleaning every row would
    # cost a quarter of a millisecond apiece.
    return clean_rich_text(f"<p>{escape(text, quote=False)}</p>")


@cache
def points(items: tuple[str, ...]) -> str:
    return clean_rich_text("<ul>" + "".join(f"<li>{escape(item, quote=False)}</li>" for item in items) + "</ul>")


@dataclass(frozen=True)
class Place:
    district: PostcodeDistrict
    town: str


class Pool:
    """The synthetic providers, venues and employers items share; entity i is the same whoever creates it."""

    def __init__(self, *, providers: int, employers: int):
        self.places = [
            Place(district, district.post_town.split(",")[0] or district.outcode)
            for district in PostcodeDistrict.objects.filter(in_use=True, local_authority__isnull=False)
            .exclude(outcode__regex=r"^[A-Z]+9[0-9]$")  # bulk-mail districts such as LS98
            .order_by("outcode")
        ]
        self.providers = self._providers(providers)
        self.venues = {provider.pk: [] for provider in self.providers}
        for venue in Venue.objects.filter(provider__in=self.providers).order_by("name"):
            self.venues[venue.provider_id].append(venue)
        self.employers = self._employers(employers)

    def place_for(self, rng: random.Random) -> tuple[Place, str]:
        place = rng.choice(self.places)
        inward = f"{rng.randint(1, 9)}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}"
        return place, f"{place.district.outcode} {inward}"

    def locate(self, item, place: Place, postcode: str) -> None:
        """What Located.resolve_location() sets, from districts already in memory."""
        item.postcode = postcode
        item.district = place.district
        item.latitude, item.longitude = place.district.latitude, place.district.longitude
        item.local_authority_id = place.district.local_authority_id

    def _organisations(self, kind: str, label: str, count: int) -> list[Organisation]:
        names = [f"Synthetic {label} {number:04d}" for number in range(1, count + 1)]
        slugs = [slugify(name) for name in names]
        existing = {org.slug: org for org in Organisation.objects.filter(slug__in=slugs)}
        now = timezone.now()
        missing = [
            Organisation(slug=slug, name=name, kind=kind, website=f"https://{slug}.example", verified_at=now)
            for name, slug in zip(names, slugs, strict=True)
            if slug not in existing
        ]
        for organisation in Organisation.objects.bulk_create(missing, batch_size=BATCH):
            existing[organisation.slug] = organisation
        return [existing[slug] for slug in slugs]

    def _providers(self, count: int) -> list[Provider]:
        organisations = self._organisations(Organisation.Kind.PROVIDER, "provider", count)
        existing = {p.organisation_id: p for p in Provider.objects.filter(organisation__in=organisations)}
        new_providers, new_venues = [], []
        for organisation in organisations:
            if organisation.pk in existing:
                continue
            rng = random.Random(organisation.slug)
            provider = Provider(
                organisation=organisation,
                kind=rng.choice(PROVIDER_KINDS),
                description=f"{organisation.name} is synthetic test data for load and benchmarks, not a real provider.",
                website=organisation.website,
                email=f"courses@{organisation.slug}.example",
                is_demo=True,
            )
            new_providers.append(provider)
            for number in range(rng.randint(1, 3)):
                place, postcode = self.place_for(rng)
                venue = Venue(
                    provider=provider,
                    name=f"{organisation.name}, {place.town} centre {number + 1}",
                    address=f"{rng.randint(1, 200)} {rng.choice(vocabulary().streets)}",
                    town=place.town,
                    step_free_access=rng.random() < 0.8,
                )
                self.locate(venue, place, postcode)
                new_venues.append(venue)
        Provider.objects.bulk_create(new_providers, batch_size=BATCH)
        Venue.objects.bulk_create(new_venues, batch_size=BATCH)
        existing.update({provider.organisation_id: provider for provider in new_providers})
        return [existing[organisation.pk] for organisation in organisations]

    def _employers(self, count: int) -> list[Employer]:
        organisations = self._organisations(Organisation.Kind.EMPLOYER, "employer", count)
        existing = {e.organisation_id: e for e in Employer.objects.filter(organisation__in=organisations)}
        new = []
        for organisation in organisations:
            if organisation.pk in existing:
                continue
            rng = random.Random(organisation.slug)
            new.append(
                Employer(
                    organisation=organisation,
                    sector=rng.choice(vocabulary().sectors),
                    size=rng.choice(Employer.Size.values),
                    disability_confident=rng.choice(Employer.DisabilityConfident.values),
                    description=f"{organisation.name} is synthetic test data, not a real employer.",
                    website=organisation.website,
                    is_demo=True,
                )
            )
        Employer.objects.bulk_create(new, batch_size=BATCH)
        existing.update({employer.organisation_id: employer for employer in new})
        return [existing[organisation.pk] for organisation in organisations]


def prefix(seed: int) -> str:
    return f"gen-{seed}-"


def shares(count: int) -> dict[str, int]:
    programmes = round(count * SHARES["programmes"])
    vacancies = round(count * SHARES["vacancies"])
    return {"programmes": programmes, "vacancies": vacancies, "opportunities": count - programmes - vacancies}


def batches(total: int) -> Iterator[range]:
    for start in range(0, total, BATCH):
        yield range(start, min(start + BATCH, total))


class _Generator:
    def __init__(self, *, seed: int, count: int, today: datetime.date):
        self.seed, self.today = seed, today
        self.rng = random.Random(seed)
        self.words = vocabulary()
        self.pool = Pool(providers=max(10, count // 250), employers=max(5, count // 500))
        self.tiers = {tier.code: tier.pk for tier in Tier.objects.all()}
        self.areas = {area.code: area.pk for area in SkillArea.objects.all()}
        self.standards = list(ApprenticeshipStandard.objects.order_by("title"))
        self.midnight = timezone.make_aware(datetime.datetime.combine(today, datetime.time()))

    def published(self) -> datetime.datetime:
        """Some time in the last 90 days: derived from the seed, so digests match on the same day."""
        return self.midnight - datetime.timedelta(minutes=self.rng.randint(1, 60 * 24 * 90))

    def slug(self, number: int) -> str:
        return f"{prefix(self.seed)}{number:06d}"

    def topic_areas(self, tier: str) -> tuple[str, ...]:
        return self.words.specialist_areas if tier == Tier.ADVANCED else self.words.foundation_areas

    def title_and_level(self, tier: str, topic: str) -> tuple[str, str]:
        pattern, level = self.rng.choice(self.words.titles[tier])
        title = pattern.format(topic=topic, Topic=capitalised(topic))
        return title, level or self.rng.choice(self.words.levels[tier])

    def programmes(self, numbers: range) -> None:
        rng = self.rng
        programmes, areas, venues, runs = [], [], [], []
        for number in numbers:
            tier = rng.choice((Tier.INCLUSION, Tier.GENERAL, Tier.ADVANCED))
            codes = rng.sample(self.topic_areas(tier), rng.choice((1, 1, 2)))
            topic = rng.choice(self.words.topics[codes[0]])
            provider = rng.choice(self.pool.providers)
            provider_venues = self.pool.venues[provider.pk]
            support = tier == Tier.INCLUSION and rng.random() < 0.3
            mode = Programme.DeliveryMode.IN_PERSON if support else rng.choice(Programme.DeliveryMode.values)
            places = (
                []
                if mode == Programme.DeliveryMode.ONLINE
                else rng.sample(provider_venues, min(len(provider_venues), rng.choice((1, 1, 2))))
            )
            title, level = self.title_and_level(tier, topic)
            if support:
                title = f"{capitalised(topic)}: drop-in help at {places[0].name}"
            elif places and rng.random() < 0.5:
                title = f"{title} in {places[0].town}"
            cost = Programme.Cost.FREE if support else rng.choice(Programme.Cost.values)
            weeks = rng.choice(self.words.weeks)
            anytime = support or rng.random() < 0.1
            where = f"in {places[0].town}" if places else "online"
            slug = self.slug(number)
            programme = Programme(
                provider=provider,
                reference=slug,
                kind=Programme.Kind.INCLUSION_SUPPORT if support else Programme.Kind.COURSE,
                title=title,
                slug=slug,
                summary=f"{capitalised(topic)} {where}, for {'beginners' if tier == Tier.INCLUSION else 'adults'}: "
                f"{'drop in any time' if anytime else weeks_text(weeks)}.",
                description=paragraph(f"Learn {topic} {where} with friendly tutors and people like you.")
                + points((f"the basics of {topic}", f"using {topic} in everyday life and work", "where to go next"))
                + paragraph(f"{Programme.Level(level).label}. Delivered {Programme.DeliveryMode(mode).label.lower()}."),
                tier_id=self.tiers[tier],
                level=level,
                delivery_mode=mode,
                cost=cost,
                cost_amount=Decimal(rng.randrange(20, 3000, 5)) if cost == Programme.Cost.PAID else None,
                funding_eligibility=rng.choice(self.words.eligibility) if cost == Programme.Cost.FUNDED else "",
                duration="Drop in any time" if anytime else weeks_text(weeks),
                hours_per_week=Decimal(rng.choice((2, 3, 6, 12, 20))),
                starts_any_time=anytime,
                how_to_apply="Book online or call us.",
                enquiry_url=f"{provider.website}/courses/{slug}",
                free_device_loan=rng.random() < (0.4 if tier == Tier.INCLUSION else 0.05),
                free_data=rng.random() < (0.3 if tier == Tier.INCLUSION else 0.02),
                other_languages=rng.choice(self.words.languages) if rng.random() < 0.15 else "",
                step_free_access=bool(places) and all(place.step_free_access for place in places),
                status=Status.PUBLISHED,
                published_at=self.published(),
                is_demo=True,
            )
            programmes.append(programme)
            areas.append(codes)
            venues.append(places)
            if not anytime:
                start = self.today + datetime.timedelta(days=rng.randint(1, 120))
                runs.append(
                    [
                        (
                            start + datetime.timedelta(weeks=(weeks + 2) * k),
                            weeks,
                            places[k % len(places)] if places else None,
                        )
                        for k in range(rng.choice((1, 1, 2)))
                    ]
                )
            else:
                runs.append([])
        self.save_with_skill_areas(Programme, programmes, areas)
        Programme.venues.through.objects.bulk_create(
            [
                Programme.venues.through(programme_id=p.pk, venue_id=v.pk)
                for p, places in zip(programmes, venues, strict=True)
                for v in places
            ],
            batch_size=BATCH,
        )
        ProgrammeRun.objects.bulk_create(
            [
                ProgrammeRun(
                    programme_id=p.pk,
                    starts_on=start,
                    ends_on=start + datetime.timedelta(weeks=weeks, days=-3),
                    venue_id=venue.pk if venue else None,
                )
                for p, planned in zip(programmes, runs, strict=True)
                for start, weeks, venue in planned
            ],
            batch_size=BATCH,
        )

    def vacancies(self, numbers: range) -> None:
        rng = self.rng
        vacancies, areas = [], []
        for number in numbers:
            standard = rng.choice(self.standards)
            role = read_roles()[standard.title]
            employer = rng.choice(self.pool.employers)
            hours = Decimal(rng.choice((30, 35, 37, 37.5, 40)))
            hourly = max(Decimal(rng.randrange(755, 1600)) / 100, APPRENTICE_MINIMUM_HOURLY)
            closing = self.today + datetime.timedelta(days=rng.randint(7, 70))
            place, postcode = self.pool.place_for(rng)
            slug = self.slug(number)
            vacancy = ApprenticeshipVacancy(
                employer=employer,
                reference=slug,
                standard=standard,
                training_provider=rng.choice(self.pool.providers).organisation,
                title=f"{role.title} in {place.town}",
                slug=slug,
                summary=f"Train as a {role.title.lower()} with {employer.organisation.name} in {place.town}, "
                f"on the level {standard.level} {standard.title} apprenticeship.",
                description=paragraph(f"Join {employer.organisation.name} in {place.town} as an apprentice.")
                + points(role.duties)
                + paragraph(f"You will study for the level {standard.level} {standard.title} apprenticeship."),
                tier_id=self.tiers[role.tier],
                address=f"{rng.randint(1, 200)} {rng.choice(self.words.streets)}",
                town=place.town,
                weekly_wage=(hourly * hours).quantize(Decimal("0.01")),
                hours_per_week=hours,
                closing_date=closing,
                start_date=closing + datetime.timedelta(days=rng.randint(14, 60)),
                positions=rng.randint(1, 3),
                how_to_apply="Apply online with your CV.",
                apply_url=f"{employer.website}/apprenticeships/{slug}",
                status=Status.PUBLISHED,
                published_at=self.published(),
                is_demo=True,
            )
            self.pool.locate(vacancy, place, postcode)
            vacancies.append(vacancy)
            areas.append(role.skill_areas)
        self.save_with_skill_areas(ApprenticeshipVacancy, vacancies, areas)

    def save_with_skill_areas(self, model, items: list, codes_per_item: list) -> None:
        """Insert the items, then their skill areas (a list of codes for each item) in the many-to-many table."""
        for item in items:  # the demo's posters agree to the open licence as they publish
            item.licence_agreed_at = item.published_at
        model.objects.bulk_create(items, batch_size=BATCH)
        through = model.skill_areas.through
        item_id = f"{model._meta.model_name}_id"
        through.objects.bulk_create(
            [
                through(**{item_id: item.pk}, skillarea_id=self.areas[code])
                for item, codes in zip(items, codes_per_item, strict=True)
                for code in codes
            ],
            batch_size=BATCH,
        )

    def opportunities(self, numbers: range) -> None:
        rng = self.rng
        opportunities, areas = [], []
        for number in numbers:
            kind = rng.choice(SponsoredOpportunity.Kind.values)
            tier = rng.choice((Tier.GENERAL, Tier.ADVANCED, Tier.ADVANCED, Tier.ADVANCED))
            codes = rng.sample(self.topic_areas(tier), rng.choice((1, 2)))
            topic = rng.choice(self.words.topics[codes[0]])
            employer = rng.choice(self.pool.employers)
            remote = rng.random() < 0.25
            closing = self.today + datetime.timedelta(days=rng.randint(7, 90))
            slug = self.slug(number)
            title = rng.choice(self.words.opportunity_titles[kind]).format(topic=topic, Topic=capitalised(topic))
            opportunity = SponsoredOpportunity(
                sponsor=employer,
                kind=kind,
                reference=slug,
                title=f"{title} with {employer.organisation.name}",
                slug=slug,
                summary=f"{SponsoredOpportunity.Kind(kind).label} in {topic}, "
                f"sponsored by {employer.organisation.name}.",
                description=paragraph(f"{employer.organisation.name} sponsors this opportunity in {topic}.")
                + points((f"experience of {topic}", "a mentor", "a reference")),
                tier_id=self.tiers[tier],
                is_remote=remote,
                pay=rng.choice(
                    ("£24,000 a year", "Fully funded", "£12.50 an hour", "£3,000 bursary", "Travel expenses paid")
                ),
                closing_date=closing,
                starts_on=closing + datetime.timedelta(days=rng.randint(14, 45)),
                how_to_apply="Apply online.",
                apply_url=f"{employer.website}/opportunities/{slug}",
                status=Status.PUBLISHED,
                published_at=self.published(),
                is_demo=True,
            )
            if not remote:
                place, postcode = self.pool.place_for(rng)
                opportunity.town = place.town
                self.pool.locate(opportunity, place, postcode)
            opportunities.append(opportunity)
            areas.append(codes)
        self.save_with_skill_areas(SponsoredOpportunity, opportunities, areas)


class AlreadyGenerated(Exception):
    pass


def generate(*, count: int, seed: int, today: datetime.date | None = None, progress=None) -> dict[str, int]:
    """Make `count` published, open opportunities (about 70% programmes, 15% vacancies, 15% sponsored)."""
    if any(
        model.objects.filter(slug__startswith=prefix(seed)).exists()
        for model in (Programme, ApprenticeshipVacancy, SponsoredOpportunity)
    ):
        raise AlreadyGenerated(f"Items from seed {seed} already exist (slugs {prefix(seed)}…): use another seed")
    mix = shares(count)
    with transaction.atomic():
        generator = _Generator(seed=seed, count=count, today=today or timezone.localdate())
        start = 0
        for name, make in (
            ("programmes", generator.programmes),
            ("vacancies", generator.vacancies),
            ("opportunities", generator.opportunities),
        ):
            for numbers in batches(mix[name]):
                make(range(start + numbers.start, start + numbers.stop))
                if progress:
                    progress(name, numbers.stop, mix[name])
            start += mix[name]
    return mix


def item_rows(model, start: str, *fields: str):
    """The slug, words and these fields of each item of a kind whose slug starts so, in slug order."""
    queryset = model.objects.filter(slug__startswith=start).order_by("slug")
    return queryset.values_list("slug", "title", "summary", "description", *fields)


def skill_area_rows(model, start: str):
    """(item slug, skill area code) for each item whose slug starts so, in order."""
    item = model._meta.model_name
    return (
        model.skill_areas.through.objects.filter(**{f"{item}__slug__startswith": start})
        .order_by(f"{item}__slug", "skillarea__code")
        .values_list(f"{item}__slug", "skillarea__code")
    )


def digest(*, seed: int) -> str:
    """A fingerprint of everything generated for a seed (not the database's own ids or edit times)."""
    hashed = hashlib.sha256()
    start = prefix(seed)
    queries = [
        item_rows(
            Programme, start,
            "provider__organisation__slug", "tier__code", "level", "kind", "delivery_mode", "cost", "cost_amount",
            "funding_eligibility", "duration", "hours_per_week", "starts_any_time", "free_device_loan", "free_data",
            "other_languages", "step_free_access", "published_at",
        ),  # fmt: skip
        skill_area_rows(Programme, start),
        Programme.venues.through.objects.filter(programme__slug__startswith=start)
        .order_by("programme__slug", "venue__name")
        .values_list("programme__slug", "venue__name", "venue__postcode"),
        ProgrammeRun.objects.filter(programme__slug__startswith=start)
        .order_by("programme__slug", "starts_on")
        .values_list("programme__slug", "starts_on", "ends_on", "venue__name"),
        item_rows(
            ApprenticeshipVacancy, start,
            "employer__organisation__slug", "standard__title", "training_provider__slug", "tier__code", "postcode",
            "latitude", "longitude", "weekly_wage", "hours_per_week", "closing_date", "start_date", "positions",
            "published_at",
        ),  # fmt: skip
        item_rows(
            SponsoredOpportunity, start,
            "sponsor__organisation__slug", "kind", "tier__code", "is_remote", "postcode", "pay", "closing_date",
            "starts_on", "published_at",
        ),  # fmt: skip
        skill_area_rows(ApprenticeshipVacancy, start),
        skill_area_rows(SponsoredOpportunity, start),
    ]
    for query in queries:
        for row in query.iterator(chunk_size=BATCH):
            hashed.update(repr(row).encode())
    return hashed.hexdigest()
