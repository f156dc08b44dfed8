"""Reads for the careers campaign pages: the opportunities a page may show to residents.

Opportunities come from the platform's one public query function (search.service.search_opportunities),
the one thing of search that careers uses; programmes are courses' records, reached only through it or
through the foreign keys careers' pages declare.
"""

import datetime
import operator
from dataclasses import dataclass
from functools import reduce

from django.db.models import Q
from django.utils.translation import gettext
from wagtail.models import Locale

from places.postcodes import PostcodeError
from search.service import Location, SearchParams, search_opportunities

# The public search page (design.md, "URLs"); its query parameters are the contract with `search`.
SEARCH_PATH = "/search/"

# The kinds residents filter by; the search page's `kind` parameter takes the same codes.
PROGRAMME = "programme"
APPRENTICESHIP = "apprenticeship"
SPONSORED = "sponsored"
KIND_CHOICES = [
    (PROGRAMME, "Courses and help to get online"),
    (APPRENTICESHIP, "Apprenticeships"),
    (SPONSORED, "Sponsored opportunities"),
]


@dataclass(frozen=True)
class OpportunityCard:
    """What a campaign page shows of one opportunity, whatever its kind."""

    kind: str
    kind_label: str
    title: str
    summary: str
    url: str
    organisation_name: str
    where: str
    closing_date: datetime.date | None
    newest_at: datetime.datetime | None

    @property
    def is_sponsored(self) -> bool:
        return self.kind == SPONSORED


def featured_opportunities(
    *,
    tier: str | None = None,
    skill_area: str | None = None,
    kind: str | None = None,
    local_authority: str | None = None,
    limit: int = 6,
) -> list[OpportunityCard]:
    """Open opportunities from verified organisations, newest first, at most `limit` of them.

    Filters are codes: a tier code ("advanced"), a skill area code ("ADV-DATA"), a kind (PROGRAMME,
    APPRENTICESHIP or SPONSORED) and an ONS local authority code ("E08000035"). A local authority matches
    where the opportunity happens, so online programmes and remote opportunities match none.

    The search holds only what residents may see (open, of a verified organisation), so what it finds may
    be shown as it is.
    """
    if limit < 1:
        return []
    params = SearchParams(
        tier=_chosen(tier), skill=_chosen(skill_area), kind=_chosen(kind), authority=_chosen(local_authority), sort="newest", page_size=limit
    )
    return [_card(hit) for hit in search_opportunities(params, with_facets=False).hits]


@dataclass(frozen=True)
class CareerOpportunities:
    """What a career profile shows of what is open now: a few cards, and whether the search had to widen."""

    cards: list[OpportunityCard]
    near: Location | None  # the place the resident gave, if any
    widened: bool  # none were near it, so the cards come from anywhere
    radius: float = 0.0
    search_url: str = ""


def career_opportunities(*, skill_areas: tuple[str, ...], words: str = "", near: Location | None = None, limit: int = 3) -> CareerOpportunities:
    """Open opportunities in the career's skill areas (or, for a career without any, matching its words), nearest
    first within the usual radius of `near`; when none are near, from anywhere, newest first, and marked widened.

    The search answers from the database when the engine does not, so this never fails a page."""
    base = SearchParams(q="" if skill_areas else words, skill=skill_areas, sort="newest", page_size=limit)
    if near is not None:
        # In person only: an online course is never "near", and would hide that nothing is.
        nearby = base.with_changes(near=near, in_person=True, sort="distance")
        results = search_opportunities(nearby, with_facets=False)
        if results.hits:
            return CareerOpportunities([_card(hit) for hit in results.hits], near, False, nearby.radius, _search_path(nearby))
    results = search_opportunities(base, with_facets=False)
    return CareerOpportunities([_card(hit) for hit in results.hits], near, near is not None, base.radius, _search_path(base))


def place_given(text: str) -> tuple[Location | None, str]:
    """The place a resident typed (a postcode or its first part) and "", or None and what is wrong with it."""
    if not (text or "").strip():
        return None, ""
    try:
        return Location.from_place(text), ""
    except PostcodeError as error:
        return None, str(error)


def _search_path(params: SearchParams) -> str:
    query = params.with_changes(page_size=SearchParams.page_size).to_query()
    return f"{SEARCH_PATH}?{query}" if query else SEARCH_PATH


