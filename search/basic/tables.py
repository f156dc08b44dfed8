"""How each searched table answers the basic search's filters, in SQL.

One Table per source (search.sources): its public rows, the facet columns (tier, level, way of learning, free,
sponsored) as expressions every kind of item shares, the other filters as conditions, and the values results
are sorted by. A filter a kind of item cannot meet (help to start for a vacancy, a closing date for a programme)
leaves that kind out, as the engine does when the field is missing from its documents.
"""

import datetime
import math
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Callable

from django.db.models import BooleanField, Case, CharField, ExpressionWrapper, F, FloatField, Min, Q, QuerySet, Value, When
from django.db.models.functions import ASin, Cast, Cos, Power, Radians, Sin, Sqrt
from django.db.models.lookups import GreaterThanOrEqual, LessThanOrEqual
from django.db import connection
from django.utils import timezone

from careers.models import DISABILITY_CONFIDENT_LEVELS, ApprenticeshipVacancy, SponsoredOpportunity
from courses.last_run_start import LastRunStart
from courses.models import Programme, ProgrammeRun, Venue
from places.distances import EARTH_RADIUS_MILES

from ..params import SearchParams
from ..sources import PROGRAMME, SOURCES_BY_LABEL, SPONSORED, VACANCY, Source

@contextmanager
def without_nested_loops():
    """For the capped counts and the online programmes after the nearest. With a LIMIT, PostgreSQL expects the
    first matches early and picks nested loops over the verified organisations, which a narrow search (a plan's
    step: a tier, skill areas, free) then walks in full, millions of joined rows for a few thousand matches: hash
    joins read each match once. The other queries keep nested loops: measured, they are faster with them."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT set_config('enable_nestloop', 'off', true)")
        try:
            yield
        finally:
            cursor.execute("SELECT set_config('enable_nestloop', 'on', true)")


NOTHING = Q(pk__in=[])
MILES_PER_DEGREE = 69.0  # of latitude; of longitude, times the cosine of the latitude


def miles_from(params: SearchParams, prefix: str = ""):
    """Great-circle distance from the searched place to a row's point, in SQL (places.distances' haversine)."""
    lat, lon = params.near.latitude, params.near.longitude
    row_lat, row_lon = F(f"{prefix}latitude"), F(f"{prefix}longitude")
    half_dlat, half_dlon = Radians(row_lat - Value(lat)) / 2, Radians(row_lon - Value(lon)) / 2
    a = Power(Sin(half_dlat), 2) + Value(math.cos(math.radians(lat))) * Cos(Radians(row_lat)) * Power(Sin(half_dlon), 2)
    return Value(2 * EARTH_RADIUS_MILES) * ASin(Sqrt(a))


def in_radius(params: SearchParams, prefix: str = "") -> Q:
    """A row's point is within the radius: a box on latitude and longitude first (cheap), then the distance. A
    condition on the row itself, so a table's own points are tested as it is read, not in a second pass."""
    lat, lon, radius = params.near.latitude, params.near.longitude, params.radius
    dlat = radius / MILES_PER_DEGREE
    dlon = radius / (MILES_PER_DEGREE * max(0.1, math.cos(math.radians(lat))))
    box = Q(**{f"{prefix}latitude__range": (lat - dlat, lat + dlat), f"{prefix}longitude__range": (lon - dlon, lon + dlon)})
    return box & Q(LessThanOrEqual(miles_from(params, prefix), Value(radius)))


def within_radius(rows: QuerySet, params: SearchParams, prefix: str = "") -> QuerySet:
    """The rows within the radius, each with its distance (`miles`)."""
    return rows.filter(in_radius(params, prefix)).annotate(miles=miles_from(params, prefix))


def _boolean(q: Q) -> ExpressionWrapper:
    return ExpressionWrapper(q, output_field=BooleanField())


def _in_skill_areas(model, params: SearchParams) -> Q:
    return Q(pk__in=model.objects.filter(skill_areas__code__in=params.skill).values("pk"))


