"""Reads for the reach reports: for a sponsor campaign, one of its sponsors or one posting, what residents did
with the postings over a period (shown in search results, page views, apply clicks, saves; counted by
publishing/activity.py), by sponsor, tier, local authority and day.

Every figure is a table of text cells, the same on the page and in the CSV (reach/downloads.py), so the two
cannot disagree. A figure we do not have is "[x]" and one that cannot apply "[z]", the Government Statistical
Service's symbols (https://analysisfunction.civilservice.gov.uk/policy-store/symbols-in-tables-definitions-and-help/).
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch, Q
from django.utils import timezone

from careers.campaigns import pledge_progress
from careers.models import ApprenticeshipVacancy, Sponsor, SponsorCampaign, SponsoredOpportunity
from courses.models import Programme, Venue
from publishing.activity import EVENTS
from publishing.models import PostingActivity, Publishable, Status

MEASURE_HEADINGS = {
    "impressions": "Shown in search results",
    "views": "Page views",
    "apply_clicks": "Apply clicks",
    "saves": "Saves",
}
NOT_AVAILABLE = "[x]"
NOT_APPLICABLE = "[z]"
NO_PLACE = "Online or anywhere"
SEVERAL_PLACES = "More than one area"
OTHER_POSTINGS = "Other postings in the campaign"
ALL_POSTINGS = "All postings"
TOTAL = "Total"
LONGEST_PERIOD_DAYS = 366


@dataclass(frozen=True)
class Period:
    since: datetime.date
    until: datetime.date

    @classmethod
    def last_days(cls, days: int = 30, *, today: datetime.date | None = None) -> "Period":
        today = today or timezone.localdate()
        return cls(today - datetime.timedelta(days=days - 1), today)

    @property
    def days(self) -> list[datetime.date]:
        return [self.since + datetime.timedelta(days=n) for n in range((self.until - self.since).days + 1)]


@dataclass(frozen=True)
class Places:
    pledged: int | None = None
    offered: int | None = None


def pledged_places(campaign: SponsorCampaign) -> dict[int, Places]:
    """By sponsor (its pk), the places it pledged to a campaign and how many of them its postings offer so far, as
    the campaign's page counts them (careers.campaigns.pledge_progress), read once for the whole table."""
    return {progress.pledge.sponsor_id: Places(pledged=progress.pledged, offered=progress.offered) for progress in pledge_progress(campaign)}


NO_PLEDGE = Places(pledged=0, offered=0)  # a sponsor that made no pledge: none pledged, none counted


@dataclass(frozen=True)
class ReportPosting:
    """A posting as the reports group it."""

    model: type[Publishable]
    pk: int
    title: str
    tier: str
    tier_position: int
    area: str  # the local authority's name, NO_PLACE or SEVERAL_PLACES
    sponsor: Sponsor | None  # the campaign's sponsor that posted it, if one did

    @property
    def key(self) -> tuple[type[Publishable], int]:
        return self.model, self.pk


@dataclass(frozen=True)
class Table:
    caption: str
    headings: tuple[str, ...]  # the first names the rows' groups; the rest are figures
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Report:
    title: str
    period: Period
    tables: tuple[Table, ...]
    daily: dict[str, list[int]]  # each measure's figure for each day of the period, for the chart


# Which postings ------------------------------------------------------------------------------------------


def _employer_area(posting) -> str:
    return posting.local_authority.name if posting.local_authority_id else NO_PLACE


def _programme_area(programme: Programme) -> str:
    areas = {venue.local_authority.name for venue in programme.venues.all() if venue.local_authority_id}
    if not areas:
        return NO_PLACE
    return areas.pop() if len(areas) == 1 else SEVERAL_PLACES


def _report_posting(item, *, area: str, sponsor: Sponsor | None = None) -> ReportPosting:
    return ReportPosting(type(item), item.pk, item.title, item.tier.name, item.tier.position, area, sponsor)


def posting_of(item: Publishable) -> ReportPosting:
    area = _programme_area(item) if isinstance(item, Programme) else _employer_area(item)
    return _report_posting(item, area=area)


