"""The personal pathway plan: ordered steps from where the person is, upwards, each with opportunities found by
the platform's public query functions, search.service.search_many (with its parameters), the one thing of
search that pathways uses. A plan's searches go to the engine together, and the plan is kept until the index
changes (plan_for).

Steps, in order: free help for the areas where the person is starting (inclusion); everyday and work skills
(general); for someone whose job is changing or at risk, who was made redundant or is coming back after a break,
changing careers (what welcomes career changers and returners, free careers advice, and others' stories); then, for
each specialism they chose, courses and bootcamps, and apprenticeships and sponsored places. When nothing matches where they are, a step widens the distance, then lets in online options, then
looks anywhere, and says so. It never drops the need for free options.
"""

import datetime
import hashlib
import json
from collections.abc import Callable
from dataclasses import asdict, dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from places.postcodes import PostcodeError
from search.service import Location, SearchParams, index_generation, search_many, wider_radii

from .answers import CHANGING_CAREER, WORK_GOALS, Answers
from .models import Level, Tier
from .placement import Bank, Placement, StatementInfo, join_words, place

# A plan climbs search's widening ladder no further than a person might travel for a course; beyond that it
# looks online, then anywhere.
FURTHEST_TRAVEL = 25.0
DEFAULT_RADIUS = 10
OPPORTUNITIES_PER_STEP = 5
IN_PERSON_MODES = ("in_person", "blended")
# What each step of the essential skills is about: getting started covers the foundation and "for life"
# statements; everyday and work skills the "for life" and "for work" ones.
STEP_LEVELS = {Tier.INCLUSION: {Level.FOUNDATION, Level.LIFE}, Tier.GENERAL: {Level.LIFE, Level.WORK}}
STEP_TITLES = {
    Tier.INCLUSION: _("Get started with free help"),
    Tier.GENERAL: _("Build your everyday and work skills"),
    Tier.ADVANCED: _("Take your skills further"),
}
CHANGE_CAREERS = "change-careers"
CHANGE_CAREERS_WHY = {
    "job-at-risk": _("Your work is changing, so here are courses, bootcamps and roles that welcome people moving into a new line of work."),
    "redundant": _("After redundancy, these courses, bootcamps and roles welcome people starting again in a new line of work."),
    "returning": _("Returner programmes, and courses and roles that welcome people coming back to work after a break."),
}
# Free, impartial careers advice for adults in England, from the government's National Careers Service
# (https://nationalcareers.service.gov.uk/contact-us): the same for everyone, so it is part of the plan as it is.
CAREERS_ADVICE = {
    "name": "National Careers Service",
    "text": _("A careers adviser can talk through changing careers, your CV and training with you, for free."),
    "phone": "0800 100 900",
    "url": "https://nationalcareers.service.gov.uk",
}
STORIES_PER_STEP = 3


@dataclass
class Step:
    key: str
    title: str
    tier: str
    why: str
    skill_areas: list[str]
    opportunities: list[dict]
    total: int
    widened: str = ""  # what we changed to find anything, said plainly
    total_capped: bool = False  # more than `total` matched (the basic search stops counting)
    search: str = ""  # the same search on the search page, as a query string
    advice: dict | None = None  # where to get free advice (CAREERS_ADVICE), for the step about changing careers
    stories: list[dict] = field(default_factory=list)  # others who did it: {"title", "who", "quote", "url"}


@dataclass
class Plan:
    answers: Answers
    placement: Placement
    steps: list[Step] = field(default_factory=list)
    career_profile: dict | None = None
    notes: list[str] = field(default_factory=list)
    mode: str = "full"  # "basic" when the search engine did not answer and the database search did

    def as_dict(self) -> dict:
        """The plan as plain data: what the pages show, the API returns and a saved plan keeps."""
        placement = self.placement
        return {
            "answers": self.answers.as_dict(),
            "placement": {
                "essential_level": placement.essential_level,
                "essential_level_name": placement.essential_level_name,
                "overall_tier": placement.overall_tier,
                "areas": [
                    {
                        "skill_area": area.code,
                        "title": area.title,
                        "tier": area.tier,
                        "tier_name": area.tier_name,
                        "answered": area.answered,
                        "explanation": area.explanation,
                        "can_do": [{"code": s.code, "topic": s.topic} for s in area.done],
                        "next": [{"code": s.code, "topic": s.topic} for s in area.next],
                    }
                    for area in placement.areas
                ],
            },
            "steps": [asdict(step) for step in self.steps],
            "career_profile": self.career_profile,
            "notes": list(self.notes),
            "mode": self.mode,
        }