@dataclass(frozen=True)
class Table:
    source: Source
    owner: str  # the provider or employer, whose organisation's name is searched too
    facets: Callable[[], dict]  # "tier", "level", "mode", "free", "sponsored", "career_changers" → expressions
    conditions: Callable[[SearchParams, datetime.date], list[Q]]  # the filters that are not facet columns
    next_start: Callable[[datetime.date], object]
    nearest: Callable[[SearchParams], object]  # miles to the nearest of its places; None for online
    closing_date: object = F("closing_date")
    weekly_wage: object = Value(None)
    extra_text: tuple[str, ...] = ()  # foreign keys to reference rows whose title is searched too (standards)
    public: Callable[[], QuerySet] | None = None  # the source's rows, in a form faster to filter and count
    # The first rows by distance, found without measuring every match (programmes: nearest venues first):
    # (rows, unbounded rows, params, rank expression or None, size) → [(pk, (miles or None, rank))], or None to
    # order them all. The unbounded rows are the same matches without the radius test: walking outwards keeps
    # within the radius by itself, and the test costs a pass over every venue link or point in its box per query.
    near_first: Callable | None = None

    def rows(self) -> QuerySet:
        """The public rows, without the documents' related rows: those are fetched for the page alone."""
        if self.public:
            return self.public()
        return self.source.get_queryset().select_related(None).prefetch_related(None)


# Programmes ---------------------------------------------------------------------------------------------------


def _startable_programmes() -> QuerySet:
    """search.sources.programme_queryset's rows: a programme that can still be started, asked of the date its
    last run starts (courses.last_run_start), which the programme's row holds, rather than of its runs."""
    return Programme.objects.public().filter(Q(starts_any_time=True) | Q(GreaterThanOrEqual(LastRunStart(), timezone.localdate())))


def _programme_facets() -> dict:
    return {
        "tier": F("tier__code"),
        "level": F("level"),
        "mode": F("delivery_mode"),
        "free": _boolean(Q(cost__in=[Programme.Cost.FREE, Programme.Cost.FUNDED])),
        "sponsored": _boolean(Q(sponsor_campaign__isnull=False)),
        "career_changers": F("welcomes_career_changers"),
    }


def _programme_help(need: str) -> Q:
    if need == "step_free":
        # As search.sources._help_to_start: in person, and step-free by the provider's word or at every venue.
        venues = Programme.venues.through.objects
        every_venue = Q(pk__in=venues.values("programme_id")) & ~Q(pk__in=venues.filter(venue__step_free_access=False).values("programme_id"))
        return ~Q(delivery_mode=Programme.DeliveryMode.ONLINE) & (Q(step_free_access=True) | every_venue)
    return {
        "device_loan": Q(free_device_loan=True),
        "free_data": Q(free_data=True),
        "other_languages": Q(other_languages__regex=r"\S"),
        "drop_in": Q(drop_in=True),
    }[need]


def _programme_conditions(params: SearchParams, today: datetime.date) -> list[Q]:
    if params.closing_within or params.employer or params.disability_confident or params.degree:
        return [NOTHING]  # no closing date, employer or degree
    conditions = [_programme_help(need) for need in params.help]
    if params.skill:
        conditions.append(_in_skill_areas(Programme, params))
    if params.authority:
        conditions.append(Q(pk__in=Programme.objects.filter(venues__local_authority__code__in=params.authority).values("pk")))
    if params.starts_within:
        runs = ProgrammeRun.objects.filter(starts_on__range=(today, today + datetime.timedelta(weeks=params.starts_within)))
        conditions.append(Q(starts_any_time=True) | Q(pk__in=runs.values("programme_id")))
    if params.online:
        conditions.append(Q(delivery_mode=Programme.DeliveryMode.ONLINE))
    if params.provider:
        conditions.append(Q(provider__organisation__slug=params.provider))
    if params.campaign:
        conditions.append(Q(sponsor_campaign__slug=params.campaign))
    if params.near:
        near = Programme.venues.through.objects.filter(in_radius(params, "venue__")).values("programme_id")
        online = NOTHING if params.in_person else Q(delivery_mode=Programme.DeliveryMode.ONLINE)
        conditions.append(Q(pk__in=near) | online)
    return conditions