def open_programmes(*, links) -> list:
    """The open programmes these page links point at, from verified providers, in the links' order.

    Programmes are courses' records: careers reaches them through the foreign key its links declare.
    """
    programmes = links.model._meta.get_field("programme").related_model.objects.public()
    ids = [link.programme_id for link in links]
    found = programmes.filter(pk__in=ids).select_related("provider__organisation", "tier")
    by_id = {programme.pk: programme for programme in found}
    return [by_id[pk] for pk in ids if pk in by_id]


def _chosen(code: str | None) -> tuple[str, ...]:
    return (code,) if code else ()


def _card(hit) -> OpportunityCard:
    if hit.online:
        where = "Remote" if hit.kind == SPONSORED else "Online"
    else:
        where = ", ".join(hit.towns)
    return OpportunityCard(
        kind=hit.kind,
        kind_label=gettext("Apprenticeship, level %(level)s") % {"level": hit.standard_level} if hit.kind == APPRENTICESHIP else hit.type_label,
        title=hit.title,
        summary=hit.summary,
        url=hit.url,
        organisation_name=hit.organisation_name,
        where=where,
        closing_date=hit.closing_date,
        newest_at=hit.published_at,
    )


def career_profile_sharing(codes: list[str]) -> dict | None:
    """The published career profile whose skills share most of these skill area codes (ties: the one sharing the
    earliest code, then the first by title), as pathway plans show it: {"title", "summary", "url"}."""
    from .models.pages import CareerProfilePage  # the pages module reads this one's open_programmes

    best, best_score = None, (0, 0)
    # English pages only (a translation is served at its English page's address): each profile once.
    for page in CareerProfilePage.objects.live().public().filter(locale=Locale.get_default()).order_by("title"):
        held = {skill.skill_area.code for skill in page.skills.select_related("skill_area")}
        shared = [code for code in codes if code in held]
        score = (len(shared), -codes.index(shared[0]) if shared else 0)
        if shared and score > best_score:
            best, best_score = page, score
    if best is None:
        return None
    return {"title": best.title, "summary": best.summary, "url": best.get_url()}


# How a story says it is a career changer's or a returner's: story pages have no field for it, so the words of
# "who they are" ("career changer", "returner") or of the title ("Back to work … after a career break").
CAREER_CHANGER_WORDS = ("career changer", "changed career", "changing career", "career change", "returner", "career break", "back to work", "retrain")


def career_changer_stories(limit: int) -> list[dict]:
    """Published stories of people who changed careers or came back after a break, newest first, as pathway plans
    show them: {"title", "who", "quote", "url"}."""
    from .models.pages import StoryPage  # the pages module reads this one's open_programmes

    said = reduce(operator.or_, (Q(who_they_are__icontains=words) | Q(title__icontains=words) for words in CAREER_CHANGER_WORDS))
    stories = StoryPage.objects.live().public().filter(said, locale=Locale.get_default()).order_by("-first_published_at", "pk")[:limit]
    return [
        {"title": story.title, "who": f"{story.first_name}, {story.who_they_are}", "quote": story.pull_quote, "url": story.get_url()}
        for story in stories
    ]


def running_campaign():
    """The sponsor campaign residents should see now: of those running today, the latest to start that has a
    published page, else the latest to start; None when none is running."""
    from .models import SponsorCampaign

    running = SponsorCampaign.objects.live().select_related("campaign_page").order_by("-starts_on", "-pk")
    return next((campaign for campaign in running if page_shown(campaign.campaign_page)), None) or running.first()


def running_campaign_page():
    """The published page of the sponsor campaign running now, or None."""
    campaign = running_campaign()
    page = campaign.campaign_page if campaign else None
    return page.specific if page_shown(page) else None


def page_shown(page) -> bool:
    """Whether residents may open this page: published and not behind a view restriction."""
    return page is not None and page.live and not page.get_view_restrictions().exists()


def upcoming_events(limit: int | None = None) -> list:
    """Published events that have not ended, soonest first."""
    from .models.pages import EventPage  # the pages module reads this one's open_programmes

    events = EventPage.objects.live().public().filter(locale=Locale.get_default()).upcoming()
    return list(events[:limit] if limit else events)


def past_events():
    """Published events that have ended, the latest first (a queryset, for paging)."""
    from .models.pages import EventPage

    return EventPage.objects.live().public().filter(locale=Locale.get_default()).past()