def opportunity_ids(plan_data: dict) -> list[str]:
    return [opportunity["id"] for step in plan_data.get("steps", []) for opportunity in step["opportunities"]]


def _opportunity(hit) -> dict:
    def day(value):
        return value.isoformat() if isinstance(value, datetime.date) else None

    return {
        "id": hit.id,
        "kind": hit.kind,
        "title": hit.title,
        "summary": hit.summary,
        "url": hit.url,
        "tier": hit.tier,
        "organisation": hit.organisation_name,
        "online": hit.online,
        "sponsored": hit.sponsored,
        "free": hit.free,
        "cost": hit.cost,
        "inclusion_support": hit.inclusion_support,
        "distance": hit.distance,
        "next_start": day(hit.next_start),
        "starts_any_time": hit.starts_any_time,
        "closing_date": day(hit.closing_date),
        "weekly_wage": hit.weekly_wage,
        "apprenticeship_level": hit.standard_level,
        "apprenticeship_standard": hit.standard_title,
        "degree_apprenticeship": hit.degree,
    }


def _search_link(params: SearchParams) -> str:
    """The same search on the search page, so "see more" shows everything that matched. Near the district only:
    a plan may be shared by its private link."""
    return params.with_changes(near=params.near.district_only() if params.near else None, page_size=SearchParams.page_size).to_query()


def _wider(params):
    """Ever wider searches after one that found nothing, each with what it changed, in the person's words."""
    outcode = params.near.outcode if params.near else ""
    asked = params.radius
    if params.near:
        for miles in wider_radii(params.radius, up_to=FURTHEST_TRAVEL):
            params = params.with_changes(radius=miles)
            yield params, gettext("There was nothing within %(asked)s miles of %(outcode)s, so we looked up to %(miles)s miles away.") % {
                "asked": f"{asked:g}",
                "outcode": outcode,
                "miles": f"{miles:g}",
            }
    if params.mode == IN_PERSON_MODES:
        params = params.with_changes(mode=(), in_person=False)
        if outcode:
            message = gettext("There was nothing in person near %(outcode)s, so we have included online options.") % {"outcode": outcode}
        else:
            message = gettext("There was nothing in person, so we have included online options.")
        yield params, message
    if params.near:
        params = params.with_changes(near=None, in_person=False, sort="relevance")
        yield params, gettext("There was nothing near %(outcode)s, so these are further away or online.") % {"outcode": outcode}
    if params.mode:
        params = params.with_changes(mode=())
        yield params, gettext("There was nothing online, so we have included things you go to in person.")


def _step(*, key: str, title: str, tier: str, why: str, areas: list[str], params, results, widened: str = "", advice=None, stories=()) -> Step:
    return Step(
        key=key,
        title=title,
        tier=tier,
        why=why,
        skill_areas=areas,
        opportunities=[_opportunity(hit) for hit in results.hits],
        total=results.total,
        total_capped=results.total_capped,
        widened=widened,
        search=_search_link(params),
        advice=advice,
        stories=list(stories),
    )


def _search_steps(specs: list[dict]) -> tuple[list[Step], str]:
    """Each step's search, and for the steps that found nothing their ever wider searches, in two requests to
    the engine in all: every step at once, then every wider search of the empty ones at once."""
    first = search_many([spec["params"] for spec in specs])
    ladders = {number: list(_wider(spec["params"])) for number, spec in enumerate(specs) if not first[number].total}
    for number, ladder in ladders.items():
        if first[number].mode == "basic":
            # Each basic search reads the database; a plan must not run one per rung while the engine is away.
            ladders[number] = ladder[-1:]
    rungs = [(number, wider, message) for number, ladder in ladders.items() for wider, message in ladder]
    wider_results = search_many([wider for _, wider, _ in rungs])
    steps, modes = [], set()
    for number, spec in enumerate(specs):
        results, params, widened = first[number], spec["params"], ""
        modes.add(results.mode)
        for (rung_number, wider, message), found in zip(rungs, wider_results):
            if rung_number != number:
                continue
            modes.add(found.mode)
            results = found
            if found.total:
                params, widened = wider, message
                break
        steps.append(_step(**{**spec, "params": params}, results=results, widened=widened))
    return steps, "basic" if "basic" in modes else "full"


