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

from search.service import SearchParams, search_opportunities

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
        kind_label=f"Apprenticeship, level {hit.standard_level}" if hit.kind == APPRENTICESHIP else hit.type_label,
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
    for page in CareerProfilePage.objects.live().public().order_by("title"):
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
    stories = StoryPage.objects.live().public().filter(said).order_by("-first_published_at", "pk")[:limit]
    return [
        {"title": story.title, "who": f"{story.first_name}, {story.who_they_are}", "quote": story.pull_quote, "url": story.get_url()}
        for story in stories
    ]