def campaign_postings(*, campaign: SponsorCampaign, sponsor: Sponsor | None = None) -> list[ReportPosting]:
    """The campaign's postings that have been public (open, closed or withdrawn since), each with the sponsor
    that posted it: a sponsor's employer posting an apprenticeship or sponsored opportunity in the campaign.
    With a sponsor, only its own."""
    sponsors = {found.employer_id: found for found in campaign.sponsors.filter(employer__isnull=False)}
    if sponsor is not None:
        sponsors = {employer_id: found for employer_id, found in sponsors.items() if found == sponsor}
    been_public = Q(sponsor_campaign=campaign) & (Q(published_at__isnull=False) | Q(status__in=[Status.PUBLISHED, Status.CLOSED]))
    postings = []
    for model, employer_field in ((ApprenticeshipVacancy, "employer_id"), (SponsoredOpportunity, "sponsor_id")):
        items = model.objects.filter(been_public).select_related("tier", "local_authority")
        if sponsor is not None:
            items = items.filter(**{f"{employer_field}__in": list(sponsors)})
        postings += [
            _report_posting(item, area=_employer_area(item), sponsor=sponsors.get(getattr(item, employer_field)))
            for item in items
        ]
    if sponsor is None:
        venues = Prefetch("venues", queryset=Venue.objects.select_related("local_authority"))
        programmes = Programme.objects.filter(been_public).select_related("tier").prefetch_related(venues)
        postings += [_report_posting(programme, area=_programme_area(programme)) for programme in programmes]
    return sorted(postings, key=lambda posting: (posting.title, posting.pk))


def sponsors_of(*, employer) -> list[Sponsor]:
    """The campaign sponsors an employer is (usually one)."""
    return list(Sponsor.objects.filter(employer=employer))


def latest_campaign() -> SponsorCampaign | None:
    """The campaign a report opens on: the latest that has postings, or the latest of all."""
    tagged = Q(programmes__isnull=False) | Q(vacancies__isnull=False) | Q(opportunities__isnull=False)
    return SponsorCampaign.objects.filter(tagged).distinct().first() or SponsorCampaign.objects.first()


def campaigns_sponsored_by(*, employer) -> list[SponsorCampaign]:
    return list(SponsorCampaign.objects.filter(sponsors__employer=employer).distinct())


# What residents did --------------------------------------------------------------------------------------


def daily_activity(keys, period: Period) -> dict[tuple, dict[datetime.date, dict[str, int]]]:
    """{(model, pk): {day: {measure: n}}} for these postings' (model, pk) and the days of the period that had any."""
    by_type = defaultdict(list)
    for model, pk in keys:
        by_type[model].append(pk)
    if not by_type:
        return {}
    models = {ContentType.objects.get_for_model(model).pk: model for model in by_type}
    condition = Q()
    for content_type_id, model in models.items():
        condition |= Q(content_type_id=content_type_id, object_id__in=by_type[model])
    rows = PostingActivity.objects.filter(condition, day__gte=period.since, day__lte=period.until).values(
        "content_type_id", "object_id", "day", *EVENTS
    )
    activity = defaultdict(dict)
    for row in rows:
        activity[models[row["content_type_id"]], row["object_id"]][row["day"]] = {event: row[event] for event in EVENTS}
    return activity


def _totals(postings: list[ReportPosting], activity) -> dict[str, int]:
    return _totals_of([posting.key for posting in postings], activity)


def _totals_of(keys, activity) -> dict[str, int]:
    totals = dict.fromkeys(EVENTS, 0)
    for key in keys:
        for counts in activity.get(key, {}).values():
            for event in EVENTS:
                totals[event] += counts[event]
    return totals


def _by_day(postings: list[ReportPosting], activity, period: Period) -> dict[str, list[int]]:
    index = {day: number for number, day in enumerate(period.days)}
    series = {event: [0] * len(index) for event in EVENTS}
    for posting in postings:
        for day, counts in activity.get(posting.key, {}).items():
            for event in EVENTS:
                series[event][index[day]] += counts[event]
    return series


# Tables --------------------------------------------------------------------------------------------------


def _cell(value: int | None) -> str:
    return NOT_AVAILABLE if value is None else str(value)


def _sum_known(values: list[int | None]) -> int | None:
    """The sum, unless a figure in it is unknown."""
    return None if None in values else sum(values)