# Venues read per step of the walk outwards: doubled at each step up to MAX_VENUES, so a search that finds little
# nearby reads the few hundred venues within the radius in a handful of steps, none of them large.
FIRST_VENUES = 8
MAX_VENUES = 64


def _programmes_nearest_first(rows: QuerySet, unbounded: QuerySet, params: SearchParams, rank, size: int) -> list[tuple[int, tuple]] | None:
    """The `size` matching programmes nearest the place, without measuring the distance of every match: venues
    are walked outwards (a few hundred at most, each measured once), and only the programmes at the venues
    walked so far are read. A programme's distance is that of the first venue it is found at, its nearest. Once
    `size` have been found, those not found yet are all further away. Then online programmes, best first."""
    if params.mode and not set(params.mode) & {Programme.DeliveryMode.IN_PERSON, Programme.DeliveryMode.BLENDED}:
        return None  # online only: few have venues to walk, and the caller measures those few
    venues = list(within_radius(Venue.objects.all(), params).order_by("miles", "pk").values_list("pk", "miles"))
    links = Programme.venues.through.objects
    found: dict[int, tuple] = {}
    start, step = 0, FIRST_VENUES
    while start < len(venues) and len(found) < size:
        end = min(len(venues), start + step)
        while end < len(venues) and venues[end][1] == venues[end - 1][1]:
            end += 1  # venues the same distance away are walked together, so ties are ordered by rank
        miles = dict(venues[start:end])
        # The ids as a list, not a subquery: given a subquery, PostgreSQL reads every programme to join them.
        here = set(links.filter(venue_id__in=miles).values_list("programme_id", flat=True)) - found.keys()
        at_these = unbounded.filter(pk__in=here).order_by()  # at a venue within the radius: no need to test it
        ranked = dict(at_these.annotate(sort_rank=rank if rank is not None else Value(0.0, output_field=FloatField())).values_list("pk", "sort_rank"))
        for programme, venue in links.filter(programme_id__in=ranked, venue_id__in=miles).values_list("programme_id", "venue_id"):
            nearest = min(miles[venue], found[programme][0]) if programme in found else miles[venue]
            found[programme] = (nearest, ranked[programme])
        start, step = end, min(step * 2, MAX_VENUES)
    nearest = sorted(found.items(), key=lambda item: (item[1][0], -item[1][1], item[0]))[:size]
    if len(nearest) < size:
        online = rows.filter(delivery_mode=Programme.DeliveryMode.ONLINE).exclude(pk__in=found)
        if rank is None:
            online = online.annotate(sort_rank=Value(0.0, output_field=FloatField()))
        else:
            online = online.annotate(sort_rank=rank)
        best = online.order_by(F("sort_rank").desc(nulls_last=True), "pk").values_list("pk", "sort_rank")[: size - len(nearest)]
        with without_nested_loops():
            nearest += [(pk, (None, value)) for pk, value in best]
    return nearest


def _programme_next_start(today: datetime.date):
    return Min("runs__starts_on", filter=Q(runs__starts_on__gte=today))


# Apprenticeship vacancies and sponsored opportunities ---------------------------------------------------------


def _placed_conditions(model, params: SearchParams, today: datetime.date, *, remote: Q | None) -> list[Q]:
    """The filters vacancies and sponsored opportunities share: one place each, a closing date, an employer."""
    if params.help or (params.online and remote is None):
        return [NOTHING]  # help to start is a programme's; a vacancy is never online
    conditions = []
    if params.skill:
        conditions.append(_in_skill_areas(model, params))
    if params.authority:
        conditions.append(Q(local_authority__code__in=params.authority))
    if params.closing_within:
        conditions.append(Q(closing_date__lte=today + datetime.timedelta(days=params.closing_within)))
    if params.campaign:
        conditions.append(Q(sponsor_campaign__slug=params.campaign))
    if params.online:
        conditions.append(remote)
    if params.near:
        near = in_radius(params)
        conditions.append(near | remote if remote is not None and not params.in_person else near)
    return conditions


# The first ring searched for the nearest items, as a share of the radius; doubled until it holds a page.
FIRST_RING = 1 / 8