def _base_params(answers: Answers, notes: list[str]):
    near = None
    if answers.postcode:
        try:
            near = Location.from_place(answers.postcode)
        except PostcodeError:
            notes.append(
                gettext("We could not find %(postcode)s on our map, so your plan is not based on where you are.") % {"postcode": answers.postcode}
            )
    params = SearchParams(
        near=near,
        radius=float(answers.travel or DEFAULT_RADIUS),
        free=answers.cost == "free",
        sort="distance" if near else "relevance",
        page_size=OPPORTUNITIES_PER_STEP,
    )
    if answers.learning == "in_person":
        params = params.with_changes(mode=IN_PERSON_MODES, in_person=near is not None)
    elif answers.learning == "online":
        params = params.with_changes(mode=("online",))
    return params


def _skills(focus: dict[str, list[StatementInfo]]) -> tuple[str, ...]:
    """The areas' own codes, and the DigComp areas that the statements in focus map to: opportunities are
    tagged with either."""
    digcomp = sorted({s.competence_area for statements in focus.values() for s in statements if s.competence_area.startswith("DC-")})
    return tuple(dict.fromkeys([*focus, *digcomp]))


def _essential_steps(bank: Bank, placement: Placement, answers: Answers, base) -> list[dict]:
    gaps = [area for area in placement.areas if not area.is_specialism and area.has_gap]
    found = []
    for tier in bank.tiers:
        levels = STEP_LEVELS.get(tier)
        focus = {area.code: [s for s in area.next if levels is None or s.level in levels] or area.next for area in gaps if area.tier == tier}
        here = bool(focus)
        if tier == Tier.GENERAL and answers.goal != "everyday":
            # Upwards: after the first steps, the "for work" skills of the areas where they are starting.
            for area in gaps:
                work = [s for s in area.next if s.level == Level.WORK]
                if area.tier == Tier.INCLUSION and work:
                    focus[area.code] = work
        if not focus:
            continue
        topics = join_words([statements[0].topic for statements in focus.values()][:4])
        why = (gettext("Next for you: %(topics)s.") if here else gettext("After that: %(topics)s.")) % {"topics": topics}
        params = base.with_changes(tier=(tier,), skill=_skills(focus), free=base.free or tier == Tier.INCLUSION)
        if tier != Tier.INCLUSION:
            params = params.with_changes(kind=("programme",))  # learning; jobs come with the specialisms
        title = str(STEP_TITLES.get(tier, bank.tiers[tier]))
        if tier == Tier.INCLUSION and base.near:
            title = gettext("Get started with free help near %(outcode)s") % {"outcode": base.near.outcode}
        found.append(dict(key=tier, title=title, tier=tier, why=why, areas=list(focus), params=params))
    return found


def _specialism_steps(bank: Bank, placement: Placement, answers: Answers, base) -> list[dict]:
    found = []
    tiers = list(bank.tiers)
    for area in (area for area in placement.areas if area.is_specialism):
        from_tier = tiers[tiers.index(area.tier):]
        new = area.tier != Tier.ADVANCED
        found.append(
            dict(
                key=f"learn-{area.code}",
                title=gettext("Learn %(specialism)s: courses and bootcamps") % {"specialism": area.title.lower()},
                tier=area.tier,
                why=(gettext("You are new to this, so start with a course for beginners.") if new else gettext("Build on what you can do already."))
                + (" " + gettext("Next for you: %(topics)s.") % {"topics": join_words([s.topic for s in area.next][:2])} if area.next else ""),
                areas=[area.code],
                params=base.with_changes(kind=("programme",), tier=tuple(from_tier), skill=(area.code,), prefer_tier=area.tier),
            )
        )
        if answers.age != "under-16":
            found.append(
                dict(
                    key=f"work-{area.code}",
                    title=gettext("Get into %(specialism)s: apprenticeships and sponsored places") % {"specialism": area.title.lower()},
                    tier=Tier.ADVANCED,
                    why=gettext("Earn while you learn, or take a place that a local employer pays for."),
                    areas=[area.code],
                    params=base.with_changes(kind=("apprenticeship", "sponsored"), skill=(area.code,), tier=(Tier.GENERAL, Tier.ADVANCED)),
                )
            )
    if not found and answers.goal in WORK_GOALS and answers.age != "under-16":
        found.append(
            dict(
                key="work",
                title=gettext("Find an apprenticeship or a sponsored place"),
                tier=Tier.GENERAL,
                why=gettext("Earn while you learn, in a job that builds on your digital skills."),
                areas=[],
                params=base.with_changes(kind=("apprenticeship", "sponsored"), tier=(Tier.GENERAL,)),
            )
        )
    return found


