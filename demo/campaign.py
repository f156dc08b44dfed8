"""The careers campaign's demonstration pages, from demo/data/campaign_pages.yaml.

Career profiles, stories, events and two campaign pages, created under the home page the first time and left
alone afterwards (editors may have changed them), so running `load_demo_data` again changes nothing. The home
page's blocks that lead to them are set while it has none.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from careers.models import (
    ApprenticeshipStandard,
    CampaignPage,
    CareerProfilePage,
    CareerProfileSkill,
    CareerProfileStandard,
    EventPage,
    Sponsor,
    SponsorCampaign,
    StoryPage,
)
from courses.models import CareerProfileProgramme, Programme
from pathways.models import SkillArea, Tier

from .loading import read


@transaction.atomic
def load_campaign_pages(*, home) -> dict[str, int]:
    """Create the demo campaign under the home page, once; return how many of each page type it has."""
    data = read("campaign_pages.yaml")
    sponsors = [Sponsor.objects.get_or_create(name=name)[0] for name in data["sponsors"]]
    planned = data["sponsor_campaign"]
    campaign, created = SponsorCampaign.objects.get_or_create(
        slug=planned["slug"],
        defaults={
            "name": planned["name"],
            "code": planned["code"],
            "description": planned["description"],
            "starts_on": timezone.localdate(),
        },
    )
    if created:
        campaign.sponsors.set(sponsors)
        campaign.save()

    salary = {key: data[key] for key in ("salary_source", "salary_year", "salary_source_url")}
    pages = {row["slug"]: _profile(home, row, salary=salary) for row in data["career_profiles"]}
    for row in data["stories"]:
        pages[row["slug"]] = _story(home, row, profiles=pages)
    for row in data["events"]:
        _event(home, row)
    for row in data["campaign_pages"]:
        pages[row["slug"]] = _campaign_page(home, row, pages=pages, sponsors={sponsor.name: sponsor for sponsor in sponsors})
    _home_blocks(home, data["home_page"], pages=pages)

    def count(model, rows):
        return model.objects.child_of(home).filter(slug__in=[row["slug"] for row in rows]).count()

    return {
        "campaign_pages": count(CampaignPage, data["campaign_pages"]),
        "career_profiles": count(CareerProfilePage, data["career_profiles"]),
        "stories": count(StoryPage, data["stories"]),
        "events": count(EventPage, data["events"]),
    }


def _get_or_create(home, slug, build):
    """The page with this slug under home, or a new one from build(), published."""
    existing = home.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    page = build()
    page.slug = slug
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def _profile(home, row, *, salary):
    def build():
        tiers = {tier.code: tier for tier in Tier.objects.all()}
        skills = row["skills"]
        codes = [skill["skill_area"] for skill in skills]
        areas = {area.code: area for area in SkillArea.objects.filter(code__in=codes)}
        standards = row["standards"]
        by_reference = {
            standard.reference: standard for standard in ApprenticeshipStandard.objects.filter(reference__in=standards)
        }
        # Link a few differently named programmes that are open now, if the demo providers have been loaded.
        open_in_area = (
            Programme.objects.public()
            .filter(skill_areas__code=row["main_skill_area"])
            .distinct()
            .order_by("title", "pk")
        )
        programmes = {}
        for programme in open_in_area.iterator():
            programmes.setdefault(programme.title, programme)
            if len(programmes) == 3:
                break
        return CareerProfilePage(
            title=row["title"],
            summary=row["summary"],
            job_description=row["job_description"],
            day_in_the_life=row["day_in_the_life"],
            salary_min=row["salary_min"],
            salary_max=row["salary_max"],
            **salary,
            skills=[
                CareerProfileSkill(tier=tiers[skill["tier"]], skill_area=areas[skill["skill_area"]], use=skill["use"])
                for skill in skills
            ],
            standard_links=[
                CareerProfileStandard(standard=by_reference[ref]) for ref in standards if ref in by_reference
            ],
            programme_links=[CareerProfileProgramme(programme=programme) for programme in programmes.values()],
        )

    return _get_or_create(home, row["slug"], build)


def _story(home, row, *, profiles):
    def build():
        return StoryPage(
            title=row["title"],
            first_name=row["first_name"],
            who_they_are=row["who_they_are"],
            pull_quote=row["pull_quote"],
            body=row["body"],
            career_profile=profiles.get(row["career_profile"]),
        )

    return _get_or_create(home, row["slug"], build)


def _event(home, row):
    def build():
        day = timezone.localdate() + datetime.timedelta(days=row["days_from_today"])
        zone = timezone.get_current_timezone()
        return EventPage(
            title=row["title"],
            summary=row["summary"],
            venue_name=row["venue_name"],
            address=row["address"],
            town=row["town"],
            postcode=row["postcode"],
            attendance=row.get("attendance", EventPage.Attendance.IN_PERSON),
            online_url=row.get("online_url", ""),
            starts_at=datetime.datetime.combine(day, datetime.time.fromisoformat(row["starts"]), tzinfo=zone),
            ends_at=datetime.datetime.combine(day, datetime.time.fromisoformat(row["ends"]), tzinfo=zone),
            cost=row["cost"],
            booking_url=row["booking_url"],
            body=row["body"],
        )

    return _get_or_create(home, row["slug"], build)


def _home_blocks(home, row, *, pages):
    """The home page's blocks, naming the pages they show by slug; only while it has none (editors' choices stay)."""
    home = home.specific
    if home.body:
        return

    def block(kind, value):
        if kind == "current_campaign":
            value = {**value, "campaign_page": pages[value["campaign_page"]]}
        elif kind == "career_profiles":
            value = {**value, "profiles": [pages[slug] for slug in value["profiles"]]}
        elif kind == "story":
            value = {**value, "story": pages[value["story"]]}
        return kind, value

    home.body = [block(*next(iter(item.items()))) for item in row["body"]]
    home.save_revision().publish()


def _campaign_page(home, row, *, pages, sponsors):
    """A campaign page whose blocks name the profiles, stories and sponsors they show by slug or name."""

    def block(kind, value):
        if kind == "career_profiles":
            value = {**value, "profiles": [pages[slug] for slug in value["profiles"]]}
        elif kind == "story_quote":
            value = {**value, "story": pages[value["story"]]}
        elif kind == "sponsor_logos":
            value = {**value, "sponsors": [sponsors[name] for name in value["sponsors"]]}
        return kind, value

    page = _get_or_create(
        home,
        row["slug"],
        lambda: CampaignPage(
            title=row["title"],
            introduction=row["introduction"],
            body=[block(*next(iter(item.items()))) for item in row["body"]],
        ),
    )
    if row.get("pledges_of"):
        # Only while no page shows it: an editor may have chosen another page since.
        SponsorCampaign.objects.filter(slug=row["pledges_of"], campaign_page__isnull=True).update(campaign_page=page)
    return page