def _measures(totals: dict[str, int]) -> tuple[str, ...]:
    return tuple(str(totals[event]) for event in EVENTS)


def _grouped(caption: str, heading: str, groups: dict[str, list[ReportPosting]], activity) -> Table:
    rows = tuple((name, str(len(group)), *_measures(_totals(group, activity))) for name, group in groups.items())
    return Table(caption, (heading, "Postings", *MEASURE_HEADINGS.values()), rows)


def _group(postings: list[ReportPosting], key) -> dict[str, list[ReportPosting]]:
    groups = defaultdict(list)
    for posting in postings:
        groups[key(posting)].append(posting)
    return groups


def _tiers_table(postings, activity) -> Table:
    tiers = _group(sorted(postings, key=lambda posting: posting.tier_position), lambda posting: posting.tier)
    return _grouped("By tier", "Tier", tiers, activity)


def _areas_table(postings, activity) -> Table:
    last = {NO_PLACE: 2, SEVERAL_PLACES: 1}
    areas = _group(sorted(postings, key=lambda posting: (last.get(posting.area, 0), posting.area)), lambda posting: posting.area)
    return _grouped("By local authority", "Local authority", areas, activity)


def _days_table(series: dict[str, list[int]], period: Period) -> Table:
    rows = tuple((day.isoformat(), *(str(series[event][number]) for event in EVENTS)) for number, day in enumerate(period.days))
    total = (TOTAL, *(str(sum(series[event])) for event in EVENTS))
    return Table("By day", ("Day", *MEASURE_HEADINGS.values()), (*rows, total))


def _sponsors_table(campaign, sponsors: list[Sponsor], postings, activity, *, with_others: bool) -> Table:
    rows = []
    pledges = []
    pledged_by = pledged_places(campaign)
    for sponsor in sponsors:
        own = [posting for posting in postings if posting.sponsor == sponsor]
        places = pledged_by.get(sponsor.pk, NO_PLEDGE)
        pledges.append(places)
        rows.append((sponsor.name, str(len(own)), _cell(places.pledged), _cell(places.offered), *_measures(_totals(own, activity))))
    if with_others:
        others = [posting for posting in postings if posting.sponsor is None]
        if others:
            rows.append((OTHER_POSTINGS, str(len(others)), NOT_APPLICABLE, NOT_APPLICABLE, *_measures(_totals(others, activity))))
        pledged, offered = _sum_known([places.pledged for places in pledges]), _sum_known([places.offered for places in pledges])
        rows.append((ALL_POSTINGS, str(len(postings)), _cell(pledged), _cell(offered), *_measures(_totals(postings, activity))))
    headings = ("Sponsor", "Postings", "Places pledged", "Places offered", *MEASURE_HEADINGS.values())
    return Table("By sponsor", headings, tuple(rows))


# Reports -------------------------------------------------------------------------------------------------


def campaign_report(*, campaign: SponsorCampaign, period: Period, sponsor: Sponsor | None = None) -> Report:
    """A campaign's reach, or one sponsor's within it: by sponsor, tier, local authority and day."""
    postings = campaign_postings(campaign=campaign, sponsor=sponsor)
    activity = daily_activity([posting.key for posting in postings], period)
    sponsors = [sponsor] if sponsor is not None else list(campaign.sponsors.all())
    series = _by_day(postings, activity, period)
    tables = (
        _sponsors_table(campaign, sponsors, postings, activity, with_others=sponsor is None),
        _tiers_table(postings, activity),
        _areas_table(postings, activity),
        _days_table(series, period),
    )
    title = f"{campaign.name}: {sponsor.name}" if sponsor is not None else campaign.name
    return Report(title, period, tables, series)


def posting_report(*, item: Publishable, period: Period) -> Report:
    """One posting's reach, day by day."""
    postings = [posting_of(item)]
    series = _by_day(postings, daily_activity([posting.key for posting in postings], period), period)
    return Report(item.title, period, (_days_table(series, period),), series)


def postings_totals(*, items: list[Publishable], period: Period) -> dict[tuple, dict[str, int]]:
    """{(model, pk): {measure: n}} over the period, for a list of an organisation's postings."""
    keys = [(type(item), item.pk) for item in items]
    activity = daily_activity(keys, period)
    return {key: _totals_of([key], activity) for key in keys}