def _change_careers_steps(placement: Placement, answers: Answers, base) -> list[dict]:
    """For someone whose job is changing or at risk, who was made redundant or is coming back after a break: what
    welcomes career changers and returners (returner programmes first for those coming back, bootcamps for the
    others), where to get free careers advice, and stories of people who changed careers."""
    if answers.situation not in CHANGING_CAREER or answers.age == "under-16":
        return []
    returning = answers.situation == "returning"
    specialisms = tuple(area.code for area in placement.areas if area.is_specialism)
    params = base.with_changes(
        kind=("programme", "sponsored"),
        career_changers=True,
        prefer_type=("returner",) if returning else ("bootcamp_place",),
        prefer_skill=specialisms,
    )
    return [
        dict(
            key=CHANGE_CAREERS,
            title=gettext("Change careers"),
            tier=Tier.GENERAL,
            why=str(CHANGE_CAREERS_WHY[answers.situation]),
            areas=list(specialisms),
            params=params,
            advice={**CAREERS_ADVICE, "text": str(CAREERS_ADVICE["text"])},
            stories=career_changer_stories(),
        )
    ]


def _notes(answers: Answers) -> list[str]:
    notes = []
    if answers.age == "under-16":
        notes.append(gettext("Apprenticeships and jobs start at 16, so your plan shows courses and help."))
    elif answers.age == "16-18":
        notes.append(gettext("At 16 to 18, most courses at colleges are free."))
    elif answers.age in {"19-23", "24-plus"} and answers.cost == "free":
        notes.append(
            gettext(
                "If you are 19 or over and your digital skills are low, courses for an Essential Digital Skills "
                "qualification are free in England."
            )
        )
    return notes


# Who can say which career profile fits a person's specialisms: careers adds its selector here when it loads
# (CareersConfig.ready), so plans show a career profile without this app importing careers, which builds on it.
career_profile_finders: list[Callable[[list[str]], dict | None]] = []


# Who can find stories of people who changed careers (careers' story pages): careers adds its selector here when
# it loads, as for career profiles.
story_finders: list[Callable[[int], list[dict]]] = []


def career_changer_stories(limit: int = STORIES_PER_STEP) -> list[dict]:
    """Up to `limit` stories of career changers and returners: {"title", "who", "quote", "url"}."""
    return next((found for find in story_finders if (found := find(limit))), [])


def career_profile(placement: Placement) -> dict | None:
    """The career profile that shares most of the specialisms the person chose, if any does:
    {"title", "summary", "url"}."""
    wanted = [area.code for area in placement.areas if area.is_specialism]
    if not wanted:
        return None
    return next((found for find in career_profile_finders if (found := find(wanted))), None)


def build_plan(*, bank: Bank, answers: Answers) -> Plan:
    """Placement and plan for these answers. Runs a few searches, so build it once per request."""
    notes = _notes(answers)
    base = _base_params(answers, notes)
    placement = place(bank, answers.skills)
    plan = Plan(answers=answers, placement=placement, notes=notes)
    specs = (
        _essential_steps(bank, placement, answers, base)
        + _change_careers_steps(placement, answers, base)
        + _specialism_steps(bank, placement, answers, base)
    )
    plan.steps, plan.mode = _search_steps(specs)
    plan.career_profile = career_profile(placement)
    return plan


def plan_for(*, bank: Bank, answers: Answers) -> dict:
    """The plan for these answers as plain data (Plan.as_dict), kept until the search index changes (or for
    PATHWAY_PLAN_CACHE_SECONDS), so the same answers, or a saved plan opened again, cost no searches. A plan
    the basic search answered is not kept: the engine's answers replace it as soon as it is back."""
    key = _plan_key(answers)
    kept = cache.get(key)
    if kept is not None:
        return kept
    built = build_plan(bank=bank, answers=answers).as_dict()
    if built["mode"] == "full":
        cache.set(key, built, timeout=settings.PATHWAY_PLAN_CACHE_SECONDS)
    return built


def _plan_key(answers: Answers) -> str:
    answered = json.dumps(answers.as_dict(), sort_keys=True, default=str)
    # A plan's words are in the resident's language, so each language keeps its own copy.
    return f"pathway-plan:{index_generation()}:{get_language()}:{hashlib.sha256(answered.encode()).hexdigest()}"