def _placed_nearest_first(rows: QuerySet, unbounded: QuerySet, params: SearchParams, rank, size: int) -> list[tuple[int, tuple]] | None:
    """The `size` matches nearest the place, each with one point (vacancies, sponsored places): measured in a
    small ring first (a box on latitude and longitude, then the distance), widened until it holds `size` of them.
    Whatever lies within a ring is nearer than anything outside it, so those are the nearest. None when even the
    ring of half the radius holds fewer: the caller's query over the whole radius (and the remote) answers."""
    ring = params.radius * FIRST_RING
    rank = rank if rank is not None else Value(0.0, output_field=FloatField())
    while ring < params.radius:
        inside = within_radius(unbounded, params.with_changes(radius=ring)).annotate(sort_rank=rank)
        nearest = list(inside.order_by("miles", F("sort_rank").desc(nulls_last=True), "pk").values_list("pk", "miles", "sort_rank")[:size])
        if len(nearest) == size:
            return [(pk, (miles, value)) for pk, miles, value in nearest]
        ring *= 2
    return None


def _vacancy_conditions(params: SearchParams, today: datetime.date) -> list[Q]:
    conditions = _placed_conditions(ApprenticeshipVacancy, params, today, remote=None)
    if params.starts_within:
        conditions.append(Q(start_date__range=(today, today + datetime.timedelta(weeks=params.starts_within))))
    if params.provider:
        conditions.append(Q(training_provider__slug=params.provider))
    if params.employer:
        conditions.append(Q(employer__organisation__slug=params.employer))
    if params.disability_confident:
        conditions.append(Q(employer__disability_confident__in=DISABILITY_CONFIDENT_LEVELS))
    if params.degree:
        conditions.append(Q(standard__is_degree=True))
    return conditions


def _sponsored_conditions(params: SearchParams, today: datetime.date) -> list[Q]:
    if params.provider or params.degree:
        return [NOTHING]
    conditions = _placed_conditions(SponsoredOpportunity, params, today, remote=Q(is_remote=True))
    if params.starts_within:
        conditions.append(Q(starts_on__range=(today, today + datetime.timedelta(weeks=params.starts_within))))
    if params.employer:
        conditions.append(Q(sponsor__organisation__slug=params.employer))
    if params.disability_confident:
        conditions.append(Q(sponsor__disability_confident__in=DISABILITY_CONFIDENT_LEVELS))
    return conditions


TABLES = [
    Table(
        source=SOURCES_BY_LABEL[PROGRAMME],
        owner="provider",
        facets=_programme_facets,
        conditions=_programme_conditions,
        next_start=_programme_next_start,
        nearest=lambda params: Min(miles_from(params, "venues__")),
        closing_date=Value(None, output_field=CharField()),
        public=_startable_programmes,
        near_first=_programmes_nearest_first,
    ),
    Table(
        source=SOURCES_BY_LABEL[VACANCY],
        owner="employer",
        facets=lambda: {
            "tier": F("tier__code"),
            "level": Cast("standard__level", CharField()),
            "mode": Value("in_person"),
            "free": Value(True),
            "sponsored": _boolean(Q(sponsor_campaign__isnull=False)),
            "career_changers": Value(False),
        },
        conditions=_vacancy_conditions,
        next_start=lambda today: F("start_date"),
        nearest=miles_from,
        near_first=_placed_nearest_first,
        weekly_wage=F("weekly_wage"),
        extra_text=("standard",),
    ),
    Table(
        source=SOURCES_BY_LABEL[SPONSORED],
        owner="sponsor",
        facets=lambda: {
            "tier": F("tier__code"),
            "level": Value(None, output_field=CharField()),
            "mode": Case(When(is_remote=True, then=Value("online")), default=Value("in_person")),
            "free": Value(True),
            "sponsored": Value(True),
            # As SponsoredOpportunity.is_for_career_changers: ticked, or a returner programme.
            "career_changers": _boolean(Q(welcomes_career_changers=True) | Q(kind=SponsoredOpportunity.Kind.RETURNER)),
        },
        conditions=_sponsored_conditions,
        next_start=lambda today: F("starts_on"),
        nearest=miles_from,
        near_first=_placed_nearest_first,
    ),
]
